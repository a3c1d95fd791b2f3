package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// network covers service endpoints, account routing or the VPC, API access
// restrictions, cluster subnets, Ingress, the firewall layers, CIS and the
// gateway appliance.
func (b *builder) network() NetworkSection {
	s := b.s
	sec := NetworkSection{}
	sec.Decisions = append(sec.Decisions, b.endpointDecision())
	if s.IsClassic() {
		sec.Decisions = append(sec.Decisions, b.routingDecision())
	} else {
		sec.Decisions = append(sec.Decisions, b.vpcDecision())
	}
	sec.Decisions = append(sec.Decisions, b.apiAccessDecision(), b.subnetDecision(), b.ingressDecision(), b.firewallDecision(), b.cisDecision())
	sec.Decisions = append(sec.Decisions, b.gatewayDecision())
	sec.Zones = b.zoneNetworkTable()
	sec.Rules, sec.RulesNote = b.firewallRules()
	return sec
}

func (b *builder) endpointDecision() Decision {
	s := b.s
	ep := s.Network.ServiceEndpoints
	d := Decision{
		Title:   "Service endpoints of the master",
		Choice:  md(label(b.translator, ep)) + ".",
		Seed:    "Slide 39: a private cluster keeps master ↔ worker traffic and kubectl access on IBM's private network.",
		Runbook: b.runbook(view.StepCluster, view.StepNetwork),
		Docs:    b.docs(urlCLI),
	}
	if s.IsClassic() {
		d.IBM = "On classic the private service endpoint needs an account with VRF and service endpoints enabled; once enabled it cannot be disabled, while the public endpoint can be disabled later. " +
			"A private-only master is reached over a VPN or Direct Link with " + lit("ibmcloud ks cluster config --endpoint private") + "."
		if ep.HasPrivate() {
			d.Fixed = true
			d.FixedNote = "the private service endpoint cannot be turned off once the cluster has it; the public endpoint can be disabled later"
		}
	} else {
		d.IBM = "A VPC cluster always has a private service endpoint, reached through a VPE gateway in the cluster's VPC; " +
			lit("--disable-public-service-endpoint") + " makes it private-only, and the public endpoint can also be disabled later. " +
			"Reach a private-only master over a VPN, Direct Link or Transit Gateway with " + lit("ibmcloud ks cluster config --endpoint vpe") + "."
	}
	switch ep {
	case model.EndpointsPublicAndPrivate:
		d.Alternatives = []Alternative{{"Private only", "the strongest choice, but every engineer and pipeline then needs a VPN or Direct Link to run kubectl"}}
		if s.IsClassic() {
			d.Alternatives = append(d.Alternatives, Alternative{"Public only", "master traffic crosses the internet; legacy, only for classic accounts without VRF, never for production"})
		}
		d.Consequences = []string{"Workers talk to the master privately; people and pipelines may use the public endpoint, so limit who can reach it (see the API access decision)."}
	case model.EndpointsPrivateOnly:
		d.Alternatives = []Alternative{{"Public and private", "lets people use kubectl from anywhere (limited by context-based restrictions), without a VPN"}}
		d.Consequences = []string{"kubectl, the runbook's later steps and the CI/CD pipeline must run from a network that reaches IBM's private network (VPN, Direct Link or a machine in the VPC)."}
	case model.EndpointsPublicOnly:
		d.Alternatives = []Alternative{{"Public and private", "keeps master ↔ worker traffic off the internet; needs VRF on classic"}}
		d.Consequences = []string{"**Legacy choice:** master ↔ worker traffic crosses the internet. The rule results carry this finding."}
	}
	return d
}

