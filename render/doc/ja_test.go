package doc

import (
	"testing"

	"github.com/iksplan/iksplan/internal/golden"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// renderJA renders DESIGN.md of a preset in Japanese the way `iksplan
// render` does: the design records spec.documentLanguage: ja and Render
// follows it (so the goldens also guard that wiring).
func renderJA(t *testing.T, name string) string {
	t.Helper()
	d := presetDesign(t, name)
	d.Spec.DocumentLanguage = model.LangJapanese
	c := view.New(d, catalog.Default(), name+".yaml")
	arts, err := Render(c)
	if err != nil {
		t.Fatalf("render %s in Japanese: %v", name, err)
	}
	return string(arts[0].Data)
}

// TestJapaneseGolden pins DESIGN.md in Japanese for every preset. After an
// intended change: go test ./render/doc -run TestJapaneseGolden -update.
func TestJapaneseGolden(t *testing.T) {
	for _, name := range presets.Names() {
		t.Run(name, func(t *testing.T) {
			golden.Assert(t, "DESIGN.md", []byte(renderJA(t, name)))
		})
	}
}
