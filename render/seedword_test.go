package render_test

import (
	"testing"

	"github.com/iksplan/iksplan/internal/deckword"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
)

// TestNoArtifactSaysSeed renders every artifact of every preset (DESIGN.md,
// runbook.sh, manifests, Terraform, values, design.yaml) in English and in
// Japanese and fails on any line that says "seed". The runbook's variants
// are TestRunbookNeverSaysSeed's (render/runbook).
func TestNoArtifactSaysSeed(t *testing.T) {
	for _, p := range presets.All() {
		for _, lang := range []model.DocumentLanguage{"", model.LangJapanese} {
			d, err := p.Design()
			if err != nil {
				t.Fatal(err)
			}
			d.Spec.DocumentLanguage = lang
			arts, err := render.All(render.Input{Design: d, SourceName: p.Name + ".yaml", Catalog: catalog.Default()})
			if err != nil {
				t.Fatalf("render %s: %v", p.Name, err)
			}
			for _, a := range arts {
				for _, l := range deckword.Lines(string(a.Data)) {
					t.Errorf("%s (%q) %s:%d says seed: %s", p.Name, lang, a.Path, l.N, l.Text)
				}
			}
		}
	}
}
