package catalog

import (
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestHostPlanDefaultsToTwoHostsPerZone guards the default host count: a
// pool whose workers fit on one host still gets MinHostsPerZone hosts per
// zone when the design sets no hostsPerZone (IBM's tip: more than one host
// per zone; rule HW009 warns on one), while the design's own count wins.
// Shown to fail with the floor removed: PerZone 1, want 2.
func TestHostPlanDefaultsToTwoHostsPerZone(t *testing.T) {
	c := Default()
	s := &model.Spec{Infrastructure: model.InfraVPC, Region: "us-south"}
	p := &model.WorkerPool{Name: "default", Isolation: model.IsolationDedicated, Flavor: "bx2.8x32"}
	hp := c.HostPlanFor(s, p, 1)
	if !hp.Known || hp.Needed != 1 {
		t.Fatalf("host plan for 1 bx2.8x32 worker in us-south: known %v needed %d, want known and 1", hp.Known, hp.Needed)
	}
	if hp.PerZone != MinHostsPerZone {
		t.Errorf("default PerZone %d, want %d", hp.PerZone, MinHostsPerZone)
	}
	p.DedicatedHosts = &model.DedicatedHosts{HostsPerZone: 1}
	if hp := c.HostPlanFor(s, p, 1); hp.PerZone != 1 {
		t.Errorf("design's hostsPerZone 1 gave PerZone %d", hp.PerZone)
	}
}
