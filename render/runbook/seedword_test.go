package runbook

import (
	"testing"

	"github.com/iksplan/iksplan/internal/deckword"
	"github.com/iksplan/iksplan/model"
)

// TestRunbookNeverSaysSeed renders the runbook of every preset and of
// every variant (designVariants reaches every branch) in English and in
// Japanese and fails on any line that says "seed".
func TestRunbookNeverSaysSeed(t *testing.T) {
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			for _, lang := range []model.DocumentLanguage{"", model.LangJapanese} {
				dd := v.design.Clone()
				dd.Spec.DocumentLanguage = lang
				for path, data := range renderDesign(t, dd, name) {
					for _, l := range deckword.Lines(string(data)) {
						t.Errorf("%s/%s (%q) %s:%d says seed: %s", name, v.name, lang, path, l.N, l.Text)
					}
				}
			}
		}
	}
}
