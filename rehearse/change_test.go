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

// changeScenario is one OLD → NEW change of issue 14's list, made from
// the dev-single-zone preset (the fastest design to rehearse).
type changeScenario struct {
	name     string
	old, new func(*model.Design)
	// paths are ibmcloud command paths the change run must have made.
	paths []string
}

func addZone(zone string) func(*model.Design) {
	return func(d *model.Design) {
		d.Spec.Zones = append(d.Spec.Zones, zone)
		d.Spec.Network.VPC.Subnets = append(d.Spec.Network.VPC.Subnets, model.ZoneSubnet{Zone: zone, IPv4AddressCount: 256})
	}
}

func addPool(name, flavor string, size int) func(*model.Design) {
	return func(d *model.Design) {
		p := d.Spec.WorkerPools[0]
		p.Name, p.Flavor, p.WorkersPerZone = name, flavor, size
		d.Spec.WorkerPools = append(d.Spec.WorkerPools, p)
	}
}

func both(fs ...func(*model.Design)) func(*model.Design) {
	return func(d *model.Design) {
		for _, f := range fs {
			f(d)
		}
	}
}

func noVolumes(d *model.Design) { d.Spec.Storage.Volumes = nil }

func version(v string) func(*model.Design) {
	return func(d *model.Design) { d.Spec.KubernetesVersion = v }
}

func changeScenarios() []changeScenario {
	return []changeScenario{
		{name: "add-a-zone", old: func(*model.Design) {}, new: addZone("jp-tok-2"), paths: []string{"ks zone add vpc-gen2"}},
		// A pool's flavor is fixed at create: NEW names the pool anew, the
		// change runbook creates it, drains the old one and removes it.
		{name: "change-flavor", old: addPool("batch", "bx2.4x16", 2), new: addPool("batch-8x32", "bx2.8x32", 2),
			paths: []string{"ks worker-pool create vpc-gen2", "ks worker-pool rm"}},
		{name: "1.35-to-1.36", old: version("1.35"), new: version("1.36"),
			paths: []string{"ks cluster master update", "ks worker replace"}},
		{name: "add-a-pool", old: func(*model.Design) {}, new: addPool("batch", "bx2.8x32", 2), paths: []string{"ks worker-pool create vpc-gen2"}},
		// The preset's block volume is zone-bound; without it, the zone
		// holds no data and can go.
		{name: "remove-a-zone", old: both(noVolumes, addZone("jp-tok-2")), new: noVolumes, paths: []string{"ks zone rm"}},
	}
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
func rehearseChange(t *testing.T, sc changeScenario) (ChangeSummary, string) {
	t.Helper()
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("the runbooks need jq")
	}
	base := designs(t)["dev-single-zone"]
	old, nw := base.Clone(), base.Clone()
	sc.old(old)
	sc.old(nw)
	sc.new(nw)
	if sc.name == "remove-a-zone" {
		nw.Spec.Zones = nw.Spec.Zones[:1]
		nw.Spec.Network.VPC.Subnets = nw.Spec.Network.VPC.Subnets[:1]
	}
	if sc.name == "change-flavor" {
		nw.Spec.WorkerPools = append(nw.Spec.WorkerPools[:1], nw.Spec.WorkerPools[2:]...)
	}
	dir := t.TempDir()
	ro := renderSet(t, old, filepath.Join(dir, "old"))
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
	s, err := RunChange(ChangeOptions{Name: sc.name, Old: ro, New: rn, OldRunbookDir: filepath.Join(dir, "old"), NewRunbookDir: filepath.Join(dir, "new"),
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
	for _, sc := range changeScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			s, out := rehearseChange(t, sc)
			for _, p := range s.Problems {
				t.Errorf("%s", p)
			}
			made := strings.Join(s.Paths, "\n")
			for _, p := range sc.paths {
				if !strings.Contains("\n"+made+"\n", "\n"+p+"\n") {
					t.Errorf("the change run made no `ibmcloud %s` call; it made:\n%s", p, made)
				}
			}
			if sc.name == "remove-a-zone" && len(s.Left) != 2 {
				t.Errorf("left in place: %v, want the dropped zone's subnet and public gateway", s.Left)
			}
			if t.Failed() {
				t.Logf("%s", out)
			}
		})
	}
}
