package manifests

import (
	"slices"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
)

// allowedOn80 lists the source nets of pre-DNAT allow rules on the
// workers' public interface that open TCP 80.
func allowedOn80(ps []calicoPolicy) []string {
	var out []string
	for _, p := range ps {
		if !p.Spec.PreDNAT || p.Spec.Selector != selWorkerPublic {
			continue
		}
		for _, r := range p.Spec.Ingress {
			if r.Action != actionAllow || r.Source == nil || r.Destination == nil || !slices.Contains(r.Destination.Ports, onePort(80)) {
				continue
			}
			out = append(out, r.Source.Nets...)
		}
	}
	return out
}

// TestCISOnlyKeepsALBHealthChecks: where the CIS-only set closes the
// public ALBs to everyone but CIS, TCP 80 stays open to IBM's control
// plane subnets of the region and to Akamai's GTM liveness test (IBM-Cloud/
// kube-samples control-plane-ips/README.md, classic), or the ALBs are
// marked unhealthy and dropped from the Ingress domain.
func TestCISOnlyKeepsALBHealthChecks(t *testing.T) {
	c := classicVariant(t, nil)
	open := allowedOn80(decodeCalico(t, renderMap(t, c))[calicoCISPath])
	cat := catalog.Default()
	nets, ok := cat.ClassicNetsFor(c.Spec.Region)
	if !ok || len(nets.HealthCheck) == 0 || len(cat.Networks.Akamai.Ranges) == 0 {
		t.Fatal("the catalog has no health-check or Akamai ranges")
	}
	for _, n := range append(slices.Clone(nets.HealthCheck), cat.Networks.Akamai.Ranges...) {
		if !slices.Contains(open, n) {
			t.Errorf("TCP 80 from %s is closed by the CIS-only policies", n)
		}
	}
}
