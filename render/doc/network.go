package doc

import (
	"fmt"
	"strconv"
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
		Title:   b.t("net.ep.title"),
		Choice:  md(label(b.translator, ep)) + b.t("end"),
		Seed:    b.t("net.ep.seed"),
		Runbook: b.runbook(view.StepCluster, view.StepNetwork),
		Docs:    b.docs(urlCLI),
	}
	if s.IsClassic() {
		d.IBM = b.t("net.ep.classicIBM", "Cmd", lit("ibmcloud ks cluster config --endpoint private"))
		if ep.HasPrivate() {
			d.Fixed = true
			d.FixedNote = b.t("net.ep.fixed")
		}
	} else {
		d.IBM = b.t("net.ep.vpcIBM", "Flag", lit("--disable-public-service-endpoint"), "Cmd", lit("ibmcloud ks cluster config --endpoint vpe"))
	}
	switch ep {
	case model.EndpointsPublicAndPrivate:
		d.Alternatives = []Alternative{{b.t("net.ep.altPrivate"), b.t("net.ep.altPrivateWhy")}}
		if s.IsClassic() {
			d.Alternatives = append(d.Alternatives, Alternative{b.t("net.ep.altPublic"), b.t("net.ep.altPublicWhy")})
		}
		d.Consequences = []string{b.t("net.ep.both")}
	case model.EndpointsPrivateOnly:
		d.Alternatives = []Alternative{{b.t("net.ep.altBoth"), b.t("net.ep.altBothWhyPrivate")}}
		d.Consequences = []string{b.t("net.ep.private")}
	case model.EndpointsPublicOnly:
		d.Alternatives = []Alternative{{b.t("net.ep.altBoth"), b.t("net.ep.altBothWhyPublic")}}
		d.Consequences = []string{b.t("net.ep.public")}
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
		Title:  b.t("net.rt.title"),
		Choice: md(label(b.translator, routing)) + b.t("end"),
		Seed:   b.t("net.rt.seed", "Cmd", lit("ibmcloud account show")),
		IBM: b.t("net.rt.ibm", "Show", lit("ibmcloud account show"), "Out", lit("Service Endpoint Enabled: true"),
			"Enable", lit("ibmcloud account update --service-endpoint-enable true"), "Spanning", lit("ibmcloud ks vlan spanning get")),
		Alternatives: []Alternative{{b.t("net.rt.altSpanning"), b.t("net.rt.altSpanningWhy")}},
		Runbook:      b.runbook(view.StepPreflight, view.StepInfrastructure),
		Docs:         b.docs(urlLocations),
	}
	switch routing {
	case model.RoutingVLANSpanning:
		d.Alternatives = []Alternative{{b.t("net.rt.altVRF"), b.t("net.rt.altVRFWhy")}}
	case model.RoutingNone:
		if s.Multizone() {
			d.Consequences = append(d.Consequences, b.t("net.rt.none"))
		}
	case model.RoutingUnknown:
		d.Consequences = append(d.Consequences, b.t("net.rt.unknown"))
	}
	if s.Network.Classic != nil && s.Network.Classic.PrivateOnlyWorkers {
		d.Consequences = append(d.Consequences, b.t("net.rt.privateOnly", "Flag", lit("--private-only")))
	}
	d.Consequences = append(d.Consequences, b.t("net.rt.vlans"))
	return d
}

func (b *builder) vpcDecision() Decision {
	s := b.s
	v := s.Network.VPC
	if v == nil {
		v = &model.VPCNetwork{}
	}
	vpc := b.t("net.vpc.new", "Name", code(v.VPCName))
	if v.VPCID != "" {
		vpc = b.t("net.vpc.existing", "ID", code(v.VPCID))
	}
	d := Decision{
		Title:     b.t("net.vpc.title"),
		Fixed:     true,
		FixedNote: b.t("net.vpc.fixed"),
		Choice:    b.t("net.vpc.choice", "VPC", vpc),
		IBM:       b.t("net.vpc.ibm"),
		Runbook:   b.runbook(view.StepInfrastructure, view.StepCluster),
		Docs:      b.docs(urlSecurityGroups),
	}
	if v.BlocksOutbound() {
		d.Choice += b.t("net.vpc.sbdOn")
		d.Alternatives = append(d.Alternatives, Alternative{b.t("net.vpc.altOff"), b.t("net.vpc.altOffWhy")})
		d.Consequences = append(d.Consequences, b.t("net.vpc.images"))
	} else {
		d.Choice += b.t("net.vpc.sbdOff", "Flag", lit("--disable-outbound-traffic-protection"))
		d.Alternatives = append(d.Alternatives, Alternative{b.t("net.vpc.altSBD"), b.t("net.vpc.altSBDWhy")})
		d.Consequences = append(d.Consequences, b.t("net.vpc.open", "Cmd", lit("ibmcloud ks vpc outbound-traffic-protection enable")))
	}
	if v.PublicGateway {
		d.Choice += b.t("net.vpc.pgw")
	} else {
		d.Choice += b.t("net.vpc.noPgw")
		if !v.BlocksOutbound() {
			d.Consequences = append(d.Consequences, b.t("net.vpc.offNoPgw"))
		}
	}
	return d
}