func (b *builder) routingDecision() Decision {
	s := b.s
	routing := model.RoutingUnknown
	if s.Network.Classic != nil {
		routing = s.Network.Classic.AccountRouting
	}
	d := Decision{
		Title:  "Account routing between VLANs (VRF or VLAN spanning)",
		Choice: md(label(b.translator, routing)) + ".",
		Seed: "Slide 12: a multizone cluster needs VRF (or VLAN spanning) so workers on different VLANs in different zones can talk; " +
			"check VRF with " + lit("ibmcloud account show") + ".",
		IBM: "VRF with service endpoints is IBM's recommended state and is required for the private service endpoint: " + lit("ibmcloud account show") +
			" reports " + lit("Service Endpoint Enabled: true") + "; enable it with " + lit("ibmcloud account update --service-endpoint-enable true") +
			" (which may ask you to open a support case first). Without VRF, VLAN spanning does the routing; check it with " + lit("ibmcloud ks vlan spanning get") +
			". Once VRF is on, the VLAN spanning option goes away.",
		Alternatives: []Alternative{{"VLAN spanning", "routes between VLANs but does not allow the private service endpoint; the older way"}},
		Runbook:      b.runbook(view.StepPreflight, view.StepInfrastructure),
		Docs:         b.docs(urlLocations),
	}
	switch routing {
	case model.RoutingVLANSpanning:
		d.Alternatives = []Alternative{{"VRF and service endpoints", "IBM's recommended state and needed for the private endpoint"}}
	case model.RoutingNone:
		if s.Multizone() {
			d.Consequences = append(d.Consequences, "**A multizone classic cluster cannot work without VRF or VLAN spanning**: workers in different zones cannot reach each other.")
		}
	case model.RoutingUnknown:
		d.Consequences = append(d.Consequences, "The runbook's preflight checks both and stops if neither is on.")
	}
	if s.Network.Classic != nil && s.Network.Classic.PrivateOnlyWorkers {
		d.Consequences = append(d.Consequences, "Workers get only a private VLAN ("+lit("--private-only")+"): they reach the internet only through a gateway appliance, and the master only through the private endpoint.")
	}
	d.Consequences = append(d.Consequences, "VLANs per zone are in the zone table above; a zone without VLAN IDs gets new VLANs from IBM, which is right for the first cluster in that zone.")
	return d
}

func (b *builder) vpcDecision() Decision {
	s := b.s
	v := s.Network.VPC
	if v == nil {
		v = &model.VPCNetwork{}
	}
	vpc := "a new VPC " + code(v.VPCName)
	if v.VPCID != "" {
		vpc = "the existing VPC " + code(v.VPCID)
	}
	d := Decision{
		Title:     "VPC, subnets and egress",
		Fixed:     true,
		FixedNote: "the cluster's VPC cannot change, and a VPC subnet cannot grow after it is created",
		Choice:    fmt.Sprintf("The cluster runs in %s with one subnet per zone (table above).", vpc),
		IBM: "Each zone needs a subnet in the VPC, big enough for every worker and load balancer it will ever hold, because a subnet cannot be resized. " +
			"From Kubernetes 1.30, Secure by Default blocks workers' public outbound traffic; private traffic to IBM services goes through VPE gateways. " +
			"Workers that must reach the internet need outbound traffic protection disabled and a public gateway on their subnets.",
		Runbook: b.runbook(view.StepInfrastructure, view.StepCluster),
		Docs:    b.docs(urlSecurityGroups),
	}
	if v.BlocksOutbound() {
		d.Choice += " Secure by Default outbound traffic protection stays **on**: workers cannot reach the public internet."
		d.Alternatives = append(d.Alternatives, Alternative{"Outbound protection off", "lets pods pull public images and call public APIs, at the price of an open egress path"})
		d.Consequences = append(d.Consequences, "Images come from IBM Cloud Container Registry over its private path; public registries and APIs are unreachable unless allowed explicitly.")
	} else {
		d.Choice += " Outbound traffic protection is **off** (" + lit("--disable-outbound-traffic-protection") + "): workers may reach the internet."
		d.Alternatives = append(d.Alternatives, Alternative{"Secure by Default (outbound blocked)", "IBM's default from 1.30 and the safer choice for production"})
		d.Consequences = append(d.Consequences, "Public egress is open; it can be closed later with "+lit("ibmcloud ks vpc outbound-traffic-protection enable")+".")
	}
	if v.PublicGateway {
		d.Choice += " New subnets get a public gateway."
	} else {
		d.Choice += " No public gateways."
		if !v.BlocksOutbound() {
			d.Consequences = append(d.Consequences, "**Outbound protection is off but the subnets have no public gateway**: workers still cannot reach the internet.")
		}
	}
	return d
}

