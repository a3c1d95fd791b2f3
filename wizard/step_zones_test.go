package wizard

import (
	"slices"
	"testing"

	"github.com/iksplan/iksplan/model"
)

func classicDesign() *model.Design {
	d := model.New("shop-prod")
	d.Spec.Infrastructure = model.InfraClassic
	d.Spec.Network.VPC = nil
	model.ApplyDefaults(d)
	return d
}

func TestZonesClassicMultizone(t *testing.T) {
	d := classicDesign()
	h := newHarness(t, d, StepZones).ExpectPage("zones/region")
	// Regions with a multizone metro come first: au-syd, jp-osa, jp-tok, …
	h.Down(2).Enter().ExpectPage("zones/layout")
	h.ExpectView("Multizone (recommended)").Enter().ExpectPage("zones/zones")
	// All three metro zones are preselected; drop tok05, then try to drop a
	// second one: the validator keeps at least two.
	h.Down(2).Space().Enter().ExpectPage("zones/routing")
	if got := d.Spec.Zones; !slices.Equal(got, []string{"tok02", "tok04"}) {
		t.Fatalf("zones = %v", got)
	}
	h.Up(3).Enter().ExpectPage("zones/vlans") // VRF (the first option)
	if d.Spec.Network.Classic.AccountRouting != model.RoutingVRF {
		t.Fatalf("routing = %s", d.Spec.Network.Classic.AccountRouting)
	}
	h.Key("n").ExpectPage("zones/vlan-ids")           // y and n answer and move on
	h.Type("1234567").Enter().Type("7654321").Enter() // tok02 private, public
	h.Type("2345678").Enter().Enter()                 // tok04 private only
	h.ExpectPage("version/version")
	want := []model.ZoneVLANs{{Zone: "tok02", PrivateVLAN: "1234567", PublicVLAN: "7654321"}, {Zone: "tok04", PrivateVLAN: "2345678"}}
	if got := d.Spec.Network.Classic.VLANs; !slices.Equal(got, want) {
		t.Fatalf("vlans = %+v", got)
	}
	if d.Spec.Region != "jp-tok" || d.Spec.CICD.Registry.Region != "jp" {
		t.Fatalf("region = %s, registry %s (the default follows the region)", d.Spec.Region, d.Spec.CICD.Registry.Region)
	}
}

func TestZonesMultizoneNeedsTwo(t *testing.T) {
	d := classicDesign()
	d.Spec.Region = "jp-tok"
	h := newHarness(t, d, StepZones).Enter().Enter().ExpectPage("zones/zones")
	h.Space().Down(1).Space().Enter() // only tok05 left
	h.ExpectPage("zones/zones").ExpectView("at least two zones")
}

func TestZonesVPCSingleZoneExistingVPC(t *testing.T) {
	d := model.New("shop-dev")
	d.Spec.Environment = model.EnvDevelopment
	h := newHarness(t, d, StepZones)
	for d.Spec.Region != "us-south" {
		h.Down(1)
	}
	h.Enter().ExpectPage("zones/layout").ExpectView("Single zone")
	// Development defaults to a single zone.
	h.Enter().ExpectPage("zones/zones").Down(1).Enter()
	if got := d.Spec.Zones; !slices.Equal(got, []string{"us-south-2"}) {
		t.Fatalf("zones = %v", got)
	}
	h.ExpectPage("zones/vpc").Key("n").ExpectPage("zones/vpc-existing")
	h.Type("r006-vpc").Enter().Type("bad id!").Enter().ExpectPage("zones/vpc-existing")
	h.Clear().Type("0717-subnet-2").Enter().ExpectPage("version/version")
	v := d.Spec.Network.VPC
	if v.VPCID != "r006-vpc" || v.VPCName != "" || len(v.Subnets) != 1 || v.Subnets[0] != (model.ZoneSubnet{Zone: "us-south-2", SubnetID: "0717-subnet-2"}) {
		t.Fatalf("vpc = %+v", v)
	}
}

func TestZonesVPCNewVPC(t *testing.T) {
	d := model.New("shop-prod")
	d.Spec.Region = "jp-tok"
	h := newHarness(t, d, StepZones).Enter().Enter().Enter().ExpectPage("zones/vpc")
	h.Enter().ExpectPage("zones/vpc-new").Clear().Type("shop-net").Enter()
	h.Down(1).Enter().ExpectPage("version/version") // 1024 addresses
	v := d.Spec.Network.VPC
	if v.VPCName != "shop-net" || len(v.Subnets) != 3 || v.Subnets[2].IPv4AddressCount != 1024 || v.Subnets[2].Zone != "jp-tok-3" {
		t.Fatalf("vpc = %+v", v)
	}
}
