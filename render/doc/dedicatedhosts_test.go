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

// TestDedicatedHostsWordingFollowsTheDesign: IBM's host pool command in the
// isolation decision carries the design's flavor class and metro (a fixed
// bx2d/dal example contradicted a cx2 design in Frankfurt), and a VPC pool
// with isolation dedicated is called "Dedicated hosts", not classic's
// "Dedicated virtual".
func TestDedicatedHostsWordingFollowsTheDesign(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.WorkerPools[0].Flavor = "cx2.8x16"
	d.Spec.WorkerPools[0].Isolation = model.IsolationDedicated
	md, _ := render(t, d, "shop.yaml")
	if want := "`ibmcloud ks dedicated pool create --flavor-class cx2 --metro tok`"; !strings.Contains(md, want) {
		t.Errorf("DESIGN.md lacks the design's host pool command %s", want)
	}
	if strings.Contains(md, "Dedicated virtual") {
		t.Errorf("DESIGN.md calls a VPC pool on dedicated hosts \"Dedicated virtual\"")
	}
	if want := "`default`: Dedicated hosts"; !strings.Contains(md, want) {
		t.Errorf("DESIGN.md lacks %q", want)
	}
}