func (b *builder) apiAccessDecision() Decision {
	s := b.s
	d := Decision{
		Title: "Who may reach the cluster's APIs",
		IBM: "Context-based restrictions (CBR) limit the " + lit("cluster") + " API type (kubectl and the API server) and the " + lit("management") +
			" API type (" + lit("ibmcloud ks") + ") to network zones you define. They replace the private service endpoint allowlist, which was deprecated in CLI 1.0.677 and hidden in 1.0.773. " +
			"If CBR rules also protect IAM, Key Protect or Object Storage, add the Kubernetes Service to their network zones, or cluster operations break.",
		Runbook: b.runbook(view.StepNetwork),
		Docs:    b.docs(urlCBR, urlCLIChangelog),
	}
	var cbr *model.CBR
	if s.Network.VPC != nil {
		cbr = &s.Network.VPC.ContextBasedRestrictions
	}
	switch {
	case cbr != nil && cbr.Enabled:
		cidrs := make([]string, len(cbr.AllowedCIDRs))
		for i, c := range cbr.AllowedCIDRs {
			cidrs[i] = code(c)
		}
		d.Choice = "Context-based restrictions on the cluster and management APIs: the cluster's own VPC"
		if len(cidrs) > 0 {
			d.Choice += " and " + strings.Join(cidrs, ", ")
		}
		d.Choice += " may call them."
		d.Alternatives = []Alternative{{"No restrictions", "anyone with valid IAM credentials can reach the public endpoint from anywhere"}}
		d.Consequences = []string{"Engineers, CI runners and monitoring that call the APIs from elsewhere are refused: add their CIDRs before they need access."}
	default:
		d.Choice = "No context-based restrictions: IAM alone decides who may call the APIs."
		d.Alternatives = []Alternative{{"Context-based restrictions", "limit the APIs to known networks (offices, VPN, CI runners) on top of IAM"}}
		if s.IsProduction() && s.Network.ServiceEndpoints.HasPublic() {
			d.Consequences = []string{"The public endpoint accepts calls from any network; consider CBR rules for production."}
		}
	}
	return d
}

func (b *builder) subnetDecision() Decision {
	s := b.s
	n := &b.c.Catalog.Networks
	svcDefault := n.ServiceSubnet
	pod := "IBM's default " + lit(n.ClassicPodSubnet)
	if s.IsVPC() {
		pod = "IBM's default " + lit(n.VPCPodSubnet) + " for the first cluster in a VPC (the next gets " + lit(n.VPCNextPodSubnet) + ", and so on)"
	}
	if s.Network.PodSubnet != "" {
		pod = code(s.Network.PodSubnet)
	}
	svc := "IBM's default " + lit(svcDefault)
	if s.Network.ServiceSubnet != "" {
		svc = code(s.Network.ServiceSubnet)
	}
	d := Decision{
		Title:     "Pod and service subnets",
		Fixed:     true,
		FixedNote: "both ranges are set when the cluster is created",
		Choice:    "Pods: " + pod + ". Services: " + svc + ".",
		IBM: "The pod subnet must be /23 or larger and the service subnet /24 or larger, inside " + orJoin(n.ClusterRanges) + ", " +
			"without overlapping each other or any network the cluster must reach (on-premises, VPN, other VPCs).",
		Alternatives: []Alternative{{"Custom ranges", "needed only when the defaults collide with networks the cluster must reach"}},
		Runbook:      b.runbook(view.StepCluster),
		Docs:         b.docs(urlCLI),
	}
	if s.IsClassic() && s.Network.PodSubnet != "" && s.Firewall.WantsCalico(model.CalicoPublicIsolation) {
		d.Consequences = append(d.Consequences, "IBM's "+lit("allow-ibm-ports-public")+" Calico policy names "+lit(n.ClassicPodSubnet)+"; it must be edited to the custom pod subnet.")
	}
	return d
}

