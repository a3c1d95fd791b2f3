package ibmcloud

import (
	"fmt"
	"sort"
	"strings"
)

// Sources of the non-ks command grammars.
const (
	srcCore     = "https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_cli"
	srcAccount  = "https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_commands_account"
	srcPlugin   = "https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_commands_settings"
	srcResource = "https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_commands_resource"
	srcIAM      = "https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_commands_iam"
	srcVPC      = "https://cloud.ibm.com/docs/vpc?topic=vpc-vpc-reference"
	srcCBR      = "https://cloud.ibm.com/docs/account?topic=account-cbr-plugin"
	srcKP       = "https://cloud.ibm.com/docs/key-protect?topic=key-protect-cli-plugin-key-protect-cli-reference"
	srcCOS      = "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-cli-plugin-ic-cos-cli"
)

var specs []*Spec

// Specs is the whole grammar the double knows.
func Specs() []*Spec {
	if specs == nil {
		specs = append(append(append(append(append(ksSpecs(), ksChangeSpecs()...), dedicatedSpecs()...), loggingSpecs()...), otherSpecs()...), platformSpecs()...)
	}
	return specs
}

func otherSpecs() []*Spec {
	fJSON := opt("output", true)
	return []*Spec{
		{Path: "login", Source: srcCore, Run: login, Flags: []Flag{
			{Names: []string{"r"}, Value: true}, {Names: []string{"g"}, Value: true}, {Names: []string{"a"}, Value: true},
			opt("apikey", true), opt("sso", false), opt("no-region", false), {Names: []string{"c"}, Value: true}, {Names: []string{"q"}}}},
		{Path: "target", Source: srcCore, Run: target, Flags: []Flag{
			{Names: []string{"r"}, Value: true}, {Names: []string{"g"}, Value: true}, {Names: []string{"c"}, Value: true}, opt("unset-region", false), opt("unset-resource-group", false), fJSON}},
		{Path: "account show", Source: srcAccount, Run: accountShow, Flags: []Flag{fJSON}},
		{Path: "plugin show", Args: []string{"PLUGIN"}, Source: srcPlugin, Run: pluginShow},

		{Path: "resource group", Args: []string{"NAME"}, Source: srcResource, Run: resourceGroup, Flags: []Flag{opt("id", false), fJSON}},
		{Path: "resource service-instance", Args: []string{"NAME_OR_ID"}, Source: srcResource, Run: serviceInstance, Flags: []Flag{
			opt("location", true), opt("id", false), fJSON, {Names: []string{"g"}, Value: true}}},
		{Path: "resource service-instances", Source: srcResource, Run: serviceInstances, Flags: []Flag{
			opt("service-name", true), opt("location", true), opt("type", true), {Names: []string{"g"}, Value: true}, opt("long", false), fJSON}},
		{Path: "resource service-instance-create", Args: []string{"NAME", "SERVICE_NAME", "SERVICE_PLAN_NAME", "LOCATION"}, Mutating: true, Source: srcResource, Run: serviceInstanceCreate, Flags: []Flag{
			{Names: []string{"d", "deployment"}, Value: true}, {Names: []string{"p", "parameters"}, Value: true}, {Names: []string{"g"}, Value: true},
			opt("service-endpoints", true), opt("allow-cleanup", false), opt("lock", false), fJSON}},
		{Path: "resource service-instance-update", Args: []string{"NAME_OR_ID"}, Mutating: true, Source: srcResource, Run: serviceInstanceUpdate, Flags: []Flag{
			{Names: []string{"n", "name"}, Value: true}, opt("service-plan-id", true), {Names: []string{"p", "parameters"}, Value: true},
			opt("service-endpoints", true), {Names: []string{"g"}, Value: true}, {Names: []string{"f", "force"}}, fJSON}},

		{Path: "iam access-group", Args: []string{"GROUP_NAME"}, Source: srcIAM, Run: accessGroup, Flags: []Flag{opt("id", false), fJSON}},
		{Path: "iam access-group-create", Args: []string{"GROUP_NAME"}, Mutating: true, Source: srcIAM, Run: accessGroupCreate, Flags: []Flag{{Names: []string{"d", "description"}, Value: true}, fJSON}},
		{Path: "iam access-group-user-add", Args: []string{"GROUP_NAME", "USER_NAME..."}, Mutating: true, Source: srcIAM, Run: accessGroupUserAdd},
		{Path: "iam access-group-policy-create", Args: []string{"GROUP_NAME"}, Mutating: true, Source: srcIAM, Run: accessGroupPolicyCreate, Flags: []Flag{
			opt("file", true), opt("roles", true), opt("service-name", true), opt("service-instance", true), opt("region", true),
			opt("resource-type", true), opt("resource", true), opt("resource-group-name", true), opt("resource-group-id", true),
			opt("attributes", true), opt("service-type", true), fJSON}},
		{Path: "iam access-group-users", Args: []string{"GROUP_NAME"}, Source: srcIAM, Run: accessGroupUsers, Flags: []Flag{fJSON}},
		{Path: "iam access-group-policies", Args: []string{"GROUP_NAME"}, Source: srcIAM, Run: accessGroupPolicies, Flags: []Flag{fJSON}},

		{Path: "is vpc", Args: []string{"VPC"}, Source: srcVPC, Run: isVPC, Flags: []Flag{fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is vpcs", Source: srcVPC, Run: isVPCs, Flags: []Flag{fJSON, opt("resource-group-name", true), {Names: []string{"q", "quiet"}}}},
		{Path: "is vpc-create", Args: []string{"VPC_NAME"}, Mutating: true, Source: srcVPC, Run: isVPCCreate, Flags: []Flag{
			opt("classic-access", false), opt("address-prefix-management", true), opt("resource-group-id", true), opt("resource-group-name", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is subnet", Args: []string{"SUBNET"}, Source: srcVPC, Run: isSubnet, Flags: []Flag{opt("vpc", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is subnet-create", Args: []string{"SUBNET_NAME", "VPC"}, Mutating: true, Source: srcVPC, Run: isSubnetCreate, Flags: []Flag{
			opt("zone", true), opt("ipv4-address-count", true), opt("ipv4-cidr-block", true), opt("acl", true), opt("pgw", true),
			opt("resource-group-id", true), opt("resource-group-name", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is subnet-update", Args: []string{"SUBNET"}, Mutating: true, Source: srcVPC, Run: isSubnetUpdate, Flags: []Flag{
			opt("vpc", true), opt("name", true), opt("acl", true), opt("pgw", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is public-gateway", Args: []string{"GATEWAY"}, Source: srcVPC, Run: isPGW, Flags: []Flag{opt("vpc", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is public-gateway-create", Args: []string{"GATEWAY_NAME", "VPC", "ZONE_NAME"}, Mutating: true, Source: srcVPC, Run: isPGWCreate, Flags: []Flag{
			opt("floating-ip-id", true), opt("floating-ip-address", true), opt("resource-group-id", true), opt("resource-group-name", true), fJSON, {Names: []string{"q", "quiet"}}}},

		{Path: "is endpoint-gateway", Args: []string{"ENDPOINT_GATEWAY"}, Source: srcVPE, Run: isEndpointGateway, Flags: []Flag{opt("vpc", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is endpoint-gateways", Source: srcVPE, Run: isEndpointGateways, Flags: []Flag{
			opt("resource-group-id", true), opt("resource-group-name", true), opt("all-resource-groups", false), opt("vpc", true),
			opt("dns-resolution-binding-mode", true), opt("lifecycle-state", true), fJSON, {Names: []string{"q", "quiet"}}}},
		{Path: "is endpoint-gateway-create", Mutating: true, Source: srcVPE, Run: isEndpointGatewayCreate, Flags: []Flag{
			req("target"), opt("target-type", true), opt("vpc", true), opt("name", true), opt("rip", true), opt("subnet", true),
			{Names: []string{"new-reserved-ip"}, Value: true, Repeat: true}, opt("dns-resolution-binding-mode", true), opt("sg", true),
			opt("resource-group-id", true), opt("resource-group-name", true), fJSON, {Names: []string{"q", "quiet"}}}},

		{Path: "cbr zones", Source: srcCBR, Run: cbrZones, Flags: []Flag{opt("name", true), opt("vpc", true), opt("service-ref", true), fJSON}},
		{Path: "cbr zone-create", Mutating: true, Source: srcCBR, Run: cbrZoneCreate, Flags: []Flag{
			opt("name", true), opt("description", true), opt("addresses", true), opt("excluded", true), opt("vpc", true),
			opt("service-ref", true), opt("file", true), fJSON}},
		{Path: "cbr rules", Source: srcCBR, Run: cbrRules, Flags: []Flag{
			opt("zone-id", true), opt("service-name", true), opt("service-instance", true), opt("service-type", true),
			opt("region", true), opt("resource-group-id", true), opt("resource", true), opt("resource-type", true), opt("sort", true), fJSON}},
		{Path: "cbr rule", Args: []string{"RULE_ID"}, Source: srcCBR, Run: cbrRule, Flags: []Flag{fJSON}},
		{Path: "cbr rule-create", Mutating: true, Source: srcCBR, Run: cbrRuleCreate, Flags: []Flag{
			opt("description", true), opt("service-name", true), opt("service-instance", true), opt("service-type", true),
			opt("region", true), opt("resource-group-id", true), opt("resource", true), opt("resource-type", true),
			opt("api-types", true), {Names: []string{"context-attributes"}, Value: true, Repeat: true}, opt("zone-id", true), opt("enforcement-mode", true), opt("file", true), fJSON}},
		{Path: "cbr rule-patch", Args: []string{"RULE_ID"}, Mutating: true, Source: srcCBR, Run: cbrRulePatch, Flags: []Flag{
			opt("description", true), opt("enforcement-mode", true), fJSON}},

		{Path: "kp keys", Source: srcKP, Run: kpKeys, Flags: []Flag{{Names: []string{"instance-id", "i"}, Value: true, Required: true}, {Names: []string{"output", "o"}, Value: true}, opt("crn", false)}},
		{Path: "kp key create", Args: []string{"KEY_NAME"}, Mutating: true, Source: srcKP, Run: kpKeyCreate, Flags: []Flag{
			{Names: []string{"instance-id", "i"}, Value: true, Required: true}, {Names: []string{"standard-key", "s"}}, {Names: []string{"key-material", "k"}, Value: true},
			{Names: []string{"description", "D"}, Value: true}, {Names: []string{"output", "o"}, Value: true}}},

		{Path: "cos config crn", Source: srcCOS, Run: cosConfigCRN, Flags: []Flag{opt("crn", true), opt("force", false), opt("list", false)}},
		{Path: "cos bucket-head", Source: srcCOS, Run: cosBucketHead, Flags: []Flag{req("bucket"), opt("region", true), opt("output", true)}},
		{Path: "cos bucket-create", Mutating: true, Source: srcCOS, Run: cosBucketCreate, Flags: []Flag{
			req("bucket"), opt("class", true), opt("ibm-service-instance-id", true), opt("region", true),
			opt("kms-root-key-crn", true), opt("kms-encryption-algorithm", true), opt("output", true)}},
	}
}

func login(c *Call) error {
	st := c.env.State
	if !c.Has("sso") && c.Get("apikey") == "" && c.env.Vars("IBMCLOUD_API_KEY") == "" {
		// Without an API key or --sso, login asks for e-mail and password.
		return failf("Non-interactive login needs an API key (IBMCLOUD_API_KEY or --apikey) or --sso.")
	}
	st.Session.LoggedIn = true
	if r := c.Get("r"); r != "" {
		st.Session.Region = r
	}
	if g := c.Get("g"); g != "" {
		if st.group(g) == nil {
			return failf("Resource group '%s' was not found.", g)
		}
		st.Session.ResourceGroup = g
	}
	fmt.Fprintf(c.env.Out, "Authenticating...\nOK\n\nTargeted account (%s)\n", st.Account.ID)
	return nil
}

func target(c *Call) error {
	st := c.env.State
	if r := c.Get("r"); r != "" {
		if _, ok := cat().Region(r); !ok {
			return failf("Region '%s' was not found.", r)
		}
		st.Session.Region = r
	}
	if g := c.Get("g"); g != "" {
		if st.group(g) == nil {
			return failf("Resource group '%s' was not found.", g)
		}
		st.Session.ResourceGroup = g
	}
	fmt.Fprintf(c.env.Out, "Region:          %s\nResource group:  %s\n", st.Session.Region, st.Session.ResourceGroup)
	return nil
}

// accountShow prints the labels the ACCTCLI page lists, in its order.
func accountShow(c *Call) error {
	a := c.env.State.Account
	fmt.Fprintf(c.env.Out, "Retrieving account %s...\nOK\n\nAccount ID:                 %s\nCurrently Targeted Account: true\nLinked Softlayer Account:   1234567\nVRF Enabled:                %v\nService Endpoint Enabled:   %v\n", a.ID, a.ID, a.VRFEnabled, a.ServiceEndpointEnabled)
	return nil
}

// Plug-ins installed in the rehearsal's CLI.
var plugins = map[string]string{
	"kubernetes-service": "1.0.791", "container-service": "1.0.791", "vpc-infrastructure": "13.0.0",
	"cloud-object-storage": "1.9.0", "cbr": "1.4.0", "key-protect": "0.10.0", "cloud-internet-services": "1.16.0",
	"atracker": "1.3.0",
}

func pluginShow(c *Call) error {
	v, ok := plugins[c.Args[0]]
	if !ok {
		return failf("Plug-in '%s' is not installed.", c.Args[0])
	}
	fmt.Fprintf(c.env.Out, "Plug-in Name: %s\nPlug-in Version: %s\n", c.Args[0], v)
	return nil
}

func resourceGroup(c *Call) error {
	g := c.env.State.group(c.Args[0])
	if g == nil {
		return failf("Resource group '%s' was not found.", c.Args[0])
	}
	if c.Has("id") {
		fmt.Fprintln(c.env.Out, g.ID)
		return nil
	}
	fmt.Fprintf(c.env.Out, "Retrieving resource group %s...\nOK\n\nName:  %s\nID:    %s\n", g.Name, g.Name, g.ID)
	return nil
}

// Resource Controller services the runbook creates, with their plans
// (resource catalog names).
var servicePlans = map[string][]string{
	"kms":                         {"tiered-pricing"},
	"hs-crypto":                   {"standard"},
	"cloud-object-storage":        {"standard", "lite", "onerate-active"},
	"databases-for-postgresql":    {"standard", "enterprise", "platinum"},
	"databases-for-mysql":         {"standard"},
	"databases-for-mongodb":       {"standard", "enterprise"},
	"databases-for-redis":         {"standard"},
	"databases-for-elasticsearch": {"enterprise", "platinum"},
	"messages-for-rabbitmq":       {"standard", "enterprise"},
	"cloudantnosqldb":             {"standard", "lite"},
	"internet-svcs":               {"standard-next", "enterprise-usage", "trial"},
	"logs":                        {"standard"},
	"sysdig-monitor":              {"graduated-tier", "lite"},
	"secrets-manager":             {"standard", "trial"},
	"logs-router":                 {"standard"},
	"atracker":                    {"standard"},
}

func (in *Instance) crn() string {
	return fmt.Sprintf("crn:v1:bluemix:public:%s:%s:a/%s:%s::", in.Service, in.Location, "a1b2c3d4e5f60718293a4b5c6d7e8f90", in.GUID)
}

func serviceInstanceCreate(c *Call) error {
	st := c.env.State
	name, svc, plan, loc := c.Args[0], c.Args[1], c.Args[2], c.Args[3]
	plans, ok := servicePlans[svc]
	if !ok {
		return failf("Service offering '%s' was not found.", svc)
	}
	found := false
	for _, p := range plans {
		found = found || p == plan
	}
	if !found {
		return failf("Service plan '%s' was not found for service '%s'.", plan, svc)
	}
	if loc != "global" {
		if _, ok := cat().Region(loc); !ok {
			return failf("Location '%s' is not valid for service '%s'.", loc, svc)
		}
	}
	group := st.Session.ResourceGroup
	if g := c.Get("g"); g != "" {
		if st.group(g) == nil {
			return failf("Resource group '%s' was not found.", g)
		}
		group = g
	}
	if group == "" {
		return failf("No resource group targeted. Use 'ibmcloud target -g RESOURCE_GROUP' or -g.")
	}
	var params map[string]any
	if p := c.Get("p"); p != "" {
		if err := jsonUnmarshalStrict(p, &params); err != nil {
			return failf("The parameters are not valid JSON: %v", err)
		}
	}
	if svc == "logs" {
		if err := checkLogsParams(st, params); err != nil {
			return err
		}
	}
	if ep := c.Get("service-endpoints"); ep != "" && ep != "public" && ep != "private" && ep != "public-and-private" {
		return failf("The service endpoints '%s' are not valid. Available options: public, private, public-and-private", ep)
	}
	// Duplicate names are allowed: each create makes another instance
	// (IBM-Cloud/ibm-cloud-cli-release#107, "working as designed").
	n := len(st.instancesNamed(name))
	guid := st.newID("instance", name, n)
	guid = guid[:8] + "-" + guid[8:12] + "-" + guid[12:16] + "-" + guid[16:20] + "-" + guid[20:32]
	st.Instances = append(st.Instances, Instance{GUID: guid, Name: name, Service: svc, Plan: plan, Location: loc, ResourceGroup: group, Endpoints: c.Get("service-endpoints"), Parameters: params, Created: st.Seq})
	fmt.Fprintf(c.env.Out, "Creating service instance %s in resource group %s...\nOK\nService instance %s was created.\n", name, group, name)
	return nil
}

// checkLogsParams: Cloud Logs takes retention_period 7, 14, 30, 60 or 90
// days (default 7) at create (cloud-logs docs, provisioning; issue 7).
func checkLogsParams(st *State, p map[string]any) error {
	if err := checkLogsBuckets(st, p); err != nil {
		return err
	}
	v, ok := p["retention_period"]
	if !ok {
		return nil
	}
	f, isNum := v.(float64)
	switch {
	case !isNum:
		return failf("The parameter 'retention_period' must be a number of days.")
	case f == 7 || f == 14 || f == 30 || f == 60 || f == 90:
		return nil
	}
	return failf("The parameter 'retention_period' must be one of 7, 14, 30, 60, 90.")
}

// checkLogsBuckets: the data and metrics buckets are given as
// logs_bucket_crn/logs_bucket_endpoint and
// metrics_bucket_crn/metrics_bucket_endpoint (IBM's terraform-ibm-cloud-logs
// main.tf sets each pair together), a bucket CRN being its Object Storage
// instance's CRN with resource-type bucket and the bucket's name (IBM CRN
// format). Cloud Logs writes there only with a Cloud Logs -> Object
// Storage authorization granting Writer (cloud-logs iam-service-auth-cos;
// the module creates it before the instance). The messages are the
// double's own: IBM's text for these refusals is not published.
func checkLogsBuckets(st *State, p map[string]any) error {
	for _, kind := range []string{"logs", "metrics"} {
		crn, _ := p[kind+"_bucket_crn"].(string)
		endpoint, _ := p[kind+"_bucket_endpoint"].(string)
		if crn == "" && endpoint == "" {
			continue
		}
		if crn == "" || endpoint == "" {
			return failf("The parameters '%[1]s_bucket_crn' and '%[1]s_bucket_endpoint' must be given together.", kind)
		}
		base, name, ok := strings.Cut(crn, ":bucket:")
		var bucket *Bucket
		for i := range st.Buckets {
			if ok && st.Buckets[i].Name == name {
				bucket = &st.Buckets[i]
			}
		}
		var owner *Instance
		for i := range st.Instances {
			if in := &st.Instances[i]; bucket != nil && in.GUID == bucket.Instance && strings.TrimSuffix(in.crn(), "::") == base {
				owner = in
			}
		}
		if owner == nil {
			return failf("The bucket '%s' in parameter '%s_bucket_crn' was not found.", crn, kind)
		}
		if !strings.Contains(endpoint, "."+bucket.Region+".") {
			return failf("The endpoint '%s' in parameter '%s_bucket_endpoint' does not serve the bucket's region %s.", endpoint, kind, bucket.Region)
		}
		allowed := false
		for _, a := range st.AuthPolicies {
			allowed = allowed || a.Source == "logs" && a.Target == "cloud-object-storage" && strings.Contains(a.Roles, "Writer") &&
				(a.TargetInstance == "" || a.TargetInstance == owner.GUID)
		}
		if !allowed {
			return failf("IBM Cloud Logs is not authorized to write to the bucket '%s': create a service-to-service authorization from logs to cloud-object-storage with the Writer role.", name)
		}
	}
	return nil
}

func serviceInstanceUpdate(c *Call) error {
	ins := c.env.State.instancesNamed(c.Args[0])
	if len(ins) != 1 {
		return failf("Service instance '%s' was not found or is not unique.", c.Args[0])
	}
	if p := c.Get("p"); p != "" {
		var params map[string]any
		if err := jsonUnmarshalStrict(p, &params); err != nil {
			return failf("The parameters are not valid JSON: %v", err)
		}
		if ins[0].Service == "logs" {
			if err := checkLogsParams(c.env.State, params); err != nil {
				return err
			}
		}
		if ins[0].Parameters == nil {
			ins[0].Parameters = map[string]any{}
		}
		for k, v := range params {
			ins[0].Parameters[k] = v
		}
	}
	return ok(c)
}

// rcInstance is the Resource Controller item (platform-services-go-sdk
// resourcecontrollerv2 ResourceInstance); the CLI prints an array of them,
// also for one name (ibm-api-shapes.md A.6).
type rcInstance struct {
	ID              string         `json:"id"`
	GUID            string         `json:"guid"`
	CRN             string         `json:"crn"`
	Name            string         `json:"name"`
	RegionID        string         `json:"region_id"`
	ResourcePlanID  string         `json:"resource_plan_id"`
	ResourceGroupID string         `json:"resource_group_id"`
	State           string         `json:"state"`
	Type            string         `json:"type"`
	Parameters      map[string]any `json:"parameters,omitempty"`
	// Extensions is where a Cloud Logs instance shows its settings
	// (IBM cloud-logs ts-cos-config: `jq '.[].extensions.retention_period'`;
	// platform-services-go-sdk ResourceInstance.Extensions).
	Extensions    map[string]any `json:"extensions,omitempty"`
	LastOperation struct {
		Type  string `json:"type"`
		State string `json:"state"`
		Async bool   `json:"async"`
	} `json:"last_operation"`
	ServiceName       string `json:"service_name"`
	ResourceGroupName string `json:"resource_group_name"`
}

func instanceJSON(st *State, in *Instance) rcInstance {
	r := rcInstance{ID: in.crn(), GUID: in.GUID, CRN: in.crn(), Name: in.Name, RegionID: in.Location, ResourcePlanID: in.Plan,
		ResourceGroupID: groupID(st, in.ResourceGroup), State: "active", Type: "service_instance", Parameters: in.Parameters,
		ServiceName: in.Service, ResourceGroupName: in.ResourceGroup}
	r.LastOperation.Type, r.LastOperation.State = "create", "succeeded"
	if in.Service == "logs" && len(in.Parameters) > 0 {
		r.Extensions = in.Parameters
	}
	return r
}

func serviceInstance(c *Call) error {
	ins := c.env.State.instancesNamed(c.Args[0])
	if len(ins) == 0 {
		return failf("Service instance %s was not found", c.Args[0])
	}
	if c.Has("id") {
		for _, in := range ins {
			fmt.Fprintln(c.env.Out, in.crn())
		}
		return nil
	}
	if c.Get("output") != "" {
		out := []rcInstance{}
		for _, in := range ins {
			out = append(out, instanceJSON(c.env.State, in))
		}
		return printJSON(c.env.Out, out)
	}
	if len(ins) > 1 {
		fmt.Fprintf(c.env.Out, "Multiple service instances found with name %s\n", c.Args[0])
	}
	in := ins[0]
	fmt.Fprintf(c.env.Out, "Retrieving service instance %s...\nOK\n\nName:     %s\nID:       %s\nGUID:     %s\nLocation: %s\nService Name: %s\nService Plan Name: %s\nState:    active\n", in.Name, in.Name, in.crn(), in.GUID, in.Location, in.Service, in.Plan)
	return nil
}

func serviceInstances(c *Call) error {
	out := []rcInstance{}
	for i := range c.env.State.Instances {
		in := &c.env.State.Instances[i]
		if s := c.Get("service-name"); s != "" && s != in.Service {
			continue
		}
		if l := c.Get("location"); l != "" && l != in.Location {
			continue
		}
		out = append(out, instanceJSON(c.env.State, in))
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	fmt.Fprintln(c.env.Out, "OK\nName   Location   State   Type")
	for _, r := range out {
		fmt.Fprintf(c.env.Out, "%s   %s   %s   %s\n", r.Name, r.RegionID, r.State, r.Type)
	}
	return nil
}

func accessGroup(c *Call) error {
	g := c.env.State.accessGroup(c.Args[0])
	if g == nil {
		return failf("Access group '%s' was not found.", c.Args[0])
	}
	if c.Has("id") {
		fmt.Fprintln(c.env.Out, g.ID)
		return nil
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, map[string]string{"id": g.ID, "name": g.Name, "description": g.Description})
	}
	fmt.Fprintf(c.env.Out, "Name:        %s\nID:          %s\nDescription: %s\n", g.Name, g.ID, g.Description)
	return nil
}

func accessGroupCreate(c *Call) error {
	st := c.env.State
	name := c.Args[0]
	for _, g := range st.AccessGroups {
		// Names are unique and case-insensitive in the account
		// (platform-services-go-sdk iamaccessgroupsv2, name option; the
		// service answers 409).
		if strings.EqualFold(g.Name, name) {
			return failf("An access group with the name '%s' already exists in the account. (409)", name)
		}
	}
	if len(name) > 100 {
		return failf("The access group name must be at most 100 characters.")
	}
	st.AccessGroups = append(st.AccessGroups, AccessGroup{ID: "AccessGroupId-" + st.newID("ag", name, 0)[:32], Name: name, Description: c.Get("d")})
	fmt.Fprintf(c.env.Out, "Creating access group %s...\nOK\n", name)
	return nil
}

func accessGroupUserAdd(c *Call) error {
	g := c.env.State.accessGroup(c.Args[0])
	if g == nil {
		return failf("Access group '%s' was not found.", c.Args[0])
	}
	for _, u := range c.Args[1:] {
		if !strings.Contains(u, "@") {
			return failf("User '%s' was not found in the account.", u)
		}
		present := false
		for _, m := range g.Members {
			present = present || m == u
		}
		if !present {
			g.Members = append(g.Members, u)
		}
	}
	sort.Strings(g.Members)
	return ok(c)
}

// Roles IAM knows for containers-kubernetes (platform and service roles).
var iamRoles = map[string]bool{"Viewer": true, "Editor": true, "Operator": true, "Administrator": true, "Reader": true, "Writer": true, "Manager": true}

func accessGroupPolicyCreate(c *Call) error {
	st := c.env.State
	g := st.accessGroup(c.Args[0])
	if g == nil {
		return failf("Access group '%s' was not found.", c.Args[0])
	}
	if c.Get("file") == "" && c.Get("roles") == "" {
		return &UsageError{"Incorrect Usage. Specify '--roles' or '--file'."}
	}
	for _, r := range strings.Split(c.Get("roles"), ",") {
		if !iamRoles[strings.TrimSpace(r)] {
			return failf("Role '%s' is not valid for the service.", r)
		}
	}
	p := Policy{Roles: c.Get("roles"), ServiceName: c.Get("service-name"), ServiceInstance: c.Get("service-instance"), ResourceType: c.Get("resource-type"), Resource: c.Get("resource"), Attributes: c.Get("attributes")}
	if p.ServiceInstance != "" && p.ServiceName == "containers-kubernetes" && st.cluster(p.ServiceInstance) == nil {
		return failf("The service instance '%s' was not found.", p.ServiceInstance)
	}
	if p.ResourceType == "resource-group" && st.group(p.Resource) == nil {
		return failf("The resource group '%s' was not found.", p.Resource)
	}
	for _, x := range g.Policies {
		if x == p {
			// IAM refuses a policy identical to an existing one (409
			// "policy_conflict_error", IAM Policy Management API).
			return failf("Failed to create policy: a policy with the same subject, roles and resources already exists. (409 policy_conflict_error)")
		}
	}
	g.Policies = append(g.Policies, p)
	fmt.Fprintf(c.env.Out, "Creating policy under current account for access group %s...\nOK\n", g.Name)
	return nil
}

// accessGroupPolicies lists the group's policies as the IAM Policy
// Management API returns them (platform-services-go-sdk
// iampolicymanagementv1 Policy: id, type, subjects[].attributes[] with
// access_group_id, roles[] with role_id and display_name, resources[] with
// attributes[] of name/value/operator; accountId always among them). The
// CLI prints the list as an array (the INFERRED rule for iam lists in
// ibm-api-shapes.md). Platform roles are crn:v1:bluemix:public:iam::::role:R,
// service roles …::::serviceRole:R (IAM's role CRNs).
func accessGroupPolicies(c *Call) error {
	g := c.env.State.accessGroup(c.Args[0])
	if g == nil {
		return failf("Access group '%s' was not found.", c.Args[0])
	}
	out := []iamPolicyJSON{}
	for i, p := range g.Policies {
		out = append(out, p.apiJSON(c.env.State.Account.ID, g.ID, fmt.Sprintf("%s-policy-%d", g.ID, i+1)))
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	for _, p := range out {
		fmt.Fprintf(c.env.Out, "Policy ID:   %s\n", p.ID)
		for _, r := range p.Roles {
			fmt.Fprintf(c.env.Out, "Roles:       %s\n", r.DisplayName)
		}
		for _, a := range p.Resources[0].Attributes {
			fmt.Fprintf(c.env.Out, "  %s: %s\n", a.Name, a.Value)
		}
	}
	return nil
}

// accessGroupUsers lists the group's members: an array of members as the
// IAM Access Groups API lists them (iam_id, type, email; PSDK
// iamaccessgroupsv2 ListGroupMembersResponseMember).
func accessGroupUsers(c *Call) error {
	g := c.env.State.accessGroup(c.Args[0])
	if g == nil {
		return failf("Access group '%s' was not found.", c.Args[0])
	}
	out := []map[string]string{}
	for _, m := range g.Members {
		out = append(out, map[string]string{"iam_id": "IBMid-" + m, "type": "user", "email": m})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	for _, m := range g.Members {
		fmt.Fprintln(c.env.Out, m)
	}
	return nil
}
