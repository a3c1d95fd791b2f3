package doc

import (
	"testing"

	"github.com/iksplan/iksplan/internal/deckword"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// TestDesignDocumentNeverSaysSeed renders DESIGN.md of every preset in
// English and in Japanese and fails on any line that says "seed".
func TestDesignDocumentNeverSaysSeed(t *testing.T) {
	for _, name := range presets.Names() {
		arts, err := Render(view.New(presetDesign(t, name), catalog.Default(), name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for lang, text := range map[string]string{"en": string(arts[0].Data), "ja": renderJA(t, name)} {
			for _, l := range deckword.Lines(text) {
				t.Errorf("%s (%s) DESIGN.md:%d says seed: %s", name, lang, l.N, l.Text)
			}
		}
	}
}
