package render_test

import (
	"fmt"
	"testing"

	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
)

// largestPreset is the preset with the most to render.
func largestPreset(b *testing.B) *model.Design {
	d, err := presets.Design("tokyo-classic-production")
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkRenderAll renders every artifact of the largest preset (target:
// under 5 ms).
func BenchmarkRenderAll(b *testing.B) {
	d := largestPreset(b)
	in := render.Input{Design: d, SourceName: "shop.yaml", Catalog: catalog.Default()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.All(in); err != nil {
			b.Fatal(err)
		}
	}
}

// scaled returns the largest preset with n application namespaces and n
// access groups, each group scoped to one namespace.
func scaled(b *testing.B, n int) *model.Design {
	return testsupport.ScaledDesign(b, n)
}

// BenchmarkRenderScale renders designs with 10, 100 and 1000 namespaces and
// access groups: time per render must grow linearly with n.
func BenchmarkRenderScale(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		d := scaled(b, n)
		in := render.Input{Design: d, SourceName: "scale.yaml", Catalog: catalog.Default()}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := render.All(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
