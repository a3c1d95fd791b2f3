package manifests

import (
	"fmt"
	"net/netip"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// classicRegionNets are the addresses of one classic region that IBM
// publishes in IBM-Cloud/kube-samples (see calico_regions.go).
type classicRegionNets struct {
	// MasterLabel names the region and data centers the master addresses cover.
	MasterLabel string
	// PublicMaster and PrivateMaster are the cluster masters' public and
	// private service endpoint addresses in the region.
	PublicMaster, PrivateMaster []string
	// SysMgmtPrivate are IBM's classic infrastructure management networks.
	SysMgmtPrivate []string
	// HealthCheck are the IKS control plane subnets that health-check
	// Ingress ALBs on TCP 80 (HealthCheckFile is where IBM lists them).
	HealthCheck     []string
	HealthCheckFile string
}

// The Calico files, in the order the runbook applies them.
const (
	calicoPublicPath  = "calico/10-public-network-isolation.yaml"
	calicoPrivatePath = "calico/20-private-network-isolation.yaml"
	calicoCISPath     = "calico/30-cis-only-ingress.yaml"
)

// IBM's classic defaults, used when the design keeps them.
const (
	defaultClassicPodSubnet     = "172.30.0.0/16"
	defaultClassicServiceSubnet = defaultServiceSubnet
)

// Selectors of IBM's host endpoints and of every pod (IBM's wording).
const (
	selWorkerPublic  = "ibm.role == 'worker_public'"
	selWorkerPrivate = "ibm.role == 'worker_private'"
	selAllPods       = "projectcalico.org/orchestrator == 'k8s'"
)

// kubeSamplesURL is where an operator reads the policy a document encodes.
func kubeSamplesURL(path string) string {
	return "https://github.com/IBM-Cloud/kube-samples/blob/" + kubeSamplesCommit[:12] + "/" + path
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
	nets, ok := regionNets[s.Region]
	if !ok {
		return nil, fmt.Errorf("calico policies: IBM publishes no classic isolation addresses for region %q (known: au-syd, eu-de, eu-gb, jp-osa, jp-tok, us-east, us-south)", s.Region)
	}
	podNet, svcNet, err := clusterSubnets(s)
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
// classic defaults when the design keeps them.
func clusterSubnets(s *model.Spec) (pod, svc netip.Prefix, err error) {
	podS, svcS := s.Network.PodSubnet, s.Network.ServiceSubnet
	if podS == "" {
		podS = defaultClassicPodSubnet
	}
	if svcS == "" {
		svcS = defaultClassicServiceSubnet
	}
	if pod, err = model.ParseCIDR(podS); err != nil {
		return pod, svc, fmt.Errorf("calico policies: pod subnet: %w", err)
	}
	if svc, err = model.ParseCIDR(svcS); err != nil {
		return pod, svc, fmt.Errorf("calico policies: service subnet: %w", err)
	}
	return pod, svc, nil
}
