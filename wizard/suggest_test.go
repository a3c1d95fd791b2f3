package wizard

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/iksplan/iksplan/model"
)

// kmsDesign is tokyo-vpc-production with Key Protect and no key names yet.
func kmsDesign(t *testing.T) *model.Design {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.Security.KMS.Provider = model.KMSKeyProtect
	d.Spec.Security.KMS.InstanceName = ""
	d.Spec.Security.KMS.RootKeyName = ""
	return d
}

// toPage presses enter until the page shown is want.
func toPage(t *testing.T, h *harness, want string) *harness {
	t.Helper()
	for i := 0; i < 15 && h.Page() != want; i++ {
		h.Enter()
	}
	return h.ExpectPage(want)
}

// sgrBefore is the last SGR sequence before the last text in the raw view.
var sgrRe = regexp.MustCompile("\x1b\\[[0-9;]*m")

func sgrBefore(t *testing.T, view, text string) string {
	t.Helper()
	i := strings.LastIndex(view, text) // the input comes after its help
	if i < 0 {
		t.Fatalf("view lacks %q:\n%s", text, ansi.Strip(view))
	}
	all := sgrRe.FindAllString(view[:i], -1)
	if len(all) == 0 {
		return ""
	}
	return all[len(all)-1]
}

// TestSuggestionsAreNotExamples (issue 10 item 10): a suggestion the user
// can take (the KMS instance named after the cluster) says so, is drawn in
// another style than an example (the maintenance window), and → types it
// in; an example starts with "e.g.", → does nothing and enter leaves the
// field empty.
func TestSuggestionsAreNotExamples(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })

	h := toPage(t, newHarness(t, kmsDesign(t), StepSecurity), "security/kms")
	kms := suggestName(h.app.ctx, "kms")
	h.ExpectView(kms+"  (suggested: → takes it)", "→ take suggestion")
	if !strings.Contains(h.app.status, "A suggestion (→ takes it) is an answer you may accept") {
		t.Fatalf("the first suggestion is not explained: status %q", h.app.status)
	}
	sugg := sgrBefore(t, h.app.View(), kms[1:]+"  (suggested") // the first rune carries the cursor

	o := presetDesign(t, "tokyo-vpc-production")
	o.Spec.Operations.Upgrades.MaintenanceWindow = ""
	e := toPage(t, newHarness(t, o, StepOperations), "operations/upgrades")
	for i := 0; i < 6 && e.app.flow.focusedKey() != "spec.operations.upgrades.maintenanceWindow"; i++ {
		e.Tab()
	}
	e.ExpectView("e.g. Sun 02:00-05:00 JST")
	if v := e.View(); strings.Contains(v, "take suggestion") {
		t.Fatalf("an example offers → take suggestion:\n%s", v)
	}
	example := sgrBefore(t, e.app.View(), ".g. Sun 02:00-05:00 JST")
	if sugg == example {
		t.Fatalf("suggestion and example are drawn alike (%q)", sugg)
	}
	e.Key("right").Tab()
	if got := o.Spec.Operations.Upgrades.MaintenanceWindow; got != "" {
		t.Fatalf("an example became the answer: %q", got)
	}

	// → takes the suggestion; the next suggestion is not explained again.
	h.app.status = ""
	h.Key("right")
	if got := h.D.Spec.Security.KMS.InstanceName; got != kms {
		t.Fatalf("→ on the suggestion: instance %q, want %q", got, kms)
	}
	h.Tab().ExpectPage("security/kms")
	if h.app.flow.focusedKey() != "spec.security.kms.rootKeyName" || h.app.status != "" {
		t.Fatalf("on %q the status says %q", h.app.flow.focusedKey(), h.app.status)
	}
	// With text typed, → is the cursor key again: nothing is added.
	h.Type("own").Key("right")
	if got := h.D.Spec.Security.KMS.RootKeyName; got != "own" {
		t.Fatalf("→ after typing: root key %q, want own", got)
	}
}

// TestAccessibleTakesASuggestion: accessible mode prints the suggestion
// (huh's prompt shows no placeholder) and "+" answers with it.
func TestAccessibleTakesASuggestion(t *testing.T) {
	d := kmsDesign(t)
	out := runAccessible(t, d, StepSecurity, "\n+\nown-root\n")
	kms := "shop-vpc-prod-kms"
	if !strings.Contains(out, "Suggested: "+kms+" (answer + to take it)") {
		t.Fatalf("accessible mode does not say the suggestion:\n%s", out)
	}
	if k := d.Spec.Security.KMS; k.InstanceName != kms || k.RootKeyName != "own-root" {
		t.Fatalf("+ answered %q, then %q; want %q, own-root", k.InstanceName, k.RootKeyName, kms)
	}
}
