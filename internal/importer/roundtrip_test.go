package importer_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/internal/importer"
	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/change"
	"github.com/iksplan/iksplan/rehearse"
	"github.com/iksplan/iksplan/render"
)

// recorder answers import's commands from the double's state and writes
// each answer where --from-dir looks for it.
type recorder struct {
	state, dir string
}

func (r recorder) JSON(args ...string) ([]byte, error) {
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if k == ibmcloud.EnvState {
			return r.state
		}
		return ""
	}
	if code := ibmcloud.Main("ibmcloud", args, strings.NewReader(""), &out, &errb, getenv, false); code != 0 {
		return nil, fmt.Errorf("double: ibmcloud %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.Bytes(), os.WriteFile(filepath.Join(r.dir, importer.FileName(args)), out.Bytes(), 0o600)
}

// built rehearses d (render, run the runbook on the double) and returns
// the double's state folder.
func built(t *testing.T, d *model.Design, cat *catalog.Catalog) string {
	t.Helper()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("the runbook needs jq")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	arts, err := render.All(render.Input{Design: d, SourceName: "design.yaml", Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	if err := render.Write(filepath.Join(dir, "artifacts"), arts, false); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	_, err = rehearse.Run(rehearse.Options{
		Name: d.Metadata.Name, Design: model.Resolve(d, cat), RunbookDir: filepath.Join(dir, "artifacts"),
		WorkDir: filepath.Join(dir, "worlds"), Binary: bin, Out: &out, Faults: "none", SkipNeverReady: true,
	})
	if err != nil && err != rehearse.ErrFailed {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return filepath.Join(dir, "worlds", "fresh", "state")
}

// TestRoundTrip: for every preset and rehearsal variant, render → rehearse on the double →
// record the double's JSON → import --from-dir that folder → the imported
// design equals the rehearsed one on every field outside the unknown list.
func TestRoundTrip(t *testing.T) {
	cat := catalog.Default()
	hit := map[string]bool{}
	for name, d := range testsupport.DesignsByName(t) {
		t.Run(name, func(t *testing.T) {
			state := built(t, d, cat)
			rec := t.TempDir()
			if _, err := importer.Import(recorder{state, rec}, d.Metadata.Name, cat); err != nil {
				t.Fatal(err)
			}
			r, err := importer.Import(importer.Dir(rec), d.Metadata.Name, cat)
			if err != nil {
				t.Fatalf("from-dir: %v", err)
			}
			// A cluster the runbook has just built is whole: every worker
			// ready, at the master's version, every zone at its pool size.
			for _, w := range r.Workers {
				t.Errorf("workers of a freshly built cluster: %s", w)
			}
			for _, c := range change.Diff(model.Resolve(d, cat), r.Design, cat) {
				if !r.Covers(c.Key) {
					t.Errorf("%s: %s after the round trip, and it is not in the unknown list", c.Path, what(c))
					continue
				}
				for _, u := range r.Unknown {
					if c.Key == u.Path || strings.HasPrefix(c.Key, u.Path+".") || strings.HasPrefix(c.Key, u.Path+"[") {
						hit[u.Path] = true
					}
				}
			}
		})
	}
	for _, u := range importer.Unknowns() {
		if !hit[u.Path] {
			t.Logf("unknown %s: no preset differs there after the round trip (its value matched by default)", u.Path)
		}
	}
}

func what(c change.Change) string {
	if c.Op != change.Changed {
		return string(c.Op)
	}
	return fmt.Sprintf("%q → %q", c.Old, c.New)
}
