package doc

import (
	"strings"

	"github.com/iksplan/iksplan/model/catalog"
)

// superseded is the table of the seed's advice that no longer holds,
// beyond logging and monitoring (which have their own box).
func (b *builder) superseded() Table {
	s := b.s
	t := newTable("The seed said (2019)", "Today", "In this design")
	gw := md(s.Firewall.GatewayAppliance.Label())
	if !s.IsClassic() {
		gw = "not applicable on VPC"
	}
	t.add("Slide 37: Vyatta as a gateway appliance",
		"Vyatta 5400 reached end of support on 2019-03-31; the Virtual Router Appliance is Vyatta 5600. Whether VRA and FortiGate can still be ordered must be checked with IBM.",
		gw)
	t.add("Slide 44: IAM roles map to RBAC (ibm-admin → admin, ibm-edit → edit, ibm-view → view)",
		"Platform roles no longer map to RBAC; service roles do (Reader → view, Writer → edit, Manager → admin or cluster-admin).",
		"service roles in "+secLink(secIAM))
	sg := "classic: Calico host policies, as in the seed"
	if s.IsVPC() {
		sg = "VPC security groups; see " + secLink(secNetwork)
	}
	t.add("Slide 36: security groups cannot be used with IKS",
		"On VPC, security groups are the workers' firewall; Calico host policies remain the tool on classic.", sg)
	routing := "VPC accounts have VRF automatically"
	if s.IsClassic() && s.Network.Classic != nil {
		routing = md(s.Network.Classic.AccountRouting.Label())
	}
	t.add("Slide 12: enable VRF or VLAN spanning; check with "+lit("ibmcloud account show"),
		"VRF with service endpoints is the recommended state and required for the private endpoint; VLAN spanning ("+lit("ibmcloud ks vlan spanning get")+") disappears once VRF is on.",
		routing)
	var supported []string
	for _, v := range b.versionsNewestFirst() {
		st := v.StatusAsOf(b.c.AsOf)
		if st == catalog.VersionDefault || st == catalog.VersionSupported {
			supported = append(supported, code(v.Version))
		}
	}
	now := "see " + secLink(secVersion)
	if len(supported) > 0 {
		now = "Supported on " + md(b.c.AsOf) + ": " + strings.Join(supported, ", ")
	}
	t.add("Slide 13: at least 30 days to move off a deprecated version (2019 versions)",
		"At least 45 days' countdown; the versions of 2019 are long gone. "+now+".", code(s.KubernetesVersion))
	t.add("2019 CLI: "+lit("ibmcloud ks cluster-create … --machine-type"),
		lit("ibmcloud ks cluster create classic")+" or "+lit("vpc-gen2")+" … "+lit("--flavor")+"; "+lit("zone add")+" needs "+lit("--worker-pool")+"; flat command names are gone.",
		"the runbook uses the current syntax")
	t.add("Slide 4: Secrets encrypted automatically; HSM key management",
		"Still true; bring your own root key with "+lit("ibmcloud ks kms enable")+" (Key Protect or Hyper Protect Crypto Services). Pod Security Policies are gone since 1.25; Pod Security Admission replaces them.",
		md(s.Security.KMS.Provider.Label()))
	t.add("Slides 17, 25–32: LogDNA, Sysdig, Availability Monitoring",
		"See the box in "+secLink(secObservability)+".", md(s.Logging.Backend.Label()))
	return t
}
