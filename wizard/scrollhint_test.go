package wizard

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
)

// TestScrollHintsOnACutList: a select of 20 options given 8 lines says how
// many options are hidden above and below, and the counts add up with the
// options shown as the cursor moves.
func TestScrollHintsOnACutList(t *testing.T) {
	h := newHarness(t, nil, StepBasics)
	c := h.app.ctx
	opts := make([]Opt[string], 20)
	for i := range opts {
		opts[i] = Opt[string]{Value: fmt.Sprint(i), Label: fmt.Sprintf("option %02d", i)}
	}
	v := "0"
	c.options = nil
	f := withScrollHints(c, themedOne(Pick(c, "test.pick", "Pick one", "", &v, opts)))[0]
	f.WithKeyMap(huh.NewDefaultKeyMap())
	f.WithWidth(60)
	f.WithHeight(8)
	f.Focus()
	hint := regexp.MustCompile(`(↑ (\d+) more)?( · )?(↓ (\d+) more)?\s*$`)
	check := func(wantAbove bool) {
		t.Helper()
		view := ansi.Strip(f.View())
		shown := strings.Count(view, "option ")
		m := hint.FindStringSubmatch(strings.TrimRight(view, " \n"))
		above, _ := strconv.Atoi(m[2])
		below, _ := strconv.Atoi(m[5])
		if m[0] == "" || above+below+shown != 20 || (above > 0) != wantAbove || below == 0 && !wantAbove {
			t.Fatalf("hint %q: %d above + %d shown + %d below != 20\n%s", m[0], above, shown, below, view)
		}
	}
	check(false)
	for range 12 {
		f.Update(keyMsg("down"))
	}
	check(true)
}

func themedOne(fl huh.Field) []huh.Field { return themed(Theme(), fl) }
