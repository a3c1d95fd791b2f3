package rehearse

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

// rehearseDesign renders d into a temp dir and rehearses it with the
// stand-in kubectl.
func rehearseDesign(t *testing.T, d *model.Design, faults string, neverReady bool) (Summary, string) {
	t.Helper()
	return rehearseWith(t, d, Options{Faults: faults, SkipNeverReady: !neverReady})
}

// rehearseWith renders d and rehearses it with o (its Faults,
// FaultPrefix, SkipNeverReady; the rest is filled in).
func rehearseWith(t *testing.T, d *model.Design, o Options) (Summary, string) {
	t.Helper()
	return rehearseIn(t, t.TempDir(), d, o)
}

// rehearseIn is rehearseWith in dir: the worlds are in dir/worlds (the
// fresh run's account in dir/worlds/fresh/state).
func rehearseIn(t *testing.T, dir string, d *model.Design, o Options) (Summary, string) {
	t.Helper()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("the runbook needs jq")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.Default()
	arts, err := render.All(render.Input{Design: d, SourceName: "design.yaml", Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	if err := render.Write(filepath.Join(dir, "artifacts"), arts, false); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o.Name, o.Design, o.RunbookDir, o.WorkDir, o.Binary, o.Out = d.Metadata.Name, model.Resolve(d, cat),
		filepath.Join(dir, "artifacts"), filepath.Join(dir, "worlds"), bin, &out
	s, err := Run(o)
	if err != nil && err != ErrFailed {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return s, out.String()
}

// TestRehearsePresetsAndVariants rehearses every preset and variant
// (fresh, rerun, never-ready) and requires a clean result, except for the
// defects listed in openDefects.
func TestRehearsePresetsAndVariants(t *testing.T) {
	for name, d := range testsupport.DesignsByName(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s, out := rehearseDesign(t, d, "none", name == "dev-single-zone")
			open := append([]string(nil), openDefects[name]...)
			seen := make([]bool, len(open))
			var unexpected []string
			for _, p := range s.Problems {
				known := false
				for i, o := range open {
					if strings.Contains(p, o) {
						known, seen[i] = true, true
					}
				}
				if !known {
					unexpected = append(unexpected, p)
				}
			}
			sort.Strings(unexpected)
			for _, p := range unexpected {
				t.Errorf("rehearsal problem: %s", p)
			}
			for i, ok := range seen {
				if !ok {
					t.Errorf("fixed: %q no longer happens; remove it from openDefects[%q] in rehearse/open_defects_test.go so this test guards the fix", open[i], name)
				}
			}
			if !s.NeverNormalOK {
				t.Errorf("a never-ready cluster did not end in a bounded wait\n%s", out)
			}
			if t.Failed() {
				t.Logf("rehearsal output:\n%s", out)
			}
		})
	}
}

// TestFaultTrialConverges fails the cluster create of dev-single-zone
// once: the run must stop naming step and resume command, and a rerun
// must converge (scenario 3 for one call).
func TestFaultTrialConverges(t *testing.T) {
	d := testsupport.DesignsByName(t)["dev-single-zone"]
	s, out := rehearseDesign(t, d, "5", false)
	if s.Faults != 1 || s.FaultsOK != 1 {
		t.Fatalf("faults %d/%d converged, want 1/1\n%s", s.FaultsOK, s.Faults, out)
	}
	if !strings.Contains(out, "fault 5 ibmcloud ks cluster create vpc-gen2: stopped in step 3") {
		t.Fatalf("fault 5 did not stop in step 3 at the cluster create:\n%s", out)
	}
}

// TestIAMFaultsConverge fails each IAM call of dev-single-zone once (the
// group, its members, each policy): a rerun must add what the failed run
// left out. Before the fix the rerun found the group and skipped its
// members and policies (defect I: 11/15 faults converged).
func TestIAMFaultsConverge(t *testing.T) {
	s, out := rehearseWith(t, testsupport.DesignsByName(t)["dev-single-zone"], Options{Faults: "each", FaultPrefix: "iam ", SkipNeverReady: true})
	if s.Faults < 5 || s.FaultsOK != s.Faults {
		t.Fatalf("IAM faults %d/%d converged, want every one of at least 5 (group, members, 3 policies)\n%s", s.FaultsOK, s.Faults, out)
	}
}
