package ibmcloud

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
)

func jsonUnmarshalStrict(s string, v any) error {
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// VPC items as the VPC API has them; `ibmcloud is ... --output JSON`
// prints the item (or a bare array for lists).
type vpcRef struct {
	ID   string `json:"id"`
	CRN  string `json:"crn"`
	Name string `json:"name"`
}

type nameRef struct {
	Name string `json:"name"`
}

func (s *State) vpcCRN(v *VPC) string {
	return fmt.Sprintf("crn:v1:bluemix:public:is:%s:a/%s::vpc:%s", s.Session.Region, s.Account.ID, v.ID)
}

func isVPCJSON(st *State, v *VPC) map[string]any {
	return map[string]any{"id": v.ID, "crn": st.vpcCRN(v), "name": v.Name, "status": "available", "classic_access": false,
		"resource_group": map[string]string{"id": groupID(st, v.ResourceGroup), "name": v.ResourceGroup}, "created_at": "2026-12-01T00:00:00Z"}
}

func vpcOutput(c *Call) error {
	if o := c.Get("output"); o != "" && strings.ToUpper(o) != "JSON" {
		// VPCCLI: "only JSON is supported".
		return &UsageError{fmt.Sprintf("Incorrect Usage. The value '%s' of '--output' is not valid: only JSON is supported.", o)}
	}
	return nil
}

func isVPC(c *Call) error {
	if err := vpcOutput(c); err != nil {
		return err
	}
	v := c.env.State.vpc(c.Args[0])
	if v == nil {
		return failf("VPC %s could not be found. Use 'ibmcloud is vpcs' to list the VPCs.", c.Args[0])
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, isVPCJSON(c.env.State, v))
	}
	fmt.Fprintf(c.env.Out, "Getting VPC %s...\n\nID      %s\nName    %s\nStatus  available\n", v.Name, v.ID, v.Name)
	return nil
}

func isVPCs(c *Call) error {
	out := []map[string]any{}
	for i := range c.env.State.VPCs {
		out = append(out, isVPCJSON(c.env.State, &c.env.State.VPCs[i]))
	}
	return printJSON(c.env.Out, out)
}

func (c *Call) rgFlag() (string, error) {
	st := c.env.State
	g := c.Get("resource-group-name")
	if id := c.Get("resource-group-id"); id != "" {
		g = id
	}
	if g == "" {
		g = st.Session.ResourceGroup
	}
	rg := st.group(g)
	if rg == nil {
		return "", failf("Resource group %s could not be found.", g)
	}
	return rg.Name, nil
}

func isVPCCreate(c *Call) error {
	st := c.env.State
	if st.vpc(c.Args[0]) != nil {
		// VPC names are unique in the region (VPC API: 409 "name is
		// already in use" / validation_unique_failed).
		return failf("Error code: validation_unique_failed. The VPC name '%s' is already in use.", c.Args[0])
	}
	rg, err := c.rgFlag()
	if err != nil {
		return err
	}
	id := "r022-" + uuidish(st.newID("vpc", c.Args[0], 0))
	st.VPCs = append(st.VPCs, VPC{ID: id, Name: c.Args[0], ResourceGroup: rg})
	return printIS(c, isVPCJSON(st, st.vpc(id)), "Creating VPC "+c.Args[0])
}

func printIS(c *Call, v any, what string) error {
	if c.Get("output") != "" {
		return printJSON(c.env.Out, v)
	}
	fmt.Fprintf(c.env.Out, "%s in resource group ... as %s...\nOK\n", what, "rehearsal")
	return nil
}

