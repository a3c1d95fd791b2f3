package wizard

import (
	"testing"

	"github.com/iksplan/iksplan/model"
)

func TestBasicsStep(t *testing.T) {
	d := model.New("")
	h := newHarness(t, d, StepBasics).ExpectPage("basics/cluster")
	// A bad name is refused by the validator: the page does not move on.
	h.Type("9shop").Enter()
	h.Enter().Enter().Enter().ExpectPage("basics/cluster")
	h.ShiftTab().ShiftTab().ShiftTab().Clear().Type("shop-prod").Enter()
	h.Down(1).Enter()              // staging
	h.Up(1).Enter()                // classic
	h.Clear().Type("shop").Enter() // resource group
	h.ExpectPage("basics/about")
	h.Type("shop front end").Enter().Type("platform team").Enter()
	h.ExpectPage("zones/region")

	s := d.Spec
	if d.Metadata.Name != "shop-prod" || s.Environment != model.EnvStaging || s.Infrastructure != model.InfraClassic ||
		s.ResourceGroup != "shop" || d.Metadata.Description != "shop front end" || d.Metadata.Owner != "platform team" {
		t.Fatalf("design: %+v %+v", d.Metadata, s)
	}
	if s.Network.Classic == nil {
		t.Fatal("classic network section not defaulted after choosing classic")
	}
}

// TestBasicsRenamesDerivedNames: a blank design's defaults derive instance
// names from the (still empty) cluster name; naming the cluster fixes them,
// and renaming it later follows, while names the user chose stay.
func TestBasicsRenamesDerivedNames(t *testing.T) {
	d := model.New("")
	d.Spec.Storage.ObjectStorage.InstanceName = "shared-cos"
	h := newHarness(t, d, StepBasics)
	h.Type("shop-prod").Enter().Enter().Enter().Enter()
	if got := d.Spec.Network.VPC.VPCName; got != "shop-prod-vpc" {
		t.Fatalf("vpc name %q", got)
	}
	if got := d.Spec.Logging.CloudLogs.InstanceName; got != "shop-prod-logs" {
		t.Fatalf("logs instance %q", got)
	}
	h.ShiftTab().ExpectPage("basics/cluster").Clear().Type("shop-stage").Enter().Enter().Enter().Enter()
	if got := d.Spec.Monitoring.InstanceName; got != "shop-stage-monitoring" {
		t.Fatalf("monitoring instance %q", got)
	}
	if got := d.Spec.Storage.ObjectStorage.InstanceName; got != "shared-cos" {
		t.Fatalf("a chosen name changed: %q", got)
	}
}