func (b *builder) ingressDecision() Decision {
	s := b.s
	in := s.Network.Ingress
	d := Decision{
		Title:  "Ingress controller",
		Choice: md(label(b.translator, in.Controller)) + ".",
		Seed:   "Slide 11: traffic reaches the three zones through a load balancer; the seed puts CIS's global load balancer in front of the MZR.",
		IBM: "IKS is moving away from Ingress-NGINX because the upstream project is retired; Traefik is the controller IBM supports going forward, and both run side by side during the transition. " +
			"Public ALBs are enabled automatically; private ALBs are created disabled.",
		Alternatives: []Alternative{},
		Runbook:      b.runbook(view.StepNetwork),
		Docs:         b.docs(urlTraefik),
	}
	if in.Controller != model.IngressNone {
		var which []string
		if in.PublicALB {
			which = append(which, "public ALBs ("+lit(in.Controller.IngressClass(true))+")")
		}
		if in.PrivateALB {
			which = append(which, "private ALBs ("+lit(in.Controller.IngressClass(false))+")")
		}
		if len(which) == 0 {
			which = append(which, "no ALB enabled")
		}
		d.Choice = md(label(b.translator, in.Controller)) + ", with " + strings.Join(which, " and ") + "."
		if in.TLSSecretsManager != "" {
			d.Choice += " TLS certificates come from Secrets Manager " + code(in.TLSSecretsManager) + "."
		}
	}
	for _, c := range model.IngressController("").Choices() {
		if c.Value != in.Controller {
			d.Alternatives = append(d.Alternatives, Alternative{c.Label, c.Help})
		}
	}
	if in.Controller == model.IngressNGINX {
		d.Consequences = append(d.Consequences, "**Ingress-NGINX is retiring**: plan the move to Traefik (Middleware CRDs replace NGINX annotations).")
	}
	if s.Multizone() && in.Controller != model.IngressNone {
		d.Consequences = append(d.Consequences, "IBM runs ALB replicas in every zone; with at least two workers per zone they survive a worker update or a zone loss.")
	}
	return d
}

func (b *builder) firewallDecision() Decision {
	s := b.s
	f := s.Firewall
	d := Decision{
		Title: "Firewall inside and around the cluster",
		Seed: "Slide 36: workers sit in your IaaS account, Calico controls traffic inside the cluster, and Calico or a firewall protects it from the internet; " +
			"security groups could not be used with IKS then. Slide 37 compares Calico network policies, Cloud Internet Services and gateway appliances.",
		Runbook: b.runbook(view.StepNetwork, view.StepManifests),
		Docs:    b.docs(urlNetworkPolicies),
	}
	np := "no Kubernetes NetworkPolicies"
	if f.NetworkPolicies {
		np = "default-deny Kubernetes NetworkPolicies in every application namespace, allowing DNS and traffic inside the namespace"
	}
	if s.IsClassic() {
		var sets []string
		for _, p := range f.CalicoPolicies {
			sets = append(sets, md(label(b.translator, p)))
		}
		calico := "no extra Calico policies"
		if len(sets) > 0 {
			calico = "Calico policy sets: " + strings.Join(sets, ", ")
		}
		d.Choice = "IBM's default Calico host policies kept intact, plus " + calico + "; " + np + "."
		d.IBM = "Every classic worker has Calico host endpoints for its public and private interfaces, and public traffic is dropped unless a policy allows it. " +
			"IBM's default host policies must stay: they are recreated on every master refresh, so block traffic with lower-order policies instead. " +
			"IBM publishes public and private isolation sets (GitHub IBM-Cloud/kube-samples); pre-DNAT policies are the way to restrict NodePort and load-balancer traffic, because ordinary policies run after kube-proxy's DNAT."
		d.Alternatives = []Alternative{{"Only Kubernetes NetworkPolicies", "cover pod-to-pod traffic but not the workers' public interfaces"}}
		b.doc(urlPolicyTutorial)
		if len(f.CalicoPolicies) == 0 && s.IsProduction() {
			d.Consequences = append(d.Consequences, "**No Calico isolation on the public interfaces of a production cluster**; see the rule results.")
		}
	} else {
		d.Choice = "VPC security groups at the network edge (IBM's groups kept, this design's rules in the table below); " + np + "."
		d.IBM = "VPC clusters are protected by VPC security groups, not Calico host policies: IBM creates and manages " + lit("kube-<clusterID>") + " for workers, " +
			lit("kube-vpegw-<clusterID>") + " for the master's VPE gateway, " + lit("kube-vpegw-<vpcID>") + " shared in the VPC and " + lit("kube-lbaas-<clusterID>") +
			" for load balancers. From 1.30 your own groups are added next to IBM's; " + lit("ibmcloud ks security-group reset") + " restores IBM's rules. Custom network ACLs are not recommended."
		d.Alternatives = []Alternative{{"Network ACLs on the subnets", "IBM does not recommend custom ACLs for IKS: easy to cut the workers off from the master"}}
		d.Consequences = append(d.Consequences, "This differs from the seed's slide 36: security groups are now the primary firewall on VPC.")
	}
	if !f.NetworkPolicies {
		d.Consequences = append(d.Consequences, "Without NetworkPolicies every pod can reach every other pod; a compromised pod can move laterally.")
	}
	return d
}

