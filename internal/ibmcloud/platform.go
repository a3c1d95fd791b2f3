package ibmcloud

import (
	"fmt"
	"sort"
	"strings"
)

// Platform services the runbook configures besides the cluster: IAM
// service-to-service authorizations, Key Protect key policies and
// Activity Tracker Event Routing targets and routes.
const (
	srcIAMAuth  = "https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_commands_iam#ibmcloud_iam_authorization_policy_create"
	srcKPPolicy = "https://cloud.ibm.com/docs/key-protect?topic=key-protect-cli-plugin-key-protect-cli-reference#kp-key-policy-update-dual"
	srcATracker = "https://cloud.ibm.com/docs/atracker?topic=atracker-cli-plugin-atracker-cli"
)

// AuthPolicy is an IAM authorization from a source service to a target.
type AuthPolicy struct {
	ID             string `json:"id"`
	Source         string `json:"source"`
	SourceInstance string `json:"sourceInstance,omitempty"`
	Target         string `json:"target"`
	TargetInstance string `json:"targetInstance,omitempty"`
	Roles          string `json:"roles"`
}

// ATTarget and ATRoute are Activity Tracker Event Routing objects.
type ATTarget struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	TargetCRN string `json:"targetCRN"`
	Region    string `json:"region"`
}

type ATRoute struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	TargetIDs []string `json:"targetIDs"`
	Locations []string `json:"locations"`
}

func platformSpecs() []*Spec {
	fJSON := opt("output", true)
	fInst := Flag{Names: []string{"instance-id", "i"}, Value: true, Required: true}
	return []*Spec{
		{Path: "plugin list", Source: srcPlugin, Run: pluginList},
		{Path: "iam authorization-policies", Source: srcIAMAuth, Run: authPolicies, Flags: []Flag{fJSON}},
		{Path: "iam authorization-policy-create", Args: []string{"SOURCE_SERVICE_NAME", "TARGET_SERVICE_NAME", "ROLE_NAMES"}, Mutating: true, Source: srcIAMAuth, Run: authPolicyCreate, Flags: []Flag{
			opt("source-service-instance-id", true), opt("source-service-instance-name", true), opt("target-service-instance-id", true),
			opt("target-service-instance-name", true), opt("source-resource-group-id", true), opt("target-resource-group-id", true),
			opt("source-resource-type", true), opt("target-resource-type", true), fJSON}},
		{Path: "kp key policies", Args: []string{"KEY_ID"}, Source: srcKPPolicy, Run: kpPolicies, Flags: []Flag{fInst, {Names: []string{"output", "o"}, Value: true}}},
		{Path: "kp key policy-update dual-auth-delete", Args: []string{"KEY_ID"}, Mutating: true, Source: srcKPPolicy, Run: kpDualAuth, Flags: []Flag{
			fInst, {Names: []string{"enable", "e"}}, {Names: []string{"disable", "d"}}, {Names: []string{"output", "o"}, Value: true}}},
		{Path: "atracker target ls", Source: srcATracker, Run: atTargets, Flags: []Flag{fJSON, opt("region", true)}},
		{Path: "atracker target create", Mutating: true, Source: srcATracker, Run: atTargetCreate, Flags: []Flag{
			opt("name", true), opt("type", true), opt("target-crn", true), opt("region", true), opt("cos-endpoint", true), opt("file", true), fJSON}},
		{Path: "atracker route ls", Source: srcATracker, Run: atRoutes, Flags: []Flag{fJSON}},
		{Path: "atracker route create", Mutating: true, Source: srcATracker, Run: atRouteCreate, Flags: []Flag{
			opt("name", true), opt("target-ids", true), opt("locations", true), opt("rules", true), opt("file", true), fJSON}},
	}
}

func pluginList(c *Call) error {
	fmt.Fprintln(c.env.Out, "Listing installed plug-ins...\n\nPlugin Name   Version")
	for _, n := range sortedKeys(plugins) {
		fmt.Fprintf(c.env.Out, "%s   %s\n", n, plugins[n])
	}
	return nil
}

