package wizard

import (
	"reflect"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

func TestNetworkStepWalkVPC(t *testing.T) {
	d := tokyoVPC()
	h := newHarness(t, d, StepNetwork).ExpectPage("network/endpoints")

	// Service endpoints: VPC offers no public-only. No fixed-at-create
	// badge: the impact table (model/change) has it in place, since IBM's
	// CLI enables and disables the public endpoint on VPC and classic.
	h.ExpectView("Service endpoints")
	if strings.Contains(h.View(), "Public only") {
		t.Fatal("public-only offered on VPC")
	}
	h.Down(1)
	expectLive(t, h, "kubectl only from inside the VPC", "created with --disable-public-service-endpoint; the private endpoint cannot be turned off later")
	h.Up(1).Enter().ExpectPage("network/vpc-egress")

	// Outbound traffic protection off, and a public gateway.
	expectLive(t, h, "Secure by Default")
	h.Key("left")
	expectLive(t, h, "protection off but no public gateway")
	h.Enter().Key("left")
	expectLive(t, h, "every pod can reach the internet through the public gateway")
	h.Enter().ExpectPage("network/cbr")

	// Context-based restrictions with allowed networks; a host address
	// with a prefix is refused.
	h.Key("y").ExpectPage("network/cbr-cidrs")
	h.Type("203.0.113.0/24, 10.0.0.1/8").Enter().ExpectPage("network/cbr-cidrs").ExpectView("not a network address")
	h.Clear().Type("203.0.113.0/24, 198.51.100.7")
	expectLive(t, h, "accepted from the VPC and 2 networks")
	h.Enter().ExpectPage("network/subnets")

	// Pod and service subnets: too small, then overlapping the default
	// service subnet (the page stays), then right.
	h.ExpectView("172.17.0.0/18", "172.21.0.0/16")
	h.Type("172.17.0.0/24").Enter().ExpectView("is a /24; IBM needs")
	h.Clear().Type("172.21.0.0/16").Enter().Enter().ExpectPage("network/subnets").ExpectView("overlap")
	h.Clear().Type("172.30.0.0/16").Enter().Type("172.21.0.0/16").Enter().ExpectPage("network/ingress")

	// Ingress: NGINX is marked retiring; Traefik it is. Private ALBs on.
	h.Down(1)
	expectLive(t, h, "retiring")
	h.Up(1)
	expectLive(t, h, "ingress classes public-iks-traefik / private-iks-traefik")
	h.Enter().ExpectPage("network/albs").Enter().Key("y").ExpectPage("network/policies")

	// Network policies; on VPC security groups replace Calico host policies.
	h.ExpectView("security groups").Enter().ExpectPage("network/cis")

	// CIS with a domain and two features.
	h.Key("y").ExpectPage("network/cis-details").ExpectView("shop-prod-cis").Enter()
	h.Type("Shop.Example.com").Enter().ExpectView("not a domain name")
	h.Clear().Type("shop.example.com").Enter()
	h.Space().Down(1).Space()
	expectLive(t, h, "✓ DDoS protection: absorbs", "✓ Web application firewall: blocks", "Global load balancer: health-checked")
	h.Enter().ExpectPage("security/kms-provider")

	n, fw := d.Spec.Network, d.Spec.Firewall
	if n.ServiceEndpoints != model.EndpointsPublicAndPrivate || n.VPC.BlocksOutbound() || !n.VPC.PublicGateway {
		t.Errorf("network: %+v %+v", n, n.VPC)
	}
	if cbr := n.VPC.ContextBasedRestrictions; !cbr.Enabled || !reflect.DeepEqual(cbr.AllowedCIDRs, []string{"203.0.113.0/24", "198.51.100.7"}) {
		t.Errorf("cbr: %+v", cbr)
	}
	if n.PodSubnet != "172.30.0.0/16" || n.ServiceSubnet != "172.21.0.0/16" {
		t.Errorf("subnets: %q %q", n.PodSubnet, n.ServiceSubnet)
	}
	if ing := n.Ingress; ing.Controller != model.IngressTraefik || !ing.PublicALB || !ing.PrivateALB {
		t.Errorf("ingress: %+v", ing)
	}
	if !fw.NetworkPolicies || !fw.CIS.Enabled || fw.CIS.Domain != "shop.example.com" || fw.CIS.InstanceName != "shop-prod-cis" ||
		!reflect.DeepEqual(fw.CIS.Features, []model.CISFeature{model.CISDDoS, model.CISWAF}) {
		t.Errorf("firewall: %+v", fw)
	}
}

func TestNetworkStepWalkClassic(t *testing.T) {
	d := tokyoClassic()
	h := newHarness(t, d, StepNetwork).ExpectPage("network/endpoints").ExpectView("Public only (classic, legacy)")
	h.Down(1)
	expectLive(t, h, "kubectl only over IBM's private network", "needs VRF and service endpoints on the account (routing: Not checked yet")
	h.Enter().ExpectPage("network/classic-workers").Key("left")
	expectLive(t, h, "private-only workers")
	h.Enter().ExpectPage("network/subnets").ExpectView("172.30.0.0/16")
	h.Enter().Enter().ExpectPage("network/ingress").Enter().Enter().Enter().ExpectPage("network/policies")
	h.Enter().ExpectPage("network/calico").ExpectView("Public network isolation", "Only CIS reaches public node ports")
	h.Space().Down(2).Space()
	expectLive(t, h, "✓ Public network isolation", "CIS is not enabled yet")
	h.Enter().ExpectPage("network/cis").Key("n").ExpectPage("network/gateway")
	h.Down(1)
	expectLive(t, h, "single-zone (IBM's 2019 guidance, slide 37): 3 zones need one appliance each")
	h.Enter().ExpectPage("security/kms-provider")

	n, fw := d.Spec.Network, d.Spec.Firewall
	if n.ServiceEndpoints != model.EndpointsPrivateOnly || !n.Classic.PrivateOnlyWorkers {
		t.Errorf("network: %+v %+v", n, n.Classic)
	}
	if !reflect.DeepEqual(fw.CalicoPolicies, []model.CalicoPolicySet{model.CalicoPublicIsolation, model.CalicoCISOnlyIngress}) ||
		fw.GatewayAppliance != model.GatewayVRA || fw.CIS.Enabled {
		t.Errorf("firewall: %+v", fw)
	}
}

func TestNetworkStepAccessible(t *testing.T) {
	d := tokyoVPC()
	script := strings.Join([]string{
		"2",                // endpoints: private only
		"",                 // outbound protection: keep yes
		"n",                // public gateway
		"y",                // CBR
		"203.0.113.0/24",   // allowed
		"",                 // pod subnet: IBM default
		"192.168.0.0/16",   // service subnet
		"1",                // ingress: Traefik
		"",                 // public ALBs: keep yes
		"",                 // private ALBs: keep no
		"",                 // network policies: keep yes
		"y",                // CIS
		"shop-prod-cis",    // instance
		"shop.example.com", // domain
		"1", "2", "0",      // features: DDoS, WAF, done
	}, "\n") + "\n"
	out := runAccessible(t, d, StepNetwork, script)
	n, fw := d.Spec.Network, d.Spec.Firewall
	if n.ServiceEndpoints != model.EndpointsPrivateOnly || !n.VPC.BlocksOutbound() || n.VPC.OutboundTrafficProtection != nil ||
		n.VPC.PublicGateway || !n.VPC.ContextBasedRestrictions.Enabled || n.ServiceSubnet != "192.168.0.0/16" || n.PodSubnet != "" {
		t.Fatalf("network %+v %+v\n%s", n, n.VPC, out)
	}
	if !fw.CIS.Enabled || fw.CIS.Domain != "shop.example.com" || !reflect.DeepEqual(fw.CIS.Features, []model.CISFeature{model.CISDDoS, model.CISWAF}) {
		t.Fatalf("firewall %+v\n%s", fw, out)
	}
	expectOut(t, out, "Service endpoints", "Private only — the master is reachable only from IBM's private network",
		"VPC: security groups, not Calico host policies", "DDoS protection — absorbs")
}
