package runbook

import (
	"fmt"
	"strconv"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// jqGatewayAttached holds when the subnet is attached to the public
// gateway with ID $v.
const jqGatewayAttached = `.public_gateway.id? == env.JQ_V`

// infrastructure prepares what the cluster is created on: classic VLANs,
// or a VPC with a subnet per zone.
func (b *builder) infrastructure() {
	if b.s.IsVPC() {
		b.vpcInfrastructure()
		return
	}
	b.classicInfrastructure()
}

// classicInfrastructure checks the design's VLANs. Where the design names
// none, the cluster and zone commands reuse the account's VLANs in the zone
// or, when it has none, let IBM create them (runVLANs).
func (b *builder) classicInfrastructure() {
	bd := b.cur
	s := b.s
	cn := s.Network.Classic
	bd.comment("Classic workers sit on a private VLAN (router bcr…) and, unless private-only, a public VLAN (fcr…).")
	bd.comment("Account routing between VLANs (VRF or VLAN spanning) was checked in the preflight.")
	for i, z := range s.Zones {
		v := cn.VLANsFor(z)
		if v.Create() {
			bd.comment("Zone %d: no VLANs named. The cluster and zone steps reuse the account's VLANs there (ibmcloud ks vlan ls)", i+1)
			bd.comment("and let IBM create a private and a public VLAN only where the zone has none.")
			continue
		}
		bd.call("check", cmd(bd.msg("private VLAN ", varRef(fmt.Sprintf("PRIVATE_VLAN_%d", i+1)), " is not in zone ", varRef(zoneName(i))),
			jqVLANListed, b.privateVLAN(i), "ibmcloud", "ks", "vlan", "ls", "--zone", b.zone(i), "--output", "json")...)
		if !cn.PrivateOnlyWorkers {
			bd.call("check", cmd(bd.msg("public VLAN ", varRef(fmt.Sprintf("PUBLIC_VLAN_%d", i+1)), " is not in zone ", varRef(zoneName(i))),
				jqVLANListed, b.publicVLAN(i), "ibmcloud", "ks", "vlan", "ls", "--zone", b.zone(i), "--output", "json")...)
		}
	}
	if cn != nil && cn.PrivateOnlyWorkers {
		bd.comment("Private-only workers: no public VLAN. Workers reach the master over the private service endpoint,")
		bd.comment("and anything public goes through a gateway appliance or the private network.")
	}
	if g := s.Firewall.GatewayAppliance; g != "" && g != model.GatewayNone {
		bd.comment("Gateway appliance (%s): ordered and configured outside this runbook, one per zone.", g.Label())
		bd.comment("Associate the cluster's VLANs with it only after the cluster exists, and allow IKS's ports")
		bd.comment("(https://cloud.ibm.com/docs/containers?topic=containers-firewall).")
		bd.note("the gateway appliance is configured by hand: https://cloud.ibm.com/docs/containers?topic=containers-firewall")
	}
}

// vpcInfrastructure creates the VPC, a public gateway per zone when the
// design wants egress through one, and a subnet per zone, unless the design
// names existing IDs; then it reads the IDs back into variables.
func (b *builder) vpcInfrastructure() {
	bd := b.cur
	s := b.s
	v := s.Network.VPC
	if v == nil {
		v = &model.VPCNetwork{}
	}
	if v.VPCID != "" {
		bd.comment("The design names an existing VPC: nothing to create.")
		b.vpcID()
	} else {
		name := b.val("VPC_NAME", v.VPCName, hNetwork, "the VPC to create")
		bd.unlessExists(cmd("ibmcloud", "is", "vpc", name), []any{"VPC ", varRef("VPC_NAME")}, func() {
			bd.run(cmd("ibmcloud", "is", "vpc-create", name, "--resource-group-name", ref("RESOURCE_GROUP"))...)
		})
		b.readBack("capture", "VPC_ID", view.StepInfrastructure, "ID of the VPC",
			cmd("<id of the VPC>", ".id", "", "ibmcloud", "is", "vpc", name, "--output", "JSON")...)
	}
	for i, z := range s.Zones {
		sn := v.SubnetFor(z)
		bd.blank()
		if sn.SubnetID != "" {
			bd.comment("Zone %d: the design names an existing subnet.", i+1)
			b.subnetID(i)
			continue
		}
		n := sn.IPv4AddressCount
		if n == 0 {
			n = 256
		}
		bd.comment("Zone %d: a new subnet. IBM cannot grow a subnet later; it holds every worker and VPC load balancer.", i+1)
		subnet := b.val(fmt.Sprintf("SUBNET_%d_NAME", i+1), view.NewSubnetName(b.c.Design, z), hNetwork, "")
		count := b.val(fmt.Sprintf("SUBNET_%d_ADDRESSES", i+1), strconv.Itoa(n), hNetwork, "IPv4 addresses in the new subnet")
		var pgw word
		if v.PublicGateway {
			pgwName := b.val(fmt.Sprintf("PGW_%d_NAME", i+1), view.NewGatewayName(b.c.Design, z), hNetwork, "public gateway: egress to the internet")
			bd.unlessExists(cmd("ibmcloud", "is", "public-gateway", pgwName, "--vpc", b.vpcID()), []any{"public gateway ", varRef(fmt.Sprintf("PGW_%d_NAME", i+1))}, func() {
				bd.run(cmd("ibmcloud", "is", "public-gateway-create", pgwName, b.vpcID(), b.zone(i), "--resource-group-name", ref("RESOURCE_GROUP"))...)
			})
			pgwID := fmt.Sprintf("PGW_%d_ID", i+1)
			b.readBack("capture", pgwID, view.StepInfrastructure, "ID of the public gateway",
				cmd(cat("<id of the public gateway in ", varRef(zoneName(i)), ">"), ".id", "",
					"ibmcloud", "is", "public-gateway", pgwName, "--vpc", b.vpcID(), "--output", "JSON")...)
			pgw = ref(pgwID)
		}
		bd.unlessExists(cmd("ibmcloud", "is", "subnet", subnet, "--vpc", b.vpcID()), []any{"subnet ", varRef(fmt.Sprintf("SUBNET_%d_NAME", i+1))}, func() {
			bd.run(cmd("ibmcloud", "is", "subnet-create", subnet, b.vpcID(), "--zone", b.zone(i), "--ipv4-address-count", count,
				"--resource-group-name", ref("RESOURCE_GROUP"))...)
		})
		b.readBack("capture", fmt.Sprintf("SUBNET_%d_ID", i+1), view.StepInfrastructure, "ID of the new subnet",
			cmd(cat("<id of the subnet in ", varRef(zoneName(i)), ">"), ".id", "",
				"ibmcloud", "is", "subnet", subnet, "--vpc", b.vpcID(), "--output", "JSON")...)
		if v.PublicGateway {
			// The subnet item of `is subnet --output JSON` names its gateway
			// in public_gateway.id (VPC API Subnet; ibm-api-shapes.md A.6).
			attached := cmd(jqGatewayAttached, pgw, "ibmcloud", "is", "subnet", b.subnetID(i), "--vpc", b.vpcID(), "--output", "JSON")
			bd.ifNot(when("json_has", attached...), func() {
				bd.run(cmd("ibmcloud", "is", "subnet-update", b.subnetID(i), "--pgw", pgw, "--vpc", b.vpcID())...)
			})
		}
	}
	b.dedicatedHosts()
	bd.blank()
	switch {
	case v.PublicGateway:
		bd.comment("Public gateways give the workers internet egress (public registries, external APIs).")
	case v.BlocksOutbound():
		bd.comment("No public gateway and outbound traffic protection on (Secure by Default, Kubernetes 1.30+):")
		bd.comment("workers reach IBM services privately only; pull images from icr.io over the private network.")
	default:
		bd.comment("No public gateway: outbound traffic protection is off, but without a gateway the workers still")
		bd.comment("have no route to the internet.")
	}
}