func uuidish(h string) string {
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func subnetJSON(st *State, sn *Subnet) map[string]any {
	v := st.vpc(sn.VPC)
	m := map[string]any{"id": sn.ID, "name": sn.Name, "status": "available", "ip_version": "ipv4", "ipv4_cidr_block": sn.CIDR,
		"total_ipv4_address_count": sn.Addresses, "available_ipv4_address_count": sn.Addresses - 5,
		"zone": nameRef{sn.Zone}, "vpc": vpcRef{ID: v.ID, CRN: st.vpcCRN(v), Name: v.Name},
		"resource_group": map[string]string{"id": groupID(st, sn.ResourceGroup), "name": sn.ResourceGroup}}
	if g := st.gateway(sn.PublicGateway, sn.VPC); g != nil {
		m["public_gateway"] = map[string]string{"id": g.ID, "name": g.Name, "resource_type": "public_gateway"}
	}
	return m
}

func isSubnet(c *Call) error {
	if err := vpcOutput(c); err != nil {
		return err
	}
	st := c.env.State
	vpc := ""
	if ref := c.Get("vpc"); ref != "" {
		v := st.vpc(ref)
		if v == nil {
			return failf("VPC %s could not be found.", ref)
		}
		vpc = v.ID
	}
	sn := st.subnet(c.Args[0], vpc)
	if sn == nil {
		return failf("Subnet %s could not be found.", c.Args[0])
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, subnetJSON(st, sn))
	}
	fmt.Fprintf(c.env.Out, "Getting subnet %s...\n\nID     %s\nName   %s\nZone   %s\n", sn.Name, sn.ID, sn.Name, sn.Zone)
	return nil
}

func isSubnetCreate(c *Call) error {
	st := c.env.State
	v := st.vpc(c.Args[1])
	if v == nil {
		return failf("VPC %s could not be found.", c.Args[1])
	}
	if st.subnet(c.Args[0], v.ID) != nil {
		return failf("Error code: validation_unique_failed. The subnet name '%s' is already in use in the VPC.", c.Args[0])
	}
	zone := c.Get("zone")
	count := c.Get("ipv4-address-count")
	cidr := c.Get("ipv4-cidr-block")
	switch {
	case count != "" && cidr != "":
		return &UsageError{"Incorrect Usage. '--ipv4-address-count' and '--ipv4-cidr-block' are mutually exclusive."}
	case count != "" && zone == "":
		// VPCCLI: --zone is required with --ipv4-address-count.
		return &UsageError{"Incorrect Usage. '--zone' is required with '--ipv4-address-count'."}
	case count == "" && cidr == "":
		return &UsageError{"Incorrect Usage. Specify '--ipv4-address-count' with '--zone', or '--ipv4-cidr-block'."}
	}
	if _, _, ok := cat().Zone(model.InfraVPC, zone); !ok {
		return failf("Zone %s could not be found.", zone)
	}
	n := 256
	if count != "" {
		var err error
		n, err = strconv.Atoi(count)
		// The count must be a power of two, at least 8 (VPC API subnet
		// prototype total_ipv4_address_count).
		if err != nil || n < 8 || n&(n-1) != 0 {
			return failf("The address count %s must be a power of 2 and at least 8.", count)
		}
	}
	rg, err := c.rgFlag()
	if err != nil {
		return err
	}
	if cidr == "" {
		cidr = fmt.Sprintf("10.%d.%d.0/24", 240+zoneNumber(zone), len(st.Subnets))
	}
	pgw := ""
	if g := c.Get("pgw"); g != "" {
		x := st.gateway(g, v.ID)
		if x == nil {
			return failf("Public gateway %s could not be found.", g)
		}
		pgw = x.ID
	}
	id := "0757-" + uuidish(st.newID("subnet", v.ID+"/"+c.Args[0], 0))
	st.Subnets = append(st.Subnets, Subnet{ID: id, Name: c.Args[0], VPC: v.ID, Zone: zone, CIDR: cidr, Addresses: n, PublicGateway: pgw, ResourceGroup: rg})
	return printIS(c, subnetJSON(st, st.subnet(id, v.ID)), "Creating subnet "+c.Args[0])
}

func zoneNumber(zone string) int {
	if i := strings.LastIndex(zone, "-"); i >= 0 {
		n, _ := strconv.Atoi(zone[i+1:])
		return n
	}
	return 0
}

func isSubnetUpdate(c *Call) error {
	st := c.env.State
	vpc := ""
	if ref := c.Get("vpc"); ref != "" {
		if v := st.vpc(ref); v != nil {
			vpc = v.ID
		}
	}
	sn := st.subnet(c.Args[0], vpc)
	if sn == nil {
		return failf("Subnet %s could not be found.", c.Args[0])
	}
	if g := c.Get("pgw"); g != "" {
		x := st.gateway(g, sn.VPC)
		if x == nil {
			return failf("Public gateway %s could not be found.", g)
		}
		if x.Zone != sn.Zone {
			// A subnet can use only a public gateway of its own zone.
			return failf("The public gateway %s is in zone %s, the subnet in %s.", x.Name, x.Zone, sn.Zone)
		}
		sn.PublicGateway = x.ID
	}
	if n := c.Get("name"); n != "" {
		sn.Name = n
	}
	return printIS(c, subnetJSON(st, sn), "Updating subnet "+sn.Name)
}

