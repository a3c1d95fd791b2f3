package terraform_test

import (
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
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/rehearse"
	"github.com/iksplan/iksplan/render"
)

// TestMain lets this test binary be the IBM Cloud double: the rehearsal
// runs runbook.sh with ibmcloud, kubectl, helm and calicoctl linked to it,
// as `iksplan rehearse` does with the iksplan binary.
func TestMain(m *testing.M) {
	if tool := filepath.Base(os.Args[0]); ibmcloud.IsTool(tool) {
		os.Exit(ibmcloud.Main(tool, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, false))
	}
	os.Exit(m.Run())
}

// TestTerraformBuildsWhatTheRunbookBuilds runs every preset's runbook
// against the IBM Cloud double (a fresh rehearsal) and compares the
// resources in the double's final state with the resources and arguments
// of the rendered Terraform. The only resources Terraform may have on its
// own are the KMS authorizations terraform/README.md lists.
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
	for _, p := range presets.All() {
		t.Run(p.Name, func(t *testing.T) {
			d, err := p.Design()
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			arts, err := render.All(render.Input{Design: d, SourceName: p.Name + ".yaml", Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			if err := render.Write(out, arts, false); err != nil {
				t.Fatal(err)
			}
			sum, err := rehearse.Run(rehearse.Options{Name: p.Name, Design: model.Resolve(d, cat), RunbookDir: out,
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
			got := stateResources(st)
			want, extra := terraformResources(t, arts)
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
				if !unmodelled[strings.SplitN(e, ".", 2)[0]] {
					t.Errorf("Terraform resource %s has no counterpart in the comparison", e)
				}
			}
		})
	}
}

// unmodelled are the resource types the double's State does not record
// (internal/ibmcloud/state.go has no authorizations, key policies,
// Activity Tracker targets and routes or Ingress instance registrations):
// the comparison cannot see them, so they are not counted as differences.
var unmodelled = map[string]bool{
	"ibm_iam_authorization_policy":   true,
	"ibm_kms_key_policies":           true,
	"ibm_atracker_target":            true,
	"ibm_atracker_route":             true,
	"ibm_container_ingress_instance": true,
}

// stateResources describes the double's account as sorted lines.
func stateResources(st *ibmcloud.State) []string {
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	for _, v := range st.VPCs {
		add("vpc %s", v.Name)
	}
	for _, s := range st.Subnets {
		add("subnet %s zone=%s addresses=%d", s.Name, s.Zone, s.Addresses)
	}
	for _, g := range st.Gateways {
		add("public-gateway %s zone=%s", g.Name, g.Zone)
	}
	for _, c := range st.Clusters {
		add("cluster %s infrastructure=%s version=%s kms=%v image-security=%v", c.Name, c.Provider, c.Version, c.KMS != nil, c.ImageSecurity)
		for _, p := range c.Pools {
			var zones []string
			for _, z := range p.Zones {
				zones = append(zones, z.ID)
			}
			add("pool %s flavor=%s size=%d zones=%s", p.Name, p.Flavor, p.SizePerZone, strings.Join(zones, ","))
		}
	}
	for _, i := range st.Instances {
		add("instance %s service=%s plan=%s location=%s", i.Name, i.Service, i.Plan, i.Location)
	}
	for _, k := range st.Keys {
		add("kms-key %s root=%v", k.Name, k.Root)
	}
	for _, b := range st.Buckets {
		add("bucket %s class=%s location=%s", b.Name, b.Class, b.Region)
	}
	for _, z := range st.CBRZones {
		add("cbr-zone %s addresses=%s vpcs=%d", z.Name, strings.Join(z.Addresses, ","), len(z.VPCs))
	}
	for _, r := range st.CBRRules {
		add("cbr-rule %q enforcement=%s", r.Description, r.Enforcement)
	}
	for _, g := range st.AccessGroups {
		m := slices.Clone(g.Members)
		sort.Strings(m)
		add("access-group %s members=%s policies=%d", g.Name, strings.Join(m, ","), len(g.Policies))
	}
	sort.Strings(out)
	return out
}

// terraformResources describes the rendered module's resources in the
// same lines, and lists the resources the lines do not cover.
func terraformResources(t *testing.T, arts []render.Artifact) (lines, uncovered []string) {
	t.Helper()
	var blocks []*hclsyntax.Block
	for _, a := range arts {
		if !strings.HasPrefix(a.Path, "terraform/") || !strings.HasSuffix(a.Path, ".tf") {
			continue
		}
		f, diags := hclsyntax.ParseConfig(a.Data, a.Path, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		blocks = append(blocks, f.Body.(*hclsyntax.Body).Blocks...)
	}
	res := map[string]*hclsyntax.Block{}
	for _, b := range blocks {
		if b.Type == "resource" {
			res[b.Labels[0]+"."+b.Labels[1]] = b
		}
	}
	add := func(format string, a ...any) { lines = append(lines, fmt.Sprintf(format, a...)) }
	covered := map[string]bool{}
	policies := map[string]int{}
	for addr, b := range res {
		typ := b.Labels[0]
		if typ == "ibm_container_worker_pool_zone_attachment" {
			// Counted into its pool's zones; map order decides whether the
			// pool came first, so only mark it uncovered if it did not.
			if _, seen := covered[addr]; !seen {
				covered[addr] = false
			}
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
			add("cluster %s infrastructure=%s version=%s kms=%v image-security=%v", str(b, "name"), infra, str(b, "kube_version"),
				hasBlock(b, "kms_config"), boolean(b, "image_security_enforcement"))
		case "ibm_container_vpc_worker_pool":
			add("pool %s flavor=%s size=%d zones=%s", str(b, "worker_pool_name"), str(b, "flavor"), num(b, "worker_count"), strings.Join(nestedNames(b, "zones"), ","))
		case "ibm_container_worker_pool":
			zones := []string{}
			if boolean(b, "import_on_create") {
				zones = append(zones, str(res["ibm_container_cluster.cluster"], "datacenter"))
			}
			for a2, z := range res {
				if z.Labels[0] == "ibm_container_worker_pool_zone_attachment" && strings.HasPrefix(z.Labels[1], b.Labels[1]+"_zone_") {
					zones = append(zones, str(z, "zone"))
					covered[a2] = true
				}
			}
			sort.Strings(zones)
			add("pool %s flavor=%s size=%d zones=%s", str(b, "worker_pool_name"), str(b, "machine_type"), num(b, "size_per_zone"), strings.Join(zones, ","))
		case "ibm_resource_instance":
			add("instance %s service=%s plan=%s location=%s", str(b, "name"), str(b, "service"), str(b, "plan"), str(b, "location"))
		case "ibm_kms_key":
			add("kms-key %s root=%v", str(b, "key_name"), !boolean(b, "standard_key"))
		case "ibm_cos_bucket":
			loc := str(b, "region_location") + str(b, "cross_region_location") + str(b, "single_site_location")
			add("bucket %s class=%s location=%s", str(b, "bucket_name"), str(b, "storage_class"), loc)
		case "ibm_cbr_zone":
			var addrs []string
			vpcs := 0
			for _, a := range b.Body.Blocks {
				if a.Type != "addresses" {
					continue
				}
				if str(a, "type") == "vpc" {
					vpcs++
				} else {
					addrs = append(addrs, str(a, "value"))
				}
			}
			add("cbr-zone %s addresses=%s vpcs=%d", str(b, "name"), strings.Join(addrs, ","), vpcs)
		case "ibm_cbr_rule":
			add("cbr-rule %q enforcement=%s", str(b, "description"), str(b, "enforcement_mode"))
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
	for addr, b := range res {
		if b.Labels[0] != "ibm_iam_access_group" {
			continue
		}
		var members []string
		if mb := res["ibm_iam_access_group_members."+b.Labels[1]]; mb != nil {
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
