package change

import (
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// TestComputedSizeIsCompared: the dev preset leaves workersPerZone to
// iksplan (three in one zone, the HA minimum); with a second zone it is two
// per zone. The change runbook resizes to that, so diff must list it.
func TestComputedSizeIsCompared(t *testing.T) {
	old, err := presets.Design("dev-single-zone")
	if err != nil {
		t.Fatal(err)
	}
	if old.Spec.WorkerPools[0].WorkersPerZone != 0 {
		t.Fatal("the preset now sets workersPerZone; this test needs a computed one")
	}
	nw := old.Clone()
	nw.Spec.Zones = append(nw.Spec.Zones, "jp-tok-2")
	nw.Spec.Network.VPC.Subnets = append(nw.Spec.Network.VPC.Subnets, model.ZoneSubnet{Zone: "jp-tok-2"})
	for _, c := range Diff(old, nw, nil) {
		if c.Path == "spec.workerPools[default].workersPerZone" {
			if c.Old != "3" || c.New != "2" {
				t.Fatalf("workersPerZone %s → %s, want 3 → 2", c.Old, c.New)
			}
			return
		}
	}
	t.Fatalf("diff does not list the computed workersPerZone change: %v", Diff(old, nw, nil))
}
