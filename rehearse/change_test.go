package rehearse

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
	changerb "github.com/iksplan/iksplan/render/change"
)

// changeScenarios are issue 14's changes, each an OLD and a NEW design in
// testdata/change/NAME (made from the dev-single-zone preset, the fastest
// design to rehearse; CI's rehearse phase runs one against the real
// control plane with `iksplan rehearse NEW --change-from OLD`), with the
// ibmcloud command paths the change run must make.
var changeScenarios = map[string][]string{
	// The dev preset's size is computed: three per zone in one zone (the
	// HA minimum), two per zone in two, so adding or removing the zone also
	// resizes the pool.
	"add-a-zone": {"ks worker-pool resize", "ks zone add vpc-gen2"},
	// A pool's flavor is fixed at create: NEW names the pool anew, the
	// change runbook creates it, drains the old one and removes it.
	"change-flavor": {"ks worker-pool create vpc-gen2", "ks worker-pool rm"},
	"1.35-to-1.36":  {"ks cluster master update", "ks worker replace"},
	// Classic workers are updated in place. Rehearsing this found the
	// change runbook's version check failing on classic's string
	// kubeVersion and ending the update loop as if all were current.
	"classic-1.35-to-1.36": {"ks cluster master update", "ks worker update"},
	"add-a-pool":           {"ks worker-pool create vpc-gen2"},
	"remove-a-zone":        {"ks worker-pool resize", "ks zone rm"},
}

func loadDesign(t *testing.T, path string) *model.Design {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := model.Load(b, path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// renderSet renders d into dir and returns the resolved design.
func renderSet(t *testing.T, d *model.Design, dir string) *model.Design {
	t.Helper()
	cat := catalog.Default()
	arts, err := render.All(render.Input{Design: d, SourceName: "design.yaml", Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	if err := render.Write(dir, arts, false); err != nil {
		t.Fatal(err)
	}
	return model.Resolve(d, cat)
}

// rehearseChange renders OLD and NEW and the change runbook from OLD to
// NEW (as `iksplan diff OLD NEW --runbook` writes it) and rehearses it.
func rehearseChange(t *testing.T, name string) (ChangeSummary, string) {
	t.Helper()
	old := loadDesign(t, filepath.Join("testdata", "change", name, "old.yaml"))
	nw := loadDesign(t, filepath.Join("testdata", "change", name, "new.yaml"))
	return rehearseChangeOf(t, name, old, nw, old)
}

// rehearseChangeOf rehearses the change runbook from old to nw on a
// cluster that built's runbook built (old itself, but for a cluster that
// differs from the design the runbook was made from).
func rehearseChangeOf(t *testing.T, name string, old, nw, built *model.Design) (ChangeSummary, string) {
	t.Helper()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("the runbooks need jq")
	}
	dir := t.TempDir()
	ro := renderSet(t, built, filepath.Join(dir, "old"))
	rn := renderSet(t, nw, filepath.Join(dir, "new"))
	script, err := changerb.Runbook(old, nw, catalog.Default())
	if err != nil {
		t.Fatalf("no change runbook: %v", err)
	}
	change := filepath.Join(dir, "change", "change-runbook.sh")
	if err := os.MkdirAll(filepath.Dir(change), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(change, script, 0o700); err != nil {
		t.Fatal(err)
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, err := RunChange(ChangeOptions{Name: name, Old: ro, New: rn, OldRunbookDir: filepath.Join(dir, "old"), NewRunbookDir: filepath.Join(dir, "new"),
		ChangeRunbook: change, WorkDir: filepath.Join(dir, "worlds"), Binary: bin, Out: &out})
	if err != nil && err != ErrFailed {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return s, out.String()
}

// TestChangeRunbooksRehearse is issue 14's "change runbooks rehearse from
// OLD to NEW": for each scenario OLD's runbook builds the cluster in the
// double, the change runbook takes it to NEW, the double's state must
// equal what NEW's runbook builds from nothing, and a second run of the
// change runbook must make no mutating call.
func TestChangeRunbooksRehearse(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "change", "*"))
	if len(dirs) != len(changeScenarios) {
		t.Fatalf("testdata/change has %d scenarios, changeScenarios %d", len(dirs), len(changeScenarios))
	}
	for name, paths := range changeScenarios {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s, out := rehearseChange(t, name)
			for _, p := range s.Problems {
				t.Errorf("%s", p)
			}
			made := strings.Join(s.Paths, "\n")
			for _, p := range paths {
				if !strings.Contains("\n"+made+"\n", "\n"+p+"\n") {
					t.Errorf("the change run made no `ibmcloud %s` call; it made:\n%s", p, made)
				}
			}
			if name == "remove-a-zone" && len(s.Left) != 2 {
				t.Errorf("left in place: %v, want the dropped zone's subnet and public gateway", s.Left)
			}
			if t.Failed() {
				t.Logf("%s", out)
			}
		})
	}
}

// TestChangeRefusedWithAutoscalerOn: the 1.35 → 1.36 change runbook run
// on a cluster where the cluster-autoscaler add-on is on (built from OLD
// with the autoscaler enabled): IBM says not to update to 1.36 then
// (cs_versions_136.md), the double refuses the master update, and the
// change runbook must stop there, before any worker is replaced.
func TestChangeRefusedWithAutoscalerOn(t *testing.T) {
	dir := filepath.Join("testdata", "change", "1.35-to-1.36")
	old, nw := loadDesign(t, filepath.Join(dir, "old.yaml")), loadDesign(t, filepath.Join(dir, "new.yaml"))
	auto := old.Clone()
	auto.Spec.Operations.Autoscaler = model.Autoscaler{Enabled: true, Pools: []model.AutoscaledPool{{Pool: "default", MinPerZone: 3, MaxPerZone: 5}}}
	s, out := rehearseChangeOf(t, "1.35-to-1.36-autoscaler-on", old, nw, auto)
	if len(s.Problems) != 1 || !strings.Contains(s.Problems[0], "while the 'cluster-autoscaler' add-on is installed") {
		t.Fatalf("want the change run stopped by the master update refusal, got %d problems:\n%s", len(s.Problems), out)
	}
	for _, p := range s.Paths {
		if p == "ks worker replace" || p == "ks cluster master update" {
			t.Errorf("the change run made a %s call that succeeded", p)
		}
	}
}