func (b *builder) cisDecision() Decision {
	s := b.s
	cis := s.Firewall.CIS
	d := Decision{
		Title: "Cloud Internet Services (CIS)",
		Seed: "Slide 38: CIS runs on Cloudflare's data centers and brings DDoS protection (layers 3, 4 and 7), a web application firewall, TLS, fast DNS, " +
			"a global load balancer that routes by health and location, CDN caching and page rules. Slide 11 puts its GLB in front of the multizone cluster.",
		IBM: "CIS is still IBM's edge service for DNS, global load balancing with health checks, WAF, DDoS protection and CDN in front of IKS Ingress and load balancers; " +
			"a CIS GLB across clusters in two regions is IBM's multi-region pattern.",
		Runbook: b.runbook(view.StepNetwork),
	}
	if !cis.Enabled {
		d.Choice = "No CIS: clients reach the cluster's Ingress or load balancers directly."
		d.Alternatives = []Alternative{{"CIS in front of the cluster", "adds DDoS and WAF protection, DNS and a health-checked global load balancer; another service to run and pay for"}}
		if s.IsProduction() && s.Network.Ingress.PublicALB {
			d.Consequences = []string{"Public traffic reaches the ALBs without an edge WAF or DDoS protection."}
		}
		return d
	}
	var on, off []string
	for _, c := range model.CISFeature("").Choices() {
		if cis.Has(c.Value) {
			on = append(on, c.Label+" — "+c.Help)
		} else {
			off = append(off, md(c.Label))
		}
	}
	d.Choice = "CIS instance " + code(cis.InstanceName)
	if cis.Domain != "" {
		d.Choice += " for " + code(cis.Domain)
	}
	d.Choice += "."
	if len(on) > 0 {
		d.Choice += " Features: " + strings.Join(on, "; ") + "."
	}
	if len(off) > 0 {
		d.Alternatives = append(d.Alternatives, Alternative{"Also " + strings.Join(off, ", "), "not needed by this design; each can be turned on later without touching the cluster"})
	}
	if s.IsClassic() {
		if s.Firewall.WantsCalico(model.CalicoCISOnlyIngress) {
			d.Consequences = append(d.Consequences, "A pre-DNAT Calico policy lets only CIS's address ranges reach the workers' public node ports and load balancers, so nobody can bypass the WAF.")
		} else {
			d.Consequences = append(d.Consequences, "**Without the CIS-only pre-DNAT policy**, clients can bypass CIS by calling the workers' public addresses directly.")
		}
	} else {
		d.Consequences = append(d.Consequences, "The public load balancer's security group should admit HTTPS only from CIS's address ranges, so nobody can bypass the WAF.")
	}
	if cis.Has(model.CISGLB) {
		d.Consequences = append(d.Consequences, "The GLB's health checks also serve as an external availability check of the public endpoint.")
	}
	return d
}

