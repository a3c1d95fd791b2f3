package runbook

import (
	"strings"
	"testing"
)

// TestKMSAuthorizations: a design that encrypts its secrets with a root
// key grants Kubernetes Service Reader on the key service whether or not
// boot volumes are encrypted (IBM encryption-setup), and only boot-volume
// encryption adds the Cloud Block Storage (server-protect) grant.
func TestKMSAuthorizations(t *testing.T) {
	for name, d := range presetDesigns(t) {
		k := d.Spec.Security.KMS
		if !k.Enabled() {
			continue
		}
		for _, boot := range []bool{false, true} {
			d.Spec.Security.KMS.BootVolumeEncryption = boot && d.Spec.IsVPC()
			f := parseScript(t, name, renderDesign(t, d, name)["runbook.sh"])
			var kube, block int
			for _, c := range commands(f) {
				sh := c.shape()
				if !strings.Contains(sh, "ibmcloud iam authorization-policy-create ") {
					continue
				}
				switch {
				case strings.Contains(sh, "create containers-kubernetes <arg> Reader"):
					kube++
				case strings.Contains(sh, "create server-protect <arg> Reader"):
					block++
				}
			}
			wantBlock := 0
			if d.Spec.Security.KMS.BootVolumeEncryption {
				wantBlock = 1
			}
			if kube != 1 || block != wantBlock {
				t.Errorf("%s (boot volumes encrypted: %v): containers-kubernetes grants %d, server-protect grants %d; want 1 and %d",
					name, d.Spec.Security.KMS.BootVolumeEncryption, kube, block, wantBlock)
			}
		}
	}
}
