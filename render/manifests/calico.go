package manifests

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// classicRegionNets are the addresses one classic region's policies name:
// the region's own (IBM-Cloud/kube-samples, catalog networks.classic) and
// those IBM's policies name in every region (catalog networks).
type classicRegionNets struct {
	catalog.ClassicRegionNets
	// Commit is the kube-samples commit the addresses were read from.
	Commit string
	// Common are the catalog's network facts (defaults, etcd proxy,
	// API server local IPs, RFC 1918 nets, CIS ranges).
	Common *catalog.Networks
}

// The Calico files, in the order the runbook applies them.
const (
	calicoPublicPath  = "calico/10-public-network-isolation.yaml"
	calicoPrivatePath = "calico/20-private-network-isolation.yaml"
	calicoCISPath     = "calico/30-cis-only-ingress.yaml"
)

// Selectors of IBM's host endpoints and of every pod (IBM's wording).
const (
	selWorkerPublic  = "ibm.role == 'worker_public'"
	selWorkerPrivate = "ibm.role == 'worker_private'"
	selAllPods       = "projectcalico.org/orchestrator == 'k8s'"
)

// kubeSamplesURL is where an operator reads the policy a document encodes.
func (n classicRegionNets) kubeSamplesURL(path string) string {
	return "https://github.com/IBM-Cloud/kube-samples/blob/" + n.shortCommit() + "/" + path
}

// shortCommit is the kube-samples commit as the files cite it.
func (n classicRegionNets) shortCommit() string {
	if len(n.Commit) > 12 {
		return n.Commit[:12]
	}
	return n.Commit
}

// CalicoFiles lists the calico/ files the design renders, in the order to
// apply them with `calicoctl apply -f`. VPC clusters have none: they use
// VPC security groups.
func CalicoFiles(c *view.Context) []string {
	s := c.Spec
	if !s.IsClassic() {
		return nil
	}
	var out []string
	if s.Firewall.WantsCalico(model.CalicoPublicIsolation) {
		out = append(out, calicoPublicPath)
	}
	if s.Firewall.WantsCalico(model.CalicoPrivateIsolation) {
		out = append(out, calicoPrivatePath)
	}
	if wantsCISOnly(s) {
		out = append(out, calicoCISPath)
	}
	return out
}

// wantsCISOnly: the pre-DNAT policy makes sense only with CIS in front.
func wantsCISOnly(s *model.Spec) bool {
	return s.Firewall.WantsCalico(model.CalicoCISOnlyIngress) && s.Firewall.CIS.Enabled
}

// calicoFiles renders the files CalicoFiles lists.
func calicoFiles(c *view.Context) ([]file, error) {
	paths := CalicoFiles(c)
	if len(paths) == 0 {
		return nil, nil
	}
	s := c.Spec
	rn, ok := c.Catalog.ClassicNetsFor(s.Region)
	if !ok {
		return nil, fmt.Errorf("calico policies: the catalog has no classic isolation addresses for region %q (known: %s)",
			s.Region, strings.Join(c.Catalog.ClassicNetRegions(), ", "))
	}
	nets := classicRegionNets{ClassicRegionNets: rn, Commit: c.Catalog.Networks.Classic.Commit, Common: &c.Catalog.Networks}
	podNet, svcNet, err := clusterSubnets(s, nets.Common)
	if err != nil {
		return nil, err
	}
	var out []file
	for _, p := range paths {
		switch p {
		case calicoPublicPath:
			out = append(out, publicIsolationFile(s.Region, nets, podNet, svcNet))
		case calicoPrivatePath:
			out = append(out, privateIsolationFile(s, nets, podNet))
		case calicoCISPath:
			out = append(out, cisOnlyFile(s, nets))
		}
	}
	return out, nil
}

// clusterSubnets returns the pod subnet and the service subnet, IBM's
// classic defaults (catalog networks) when the design keeps them.
func clusterSubnets(s *model.Spec, n *catalog.Networks) (pod, svc netip.Prefix, err error) {
	podS, svcS := s.Network.PodSubnet, s.Network.ServiceSubnet
	if podS == "" {
		podS = n.ClassicPodSubnet
	}
	if svcS == "" {
		svcS = n.ServiceSubnet
	}
	if pod, err = model.ParseCIDR(podS); err != nil {
		return pod, svc, fmt.Errorf("calico policies: pod subnet: %w", err)
	}
	if svc, err = model.ParseCIDR(svcS); err != nil {
		return pod, svc, fmt.Errorf("calico policies: service subnet: %w", err)
	}
	return pod, svc, nil
}