func (b *builder) gatewayDecision() Decision {
	s := b.s
	g := s.Firewall.GatewayAppliance
	if s.IsVPC() {
		return Decision{
			Title:  "Gateway appliance",
			Choice: "None: gateway appliances (slide 37) protect classic VLANs and do not apply to a VPC cluster.",
			Seed:   "Slide 37: Juniper vSRX, the Vyatta-based Virtual Router Appliance and the FortiGate Security Appliance act as single-zone firewalls and VPN gateways in front of classic VLANs.",
			IBM: "On VPC their jobs are done by VPC security groups and context-based restrictions (firewall), VPE gateways (private access to IBM services) " +
				"and a VPN, Direct Link or Transit Gateway connection (private access from your networks).",
			Consequences: []string{"There is no appliance to order, patch or make highly available in each zone."},
			Runbook:      b.runbook(view.StepNetwork),
		}
	}
	d := Decision{
		Title:  "Gateway appliance",
		Choice: md(label(b.translator, g)) + ".",
		Seed: "Slide 37: Juniper vSRX and the Vyatta-based Virtual Router Appliance protect public and private (10 Gbps only) VLANs as a single-tenant firewall in a single zone and act as a VPN gateway; " +
			"the FortiGate Security Appliance (1 Gbps virtual on one public VLAN, or 10 Gbps physical) adds intrusion prevention.",
		IBM: "The VRA is now based on Vyatta 5600 (Vyatta 5400 reached end of support on 2019-03-31). An appliance protects the VLANs of one zone, so a multizone cluster needs one per zone " +
			"or accepts a single point of failure; it must allow the master and IBM's ports to the workers. The old " + lit("--gateway-enabled") + " cluster option was removed from the CLI.",
		Runbook: b.runbook(view.StepInfrastructure, view.StepNetwork),
		Docs:    b.docs(urlFirewall),
	}
	for _, c := range model.GatewayAppliance("").Choices() {
		if c.Value != g {
			d.Alternatives = append(d.Alternatives, Alternative{c.Label, c.Help})
		}
	}
	if g == model.GatewayNone {
		d.Consequences = []string{"Calico host policies (and CIS when enabled) are the perimeter; there is no appliance to patch, license or make highly available."}
	} else {
		d.Consequences = []string{
			"The appliance is ordered and configured outside iksplan; the runbook does not create it. Check with IBM that it can still be ordered in " + b.zonesText() + ".",
			"New portable subnets are not configured on the appliance automatically; keep VRF or VLAN spanning on for routing.",
		}
		if s.Multizone() {
			d.Consequences = append(d.Consequences, fmt.Sprintf("One appliance per zone (%d in all) to avoid a single point of failure.", len(s.Zones)))
		}
	}
	return d
}

// zoneNetworkTable lists per zone the VLANs (classic) or subnet (VPC).
func (b *builder) zoneNetworkTable() Table {
	s := b.s
	if s.IsClassic() {
		t := newTable("Zone", "Private VLAN", "Public VLAN")
		for _, z := range s.Zones {
			v := s.Network.Classic.VLANsFor(z)
			priv, pub := "IBM creates", "IBM creates"
			if v.PrivateVLAN != "" {
				priv = code(v.PrivateVLAN)
			}
			if v.PublicVLAN != "" {
				pub = code(v.PublicVLAN)
			}
			if s.Network.Classic != nil && s.Network.Classic.PrivateOnlyWorkers {
				pub = "none (private-only workers)"
			}
			t.add(code(z), priv, pub)
		}
		return t
	}
	t := newTable("Zone", "Subnet", "Addresses", "Public gateway")
	for _, z := range s.Zones {
		sub := s.Network.VPC.SubnetFor(z)
		id, n := "new subnet", "256"
		if sub.SubnetID != "" {
			id, n = code(sub.SubnetID), "existing"
		} else if sub.IPv4AddressCount > 0 {
			n = fmt.Sprint(sub.IPv4AddressCount)
		}
		gw := "no"
		if s.Network.VPC != nil && s.Network.VPC.PublicGateway && sub.SubnetID == "" {
			gw = "yes"
		}
		t.add(code(z), id, n, gw)
	}
	return t
}