func pgwJSON(st *State, g *PGW) map[string]any {
	v := st.vpc(g.VPC)
	return map[string]any{"id": g.ID, "name": g.Name, "status": "available", "zone": nameRef{g.Zone},
		"vpc": vpcRef{ID: v.ID, CRN: st.vpcCRN(v), Name: v.Name}, "resource_type": "public_gateway",
		"floating_ip": map[string]string{"address": "169.63.0.1", "id": "r022-fip-" + g.ID[5:13]}}
}

func isPGW(c *Call) error {
	if err := vpcOutput(c); err != nil {
		return err
	}
	st := c.env.State
	vpc := ""
	if ref := c.Get("vpc"); ref != "" {
		if v := st.vpc(ref); v != nil {
			vpc = v.ID
		}
	}
	g := st.gateway(c.Args[0], vpc)
	if g == nil {
		return failf("Public gateway %s could not be found.", c.Args[0])
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, pgwJSON(st, g))
	}
	fmt.Fprintf(c.env.Out, "ID     %s\nName   %s\nZone   %s\n", g.ID, g.Name, g.Zone)
	return nil
}

func isPGWCreate(c *Call) error {
	st := c.env.State
	v := st.vpc(c.Args[1])
	if v == nil {
		return failf("VPC %s could not be found.", c.Args[1])
	}
	zone := c.Args[2]
	if _, _, ok := cat().Zone(model.InfraVPC, zone); !ok {
		return failf("Zone %s could not be found.", zone)
	}
	for _, g := range st.Gateways {
		if g.VPC == v.ID && g.Zone == zone {
			// One public gateway per zone and VPC (VPC docs, public gateways).
			return failf("A public gateway already exists in zone %s of VPC %s.", zone, v.Name)
		}
	}
	if st.gateway(c.Args[0], v.ID) != nil {
		return failf("Error code: validation_unique_failed. The public gateway name '%s' is already in use.", c.Args[0])
	}
	rg, err := c.rgFlag()
	if err != nil {
		return err
	}
	id := "r022-" + uuidish(st.newID("pgw", v.ID+"/"+c.Args[0], 0))
	st.Gateways = append(st.Gateways, PGW{ID: id, Name: c.Args[0], VPC: v.ID, Zone: zone, ResourceGroup: rg})
	return printIS(c, pgwJSON(st, st.gateway(id, v.ID)), "Creating public gateway "+c.Args[0])
}

// CBR. The CLI's zone and rule listings are text tables with the 32-digit
// hex ID first (CBRCLI examples); the runbook finds IDs in them.
func cbrZones(c *Call) error {
	st := c.env.State
	if c.Get("output") != "" {
		out := []map[string]any{}
		for _, z := range st.CBRZones {
			if n := c.Get("name"); n == "" || n == z.Name {
				out = append(out, map[string]any{"id": z.ID, "name": z.Name, "description": z.Description, "address_count": len(z.Addresses) + len(z.VPCs)})
			}
		}
		return printJSON(c.env.Out, map[string]any{"count": len(out), "zones": out})
	}
	fmt.Fprintln(c.env.Out, "OK\nid                                 name   address_count   description")
	for _, z := range st.CBRZones {
		if n := c.Get("name"); n != "" && n != z.Name {
			continue
		}
		fmt.Fprintf(c.env.Out, "%s   %s   %d   %s\n", z.ID, z.Name, len(z.Addresses)+len(z.VPCs), z.Description)
	}
	return nil
}

