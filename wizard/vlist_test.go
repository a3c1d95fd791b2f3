package wizard

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// TestVListScrollsFiltersAndKeepsTheCursorInView (issue 10 items 9, 12):
// only the rows in view are drawn, with "↑ N more" / "↓ N more"; the cursor
// stays visible after a resize; "/" filters.
func TestVListScrollsFiltersAndKeepsTheCursorInView(t *testing.T) {
	var opts []Opt[string]
	for i := range 1000 {
		opts = append(opts, Opt[string]{Value: fmt.Sprint(i), Label: fmt.Sprintf("team-%04d", i)})
	}
	got := "0"
	v := newVList("k", "Groups", "", opts, func() string { return got }, func(s string) { got = s })
	v.WithTheme(Theme())
	v.WithWidth(60).WithHeight(15)
	v.Focus()
	key := func(k tea.KeyMsg) { v.Update(k) }
	for range 30 {
		key(tea.KeyMsg{Type: tea.KeyDown})
	}
	view := ansi.Strip(v.View())
	if got != "30" || !strings.Contains(view, "> team-0030") || !strings.Contains(view, "↑ 21 more") || !strings.Contains(view, "↓ 969 more") {
		t.Fatalf("after 30 downs (value %s):\n%s", got, view)
	}
	if strings.Contains(view, "team-0500") || strings.Count(view, "team-") != 10 {
		t.Fatalf("rows out of view are drawn:\n%s", view)
	}
	// A smaller terminal: the cursor stays in view.
	v.WithHeight(8)
	if view = ansi.Strip(v.View()); !strings.Contains(view, "> team-0030") {
		t.Fatalf("cursor hidden after a resize:\n%s", view)
	}
	key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}})
	for _, r := range "0999" {
		key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if view = ansi.Strip(v.View()); got != "999" || !strings.Contains(view, "1 of 1000") {
		t.Fatalf("filter 0999 (value %s):\n%s", got, view)
	}
	if _, cmd := v.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil {
		t.Fatal("enter while filtering left the field")
	}
	if _, cmd := v.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd == nil {
		t.Fatal("enter did not choose")
	}
}

// TestIAMThousandGroups: the IAM list of 1,000 groups is a vlist and its
// live text names a few groups, not 1,000.
func TestIAMThousandGroups(t *testing.T) {
	h := newHarness(t, thousandGroups(t), StepIAM)
	for i := 0; i < 5 && h.Page() != "iam/groups"; i++ {
		h.Enter()
	}
	h.ExpectPage("iam/groups").ExpectView("options · / filters", "↓ ")
	if live := liveText(h); !strings.Contains(live, "more") || strings.Count(live, "team-") > liveGroups {
		t.Fatalf("live text: %s", live)
	}
}

// TestReviewEscapesFindings (issue 11 F2): a finding quoting a value with
// an escape sequence or U+202E reaches the screen escaped.
func TestReviewEscapesFindings(t *testing.T) {
	d := model.New("shop-prod")
	d.Metadata.Description = "x"
	h := newHarness(t, d, StepReview)
	h.app.ctx.svc.report = func() rules.Report {
		return rules.Report{Findings: []rules.Finding{{RuleID: "NET999", Severity: rules.Warning, Area: "network",
			Path: "spec.x", Message: "value \x1b]0;pwned\x07 \u202egnp.exe", Why: "w"}}}
	}
	h.run(h.app.flow.show(h.app.flow.cur))
	v := h.app.View()
	if strings.Contains(v, "\x1b]0;pwned") || strings.Contains(v, "\u202e") {
		t.Fatalf("raw escape in the review:\n%q", v)
	}
}

// TestEscClosesASubForm (issue 10 item 11): esc on a list item page goes
// back to the list page.
func TestEscClosesASubForm(t *testing.T) {
	h := newHarness(t, presetDesign(t, "tokyo-vpc-production"), StepHardware).ExpectPage("hardware/pools")
	h.Key("home").Enter() // edit the first pool
	if !strings.HasPrefix(h.Page(), "hardware/pools-") {
		t.Fatalf("enter on the pool list opened %s", h.Page())
	}
	h.Key("esc").ExpectPage("hardware/pools")
	h.Key("esc").ExpectPage("hardware/pools") // the list page itself is not a sub-form
}
