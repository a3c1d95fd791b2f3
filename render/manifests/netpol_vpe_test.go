package manifests

import (
	"net/netip"
	"strings"
	"testing"

	networkingv1 "k8s.io/api/networking/v1"
	"sigs.k8s.io/yaml"
)

// egressAllows reports whether the namespace's NetworkPolicies let its
// pods open TCP port to addr (ipBlock peers with except; the evaluation
// NetworkPolicy semantics give: any rule of any policy selecting all pods).
func egressAllows(t *testing.T, data []byte, ns, addr string, tcpPort int) bool {
	t.Helper()
	a := netip.MustParseAddr(addr)
	for _, doc := range strings.Split(string(data), "\n---\n") {
		var np networkingv1.NetworkPolicy
		if err := yaml.UnmarshalStrict([]byte(doc), &np); err != nil || np.Kind != "NetworkPolicy" || np.Namespace != ns {
			continue
		}
		for _, r := range np.Spec.Egress {
			portOK := len(r.Ports) == 0
			for _, p := range r.Ports {
				if p.Port == nil || p.Port.IntValue() == tcpPort {
					portOK = true
				}
			}
			if !portOK {
				continue
			}
			for _, peer := range r.To {
				if peer.IPBlock == nil || !netip.MustParsePrefix(peer.IPBlock.CIDR).Contains(a) {
					continue
				}
				excepted := false
				for _, e := range peer.IPBlock.Except {
					excepted = excepted || netip.MustParsePrefix(e).Contains(a)
				}
				if !excepted {
					return true
				}
			}
		}
	}
	return false
}

// TestVPCPodsReachObjectStorageVPE: on VPC, s3.direct resolves to VPE
// addresses in the VPC's subnets (10.x for IBM's default address
// prefixes), so the app namespaces' default-deny must let HTTPS out to
// them, but not to the cluster's own pods and services.
func TestVPCPodsReachObjectStorageVPE(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	if !d.Spec.Storage.ObjectStorage.Enabled {
		t.Fatal("the VPC preset uses no Object Storage")
	}
	c := designContext(t, d)
	data := renderMap(t, c)["manifests/20-network-policies.yaml"]
	ns := AppNamespace(c)
	if !egressAllows(t, data, ns, "10.244.0.7", 443) {
		t.Errorf("namespace %s cannot reach a VPE address in the VPC subnet 10.244.0.0/24 on 443", ns)
	}
	for _, inside := range []string{"172.17.0.9", "172.21.4.1"} {
		if egressAllows(t, data, ns, inside, 443) {
			t.Errorf("namespace %s may open 443 to %s, inside the cluster's pod or service subnet", ns, inside)
		}
	}
	classic := renderMap(t, designContext(t, presetDesign(t, "tokyo-classic-production")))["manifests/20-network-policies.yaml"]
	if strings.Contains(string(classic), "allow-vpc-private-endpoints") {
		t.Error("classic namespaces got the VPC endpoint policy")
	}
}
