package terraform

import (
	"fmt"
	"testing"

	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// benchContext is the render context of the largest preset with, for n >
// 0, n namespaces and n access groups each scoped to one of them (as
// render's BenchmarkRenderScale builds it).
func benchContext(b *testing.B, n int) *view.Context {
	d, err := presets.Design("tokyo-classic-production")
	if err != nil {
		b.Fatal(err)
	}
	if n > 0 {
		d = testsupport.ScaledDesign(b, n)
	}
	cat := catalog.Default()
	model.Resolve(d, cat)
	return view.New(d, cat, "bench.yaml")
}

// BenchmarkRender is what a render pays for the module: building it once
// (render.All shares it between DESIGN.md and Render through the
// context's memo) and printing its files.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{0, 1000} {
		c := benchContext(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m, err := build(c)
				if err != nil {
					b.Fatal(err)
				}
				m.artifacts()
			}
		})
	}
}
