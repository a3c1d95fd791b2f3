package manifests

import (
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// presetDesign loads a built-in preset as the user would write it.
func presetDesign(t testing.TB, name string) *model.Design {
	t.Helper()
	d, err := presets.Design(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// presetContext builds the render context of a built-in preset.
func presetContext(t testing.TB, name string) *view.Context {
	t.Helper()
	return view.New(presetDesign(t, name), catalog.Default(), name+".yaml")
}

// designContext builds the render context of d.
func designContext(t testing.TB, d *model.Design) *view.Context {
	t.Helper()
	return view.New(d, catalog.Default(), "design.yaml")
}

// renderMap renders c and indexes the artifacts by path.
func renderMap(t testing.TB, c *view.Context) map[string][]byte {
	t.Helper()
	arts, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, a := range arts {
		if _, dup := out[a.Path]; dup {
			t.Fatalf("duplicate artifact %s", a.Path)
		}
		out[a.Path] = a.Data
	}
	return out
}