// IAM authorization policies as the IAM Policy Management API v1 returns
// them (type authorization; subjects and resources as name/value
// attributes; roles with CRN role IDs); the CLI prints an array.
func authPolicyJSON(st *State, p AuthPolicy) map[string]any {
	attr := func(kv ...string) []map[string]string {
		out := []map[string]string{{"name": "accountId", "value": st.Account.ID}}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] != "" {
				out = append(out, map[string]string{"name": kv[i], "value": kv[i+1]})
			}
		}
		return out
	}
	var roles []map[string]string
	for _, r := range strings.Split(p.Roles, ",") {
		r = strings.TrimSpace(r)
		roles = append(roles, map[string]string{"role_id": "crn:v1:bluemix:public:iam::::serviceRole:" + r, "display_name": r})
	}
	return map[string]any{"id": p.ID, "type": "authorization",
		"subjects":  []map[string]any{{"attributes": attr("serviceName", p.Source, "serviceInstance", p.SourceInstance)}},
		"resources": []map[string]any{{"attributes": attr("serviceName", p.Target, "serviceInstance", p.TargetInstance)}},
		"roles":     roles}
}

func authPolicies(c *Call) error {
	out := []map[string]any{}
	for _, p := range c.env.State.AuthPolicies {
		out = append(out, authPolicyJSON(c.env.State, p))
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	for _, p := range c.env.State.AuthPolicies {
		fmt.Fprintf(c.env.Out, "Policy ID: %s\nSource service: %s\nTarget service: %s\nRoles: %s\n\n", p.ID, p.Source, p.Target, p.Roles)
	}
	return nil
}

// Roles a service-to-service authorization may grant.
var authRoles = map[string]bool{"Reader": true, "Writer": true, "Manager": true, "Sender": true, "ReaderPlus": true, "Viewer": true, "Operator": true, "Editor": true, "Administrator": true}

func authPolicyCreate(c *Call) error {
	st := c.env.State
	p := AuthPolicy{Source: c.Args[0], Target: c.Args[1], Roles: c.Args[2], SourceInstance: c.Get("source-service-instance-id"), TargetInstance: c.Get("target-service-instance-id")}
	for _, r := range strings.Split(p.Roles, ",") {
		if !authRoles[strings.TrimSpace(r)] {
			return failf("The role '%s' is not valid for an authorization from %s to %s.", r, p.Source, p.Target)
		}
	}
	if p.TargetInstance != "" {
		found := false
		for _, in := range st.instancesNamed(p.TargetInstance) {
			found = found || (in.GUID == p.TargetInstance && in.Service == p.Target)
		}
		if !found {
			return failf("The target service instance '%s' of service '%s' was not found.", p.TargetInstance, p.Target)
		}
	}
	for _, x := range st.AuthPolicies {
		if x.Source == p.Source && x.Target == p.Target && x.SourceInstance == p.SourceInstance && x.TargetInstance == p.TargetInstance {
			// The IAM Policy API refuses a duplicate: 409 policy_conflict_error.
			return failf("Failed to create authorization policy: a policy with the same source and target already exists. (409 policy_conflict_error)")
		}
	}
	p.ID = uuidish(st.newID("authz", p.Source+"/"+p.Target+"/"+p.TargetInstance, 0))
	st.AuthPolicies = append(st.AuthPolicies, p)
	fmt.Fprintf(c.env.Out, "Creating authorization policy under current account...\nOK\nAuthorization policy %s was created.\n", p.ID)
	return nil
}

func (c *Call) kpKey() (*Key, error) {
	st := c.env.State
	in := kmsInstance(st, c.Get("instance-id"))
	if in == nil {
		return nil, failf("The instance '%s' was not found or you are not authorized to access it. (404)", c.Get("instance-id"))
	}
	for i := range st.Keys {
		if st.Keys[i].ID == c.Args[0] && st.Keys[i].Instance == in.GUID {
			return &st.Keys[i], nil
		}
	}
	return nil, failf("The key '%s' was not found. (404 KEY_NOT_FOUND)", c.Args[0])
}

// kpPolicies prints the key's policies, an array as the KPDOC examples
// show (keyprotect-go-client Policy: rotation, dualAuthDelete{enabled}).
func kpPolicies(c *Call) error {
	k, err := c.kpKey()
	if err != nil {
		return err
	}
	out := []map[string]any{}
	if k.DualAuthDelete {
		out = append(out, map[string]any{"type": "application/vnd.ibm.kms.policy+json", "dualAuthDelete": map[string]bool{"enabled": true}})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	fmt.Fprintf(c.env.Out, "Key ID   Dual authorization delete\n%s   %v\n", k.ID, k.DualAuthDelete)
	return nil
}

func kpDualAuth(c *Call) error {
	k, err := c.kpKey()
	if err != nil {
		return err
	}
	if c.Has("enable") == c.Has("disable") {
		return &UsageError{"Incorrect Usage. Specify one of '--enable' or '--disable'."}
	}
	k.DualAuthDelete = c.Has("enable")
	fmt.Fprintln(c.env.Out, "SUCCESS")
	return nil
}

// Activity Tracker Event Routing: the CLI prints the API's list bodies
// (platform-services-go-sdk atrackerv2 TargetList{targets}, RouteList{routes})
// with --output JSON; INFERRED like the other generated platform plug-ins.
func atTargets(c *Call) error {
	out := []map[string]any{}
	for _, t := range c.env.State.ATTargets {
		out = append(out, map[string]any{"id": t.ID, "name": t.Name, "target_type": t.Type, "region": t.Region,
			"crn":                "crn:v1:bluemix:public:atracker:" + t.Region + ":a/" + c.env.State.Account.ID + "::target:" + t.ID,
			"cloudlogs_endpoint": map[string]string{"target_crn": t.TargetCRN}})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, map[string]any{"targets": out})
	}
	for _, t := range c.env.State.ATTargets {
		fmt.Fprintf(c.env.Out, "%s   %s   %s\n", t.ID, t.Name, t.Type)
	}
	return nil
}

var atTargetTypes = map[string]bool{"cloud_logs": true, "cloud_object_storage": true, "event_streams": true}

func atTargetCreate(c *Call) error {
	st := c.env.State
	if c.Get("file") == "" && (c.Get("name") == "" || c.Get("type") == "" || c.Get("target-crn") == "") {
		return &UsageError{"Incorrect Usage. '--name', '--type' and '--target-crn' are required without '--file'."}
	}
	if !atTargetTypes[c.Get("type")] {
		return failf("The target type '%s' is not valid. Available options: cloud_logs, cloud_object_storage, event_streams", c.Get("type"))
	}
	found := false
	for i := range st.Instances {
		found = found || st.Instances[i].crn() == c.Get("target-crn")
	}
	if !found {
		return failf("The target CRN '%s' does not name an instance of the account. (400)", c.Get("target-crn"))
	}
	for _, t := range st.ATTargets {
		if t.Name == c.Get("name") {
			return failf("A target with the name '%s' already exists. (409)", t.Name)
		}
	}
	id := uuidish(st.newID("attarget", c.Get("name"), 0))
	st.ATTargets = append(st.ATTargets, ATTarget{ID: id, Name: c.Get("name"), Type: c.Get("type"), TargetCRN: c.Get("target-crn"), Region: c.Get("region")})
	fmt.Fprintf(c.env.Out, "OK\nID     %s\nName   %s\n", id, c.Get("name"))
	return nil
}

func atRoutes(c *Call) error {
	out := []map[string]any{}
	for _, r := range c.env.State.ATRoutes {
		out = append(out, map[string]any{"id": r.ID, "name": r.Name, "rules": []map[string]any{{"target_ids": r.TargetIDs, "locations": r.Locations}}})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, map[string]any{"routes": out})
	}
	for _, r := range c.env.State.ATRoutes {
		fmt.Fprintf(c.env.Out, "%s   %s\n", r.ID, r.Name)
	}
	return nil
}

func atRouteCreate(c *Call) error {
	st := c.env.State
	if c.Get("name") == "" || (c.Get("target-ids") == "" && c.Get("rules") == "") {
		return &UsageError{"Incorrect Usage. '--name' and '--target-ids' (or '--rules') are required."}
	}
	ids := strings.Split(c.Get("target-ids"), ",")
	for _, id := range ids {
		found := false
		for _, t := range st.ATTargets {
			found = found || t.ID == id
		}
		if !found {
			return failf("The target '%s' was not found. (400)", id)
		}
	}
	for _, r := range st.ATRoutes {
		if r.Name == c.Get("name") {
			return failf("A route with the name '%s' already exists. (409)", r.Name)
		}
	}
	id := uuidish(st.newID("atroute", c.Get("name"), 0))
	st.ATRoutes = append(st.ATRoutes, ATRoute{ID: id, Name: c.Get("name"), TargetIDs: ids, Locations: strings.Split(c.Get("locations"), ",")})
	fmt.Fprintf(c.env.Out, "OK\nID     %s\nName   %s\n", id, c.Get("name"))
	return nil
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