// firewallRules lists the Calico policies (classic) or security group
// rules (VPC) the design relies on.
func (b *builder) firewallRules() (Table, string) {
	s := b.s
	f := s.Firewall
	if s.IsClassic() {
		t := newTable("Policy", "Kind", "What it does", "Source")
		t.add(lit("allow-all-outbound")+", "+lit("allow-all-private-default")+", "+lit("allow-bigfix-port")+", "+lit("allow-icmp")+", "+
			lit("allow-node-port-dnat")+", "+lit("allow-sys-mgmt")+", "+lit("allow-vrrp"),
			"GlobalNetworkPolicy (IBM default)", "IBM's default host policies; kept intact, recreated on master refresh", "IBM")
		if f.WantsCalico(model.CalicoPublicIsolation) {
			t.add(lit("deny-all-outbound-public")+" (order 1850), "+lit("allow-ibm-ports-public")+", "+lit("allow-public-service-endpoint")+", "+
				lit("allow-konnectivity")+", "+lit("allow-egress-pods-public"),
				"GlobalNetworkPolicy", "public network isolation: deny public egress except what IBM's policies allow. That is not isolation from the Internet: "+
					lit("allow-egress-pods-public")+" lets every pod reach **any** public address on TCP 53, 443, 2049, 3260, 4443, 5353, 6443 and 10250 and UDP 53, 443, 2049, 3260, 5353 and 10250, "+
					"plus the region's masters on 20000–32767 and the master proxy on 2040–2041; add Kubernetes NetworkPolicies or a gateway to narrow it", "IBM kube-samples")
		}
		if f.WantsCalico(model.CalicoPrivateIsolation) {
			t.add("private-network-isolation set", "GlobalNetworkPolicy", "limits what workers may reach on IBM's private network", "IBM kube-samples")
		}
		if f.WantsCalico(model.CalicoCISOnlyIngress) {
			t.add("CIS-only ingress", "GlobalNetworkPolicy, pre-DNAT on "+lit("ibm.role == 'worker_public'"), "admits public NodePort and load-balancer traffic only from CIS's address ranges", "this design")
		}
		if f.NetworkPolicies {
			t.add("default deny, allow DNS, allow same namespace", "Kubernetes NetworkPolicy per application namespace", "pods accept traffic only from their own namespace", "this design")
		}
		note := "Calico policies are applied with " + lit("calicoctl apply -f") + " after " + lit("ibmcloud ks cluster config") + " and " + lit("export DATASTORE_TYPE=kubernetes") +
			"; IBM's default policies are never edited or deleted."
		return t, note
	}
	t := newTable("Security group", "Rule", "Why")
	t.add(lit("kube-<clusterID>"), "IBM-managed worker rules, unchanged", "workers ↔ master, worker ↔ worker, IBM services; never edit it")
	vpe, why := "IBM-managed, unchanged", "the master's VPE gateway: workers and the VPC reach the master privately"
	if v := s.Network.VPC; v != nil && v.ContextBasedRestrictions.Enabled && len(v.ContextBasedRestrictions.AllowedCIDRs) > 0 {
		cidrs := make([]string, len(v.ContextBasedRestrictions.AllowedCIDRs))
		for i, c := range v.ContextBasedRestrictions.AllowedCIDRs {
			cidrs[i] = code(c)
		}
		vpe = "IBM-managed, plus inbound TCP on the master's VPE port from " + strings.Join(cidrs, ", ")
		why = "kubectl over the private endpoint from the allowed networks arriving through VPN or Direct Link (the VPE port is in " + lit("ibmcloud ks cluster get") + ")"
	}
	t.add(lit("kube-vpegw-<clusterID>"), vpe, why)
	t.add(lit("kube-vpegw-<vpcID>"), "IBM-managed, unchanged", "VPE gateways shared by the VPC's clusters (registry, master)")
	lb := "inbound TCP 443 (and 80 when used) from any source"
	if f.CIS.Enabled {
		lb = "inbound TCP 443 only from CIS's address ranges"
	}
	if s.Network.Ingress.PublicALB && s.Network.Ingress.Controller != model.IngressNone {
		t.add(lit("kube-lbaas-<clusterID>"), lb, "the public Ingress load balancer")
	}
	egress := "Secure by Default: public outbound traffic blocked; IBM services reached through VPE gateways"
	if s.Network.VPC != nil && !s.Network.VPC.BlocksOutbound() {
		egress = "outbound traffic protection off: all outbound allowed"
	}
	t.add("outbound", egress, "the egress decision above")
	if f.NetworkPolicies {
		t.add("Kubernetes NetworkPolicy", "default deny, allow DNS, allow same namespace", "pod-to-pod isolation inside the cluster (Calico enforces it as the CNI)")
	}
	note := "IBM's security groups are restored with " + lit("ibmcloud ks security-group reset --cluster CLUSTER --security-group GROUP") +
		"; this design's own rules go into additional groups or onto the load balancer, never by editing " + lit("kube-<clusterID>") + "."
	return t, note
}

// orJoin writes items as "a, b or c".
func orJoin(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
