package view_test

import (
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
	"github.com/iksplan/iksplan/render/view"
)

// TestFirstSizeCoversPresets checks that the buffer a template's first
// output starts with holds every preset's DESIGN.md and runbook.sh, in
// each document language, without growing: a CLI render executes each
// template once, and growing by doubling allocated over three times the
// text.
func TestFirstSizeCoversPresets(t *testing.T) {
	type seen struct {
		name           string
		estimate, size int
	}
	var got []seen
	defer view.SetFirstSizeSeen(func(name string, estimate, size int) {
		got = append(got, seen{name, estimate, size})
	})()
	for _, p := range presets.Names() {
		for _, lang := range []model.DocumentLanguage{"en", "ja"} {
			d, err := presets.Design(p)
			if err != nil {
				t.Fatal(err)
			}
			d.Spec.DocumentLanguage = lang
			got = got[:0]
			if _, err := render.All(render.Input{Design: d, SourceName: "d.yaml", Catalog: catalog.Default()}, render.KindDoc, render.KindRunbook); err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 {
				t.Fatalf("%s (%s): %d template outputs, want 2", p, lang, len(got))
			}
			for _, g := range got {
				if g.estimate < g.size {
					t.Errorf("%s (%s): %s: first size %d, output %d bytes", p, lang, g.name, g.estimate, g.size)
				}
			}
		}
	}
}