func (b *builder) apiAccessDecision() Decision {
	s := b.s
	d := Decision{
		Title:   b.t("net.api.title"),
		IBM:     b.t("net.api.ibm", "Cluster", lit("cluster"), "Management", lit("management"), "KS", lit("ibmcloud ks")),
		Runbook: b.runbook(view.StepNetwork),
		Docs:    b.docs(urlCBR, urlCLIChangelog),
	}
	cbr := s.CBR()
	switch {
	case cbr != nil && cbr.Enabled:
		cidrs := make([]string, len(cbr.AllowedCIDRs))
		for i, c := range cbr.AllowedCIDRs {
			cidrs[i] = code(c)
		}
		if s.IsClassic() {
			d.Choice = b.t("net.api.cbrClassic", "CIDRs", strings.Join(cidrs, ", "))
		} else {
			who := b.t("net.api.ownVPC")
			if len(cidrs) > 0 {
				who = b.t("net.api.ownVPCAnd", "CIDRs", strings.Join(cidrs, ", "))
			}
			d.Choice = b.t("net.api.cbr", "Who", who)
		}
		d.Alternatives = []Alternative{{b.t("net.api.altNone"), b.t("net.api.altNoneWhy")}}
		d.Consequences = []string{b.t("net.api.refused")}
	default:
		d.Choice = b.t("net.api.none")
		d.Alternatives = []Alternative{{b.t("net.api.altCBR"), b.t("net.api.altCBRWhy")}}
		if s.IsProduction() && s.Network.ServiceEndpoints.HasPublic() {
			d.Consequences = []string{b.t("net.api.publicProd")}
		}
	}
	return d
}

func (b *builder) subnetDecision() Decision {
	s := b.s
	n := &b.c.Catalog.Networks
	svcDefault := n.ServiceSubnet
	pod := b.t("net.sub.default", "CIDR", lit(n.ClassicPodSubnet))
	if s.IsVPC() {
		pod = b.t("net.sub.vpcDefault", "CIDR", lit(n.VPCPodSubnet), "Next", lit(n.VPCNextPodSubnet))
	}
	if s.Network.PodSubnet != "" {
		pod = code(s.Network.PodSubnet)
	}
	svc := b.t("net.sub.default", "CIDR", lit(svcDefault))
	if s.Network.ServiceSubnet != "" {
		svc = code(s.Network.ServiceSubnet)
	}
	d := Decision{
		Title:        b.t("net.sub.title"),
		Fixed:        true,
		FixedNote:    b.t("net.sub.fixed"),
		Choice:       b.t("net.sub.choice", "Pod", pod, "Svc", svc),
		IBM:          b.t("net.sub.ibm", "Ranges", b.orJoin(n.ClusterRanges)),
		Alternatives: []Alternative{{b.t("net.sub.altCustom"), b.t("net.sub.altCustomWhy")}},
		Runbook:      b.runbook(view.StepCluster),
		Docs:         b.docs(urlCLI),
	}
	if s.IsClassic() && s.Network.PodSubnet != "" && s.Firewall.WantsCalico(model.CalicoPublicIsolation) {
		d.Consequences = append(d.Consequences, b.t("net.sub.calico", "Policy", lit("allow-ibm-ports-public"), "CIDR", lit(n.ClassicPodSubnet)))
	}
	return d
}

