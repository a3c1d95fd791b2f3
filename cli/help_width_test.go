package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
)

// helpWidth is the terminal width the long help and examples are wrapped
// for: an 80-column terminal shows each line whole. Japanese characters
// take two columns each.
const helpWidth = 80

// TestHelpFitsEightyColumns: a long help line runs off an 80-column
// terminal and wraps mid-word, as render's once did ("...follow the apply).
// It refuses while any error-severity finding is not waived, and").
func TestHelpFitsEightyColumns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		tr := i18n.For(lang)
		for id := range helpTexts() {
			if strings.HasPrefix(id, "cli.flag") || strings.HasSuffix(id, ".short") {
				continue // cobra lays flags and the command list out itself
			}
			for n, line := range strings.Split(tr.T(id, nil), "\n") {
				if w := ansi.StringWidth(line); w > helpWidth {
					t.Errorf("%s %s line %d is %d columns wide (max %d): %q", lang, id, n+1, w, helpWidth, line)
				}
			}
		}
	}
}
