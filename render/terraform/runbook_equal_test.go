package terraform_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/rehearse"
	"github.com/iksplan/iksplan/render"
)

// TestMain lets this test binary play the IBM Cloud double (testsupport.Main).
func TestMain(m *testing.M) { testsupport.Main(m) }

// TestTerraformBuildsWhatTheRunbookBuilds runs every preset's and every
// rehearsal variant's runbook against the IBM Cloud double (a fresh
// rehearsal) and compares the resources in the double's final state with
// the resources and arguments of the rendered Terraform: network, cluster,
// pools and their zones, service instances, keys and their policies,
// buckets, service-to-service authorizations, Activity Tracker targets and
// routes, Ingress Secrets Manager registrations, CBR zones and rules,
// access groups. Every Terraform resource must be part of a line.
func TestTerraformBuildsWhatTheRunbookBuilds(t *testing.T) {
	for _, tool := range []string{"bash", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the rehearsal needs %s on PATH", tool)
		}
	}
	if testing.Short() {
		t.Skip("rehearsal skipped in -short mode")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog.Default()
	for _, rd := range rehearsedDesigns(t) {
		t.Run(rd.Name, func(t *testing.T) {
			d := rd.Design
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			arts, err := render.All(render.Input{Design: d, SourceName: rd.Name + ".yaml", Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			if err := render.Write(out, arts, false); err != nil {
				t.Fatal(err)
			}
			sum, err := rehearse.Run(rehearse.Options{Name: rd.Name, Design: model.Resolve(d, cat), RunbookDir: out,
				WorkDir: filepath.Join(dir, "worlds"), Binary: self, Faults: "none", Out: io.Discard})
			if err != nil && !errors.Is(err, rehearse.ErrFailed) {
				t.Fatal(err)
			}
			if !sum.FreshOK {
				// The rehearsal itself (iksplan rehearse, CI's rehearse
				// phase) reports a runbook that does not finish; without a
				// final state there is nothing to compare here.
				first := ""
				if len(sum.Problems) > 0 {
					first = sum.Problems[0]
					if i := strings.Index(first, "step "); i >= 0 {
						first = first[i:]
					}
					if i := strings.IndexByte(first, '\n'); i >= 0 {
						first = first[:i]
					}
				}
				t.Skipf("the runbook's fresh rehearsal did not finish, so there is no final state to compare: %s", first)
			}
			st, err := ibmcloud.LoadState(filepath.Join(dir, "worlds", "fresh", "state"))
			if err != nil {
				t.Fatal(err)
			}
			got := stateResources(st, logsAgentReleases(t, filepath.Join(dir, "worlds", "fresh", "state")), model.Resolve(d, cat))
			want, extra := terraformResources(t, arts)
			if os.Getenv("IKSPLAN_TF_COMPARE_VERBOSE") != "" {
				t.Logf("runbook:\n%s\nterraform:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for _, k := range want {
				if !slices.Contains(got, k) {
					t.Errorf("Terraform has %s; the runbook's final state does not", k)
				}
			}
			for _, k := range got {
				if !slices.Contains(want, k) {
					t.Errorf("the runbook's final state has %s; Terraform does not", k)
				}
			}
			for _, e := range extra {
				t.Errorf("Terraform resource %s has no counterpart in the comparison", e)
			}
		})
	}
}

// helmRelease is a Helm release in the double's kube.json (the recording
// helm stand-in's state, internal/ibmcloud kubeState.Releases).
type helmRelease struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	Chart     string `json:"chart"`
	Version   string `json:"version"`
}

// logsAgentReleases are the releases of the double's final state that
// Terraform installs too: the Logs agent's (terraform logsagent.go); the
// other agents and plug-ins stay the runbook's.
func logsAgentReleases(t *testing.T, stateDir string) []helmRelease {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(stateDir, "kube.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var ks struct {
		Releases []helmRelease `json:"releases"`
	}
	if err := json.Unmarshal(b, &ks); err != nil {
		t.Fatal(err)
	}
	var out []helmRelease
	for _, r := range ks.Releases {
		if r.Name == "logs-agent" {
			out = append(out, r)
		}
	}
	return out
}

// rehearsedDesigns are every preset and every rehearsal variant, the
// designs CI's rehearse phase runs; variants are named variant-NAME.
func rehearsedDesigns(t *testing.T) []testsupport.Design {
	t.Helper()
	out := testsupport.Designs(t)
	for i := range out {
		if out[i].Variant {
			out[i].Name = "variant-" + out[i].Name
		}
	}
	return out
}

// stateResources describes the double's account as sorted lines. IDs are
// replaced by the names of what they point at, since Terraform refers to
// them by resource address; an ID the design itself names (an existing
// VPC or subnet) stays an ID, as Terraform's variables hold it, and the
// Secrets Manager instance the design names is left out.
func stateResources(st *ibmcloud.State, releases []helmRelease, d *model.Design) []string {
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	reused := map[string]bool{}
	if v := d.Spec.Network.VPC; v != nil {
		reused[v.VPCID] = true
		for _, sn := range v.Subnets {
			reused[sn.SubnetID] = true
		}
	}
	// The Secrets Manager instance of the Ingress is the design's: named by
	// CRN (its GUID is the CRN's eighth field), neither created by the
	// runbook nor by Terraform.
	if p := strings.Split(d.Spec.Network.Ingress.TLSSecretsManager, ":"); len(p) > 7 {
		reused[p[7]] = true
	}
	delete(reused, "")
	names := map[string]string{}
	for _, v := range st.VPCs {
		names[v.ID] = v.Name
		if reused[v.ID] {
			names[v.ID] = v.ID
			add("existing-vpc %s", v.ID)
			continue
		}
		add("vpc %s", v.Name)
	}
	for _, s := range st.Subnets {
		names[s.ID] = s.Name
		if reused[s.ID] {
			names[s.ID] = s.ID
			add("existing-subnet %s", s.ID)
			continue
		}
		add("subnet %s zone=%s addresses=%d", s.Name, s.Zone, s.Addresses)
	}
	for _, g := range st.Gateways {
		add("public-gateway %s zone=%s", g.Name, g.Zone)
	}
	for _, i := range st.Instances {
		names[i.GUID] = i.Name
	}
	for _, hp := range st.HostPools {
		names[hp.ID] = hp.Name
		var hosts []string
		for _, h := range hp.Hosts {
			hosts = append(hosts, h.Zone+"/"+h.Flavor)
		}
		add("%s", hostPoolLine(hp.Name, hp.FlavorClass, hp.Metro, hosts))
	}
	for _, c := range st.Clusters {
		names[c.ID] = c.Name
		// The cluster's own dedicated host pool: the one its default pool
		// was created on (ks cluster create --dedicated-host-pool).
		clusterHosts := ""
		if len(c.Pools) > 0 {
			clusterHosts = names[c.Pools[0].HostPool]
		}
		add("cluster %s infrastructure=%s version=%s kms=%v image-security=%v host-pool=%s", c.Name, c.Provider, c.Version, c.KMS != nil,
			c.ImageSecurity, clusterHosts)
		for _, p := range c.Pools {
			var zones []string
			for _, z := range p.Zones {
				if c.Provider == "classic" {
					private, public := "", ""
					if v := d.Spec.Network.Classic.VLANsFor(z.ID); !v.Create() {
						private, public = z.PrivateVLAN, z.PublicVLAN
					}
					zones = append(zones, classicZone(z.ID, z.PublicVLAN != "", private, public))
					continue
				}
				zones = append(zones, poolZone(z.ID, names[z.SubnetID]))
			}
			sort.Strings(zones)
			add("pool %s flavor=%s size=%d zones=%s host-pool=%s", p.Name, p.Flavor, p.SizePerZone, strings.Join(zones, ","), names[p.HostPool])
		}
		for _, in := range c.IngressInstances {
			add("ingress-instance cluster=%s crn=%s default=%v", c.Name, in.CRN, in.IsDefault)
		}
	}
	for _, i := range st.Instances {
		if !reused[i.GUID] {
			add("instance %s service=%s plan=%s location=%s%s", i.Name, i.Service, i.Plan, i.Location, stateParams(i.Parameters))
		}
	}
	for _, k := range st.Keys {
		add("kms-key %s instance=%s root=%v dual-auth-delete=%v", k.Name, names[k.Instance], k.Root, k.DualAuthDelete)
	}
	for _, b := range st.Buckets {
		add("bucket %s class=%s location=%s", b.Name, b.Class, b.Region)
	}
	for _, a := range st.AuthPolicies {
		add("authorization %s -> %s instance=%s roles=%s", a.Source, a.Target, names[a.TargetInstance], a.Roles)
	}
	for _, tg := range st.ATTargets {
		names[tg.ID] = tg.Name
		add("atracker-target %s type=%s region=%s destination=%s", tg.Name, tg.Type, tg.Region, names[crnGUID(tg.TargetCRN)])
	}
	for _, r := range st.ATRoutes {
		var targets []string
		for _, id := range r.TargetIDs {
			targets = append(targets, names[id])
		}
		add("atracker-route %s targets=%s locations=%s", r.Name, strings.Join(targets, ","), strings.Join(r.Locations, ","))
	}
	for _, z := range st.CBRZones {
		names[z.ID] = z.Name
		var vpcs []string
		for _, v := range z.VPCs {
			vpcs = append(vpcs, names[crnResource(v)])
		}
		add("cbr-zone %s addresses=%s vpcs=%s", z.Name, strings.Join(z.Addresses, ","), strings.Join(vpcs, ","))
	}
	for _, r := range st.CBRRules {
		ctxs := r.Contexts
		if len(ctxs) == 0 {
			ctxs = []string{"networkZoneId=" + r.ZoneID}
		}
		var named []string
		for _, ctx := range ctxs {
			var kvs []string
			for _, kv := range strings.Split(ctx, ",") {
				if id, ok := strings.CutPrefix(kv, "networkZoneId="); ok {
					kv = "networkZoneId=" + names[id]
				}
				kvs = append(kvs, kv)
			}
			named = append(named, strings.Join(kvs, ","))
		}
		add("cbr-rule %q service=%s instance=%s api=%s contexts=%s enforcement=%s", r.Description, r.Service, names[r.ServiceInstance],
			r.APIType, strings.Join(named, ";"), r.Enforcement)
	}
	// The runbook passes --sg kube-<cluster ID>; by the cluster's name,
	// as Terraform's data source names it by the cluster's address.
	for _, g := range st.EndpointGateways {
		var subnets, sgs []string
		for _, ip := range g.IPs {
			subnets = append(subnets, names[ip.Subnet])
		}
		for _, sg := range g.SecurityGroups {
			if id, ok := strings.CutPrefix(sg, "kube-"); ok && names[id] != "" {
				sg = "kube-" + names[id]
			}
			sgs = append(sgs, sg)
		}
		sort.Strings(subnets)
		add("vpe %s vpc=%s target=%s type=%s subnets=%s security-groups=%s", g.Name, names[g.VPC], names[crnGUID(g.Target)], g.TargetType,
			strings.Join(subnets, ","), strings.Join(sgs, ","))
	}
	for _, r := range releases {
		add("helm-release %s namespace=%s chart=%s version=%s", r.Name, r.Namespace, r.Chart, r.Version)
	}
	for _, g := range st.AccessGroups {
		m := slices.Clone(g.Members)
		sort.Strings(m)
		add("access-group %s members=%s policies=%d", g.Name, strings.Join(m, ","), len(g.Policies))
	}
	sort.Strings(out)
	return out
}

// hostPoolLine describes a dedicated host pool with its hosts, one
// ZONE/FLAVOR entry per host, sorted, so that a missing or extra host in a
// zone changes the line.
func hostPoolLine(name, class, metro string, hosts []string) string {
	hosts = slices.Clone(hosts)
	sort.Strings(hosts)
	return fmt.Sprintf("host-pool %s class=%s metro=%s hosts=%s", name, class, metro, strings.Join(hosts, ","))
}

// comparedParams are the create parameters both sides must agree on:
// Cloud Logs' retention, its data and metrics buckets (a bucket by name)
// and the endpoint Cloud Logs writes each bucket through (a host name).
var comparedParams = []string{"retention_period", "logs_bucket_crn", "logs_bucket_endpoint", "metrics_bucket_crn", "metrics_bucket_endpoint"}

// stateParams describes an instance's create parameters in the double.
func stateParams(p map[string]any) string {
	out := ""
	for _, k := range comparedParams {
		v, ok := p[k]
		if !ok {
			continue
		}
		if s, isStr := v.(string); isStr && strings.HasSuffix(k, "_crn") {
			v = crnResource(s)
		}
		out += fmt.Sprintf(" %s=%v", k, v)
	}
	return out
}

// bucketEndpoint is the value the IBM provider gives an ibm_cos_bucket's
// s3_endpoint_public, s3_endpoint_private or s3_endpoint_direct attribute:
// s3[.private|.direct].LOCATION.cloud-object-storage.appdomain.cloud for
// a regional, cross-region or single-site bucket (SelectCosApi in
// terraform-provider-ibm ibm/service/cos/resource_ibm_cos_bucket.go, the
// read function sets all three from the bucket's location).
func bucketEndpoint(b *hclsyntax.Block, attr string) string {
	loc := str(b, "region_location") + str(b, "cross_region_location") + str(b, "single_site_location")
	switch attr {
	case "s3_endpoint_public":
		return "s3." + loc + ".cloud-object-storage.appdomain.cloud"
	case "s3_endpoint_private":
		return "s3.private." + loc + ".cloud-object-storage.appdomain.cloud"
	case "s3_endpoint_direct":
		return "s3.direct." + loc + ".cloud-object-storage.appdomain.cloud"
	}
	return "unknown-attribute:" + attr
}

// lastAttr is the attribute a traversal such as
// ibm_cos_bucket.logs_data.s3_endpoint_direct ends with.
func lastAttr(e hclsyntax.Expression) string {
	tr, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(tr.Traversal) == 0 {
		return ""
	}
	if a, ok := tr.Traversal[len(tr.Traversal)-1].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// params describes a resource instance's parameters_json, a jsonencode of
// an object whose bucket CRNs are references to ibm_cos_bucket resources.
func (m tfModule) params(b *hclsyntax.Block) string {
	a, ok := b.Body.Attributes["parameters_json"]
	if !ok {
		return ""
	}
	call, ok := a.Expr.(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 {
		return " parameters_json=unparsed"
	}
	obj, ok := call.Args[0].(*hclsyntax.ObjectConsExpr)
	if !ok {
		return " parameters_json=unparsed"
	}
	vals := map[string]string{}
	for _, it := range obj.Items {
		k := hcl.ExprAsKeyword(it.KeyExpr)
		if t := m.target(it.ValueExpr); t != nil {
			if attr := lastAttr(it.ValueExpr); strings.HasPrefix(attr, "s3_endpoint_") {
				vals[k] = bucketEndpoint(t, attr)
				continue
			}
			vals[k] = str(t, "bucket_name")
			continue
		}
		v, diags := it.ValueExpr.Value(nil)
		switch {
		case diags.HasErrors():
		case v.Type() == cty.Number:
			n, _ := v.AsBigFloat().Int64()
			vals[k] = fmt.Sprint(n)
		case v.Type() == cty.String:
			vals[k] = v.AsString()
		}
	}
	out := ""
	for _, k := range comparedParams {
		if v, ok := vals[k]; ok {
			out += fmt.Sprintf(" %s=%s", k, v)
		}
	}
	return out
}

// poolZone describes one zone of a VPC pool: the zone and its subnet.
func poolZone(zone, subnet string) string { return zone + "/subnet:" + subnet }

// classicZone describes one zone of a classic pool: whether its workers
// have a public VLAN, and the VLANs where the design names them (IBM
// picks or creates them otherwise, so their IDs are not the design's).
func classicZone(zone string, public bool, private, publicVLAN string) string {
	out := fmt.Sprintf("%s/public-vlan:%v", zone, public)
	if private != "" {
		out += "/vlans:" + private + ":" + publicVLAN
	}
	return out
}

// crnGUID is a service instance CRN's instance segment
// (crn:v1:bluemix:public:SERVICE:LOCATION:a/ACCOUNT:GUID::).
func crnGUID(crn string) string {
	if p := strings.Split(crn, ":"); len(p) >= 8 {
		return p[7]
	}
	return crn
}

// crnResource is a CRN's last non-empty segment: a VPC CRN's VPC ID
// (crn:v1:bluemix:public:is:REGION:a/ACCOUNT::vpc:ID).
func crnResource(crn string) string {
	p := strings.Split(strings.TrimRight(crn, ":"), ":")
	return p[len(p)-1]
}

// classicZone describes the zone a classic cluster (its first zone) or
// zone attachment puts workers in. Its workers get a public VLAN when it
// names one, or when it names neither (IBM's docs: the first cluster in a
// zone gets a public and a private VLAN; a private VLAN only, by naming it
// and leaving public_vlan_id out).
func (m tfModule) classicZone(b *hclsyntax.Block, zone string) string {
	_, private := b.Body.Attributes["private_vlan_id"]
	_, public := b.Body.Attributes["public_vlan_id"]
	return classicZone(zone, public || !private, m.name(b, "private_vlan_id"), m.name(b, "public_vlan_id"))
}

// tfModule is the rendered module's blocks by address: resource
// "TYPE.LABEL", data "data.TYPE.LABEL", variable "var.NAME".
type tfModule map[string]*hclsyntax.Block

// target returns the block an expression such as
// ibm_resource_instance.kms.guid or var.vpc_id refers to.
func (m tfModule) target(e hclsyntax.Expression) *hclsyntax.Block {
	tr, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return nil
	}
	var parts []string
	for _, step := range tr.Traversal {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		}
	}
	n := 2
	if parts[0] == "data" {
		n = 3
	}
	if len(parts) < n {
		return nil
	}
	return m[strings.Join(parts[:n], ".")]
}

// name is what an attribute's expression names: a string literal, or the
// name of the block it refers to (a variable's default, a data source's
// identifier, a resource's name argument).
func (m tfModule) name(b *hclsyntax.Block, attr string) string {
	if b == nil {
		return ""
	}
	a, ok := b.Body.Attributes[attr]
	if !ok {
		return ""
	}
	if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String {
		return v.AsString()
	}
	t := m.target(a.Expr)
	if t == nil {
		return ""
	}
	switch {
	case t.Type == "variable":
		return str(t, "default")
	case t.Type == "data" && (t.Labels[0] == "ibm_is_vpc" || t.Labels[0] == "ibm_is_subnet"):
		return m.name(t, "identifier")
	}
	for _, n := range []string{"name", "worker_pool_name", "key_name", "bucket_name"} {
		if v := str(t, n); v != "" {
			return v
		}
	}
	return ""
}

// template is a string attribute written as a template, its literal
// parts as they are and each reference as the name of what it points at
// (kube-${ibm_container_vpc_cluster.cluster.id}: kube-CLUSTER).
func (m tfModule) template(b *hclsyntax.Block, attr string) string {
	if b == nil {
		return ""
	}
	a, ok := b.Body.Attributes[attr]
	if !ok {
		return ""
	}
	tpl, ok := a.Expr.(*hclsyntax.TemplateExpr)
	if !ok {
		return m.name(b, attr)
	}
	var sb strings.Builder
	for _, p := range tpl.Parts {
		if v, diags := p.Value(nil); !diags.HasErrors() && v.Type() == cty.String {
			sb.WriteString(v.AsString())
			continue
		}
		if t := m.target(p); t != nil {
			sb.WriteString(str(t, "name"))
		}
	}
	return sb.String()
}

// names is name over a list of references, sorted.
func (m tfModule) names(b *hclsyntax.Block, attr string) []string {
	a, ok := b.Body.Attributes[attr]
	if !ok {
		return nil
	}
	tup, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range tup.Exprs {
		if t := m.target(e); t != nil {
			out = append(out, str(t, "name"))
		}
	}
	return out
}

// terraformResources describes the rendered module's resources in the
// same lines, and lists the resources the lines do not cover.
func terraformResources(t *testing.T, arts []render.Artifact) (lines, uncovered []string) {
	t.Helper()
	m := tfModule{}
	for _, a := range arts {
		if !strings.HasPrefix(a.Path, "terraform/") || !strings.HasSuffix(a.Path, ".tf") {
			continue
		}
		f, diags := hclsyntax.ParseConfig(a.Data, a.Path, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		for _, b := range f.Body.(*hclsyntax.Body).Blocks {
			switch b.Type {
			case "resource":
				m[b.Labels[0]+"."+b.Labels[1]] = b
			case "data":
				m["data."+b.Labels[0]+"."+b.Labels[1]] = b
			case "variable":
				m["var."+b.Labels[0]] = b
			}
		}
	}
	add := func(format string, a ...any) { lines = append(lines, fmt.Sprintf(format, a...)) }
	covered := map[string]bool{}
	policies := map[string]int{}
	keyPolicy := map[string]bool{}
	for addr, b := range m {
		if b.Type != "resource" {
			continue
		}
		switch b.Labels[0] {
		case "ibm_container_worker_pool_zone_attachment", "ibm_kms_key_policies", "ibm_container_dedicated_host":
			// Counted into their pool's zones, their key's line and their
			// host pool's line.
			if _, seen := covered[addr]; !seen {
				covered[addr] = false
			}
			if b.Labels[0] == "ibm_kms_key_policies" {
				for _, p := range b.Body.Blocks {
					if p.Type == "dual_auth_delete" && boolean(p, "enabled") {
						keyPolicy[m.name(b, "key_id")] = true
					}
				}
			}
		}
	}
	for addr, b := range m {
		if b.Type != "resource" {
			continue
		}
		typ := b.Labels[0]
		if _, seen := covered[addr]; seen {
			continue
		}
		covered[addr] = true
		switch typ {
		case "ibm_is_vpc":
			add("vpc %s", str(b, "name"))
		case "ibm_is_subnet":
			add("subnet %s zone=%s addresses=%d", str(b, "name"), str(b, "zone"), num(b, "total_ipv4_address_count"))
		case "ibm_is_public_gateway":
			add("public-gateway %s zone=%s", str(b, "name"), str(b, "zone"))
		case "ibm_container_vpc_cluster", "ibm_container_cluster":
			infra := "classic"
			if typ == "ibm_container_vpc_cluster" {
				infra = "vpc-gen2"
			}
			add("cluster %s infrastructure=%s version=%s kms=%v image-security=%v host-pool=%s", str(b, "name"), infra, str(b, "kube_version"),
				hasBlock(b, "kms_config"), boolean(b, "image_security_enforcement"), m.name(b, "host_pool_id"))
		case "ibm_container_vpc_worker_pool":
			var zones []string
			for _, z := range b.Body.Blocks {
				if z.Type == "zones" {
					zones = append(zones, poolZone(str(z, "name"), m.name(z, "subnet_id")))
				}
			}
			sort.Strings(zones)
			add("pool %s flavor=%s size=%d zones=%s host-pool=%s", str(b, "worker_pool_name"), str(b, "flavor"), num(b, "worker_count"),
				strings.Join(zones, ","), m.name(b, "host_pool_id"))
		case "ibm_container_worker_pool":
			zones := []string{}
			if boolean(b, "import_on_create") {
				c := m["ibm_container_cluster.cluster"]
				zones = append(zones, m.classicZone(c, str(c, "datacenter")))
			}
			for a2, z := range m {
				if z.Type == "resource" && z.Labels[0] == "ibm_container_worker_pool_zone_attachment" && m.target(z.Body.Attributes["worker_pool"].Expr) == b {
					zones = append(zones, m.classicZone(z, str(z, "zone")))
					covered[a2] = true
				}
			}
			sort.Strings(zones)
			add("pool %s flavor=%s size=%d zones=%s host-pool=%s", str(b, "worker_pool_name"), str(b, "machine_type"), num(b, "size_per_zone"),
				strings.Join(zones, ","), "")
		case "ibm_container_dedicated_host_pool":
			var hosts []string
			for a2, h := range m {
				if h.Type == "resource" && h.Labels[0] == "ibm_container_dedicated_host" && m.target(h.Body.Attributes["host_pool_id"].Expr) == b {
					hosts = append(hosts, str(h, "zone")+"/"+str(h, "flavor"))
					covered[a2] = true
				}
			}
			add("%s", hostPoolLine(str(b, "name"), str(b, "flavor_class"), str(b, "metro"), hosts))
		case "ibm_resource_instance":
			add("instance %s service=%s plan=%s location=%s%s", str(b, "name"), str(b, "service"), str(b, "plan"), str(b, "location"), m.params(b))
		case "ibm_kms_key":
			add("kms-key %s instance=%s root=%v dual-auth-delete=%v", str(b, "key_name"), m.name(b, "instance_id"), !boolean(b, "standard_key"),
				keyPolicy[str(b, "key_name")])
			for a2, p := range m {
				if p.Type == "resource" && p.Labels[0] == "ibm_kms_key_policies" && m.name(p, "key_id") == str(b, "key_name") {
					covered[a2] = true
				}
			}
		case "ibm_cos_bucket":
			loc := str(b, "region_location") + str(b, "cross_region_location") + str(b, "single_site_location")
			add("bucket %s class=%s location=%s", str(b, "bucket_name"), str(b, "storage_class"), loc)
		case "ibm_iam_authorization_policy":
			add("authorization %s -> %s instance=%s roles=%s", str(b, "source_service_name"), str(b, "target_service_name"),
				m.name(b, "target_resource_instance_id"), strings.Join(strs(b, "roles"), ","))
		case "ibm_atracker_target":
			dest := ""
			for _, e := range b.Body.Blocks {
				if e.Type == "cloudlogs_endpoint" {
					dest = m.name(e, "target_crn")
				}
			}
			add("atracker-target %s type=%s region=%s destination=%s", str(b, "name"), str(b, "target_type"), str(b, "region"), dest)
		case "ibm_atracker_route":
			var targets, locations []string
			for _, r := range b.Body.Blocks {
				if r.Type == "rules" {
					targets = append(targets, m.names(r, "target_ids")...)
					locations = append(locations, strs(r, "locations")...)
				}
			}
			add("atracker-route %s targets=%s locations=%s", str(b, "name"), strings.Join(targets, ","), strings.Join(locations, ","))
		case "ibm_is_virtual_endpoint_gateway":
			var subnets, sgs []string
			target, typ := "", ""
			for _, nb := range b.Body.Blocks {
				switch nb.Type {
				case "ips":
					subnets = append(subnets, m.name(nb, "subnet"))
				case "target":
					target, typ = m.name(nb, "crn"), str(nb, "resource_type")
				}
			}
			if a, ok := b.Body.Attributes["security_groups"]; ok {
				if tup, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
					for _, e := range tup.Exprs {
						sgs = append(sgs, m.template(m.target(e), "name"))
					}
				}
			}
			sort.Strings(subnets)
			add("vpe %s vpc=%s target=%s type=%s subnets=%s security-groups=%s", str(b, "name"), m.name(b, "vpc"), target, typ,
				strings.Join(subnets, ","), strings.Join(sgs, ","))
		case "helm_release":
			add("helm-release %s namespace=%s chart=%s/%s version=%s", str(b, "name"), str(b, "namespace"), str(b, "repository"), str(b, "chart"),
				str(b, "version"))
		case "ibm_container_ingress_instance":
			add("ingress-instance cluster=%s crn=%s default=%v", m.name(b, "cluster"), m.name(b, "instance_crn"), boolean(b, "is_default"))
		case "ibm_cbr_zone":
			var addrs, vpcs []string
			for _, a := range b.Body.Blocks {
				if a.Type != "addresses" {
					continue
				}
				if str(a, "type") == "vpc" {
					vpcs = append(vpcs, m.name(a, "value"))
				} else {
					addrs = append(addrs, str(a, "value"))
				}
			}
			add("cbr-zone %s addresses=%s vpcs=%s", str(b, "name"), strings.Join(addrs, ","), strings.Join(vpcs, ","))
		case "ibm_cbr_rule":
			attrs := map[string]string{}
			var contexts []string
			api := ""
			for _, nb := range b.Body.Blocks {
				var ctx []string
				for _, in := range nb.Body.Blocks {
					switch {
					case nb.Type == "resources" && in.Type == "attributes":
						attrs[str(in, "name")] = m.name(in, "value")
					case nb.Type == "contexts" && in.Type == "attributes" && str(in, "name") == "networkZoneId":
						ctx = append(ctx, "networkZoneId="+m.name(in, "value"))
					case nb.Type == "contexts" && in.Type == "attributes":
						ctx = append(ctx, str(in, "name")+"="+str(in, "value"))
					case nb.Type == "operations" && in.Type == "api_types":
						api = str(in, "api_type_id")
					}
				}
				if nb.Type == "contexts" {
					contexts = append(contexts, strings.Join(ctx, ","))
				}
			}
			add("cbr-rule %q service=%s instance=%s api=%s contexts=%s enforcement=%s", str(b, "description"), attrs["serviceName"],
				attrs["serviceInstance"], api, strings.Join(contexts, ";"), str(b, "enforcement_mode"))
		case "ibm_iam_access_group_policy", "ibm_iam_access_group_members", "ibm_iam_access_group":
			// Counted into the group's line below.
			group := strings.SplitN(b.Labels[1], "_", 3)
			if typ == "ibm_iam_access_group_policy" {
				policies[group[0]+"_"+group[1]]++
			}
		default:
			covered[addr] = false
		}
	}
	for _, d := range m {
		if d.Type == "data" && (d.Labels[0] == "ibm_is_vpc" || d.Labels[0] == "ibm_is_subnet") {
			add("existing-%s %s", strings.TrimPrefix(d.Labels[0], "ibm_is_"), m.name(d, "identifier"))
		}
	}
	for addr, b := range m {
		if b.Type != "resource" || b.Labels[0] != "ibm_iam_access_group" {
			continue
		}
		var members []string
		if mb := m["ibm_iam_access_group_members."+b.Labels[1]]; mb != nil {
			members = strs(mb, "ibm_ids")
		}
		sort.Strings(members)
		add("access-group %s members=%s policies=%d", str(b, "name"), strings.Join(members, ","), policies[b.Labels[1]])
		covered[addr] = true
	}
	for addr, ok := range covered {
		if !ok {
			uncovered = append(uncovered, addr)
		}
	}
	sort.Strings(lines)
	sort.Strings(uncovered)
	return lines, uncovered
}

func value(b *hclsyntax.Block, name string) (cty.Value, bool) {
	if b == nil {
		return cty.NilVal, false
	}
	a, ok := b.Body.Attributes[name]
	if !ok {
		return cty.NilVal, false
	}
	v, diags := a.Expr.Value(nil)
	return v, !diags.HasErrors()
}

func str(b *hclsyntax.Block, name string) string {
	if v, ok := value(b, name); ok && v.Type() == cty.String {
		return v.AsString()
	}
	return ""
}

func num(b *hclsyntax.Block, name string) int {
	if v, ok := value(b, name); ok && v.Type() == cty.Number {
		n, _ := v.AsBigFloat().Int64()
		return int(n)
	}
	return -1
}

func boolean(b *hclsyntax.Block, name string) bool {
	v, ok := value(b, name)
	return ok && v.Type() == cty.Bool && v.True()
}

func strs(b *hclsyntax.Block, name string) []string {
	v, ok := value(b, name)
	if !ok || !v.CanIterateElements() {
		return nil
	}
	var out []string
	for _, e := range v.AsValueSlice() {
		if e.Type() == cty.String {
			out = append(out, e.AsString())
		}
	}
	return out
}

func hasBlock(b *hclsyntax.Block, typ string) bool {
	for _, nb := range b.Body.Blocks {
		if nb.Type == typ {
			return true
		}
	}
	return false
}

func nestedNames(b *hclsyntax.Block, typ string) []string {
	var out []string
	for _, nb := range b.Body.Blocks {
		if nb.Type == typ {
			out = append(out, str(nb, "name"))
		}
	}
	return out
}