func cbrZoneCreate(c *Call) error {
	st := c.env.State
	if c.Get("name") == "" && c.Get("file") == "" {
		return &UsageError{"Incorrect Usage. Specify '--name' or '--file'."}
	}
	if c.Get("addresses") == "" && c.Get("vpc") == "" && c.Get("service-ref") == "" {
		return failf("A network zone needs at least one address, VPC or service reference.")
	}
	var addrs, vpcs []string
	for _, a := range strings.Split(c.Get("addresses"), ",") {
		if a = strings.TrimSpace(a); a != "" {
			if strings.Contains(a, ":") {
				// No IPv6 in zones used for the cluster API (CBR-IKS limitations).
				return failf("IPv6 addresses are not supported in network zones for the containers-kubernetes cluster API: %s", a)
			}
			addrs = append(addrs, a)
		}
	}
	for _, v := range strings.Split(c.Get("vpc"), ",") {
		if v = strings.TrimSpace(v); v != "" {
			if !strings.HasPrefix(v, "crn:") {
				return failf("The VPC '%s' must be given as a CRN.", v)
			}
			vpcs = append(vpcs, v)
		}
	}
	id := st.newID("cbrzone", c.Get("name"), len(st.CBRZones))[:32]
	st.CBRZones = append(st.CBRZones, CBRZone{ID: id, Name: c.Get("name"), Description: c.Get("description"), Addresses: addrs, VPCs: vpcs, Created: st.Seq})
	fmt.Fprintf(c.env.Out, "Creating network zone...\nOK\nid            %s\nname          %s\n", id, c.Get("name"))
	return nil
}

func cbrRules(c *Call) error {
	st := c.env.State
	fmt.Fprintln(c.env.Out, "OK\nid                                 description   enforcement_mode")
	for _, r := range st.CBRRules {
		if s := c.Get("service-name"); s != "" && s != r.Service {
			continue
		}
		if s := c.Get("service-instance"); s != "" && s != r.ServiceInstance {
			continue
		}
		if z := c.Get("zone-id"); z != "" && z != r.ZoneID {
			continue
		}
		fmt.Fprintf(c.env.Out, "%s   %s   %s\n", r.ID, r.Description, r.Enforcement)
	}
	return nil
}

// cbrRule shows one rule as the CLI's key/value text (CBRCLI examples:
// "enforcement_mode   enabled"), or the API's rule object with --output.
func cbrRule(c *Call) error {
	for _, r := range c.env.State.CBRRules {
		if r.ID != c.Args[0] {
			continue
		}
		if c.Get("output") != "" {
			return printJSON(c.env.Out, map[string]any{"id": r.ID, "description": r.Description, "enforcement_mode": r.Enforcement,
				"resources":  []map[string]any{{"attributes": []map[string]string{{"name": "serviceName", "value": r.Service}, {"name": "serviceInstance", "value": r.ServiceInstance}}}},
				"operations": map[string]any{"api_types": []map[string]string{{"api_type_id": r.APIType}}},
				"contexts":   r.contextsJSON()})
		}
		fmt.Fprintf(c.env.Out, "OK\nid                 %s\ndescription        %s\nenforcement_mode   %s\n", r.ID, r.Description, r.Enforcement)
		return nil
	}
	return failf("The rule '%s' was not found. (404 not_found)", c.Args[0])
}

// contextsJSON is the API's Rule.contexts: one object per context, its
// attributes as name/value pairs (CBR API reference, "contexts":
// [{"attributes": [{"name": "endpointType", "value": "private"}]}]).
func (r CBRRule) contextsJSON() []map[string]any {
	if len(r.Contexts) == 0 {
		return []map[string]any{{"attributes": []map[string]string{{"name": "networkZoneId", "value": r.ZoneID}}}}
	}
	var out []map[string]any
	for _, ctx := range r.Contexts {
		var attrs []map[string]string
		for _, kv := range strings.Split(ctx, ",") {
			name, value, _ := strings.Cut(kv, "=")
			attrs = append(attrs, map[string]string{"name": name, "value": value})
		}
		out = append(out, map[string]any{"attributes": attrs})
	}
	return out
}

var enforcementModes = map[string]bool{"enabled": true, "disabled": true, "report": true}

// reportUnsupported: CBR rules that cover the cluster API type of
// containers-kubernetes (or all its API types) do not support report-only
// mode (containers docs, CBR limitations: "Rules for the cluster API type
// do not support report-only"; terraform-ibm-modules/terraform-ibm-cbr
// defaults these to disabled for that reason).
// https://cloud.ibm.com/docs/containers?topic=containers-cbr#cbr-limitations
func reportUnsupported(service, apiType string) bool {
	return service == "containers-kubernetes" && (apiType == "" || apiType == "crn:v1:bluemix:public:containers-kubernetes::::api-type:cluster")
}

