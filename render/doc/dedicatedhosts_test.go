package doc

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestDedicatedHostsDecision: a VPC pool on dedicated hosts is recorded
// with its host pool, host flavor and hosts per zone (the ones the runbook
// creates), and "VPC dedicated hosts" is no longer offered as an
// alternative the design does not take.
func TestDedicatedHostsDecision(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.WorkerPools[0].Isolation = model.IsolationDedicated
	d.Spec.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{HostsPerZone: 2}
	md, _ := render(t, d, "shop.yaml")
	want := "Pool `default` runs on the dedicated host pool `" + d.Metadata.Name + "-default-hosts`: 2 × `bx2.host.152x608` (152 vCPU / 608 GiB) in each zone, metro `tok`."
	if !strings.Contains(md, want) {
		t.Errorf("DESIGN.md lacks %q", want)
	}
	if strings.Contains(md, "*VPC dedicated hosts*") {
		t.Errorf("DESIGN.md still offers VPC dedicated hosts as an alternative to a design that uses them")
	}
}
