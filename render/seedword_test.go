package render_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
)

// deckWord finds "seed" (シード), the project's own name for IBM Japan's
// 2019 deck. Users have no such deck: what they read says "IBM's 2019
// guidance (slide N)" (issue 10, item 11).
var deckWord = regexp.MustCompile(`(?i)\bseed|シード`)

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
				for i, line := range strings.Split(string(a.Data), "\n") {
					if deckWord.MatchString(line) {
						t.Errorf("%s (%q) %s:%d says seed: %s", p.Name, lang, a.Path, i+1, line)
					}
				}
			}
		}
	}
}
