package i18n

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLinksNoGoI18n fails when the iksplan binary links go-i18n or
// golang.org/x/text again: their package inits (x/text's language tables,
// go-i18n's CLDR plural rules) were ~2% of `iksplan version`'s CPU by perf
// (issue 15), and the catalogue needs neither (Entry, cardinal). The
// tests may keep them as a reference (render_test.go).
func TestBinaryLinksNoGoI18n(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/iksplan/iksplan").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var bad []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/nicksnyder/go-i18n/") || strings.HasPrefix(p, "golang.org/x/text/") {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		t.Fatalf("the binary links %d go-i18n or x/text packages (`go list -deps .` shows who imports them):\n%s", len(bad), strings.Join(bad, "\n"))
	}
}
