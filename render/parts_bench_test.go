package render_test

import (
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/rules"
	"github.com/iksplan/iksplan/render/doc"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/runbook"
	"github.com/iksplan/iksplan/render/view"
)

func BenchmarkParts(b *testing.B) {
	d := largestPreset(b)
	cat := catalog.Default()
	c := view.New(d, cat, "x.yaml")
	b.Run("clone", func(b *testing.B) {
		for b.Loop() {
			d.Clone()
		}
	})
	b.Run("evaluate", func(b *testing.B) {
		for b.Loop() {
			rules.Evaluate(d, cat, nil)
		}
	})
	b.Run("resolve", func(b *testing.B) {
		for b.Loop() {
			model.Resolve(d, cat)
		}
	})
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			view.New(d, cat, "x.yaml")
		}
	})
	b.Run("doc", func(b *testing.B) {
		for b.Loop() {
			doc.Render(c)
		}
	})
	b.Run("runbook", func(b *testing.B) {
		for b.Loop() {
			runbook.Render(c)
		}
	})
	b.Run("manifests", func(b *testing.B) {
		for b.Loop() {
			manifests.Render(c)
		}
	})
}

// BenchmarkPartsScale is BenchmarkParts at 1000 namespaces and access
// groups: which part of a large render costs what.
func BenchmarkPartsScale(b *testing.B) {
	d := scaled(b, 1000)
	cat := catalog.Default()
	model.Resolve(d, cat)
	c := view.New(d, cat, "x.yaml")
	// view.New runs before the renderers, which render.All runs at once:
	// it is on every render's critical path.
	b.Run("view", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			view.New(d, cat, "x.yaml")
		}
	})
	b.Run("design.yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := model.Marshal(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("doc", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			doc.Render(c)
		}
	})
	b.Run("runbook", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			runbook.Render(c)
		}
	})
	b.Run("manifests", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := manifests.Render(c); err != nil {
				b.Fatal(err)
			}
		}
	})
}
