package runbook

import (
	"regexp"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// deckWord finds "seed" (シード), the project's own name for IBM Japan's
// 2019 deck. The reader of runbook.sh has no such deck: its comments say
// "IBM's 2019 guidance, slide N" (issue 10, item 11).
var deckWord = regexp.MustCompile(`(?i)\bseed|シード`)

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
					for i, line := range strings.Split(string(data), "\n") {
						if deckWord.MatchString(line) {
							t.Errorf("%s/%s (%q) %s:%d says seed: %s", name, v.name, lang, path, i+1, line)
						}
					}
				}
			}
		}
	}
}