func (b *builder) ingressDecision() Decision {
	s := b.s
	in := s.Network.Ingress
	d := Decision{
		Title:        b.t("net.ing.title"),
		Choice:       md(label(b.translator, in.Controller)) + b.t("end"),
		Seed:         b.t("net.ing.seed"),
		IBM:          b.t("net.ing.ibm"),
		Alternatives: []Alternative{},
		Runbook:      b.runbook(view.StepNetwork),
		Docs:         b.docs(urlTraefik),
	}
	if in.Controller != model.IngressNone {
		var which []string
		if in.PublicALB {
			which = append(which, b.t("net.ing.public", "Class", lit(in.Controller.IngressClass(true))))
		}
		if in.PrivateALB {
			which = append(which, b.t("net.ing.private", "Class", lit(in.Controller.IngressClass(false))))
		}
		if len(which) == 0 {
			which = append(which, b.t("net.ing.noALB"))
		}
		d.Choice = b.t("net.ing.choice", "Controller", md(label(b.translator, in.Controller)), "ALBs", strings.Join(which, b.t("net.and")))
		if in.TLSSecretsManager != "" {
			d.Choice += b.t("net.ing.tls", "SM", code(in.TLSSecretsManager))
		}
	}
	for _, c := range model.IngressController("").Choices() {
		if c.Value != in.Controller {
			d.Alternatives = append(d.Alternatives, Alternative{label(b.translator, c.Value), labelHelp(b.translator, c)})
		}
	}
	if in.Controller == model.IngressNGINX {
		d.Consequences = append(d.Consequences, b.t("net.ing.nginx"))
	}
	if s.Multizone() && in.Controller != model.IngressNone {
		d.Consequences = append(d.Consequences, b.t("net.ing.replicas"))
	}
	return d
}

func (b *builder) firewallDecision() Decision {
	s := b.s
	f := s.Firewall
	d := Decision{
		Title:   b.t("net.fw.title"),
		Seed:    b.t("net.fw.seed"),
		Runbook: b.runbook(view.StepNetwork, view.StepManifests),
		Docs:    b.docs(urlNetworkPolicies),
	}
	np := b.t("net.fw.noNP")
	if f.NetworkPolicies {
		np = b.t("net.fw.np")
	}
	if s.IsClassic() {
		var sets []string
		for _, p := range f.CalicoPolicies {
			sets = append(sets, md(label(b.translator, p)))
		}
		calico := b.t("net.fw.noCalico")
		if len(sets) > 0 {
			calico = b.t("net.fw.calicoSets", "Sets", strings.Join(sets, b.t("listSep")))
		}
		d.Choice = b.t("net.fw.classicChoice", "Calico", calico, "NP", np)
		d.IBM = b.t("net.fw.classicIBM")
		d.Alternatives = []Alternative{{b.t("net.fw.altNP"), b.t("net.fw.altNPWhy")}}
		b.doc(urlPolicyTutorial)
		if len(f.CalicoPolicies) == 0 && s.IsProduction() {
			d.Consequences = append(d.Consequences, b.t("net.fw.noCalicoProd"))
		}
	} else {
		d.Choice = b.t("net.fw.vpcChoice", "NP", np)
		d.IBM = b.t("net.fw.vpcIBM", "Workers", lit("kube-<clusterID>"), "VPE", lit("kube-vpegw-<clusterID>"), "VPC", lit("kube-vpegw-<vpcID>"),
			"LB", lit("kube-lbaas-<clusterID>"), "Reset", lit("ibmcloud ks security-group reset"))
		d.Alternatives = []Alternative{{b.t("net.fw.altACL"), b.t("net.fw.altACLWhy")}}
		d.Consequences = append(d.Consequences, b.t("net.fw.differs"))
	}
	if !f.NetworkPolicies {
		d.Consequences = append(d.Consequences, b.t("net.fw.lateral"))
	}
	return d
}

