package terraform

// cbrAPIs are the IKS API types the rules cover: kubectl (cluster) and
// `ibmcloud ks` (management).
var cbrAPIs = []string{"cluster", "management"}

// apiTypeCRN prefixes an IKS API type in a CBR rule.
const apiTypeCRN = "crn:v1:bluemix:public:containers-kubernetes::::api-type:"

// wantsCBR: the runbook's condition (render/runbook wantsCBR): on VPC
// whenever the design enables CBR; on classic only with a public service
// endpoint, since a private-only classic master has nothing public to
// restrict.
func (m *module) wantsCBR() bool {
	cbr := m.s.CBR()
	if cbr == nil || !cbr.Enabled {
		return false
	}
	return m.s.IsVPC() || m.s.Network.ServiceEndpoints.HasPublic()
}

// cbr.tf: context-based restrictions on the cluster's APIs: a network zone
// with the design's CIDRs (and on VPC the cluster's VPC), and one rule per
// API type. Names and descriptions are the runbook's, so that its network
// step finds them. The runbook creates the rules in report mode and
// enforces them in its verify step; this module writes the final state,
// enforced.
//
// On classic the rule has two contexts, which IBM ORs (CBR docs: a rule's
// contexts each allow access; the attributes inside one must all match):
// endpointType=private keeps the private service endpoint open to the
// private network (workers, VPN, Direct Link), and endpointType=public with
// networkZoneId allows the public one only from the zone. This is IBM's
// containers cbr page's "privateAccess=allowAll, publicAccess=oneIP"
// example (`--context-attributes endpointType=private --context-attributes
// endpointType=public,networkZoneId=ZONE`), in the provider's contexts
// blocks (terraform-provider-ibm website/docs/r/cbr_rule.html.markdown:
// contexts { attributes { name = "endpointType" value = "private" } }).
func (m *module) cbr() {
	if !m.wantsCBR() {
		return
	}
	f := m.f("cbr.tf")
	cbr := m.s.CBR()
	vpc := m.s.IsVPC()
	path := "spec.network.classic.contextBasedRestrictions"
	if vpc {
		path = "spec.network.vpc.contextBasedRestrictions"
	}
	name := m.c.Design.Metadata.Name
	m.variable("account_id", "ID of the IBM Cloud account (ibmcloud account show): context-based restrictions name it", "", false)
	if vpc {
		f.note("Who may call the cluster's APIs: the design's CIDRs (office, VPN, CI) and the cluster's VPC.")
	} else {
		f.note("Who may call the public service endpoint: the design's CIDRs (office, VPN, CI); the private endpoint stays open to the private network.")
	}
	z := f.add(newBlock("resource", "ibm_cbr_zone", "allowed"))
	z.set("name", str(name+"-allowed"))
	z.set("account_id", ref("var.account_id"))
	z.set("description", str("iksplan: networks allowed to call the cluster APIs"))
	for i, cidr := range cbr.AllowedCIDRs {
		a := z.add("addresses")
		a.set("type", str("subnet"))
		a.setFrom("value", str(cidr), path+".allowedCIDRs["+itoa(i)+"]")
	}
	if vpc {
		a := z.add("addresses")
		a.set("type", str("vpc"))
		a.set("value", m.vpcCRN())
	}
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
		if !vpc {
			priv := r.add("contexts").add("attributes")
			priv.set("name", str("endpointType"))
			priv.set("value", str("private"))
		}
		ctx := r.add("contexts")
		if !vpc {
			pub := ctx.add("attributes")
			pub.set("name", str("endpointType"))
			pub.set("value", str("public"))
		}
		zid := ctx.add("attributes")
		zid.set("name", str("networkZoneId"))
		zid.set("value", ref("ibm_cbr_zone.allowed.id"))
		r.add("operations").add("api_types").set("api_type_id", str(apiTypeCRN+api))
		r.set("enforcement_mode", str("enabled"))
	}
}