func cbrRuleCreate(c *Call) error {
	st := c.env.State
	mode := c.Get("enforcement-mode")
	if mode == "" {
		mode = "enabled"
	}
	if !enforcementModes[mode] {
		return failf("The enforcement mode '%s' is not valid. Available options: enabled, disabled, report", mode)
	}
	if reportUnsupported(c.Get("service-name"), c.Get("api-types")) && mode == "report" {
		return failf("The enforcement mode 'report' is not supported for the API type 'crn:v1:bluemix:public:containers-kubernetes::::api-type:cluster' of service 'containers-kubernetes'. (400 bad_request)")
	}
	zone := c.Get("zone-id")
	// A context may name the zone instead: IBM's containers cbr page gives
	// --context-attributes twice, endpointType=private and
	// endpointType=public,networkZoneId=ZONE.
	for _, ctx := range c.All("context-attributes") {
		for _, kv := range strings.Split(ctx, ",") {
			if v, ok := strings.CutPrefix(kv, "networkZoneId="); ok && zone == "" {
				zone = v
			}
		}
	}
	found := false
	for _, z := range st.CBRZones {
		found = found || z.ID == zone
	}
	if zone == "" || !found {
		return failf("The network zone '%s' was not found.", zone)
	}
	if si := c.Get("service-instance"); c.Get("service-name") == "containers-kubernetes" && si != "" && st.cluster(si) == nil {
		return failf("The service instance '%s' was not found.", si)
	}
	for _, r := range st.CBRRules {
		if r.Service == c.Get("service-name") && r.ServiceInstance == c.Get("service-instance") && r.APIType == c.Get("api-types") {
			// PSE2CBR: "A rule with the same resource attributes already exists".
			return failf("A rule with the same resource attributes already exists.")
		}
	}
	id := st.newID("cbrrule", c.Get("description"), len(st.CBRRules))[:32]
	st.CBRRules = append(st.CBRRules, CBRRule{ID: id, Description: c.Get("description"), Service: c.Get("service-name"), ServiceInstance: c.Get("service-instance"), APIType: c.Get("api-types"), ZoneID: zone, Contexts: c.All("context-attributes"), Enforcement: mode, Created: st.Seq})
	fmt.Fprintf(c.env.Out, "Creating rule...\nOK\nid                 %s\nenforcement_mode   %s\n", id, mode)
	return nil
}

func cbrRulePatch(c *Call) error {
	st := c.env.State
	for i := range st.CBRRules {
		r := &st.CBRRules[i]
		if r.ID != c.Args[0] {
			continue
		}
		if m := c.Get("enforcement-mode"); m != "" {
			if !enforcementModes[m] {
				return failf("The enforcement mode '%s' is not valid. Available options: enabled, disabled, report", m)
			}
			if m == "report" && reportUnsupported(r.Service, r.APIType) {
				return failf("The enforcement mode 'report' is not supported for the API type of this rule. (400 bad_request)")
			}
			r.Enforcement = m
		}
		if d := c.Get("description"); d != "" {
			r.Description = d
		}
		return ok(c)
	}
	return failf("The rule '%s' was not found. (404 not_found)", c.Args[0])
}

// Key Protect. `kp keys --output json` prints a bare array of keys (KPDOC).
func kmsInstance(st *State, id string) *Instance {
	for _, in := range st.instancesNamed(id) {
		if in.GUID == id && (in.Service == "kms" || in.Service == "hs-crypto") {
			return in
		}
	}
	return nil
}