func (b *builder) cisDecision() Decision {
	s := b.s
	cis := s.Firewall.CIS
	d := Decision{
		Title:   b.t("net.cis.title"),
		Seed:    b.t("net.cis.seed"),
		IBM:     b.t("net.cis.ibm"),
		Runbook: b.runbook(view.StepNetwork),
	}
	if !cis.Enabled {
		d.Choice = b.t("net.cis.none")
		d.Alternatives = []Alternative{{b.t("net.cis.alt"), b.t("net.cis.altWhy")}}
		if s.IsProduction() && s.Network.Ingress.PublicALB {
			d.Consequences = []string{b.t("net.cis.unprotected")}
		}
		return d
	}
	var on, off []string
	for _, c := range model.CISFeature("").Choices() {
		if cis.Has(c.Value) {
			on = append(on, label(b.translator, c.Value)+" — "+labelHelp(b.translator, c))
		} else {
			off = append(off, md(label(b.translator, c.Value)))
		}
	}
	d.Choice = b.t("net.cis.instance", "Name", code(cis.InstanceName))
	if cis.Domain != "" {
		d.Choice += b.t("net.cis.domain", "Domain", code(cis.Domain))
	}
	d.Choice += b.t("end")
	if len(on) > 0 {
		d.Choice += b.t("net.cis.features", "List", strings.Join(on, b.t("hw.sep")))
	}
	if len(off) > 0 {
		d.Alternatives = append(d.Alternatives, Alternative{b.t("net.cis.also", "List", strings.Join(off, b.t("listSep"))), b.t("net.cis.alsoWhy")})
	}
	if s.IsClassic() {
		if s.Firewall.WantsCalico(model.CalicoCISOnlyIngress) {
			d.Consequences = append(d.Consequences, b.t("net.cis.preDNAT"))
		} else {
			d.Consequences = append(d.Consequences, b.t("net.cis.bypass"))
		}
	} else {
		d.Consequences = append(d.Consequences, b.t("net.cis.sg"))
	}
	if cis.Has(model.CISGLB) {
		d.Consequences = append(d.Consequences, b.t("net.cis.glb"))
	}
	return d
}

func (b *builder) gatewayDecision() Decision {
	s := b.s
	g := s.Firewall.GatewayAppliance
	if s.IsVPC() {
		return Decision{
			Title:        b.t("net.gw.title"),
			Choice:       b.t("net.gw.vpcChoice"),
			Seed:         b.t("net.gw.vpcSeed"),
			IBM:          b.t("net.gw.vpcIBM"),
			Consequences: []string{b.t("net.gw.vpcNone")},
			Runbook:      b.runbook(view.StepNetwork),
		}
	}
	d := Decision{
		Title:   b.t("net.gw.title"),
		Choice:  md(label(b.translator, g)) + b.t("end"),
		Seed:    b.t("net.gw.seed"),
		IBM:     b.t("net.gw.ibm", "Flag", lit("--gateway-enabled")),
		Runbook: b.runbook(view.StepInfrastructure, view.StepNetwork),
		Docs:    b.docs(urlFirewall),
	}
	for _, c := range model.GatewayAppliance("").Choices() {
		if c.Value != g {
			d.Alternatives = append(d.Alternatives, Alternative{label(b.translator, c.Value), labelHelp(b.translator, c)})
		}
	}
	if g == model.GatewayNone {
		d.Consequences = []string{b.t("net.gw.none")}
	} else {
		d.Consequences = []string{
			b.t("net.gw.outside", "Zones", b.zonesText()),
			b.t("net.gw.subnets"),
		}
		if s.Multizone() {
			d.Consequences = append(d.Consequences, b.t("net.gw.perZone", "N", strconv.Itoa(len(s.Zones))))
		}
	}
	return d
}

