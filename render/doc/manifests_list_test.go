package doc

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/manifests"
)

// TestManifestListNamesEveryFile: the "They contain:" list of DESIGN.md
// names every manifests/ file the design renders, each with a description
// (issue 9: 70-kube-audit.yaml was missing).
func TestManifestListNamesEveryFile(t *testing.T) {
	for _, name := range presets.Names() {
		t.Run(name, func(t *testing.T) {
			doc, c := render(t, presetDesign(t, name), name+".yaml")
			files := manifests.ManifestFiles(c)
			if len(files) == 0 {
				t.Fatal("no manifest files rendered")
			}
			for _, f := range files {
				item := "- `" + f + "`: "
				i := strings.Index(doc, item)
				if i < 0 {
					t.Errorf("DESIGN.md does not list %s", f)
					continue
				}
				if strings.HasPrefix(doc[i+len(item):], "see the file's header comment") {
					t.Errorf("%s has no description", f)
				}
			}
		})
	}
}
