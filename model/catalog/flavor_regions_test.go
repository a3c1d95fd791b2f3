package catalog

import (
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestVPCFlavorRegionsFollowIBMsPage: where IBM's vpc-flavors page
// (ibm-cloud-docs/containers vpc-flavors.md, lastupdated 2026-02-20) lists
// a VPC flavor, the catalog offers it, and nowhere else: the Gen 3
// profiles in every region (they were limited to jp-tok/au-syd), Montreal
// with Gen 3 only (its Gen 2 flavors were offered without a check), the
// H100 GPU profile everywhere but Osaka and Montreal.
func TestVPCFlavorRegionsFollowIBMsPage(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		flavor, region string
		offered        bool
	}{
		{"bx3d.8x40", "eu-de", true},
		{"cx3d.16x40", "us-east", true},
		{"mx3d.32x320", "ca-mon", true},
		{"bx3d.176x880", "br-sao", true},
		{"bx2.8x32", "ca-mon", false},
		{"cx2.2x4", "ca-mon", false},
		{"mx2.96x768", "eu-gb", true},
		{"bx2.96x384", "us-south", true},
		{"cx2.128x256", "jp-osa", true},
		{"gx3d.160x1792.8h100", "us-south", true},
		{"gx3d.160x1792.8h100", "jp-osa", false},
		{"ox2.4x32", "br-sao", false},
	} {
		f, ok := c.Flavor(model.InfraVPC, tt.flavor)
		if !ok {
			t.Errorf("%s is not in the catalog", tt.flavor)
			continue
		}
		if got := f.OfferedIn(tt.region); got != tt.offered {
			t.Errorf("%s offered in %s = %v, want %v (IBM's vpc-flavors page)", tt.flavor, tt.region, got, tt.offered)
		}
	}
}