// zoneNetworkTable lists per zone the VLANs (classic) or subnet (VPC).
func (b *builder) zoneNetworkTable() Table {
	s := b.s
	if s.IsClassic() {
		t := newTable(b.t("grid.zone"), b.t("net.zt.private"), b.t("net.zt.public"))
		for _, z := range s.Zones {
			v := s.Network.Classic.VLANsFor(z)
			priv, pub := b.t("net.zt.ibmCreates"), b.t("net.zt.ibmCreates")
			if v.PrivateVLAN != "" {
				priv = code(v.PrivateVLAN)
			}
			if v.PublicVLAN != "" {
				pub = code(v.PublicVLAN)
			}
			if s.Network.Classic != nil && s.Network.Classic.PrivateOnlyWorkers {
				pub = b.t("net.zt.privateOnly")
			}
			t.add(code(z), priv, pub)
		}
		return t
	}
	t := newTable(b.t("grid.zone"), b.t("net.zt.subnet"), b.t("net.zt.addresses"), b.t("net.zt.pgw"))
	for _, z := range s.Zones {
		sub := s.Network.VPC.SubnetFor(z)
		id, n := b.t("net.zt.newSubnet"), "256"
		if sub.SubnetID != "" {
			id, n = code(sub.SubnetID), b.t("net.zt.existing")
		} else if sub.IPv4AddressCount > 0 {
			n = fmt.Sprint(sub.IPv4AddressCount)
		}
		gw := b.t("no")
		if s.Network.VPC != nil && s.Network.VPC.PublicGateway && sub.SubnetID == "" {
			gw = b.t("yes")
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
		t := newTable(b.t("net.fr.policy"), b.t("net.fr.kind"), b.t("net.fr.what"), b.t("net.fr.source"))
		t.add(lit("allow-all-outbound")+", "+lit("allow-all-private-default")+", "+lit("allow-bigfix-port")+", "+lit("allow-icmp")+", "+
			lit("allow-node-port-dnat")+", "+lit("allow-sys-mgmt")+", "+lit("allow-vrrp"),
			b.t("net.fr.gnpDefault"), b.t("net.fr.defaultWhat"), "IBM")
		if f.WantsCalico(model.CalicoPublicIsolation) {
			t.add(lit("deny-all-outbound-public")+b.t("net.fr.order", "N", "1850")+", "+lit("allow-ibm-ports-public")+", "+lit("allow-public-service-endpoint")+", "+
				lit("allow-konnectivity")+", "+lit("allow-egress-pods-public"),
				"GlobalNetworkPolicy", b.t("net.fr.publicWhat", "Policy", lit("allow-egress-pods-public")), "IBM kube-samples")
		}
		if f.WantsCalico(model.CalicoPrivateIsolation) {
			t.add(b.t("net.fr.privateSet"), "GlobalNetworkPolicy", b.t("net.fr.privateWhat"), "IBM kube-samples")
		}
		if f.WantsCalico(model.CalicoCISOnlyIngress) {
			t.add(b.t("net.fr.cisOnly"), b.t("net.fr.cisKind", "Selector", lit("ibm.role == 'worker_public'")), b.t("net.fr.cisWhat"), b.t("net.fr.thisDesign"))
		}
		if f.NetworkPolicies {
			t.add(b.t("net.fr.npSet"), b.t("net.fr.npKind"), b.t("net.fr.npWhat"), b.t("net.fr.thisDesign"))
		}
		note := b.t("net.fr.classicNote", "Apply", lit("calicoctl apply -f"), "Config", lit("ibmcloud ks cluster config"), "Export", lit("export DATASTORE_TYPE=kubernetes"))
		return t, note
	}
	t := newTable(b.t("net.fr.sg"), b.t("net.fr.rule"), b.t("net.fr.why"))
	t.add(lit("kube-<clusterID>"), b.t("net.fr.workerRules"), b.t("net.fr.workerWhy"))
	vpe, why := b.t("net.fr.unchanged"), b.t("net.fr.vpeWhy")
	if v := s.Network.VPC; v != nil && v.ContextBasedRestrictions.Enabled && len(v.ContextBasedRestrictions.AllowedCIDRs) > 0 {
		cidrs := make([]string, len(v.ContextBasedRestrictions.AllowedCIDRs))
		for i, c := range v.ContextBasedRestrictions.AllowedCIDRs {
			cidrs[i] = code(c)
		}
		vpe = b.t("net.fr.vpeCIDRs", "CIDRs", strings.Join(cidrs, ", "))
		why = b.t("net.fr.vpeCIDRsWhy", "Cmd", lit("ibmcloud ks cluster get"))
	}
	t.add(lit("kube-vpegw-<clusterID>"), vpe, why)
	t.add(lit("kube-vpegw-<vpcID>"), b.t("net.fr.unchanged"), b.t("net.fr.sharedWhy"))
	lb := b.t("net.fr.lbAny")
	if f.CIS.Enabled {
		lb = b.t("net.fr.lbCIS")
	}
	if s.Network.Ingress.PublicALB && s.Network.Ingress.Controller != model.IngressNone {
		t.add(lit("kube-lbaas-<clusterID>"), lb, b.t("net.fr.lbWhy"))
	}
	egress := b.t("net.fr.sbd")
	if s.Network.VPC != nil && !s.Network.VPC.BlocksOutbound() {
		egress = b.t("net.fr.open")
	}
	t.add(b.t("net.fr.outbound"), egress, b.t("net.fr.outboundWhy"))
	if f.NetworkPolicies {
		t.add("Kubernetes NetworkPolicy", b.t("net.fr.npSet"), b.t("net.fr.npVPCWhy"))
	}
	note := b.t("net.fr.vpcNote", "Reset", lit("ibmcloud ks security-group reset --cluster CLUSTER --security-group GROUP"), "Group", lit("kube-<clusterID>"))
	return t, note
}

// orJoin writes items as "a, b or c".
func (b *builder) orJoin(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], b.t("listSep")) + b.t("net.or") + items[len(items)-1]
}
