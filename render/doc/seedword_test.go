package doc

import (
	"regexp"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// deckWord finds "seed" (シード), the project's own name for IBM Japan's
// 2019 deck. The reader of DESIGN.md has no such deck: the document says
// "IBM's 2019 guidance (slide N)" (issue 10, item 11).
var deckWord = regexp.MustCompile(`(?i)\bseed|シード`)

// TestDesignDocumentNeverSaysSeed renders DESIGN.md of every preset in
// English and in Japanese and fails on any line that says "seed".
func TestDesignDocumentNeverSaysSeed(t *testing.T) {
	for _, name := range presets.Names() {
		arts, err := Render(view.New(presetDesign(t, name), catalog.Default(), name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for lang, text := range map[string]string{"en": string(arts[0].Data), "ja": renderJA(t, name)} {
			for i, line := range strings.Split(text, "\n") {
				if deckWord.MatchString(line) {
					t.Errorf("%s (%s) DESIGN.md:%d says seed: %s", name, lang, i+1, line)
				}
			}
		}
	}
}
