package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

// TestEditRenderedCopyAndWriteIsOneTransaction (issue 10 items 2 and 3):
// edit out1/design.yaml (a rendered copy): the wizard says so and offers
// the source or adoption; adopting clears the computed sizes; dropping a
// zone then writing to out1 with "save the design" yes and "overwrite" no
// writes nothing; yes writes the design as the folder's design.yaml (no
// generated header, sizes computed) together with artifacts of 2 zones.
func TestEditRenderedCopyAndWriteIsOneTransaction(t *testing.T) {
	root := t.TempDir()
	src := presetDesign(t, "tokyo-vpc-production")
	srcPath := writeDesign(t, root, "shop.yaml", src)
	out1 := filepath.Join(root, "out1")
	arts, err := render.All(render.Input{Design: src, SourceName: "shop.yaml", Catalog: catalog.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if err := render.Write(out1, arts, false); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(out1, "design.yaml")
	before := snapshotDir(t, out1)
	if !strings.Contains(before["design.yaml"], "workersPerZone:") {
		t.Fatal("the rendered copy has no computed workersPerZone to freeze")
	}

	d, err := loadDesignFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, nil)
	opts.Write = nil // the real transaction
	opts.Design, opts.File = d, copyPath
	h := &harness{t: t, app: New(opts)}
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	h.ExpectView("is a rendered copy", "Edit its source "+srcPath, "Adopt this copy")
	h.Down(1).Enter()
	if h.app.screen != screenWizard {
		t.Fatalf("adopt did not start the wizard:\n%s", h.View())
	}
	for _, p := range h.app.Design().Spec.WorkerPools {
		if p.WorkersPerZone != 0 {
			t.Fatalf("adopted pool %s keeps the computed size %d", p.Name, p.WorkersPerZone)
		}
	}
	// Drop a zone, as the zones page does.
	s := h.app.Design().Spec
	h.app.ctx.D.Spec.Zones = s.Zones[:2]
	normalizeZoneNetwork(h.app.ctx)
	h.run(h.app.flow.start(StepReview))
	h.Analyze()
	if h.app.ctx.svc.review.report.HasErrors() {
		t.Fatalf("errors after dropping a zone: %+v", h.app.ctx.svc.review.report.Findings)
	}
	h.Enter().ExpectPage("review/output").ExpectView("Save the design to")
	if got := h.app.ctx.svc.review.dir; got != out1 {
		t.Fatalf("output folder %q, want the edited file's folder %q", got, out1)
	}
	h.Enter().Enter().ExpectPage("review/overwrite")
	h.Key("n").ExpectPage("review/output")
	if after := snapshotDir(t, out1); !sameFiles(before, after) {
		t.Fatal("declining the overwrite changed out1")
	}
	h.Enter().Enter().ExpectPage("review/overwrite").Key("y")
	if h.app.screen != screenFinal {
		t.Fatalf("not written:\n%s", h.View())
	}
	after := snapshotDir(t, out1)
	saved := after["design.yaml"]
	if strings.HasPrefix(saved, renderedMarker) || strings.Contains(saved, "workersPerZone:") {
		t.Fatalf("out1/design.yaml is not the adopted design:\n%s", saved[:min(len(saved), 400)])
	}
	if strings.Count(saved, "jp-tok-") == 0 || strings.Contains(saved, s.Zones[2]) && !strings.Contains(before["design.yaml"], s.Zones[2]) {
		t.Fatal("design zones")
	}
	if !strings.Contains(after["DESIGN.md"], "from design.yaml") {
		t.Fatal("DESIGN.md does not say it was generated from design.yaml")
	}
	dropped := s.Zones[2]
	if strings.Contains(after["runbook.sh"], dropped) || !strings.Contains(before["runbook.sh"], dropped) {
		t.Fatalf("runbook.sh still has the dropped zone %s", dropped)
	}
	if strings.Contains(saved, dropped) {
		t.Fatalf("design.yaml still has the dropped zone %s", dropped)
	}
}

func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
