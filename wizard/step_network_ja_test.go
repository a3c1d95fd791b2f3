package wizard

import (
	"testing"

	"github.com/iksplan/iksplan/model"
)

// japaneseNetworkDesigns cover the network step's branches: both
// infrastructures, each service endpoint choice, CBR with and without
// addresses, outbound protection on and off, each Ingress controller,
// Calico sets with a custom pod subnet and without CIS, a multizone
// gateway appliance.
func japaneseNetworkDesigns() map[string]*model.Design {
	off := false
	vpcOpen := tokyoVPC()
	n := &vpcOpen.Spec.Network
	n.ServiceEndpoints = model.EndpointsPublicAndPrivate
	n.VPC.ContextBasedRestrictions.Enabled = true
	n.VPC.ContextBasedRestrictions.AllowedCIDRs = []string{"203.0.113.0/24", "198.51.100.7"}
	n.VPC.PublicGateway = true
	n.Ingress = model.Ingress{Controller: model.IngressTraefik, PublicALB: true, PrivateALB: true}
	vpcOpen.Spec.Firewall.NetworkPolicies = true
	vpcOpen.Spec.Firewall.CIS.Enabled = true
	vpcOpen.Spec.Firewall.CIS.Domain = "shop.example.com"
	vpcOpen.Spec.Firewall.CIS.Features = []model.CISFeature{model.CISDDoS, model.CISWAF, model.CISGLB}

	vpcClosed := tokyoVPC()
	n = &vpcClosed.Spec.Network
	n.ServiceEndpoints = model.EndpointsPrivateOnly
	n.VPC.ContextBasedRestrictions.Enabled = true
	n.VPC.OutboundTrafficProtection = &off
	n.Ingress = model.Ingress{Controller: model.IngressNGINX, PrivateALB: true}

	classic := tokyoClassic()
	n = &classic.Spec.Network
	n.ServiceEndpoints = model.EndpointsPublicAndPrivate
	n.Classic.PrivateOnlyWorkers = true
	n.Classic.AccountRouting = model.RoutingUnknown
	n.PodSubnet = "172.40.0.0/16"
	classic.Spec.Firewall.CalicoPolicies = []model.CalicoPolicySet{model.CalicoPublicIsolation, model.CalicoPrivateIsolation, model.CalicoCISOnlyIngress}
	classic.Spec.Firewall.GatewayAppliance = model.GatewayVRA

	classicLegacy := tokyoClassic()
	n = &classicLegacy.Spec.Network
	n.ServiceEndpoints = model.EndpointsPublicOnly
	n.Classic.AccountRouting = model.RoutingVRF
	n.Ingress = model.Ingress{Controller: model.IngressNone}

	for _, d := range []*model.Design{vpcOpen, vpcClosed, classic, classicLegacy} {
		model.ApplyDefaults(d)
	}
	return map[string]*model.Design{"vpc-open": vpcOpen, "vpc-closed": vpcClosed, "classic": classic, "classic-legacy": classicLegacy}
}

// TestJapaneseNetworkPages: every page of the network step, in Japanese,
// on four designs at 120×40 and 80×24, shows no English sentence.
func TestJapaneseNetworkPages(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for name := range japaneseNetworkDesigns() {
			d := japaneseNetworkDesigns()[name]
			for page, english := range japaneseStepWalk(t, d, StepNetwork, size[0], size[1], nil) {
				t.Errorf("%dx%d %s, network/%s: English on the Japanese screen: %q", size[0], size[1], name, page, english)
			}
		}
	}
}
