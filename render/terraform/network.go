package terraform

import (
	"fmt"
	"strconv"

	"github.com/iksplan/iksplan/model"
)

// network.tf: the VPC, a public gateway per zone when the design wants one,
// and a subnet per zone (data sources for the ones the design reuses); on
// classic, the zones' VLANs as variables.
func (m *module) network() {
	if m.s.IsVPC() {
		m.vpcNetwork()
	} else {
		m.classicNetwork()
	}
	m.cis()
}

// vpc returns the design's VPC section, empty when it has none.
func (m *module) vpc() *model.VPCNetwork {
	if v := m.s.Network.VPC; v != nil {
		return v
	}
	return &model.VPCNetwork{}
}

// vpcID is the expression of the cluster's VPC ID.
func (m *module) vpcID() ref {
	if m.vpc().VPCID != "" {
		return "data.ibm_is_vpc.vpc.id"
	}
	return "ibm_is_vpc.vpc.id"
}

// vpcCRN is the expression of the VPC's CRN (CBR network zone).
func (m *module) vpcCRN() ref {
	if m.vpc().VPCID != "" {
		return "data.ibm_is_vpc.vpc.crn"
	}
	return "ibm_is_vpc.vpc.crn"
}

// zoneLabel is the resource label of zone i (zone_1, zone_2, ...).
func zoneLabel(i int) string { return "zone_" + strconv.Itoa(i+1) }

// subnetID is the expression of zone i's subnet ID.
func (m *module) subnetID(i int) ref {
	if m.vpc().SubnetFor(m.s.Zones[i]).SubnetID != "" {
		return ref("data.ibm_is_subnet." + zoneLabel(i) + ".id")
	}
	return ref("ibm_is_subnet." + zoneLabel(i) + ".id")
}

func (m *module) vpcNetwork() {
	f := m.f("network.tf")
	v := m.vpc()
	name := m.c.Design.Metadata.Name
	if v.VPCID != "" {
		f.note("The design names an existing VPC: it is read, not created.")
		d := f.add(newBlock("data", "ibm_is_vpc", "vpc"))
		d.set("identifier", ref("var.vpc_id"))
		m.variable("vpc_id", "ID of the existing VPC the cluster goes into (spec.network.vpc.vpcID)", v.VPCID, false)
	} else {
		f.note("The cluster's VPC.")
		r := f.add(newBlock("resource", "ibm_is_vpc", "vpc"))
		r.setFrom("name", str(v.VPCName), "spec.network.vpc.vpcName")
		r.setFrom("resource_group", resourceGroupID, "spec.resourceGroup")
	}
	for i, z := range m.s.Zones {
		sn := v.SubnetFor(z)
		zpath := fmt.Sprintf("spec.zones[%d]", i)
		if sn.SubnetID != "" {
			f.note("Zone %d: the design names an existing subnet.", i+1)
			d := f.add(newBlock("data", "ibm_is_subnet", zoneLabel(i)))
			varName := fmt.Sprintf("subnet_%s_id", zoneLabel(i))
			d.set("identifier", ref("var."+varName))
			m.variable(varName, fmt.Sprintf("ID of the existing subnet in zone %d (%s)", i+1, z), sn.SubnetID, false)
			continue
		}
		if v.PublicGateway {
			f.note("Zone %d: public gateway, the workers' egress to the internet.", i+1)
			g := f.add(newBlock("resource", "ibm_is_public_gateway", zoneLabel(i)))
			g.set("name", str(name+"-pgw-"+z))
			g.set("vpc", m.vpcID())
			g.setFrom("zone", str(z), zpath)
			g.setFrom("resource_group", resourceGroupID, "spec.resourceGroup")
		}
		n := sn.IPv4AddressCount
		if n == 0 {
			n = 256
		}
		f.note("Zone %d: a new subnet. IBM cannot grow a subnet later; it holds every worker and VPC load balancer.", i+1)
		s := f.add(newBlock("resource", "ibm_is_subnet", zoneLabel(i)))
		s.set("name", str(name+"-"+z))
		s.set("vpc", m.vpcID())
		s.setFrom("zone", str(z), zpath)
		s.setFrom("total_ipv4_address_count", num(n), fmt.Sprintf("spec.network.vpc.subnets[%d].ipv4AddressCount", subnetIndex(v, z)))
		s.setFrom("resource_group", resourceGroupID, "spec.resourceGroup")
		if v.PublicGateway {
			s.set("public_gateway", ref("ibm_is_public_gateway."+zoneLabel(i)+".id"))
		}
	}
}

