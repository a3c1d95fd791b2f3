package rehearse

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/internal/testsupport"
)

// TestExistingVLANsAreReused rehearses classic designs that name no VLANs
// in an account that has VLANs in every zone already (an earlier cluster):
// IBM then requires the cluster create and each zone add to name them
// (kubernetes-service-cli.md, --private-vlan), and the public VLAN must be
// on the private VLAN's router pod. Every pool zone must sit on the
// account's pair on pod 02a (not on the lone private VLAN on pod 03a when
// the workers need a public VLAN too), no VLAN may be created, and a rerun
// makes no mutating call. Before the runbook listed `ks vlan ls` it passed
// no VLAN flags and the double refused the cluster create.
func TestExistingVLANsAreReused(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("the runbooks need jq")
	}
	if testing.Short() {
		t.Skip("rehearsal skipped in -short mode")
	}
	for _, name := range []string{"tokyo-classic-production", "classic-private-vlans-gateway", "classic-bare-metal-pool"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := testsupport.DesignsByName(t)[name]
			dir := t.TempDir()
			s, out := rehearseIn(t, dir, d, Options{Faults: "none", SkipNeverReady: true, ExistingVLANs: true})
			if !s.FreshOK || s.RerunMutating != 0 || s.RerunExit != 0 || len(s.Problems) > 0 {
				t.Fatalf("%s\nproblems: %v\n%s", s.Line(name), s.Problems, tail(out, 40))
			}
			st, err := ibmcloud.LoadState(filepath.Join(dir, "worlds", "fresh", "state"))
			if err != nil {
				t.Fatal(err)
			}
			privateOnly := d.Spec.Network.Classic != nil && d.Spec.Network.Classic.PrivateOnlyWorkers
			if got, want := len(st.VLANs), 3*len(d.Spec.Zones); got != want {
				t.Errorf("the account has %d VLANs after the run, want the %d it had: the runbook let IBM create VLANs", got, want)
			}
			for _, cl := range st.Clusters {
				for _, p := range cl.Pools {
					for _, z := range p.Zones {
						i := zoneIndex(d.Spec.Zones, z.ID)
						wantPrivate, wantPublic := fmt.Sprintf("32%05d", i+1), fmt.Sprintf("33%05d", i+1)
						if privateOnly {
							// The first private VLAN listed; any is right.
							wantPrivate, wantPublic = fmt.Sprintf("31%05d", i+1), ""
						}
						if z.PrivateVLAN != wantPrivate || z.PublicVLAN != wantPublic {
							t.Errorf("pool %s zone %s on VLANs %q/%q, want the account's %q/%q", p.Name, z.ID, z.PrivateVLAN, z.PublicVLAN, wantPrivate, wantPublic)
						}
					}
				}
			}
		})
	}
}

func zoneIndex(zones []string, zone string) int {
	for i, z := range zones {
		if z == zone {
			return i
		}
	}
	return -1
}