func kpKeys(c *Call) error {
	st := c.env.State
	in := kmsInstance(st, c.Get("instance-id"))
	if in == nil {
		return failf("The instance '%s' was not found or you are not authorized to access it. (404)", c.Get("instance-id"))
	}
	out := []map[string]any{}
	for _, k := range st.Keys {
		if k.Instance != in.GUID {
			continue
		}
		out = append(out, map[string]any{"id": k.ID, "name": k.Name, "type": "application/vnd.ibm.kms.key+json", "algorithmType": "AES",
			"extractable": !k.Root, "state": 1, "creationDate": date(k.Created), "lastUpdateDate": date(k.Created),
			"crn": fmt.Sprintf("crn:v1:bluemix:public:kms:%s:a/%s:%s:key:%s", in.Location, st.Account.ID, in.GUID, k.ID)})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	fmt.Fprintln(c.env.Out, "Key ID   Key Name")
	for _, k := range out {
		fmt.Fprintf(c.env.Out, "%s   %s\n", k["id"], k["name"])
	}
	return nil
}

func kpKeyCreate(c *Call) error {
	st := c.env.State
	in := kmsInstance(st, c.Get("instance-id"))
	if in == nil {
		return failf("The instance '%s' was not found or you are not authorized to access it. (404)", c.Get("instance-id"))
	}
	// Duplicate key names are allowed (KPDOC lists two keys of one name).
	n := 0
	for _, k := range st.Keys {
		if k.Name == c.Args[0] {
			n++
		}
	}
	id := uuidish(st.newID("key", in.GUID+"/"+c.Args[0], n))
	st.Keys = append(st.Keys, Key{ID: id, Name: c.Args[0], Instance: in.GUID, Root: !c.Has("standard-key"), Created: st.Seq})
	fmt.Fprintf(c.env.Out, "Creating key: '%s', in instance: '%s'...\nSUCCESS\n\nKey ID   %s\n", c.Args[0], in.GUID, id)
	return nil
}

// Object Storage: bucket classes and locations (COS docs, classes and
// endpoints). bucket-head fails with 404 for a missing bucket.
var cosClasses = map[string]bool{"standard": true, "vault": true, "cold": true, "smart": true, "onerate_active": true}

func cosConfigCRN(c *Call) error {
	st := c.env.State
	crn := c.Get("crn")
	if crn == "" {
		// Without --crn the plug-in always asks for it (COSCLI source).
		return failf("Resource Instance ID CRN: the command asks for the CRN; stdin is not a terminal.")
	}
	if st.COSConfigCRN != "" && st.COSConfigCRN != crn && !c.Has("force") {
		return confirm(c, "A Service Instance ID/CRN is already stored. Overwrite it?", "force")
	}
	st.COSConfigCRN = crn
	return ok(c)
}

func cosLocation(loc string) bool {
	if _, ok := cat().Region(loc); ok {
		return true
	}
	switch loc {
	case "us", "eu", "ap":
		return true
	}
	return false
}

func cosBucketHead(c *Call) error {
	for _, b := range c.env.State.Buckets {
		if b.Name == c.Get("bucket") {
			if r := c.Get("region"); r != "" && r != b.Region {
				return failf("The specified bucket was not found in your IBM Cloud account in region %s. (404 NoSuchBucket)", r)
			}
			fmt.Fprintf(c.env.Out, "OK\nBucket '%s' found in region '%s'.\n", b.Name, b.Region)
			return nil
		}
	}
	return failf("The specified bucket was not found in your IBM Cloud account. (404 NoSuchBucket)")
}

func cosBucketCreate(c *Call) error {
	st := c.env.State
	name := c.Get("bucket")
	for _, b := range st.Buckets {
		if b.Name == name {
			// Bucket names are global across IBM Cloud: 409 BucketAlreadyExists.
			return failf("The requested bucket name is not available. (409 BucketAlreadyExists)")
		}
	}
	class := strings.ToLower(c.Get("class"))
	if class == "" {
		class = "standard"
	}
	if !cosClasses[class] {
		return failf("The storage class '%s' is not valid.", c.Get("class"))
	}
	inst := c.Get("ibm-service-instance-id")
	if inst == "" {
		inst = st.COSConfigCRN
	}
	var owner *Instance
	for _, in := range st.instancesNamed(inst) {
		if in.Service == "cloud-object-storage" {
			owner = in
		}
	}
	if owner == nil {
		return failf("The Object Storage instance '%s' was not found. (403 AccessDenied)", inst)
	}
	loc := c.Get("region")
	if loc == "" || !cosLocation(loc) {
		return failf("The location '%s' is not valid for a bucket.", loc)
	}
	st.Buckets = append(st.Buckets, Bucket{Name: name, Class: class, Region: loc, Instance: owner.GUID})
	fmt.Fprintf(c.env.Out, "OK\nDetails about bucket %s:\nRegion: %s\nClass: %s\n", name, loc, class)
	return nil
}