// subnetIndex is the index of zone z in spec.network.vpc.subnets, or -1.
func subnetIndex(v *model.VPCNetwork, z string) int {
	for i, s := range v.Subnets {
		if s.Zone == z {
			return i
		}
	}
	return -1
}

// classicNetwork declares the zones' VLANs. Where the design names none,
// IBM creates a private and a public VLAN with the first cluster in the
// zone, so the arguments are left out.
func (m *module) classicNetwork() {
	f := m.f("network.tf")
	cn := m.s.Network.Classic
	f.note("Classic workers sit on a private VLAN (router bcr…) and, unless private-only, a public VLAN (fcr…).")
	f.note("VLANs are not Terraform resources here: IBM creates them with the first cluster in a zone, or the")
	f.note("design names existing ones (variables.tf). A zone that has VLANs already must name them (IBM's")
	f.note("--private-vlan rule): the runbook lists them with ibmcloud ks vlan ls and reuses them; for Terraform,")
	f.note("name them in the design (spec.network.classic.vlans). Account routing (VRF or VLAN spanning) is")
	f.note("checked by the runbook's preflight, which Terraform does not replace.")
	if m.privateOnlyWorkers() {
		f.note("Private-only workers: the provider has no private-only switch (the runbook's --private-only), and a")
		f.note("zone where neither VLAN is named gets a public VLAN too; so every zone names its private VLAN, and")
		f.note("public_vlan_id is left out.")
	}
	for i, z := range m.s.Zones {
		vl := cn.VLANsFor(z)
		switch {
		case vl.PrivateVLAN != "":
			m.variable(vlanVar("private", i), fmt.Sprintf("private VLAN ID in zone %d (%s)", i+1, z), vl.PrivateVLAN, false)
		case m.privateOnlyWorkers():
			m.variable(vlanVar("private", i), fmt.Sprintf("private VLAN ID in zone %d (%s) for the private-only workers: ibmcloud ks vlan ls --zone %s", i+1, z, z), "", false)
		}
		if vl.PublicVLAN != "" && !m.privateOnlyWorkers() {
			m.variable(vlanVar("public", i), fmt.Sprintf("public VLAN ID in zone %d (%s)", i+1, z), vl.PublicVLAN, false)
		}
	}
}

func vlanVar(side string, i int) string { return fmt.Sprintf("%s_vlan_%s", side, zoneLabel(i)) }

func (m *module) privateOnlyWorkers() bool {
	cn := m.s.Network.Classic
	return cn != nil && cn.PrivateOnlyWorkers
}

// vlanArgs sets the zone's VLAN arguments on a classic cluster or zone
// attachment, when the design names VLANs for it; private-only workers
// always name their private VLAN (see classicNetwork).
func (m *module) vlanArgs(b *block, i int) {
	vl := m.s.Network.Classic.VLANsFor(m.s.Zones[i])
	if vl.PrivateVLAN != "" || m.privateOnlyWorkers() {
		b.set("private_vlan_id", ref("var."+vlanVar("private", i)))
	}
	if vl.PublicVLAN != "" && !m.privateOnlyWorkers() {
		b.set("public_vlan_id", ref("var."+vlanVar("public", i)))
	}
}
