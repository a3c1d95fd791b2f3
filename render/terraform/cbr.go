package terraform

// cbrAPIs are the IKS API types the rules cover: kubectl (cluster) and
// `ibmcloud ks` (management).
var cbrAPIs = []string{"cluster", "management"}

// apiTypeCRN prefixes an IKS API type in a CBR rule.
const apiTypeCRN = "crn:v1:bluemix:public:containers-kubernetes::::api-type:"

func (m *module) wantsCBR() bool {
	v := m.s.Network.VPC
	return m.s.IsVPC() && v != nil && v.ContextBasedRestrictions.Enabled
}

// cbr.tf: context-based restrictions on the cluster's APIs: a network zone
// with the design's CIDRs and the cluster's VPC, and one rule per API type.
// Names and descriptions are the runbook's, so that its network step finds
// them. The runbook creates the rules in report mode and enforces them in
// its verify step; this module writes the final state, enforced.
func (m *module) cbr() {
	if !m.wantsCBR() {
		return
	}
	f := m.f("cbr.tf")
	v := m.s.Network.VPC
	name := m.c.Design.Metadata.Name
	m.variable("account_id", "ID of the IBM Cloud account (ibmcloud account show): context-based restrictions name it", "", false)
	f.note("Who may call the cluster's APIs: the design's CIDRs (office, VPN, CI) and the cluster's VPC.")
	z := f.add(newBlock("resource", "ibm_cbr_zone", "allowed"))
	z.set("name", str(name+"-allowed"))
	z.set("account_id", ref("var.account_id"))
	z.set("description", str("iksplan: networks allowed to call the cluster APIs"))
	for i, cidr := range v.ContextBasedRestrictions.AllowedCIDRs {
		a := z.add("addresses")
		a.set("type", str("subnet"))
		a.setFrom("value", str(cidr), "spec.network.vpc.contextBasedRestrictions.allowedCIDRs["+itoa(i)+"]")
	}
	a := z.add("addresses")
	a.set("type", str("vpc"))
	a.set("value", m.vpcCRN())
	for _, api := range cbrAPIs {
		f.note("Rule for the %s API.", api)
		r := f.add(newBlock("resource", "ibm_cbr_rule", api))
		r.set("description", str("iksplan "+name+" "+api+" API"))
		res := r.add("resources")
		for _, kv := range [][2]expr{{str("accountId"), ref("var.account_id")}, {str("serviceName"), str(iksService)}, {str("serviceInstance"), m.clusterID()}} {
			at := res.add("attributes")
			at.set("name", kv[0])
			at.set("value", kv[1])
		}
		ctx := r.add("contexts").add("attributes")
		ctx.set("name", str("networkZoneId"))
		ctx.set("value", ref("ibm_cbr_zone.allowed.id"))
		r.add("operations").add("api_types").set("api_type_id", str(apiTypeCRN+api))
		r.set("enforcement_mode", str("enabled"))
	}
}
