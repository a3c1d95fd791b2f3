package terraform

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

var hclInitial = hcl.InitialPos

// metaArgs are Terraform's own arguments, valid in every resource.
var metaArgs = map[string]bool{"count": true, "for_each": true, "depends_on": true, "provider": true}

// TestParsesAndIsCanonical parses every file with hcl/v2 and checks that
// hclwrite.Format (what `terraform fmt` does) leaves it unchanged.
func TestParsesAndIsCanonical(t *testing.T) {
	for _, d := range designs(t) {
		m := buildModule(t, d)
		for _, f := range parseModule(t, d.name, m) {
			if got := hclwrite.Format(f.src); string(got) != string(f.src) {
				t.Errorf("%s: %s is not in canonical format; terraform fmt would write:\n%s", d.name, f.name, got)
			}
		}
	}
}

// TestArgumentsMatchProviderSchema checks every resource and data block
// against the provider schema snapshot: the type exists, every argument
// and nested block exists and may be set, blocks are written as blocks,
// required arguments are present, ConflictsWith and ExactlyOneOf hold,
// MaxItems is respected and nothing deprecated is used.
func TestArgumentsMatchProviderSchema(t *testing.T) {
	sch, err := ProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	helm, err := HelmProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range designs(t) {
		files := parseModule(t, d.name, buildModule(t, d))
		for _, kind := range []string{"resource", "data"} {
			for _, b := range topBlocks(files, kind) {
				from := sch
				if strings.HasPrefix(b.Labels[0], "helm_") {
					from = helm
				}
				bs, ok := from.Lookup(kind, b.Labels[0])
				where := fmt.Sprintf("%s: %s %s.%s", d.name, kind, b.Labels[0], b.Labels[1])
				if !ok {
					t.Errorf("%s: type not in the provider schema snapshot (re-extract it with tools/tfschema)", where)
					continue
				}
				for _, p := range checkBody(b.Body, bs, kind == "resource") {
					t.Errorf("%s: %s", where, p)
				}
			}
		}
	}
}

// checkBody returns the schema problems of one block body.
func checkBody(body *hclsyntax.Body, bs *Block, top bool) []string {
	var out []string
	set := map[string]bool{}
	for name := range body.Attributes {
		if top && metaArgs[name] {
			continue
		}
		set[name] = true
		a := bs.Attributes[name]
		switch {
		case a == nil:
			out = append(out, fmt.Sprintf("argument %q is not in the schema", name))
		case a.Computed && !a.Optional && !a.Required:
			out = append(out, fmt.Sprintf("argument %q is computed only", name))
		case a.Block != nil:
			out = append(out, fmt.Sprintf("%q is a nested block, written as an argument", name))
		case a.Deprecated != "":
			out = append(out, fmt.Sprintf("argument %q is deprecated: %s", name, a.Deprecated))
		case len(a.Allowed) > 0:
			if v, diags := body.Attributes[name].Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && !allowed(a, v.AsString()) {
				out = append(out, fmt.Sprintf("argument %q is %q, not one of %v", name, v.AsString(), a.Allowed))
			}
		}
	}
	counts := map[string]int{}
	for _, nb := range body.Blocks {
		if top && nb.Type == "lifecycle" {
			continue
		}
		set[nb.Type] = true
		counts[nb.Type]++
		a := bs.Attributes[nb.Type]
		switch {
		case a == nil:
			out = append(out, fmt.Sprintf("block %q is not in the schema", nb.Type))
			continue
		case a.Block == nil:
			out = append(out, fmt.Sprintf("%q is an argument, written as a block", nb.Type))
			continue
		case a.Computed && !a.Optional && !a.Required:
			out = append(out, fmt.Sprintf("block %q is computed only", nb.Type))
		case a.Deprecated != "":
			out = append(out, fmt.Sprintf("block %q is deprecated: %s", nb.Type, a.Deprecated))
		}
		for _, p := range checkBody(nb.Body, a.Block, false) {
			out = append(out, nb.Type+": "+p)
		}
	}
	for name, n := range counts {
		if a := bs.Attributes[name]; a != nil && a.MaxItems > 0 && n > a.MaxItems {
			out = append(out, fmt.Sprintf("block %q appears %d times, at most %d allowed", name, n, a.MaxItems))
		}
	}
	names := make([]string, 0, len(bs.Attributes))
	for n := range bs.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		a := bs.Attributes[name]
		if a.Required && !set[name] {
			out = append(out, fmt.Sprintf("required argument %q is missing", name))
		}
		if !set[name] {
			continue
		}
		for _, c := range a.ConflictsWith {
			if !strings.Contains(c, ".") && set[c] {
				out = append(out, fmt.Sprintf("%q conflicts with %q", name, c))
			}
		}
		if len(a.ExactlyOneOf) > 0 {
			n := 0
			for _, e := range a.ExactlyOneOf {
				if set[e] {
					n++
				}
			}
			if n != 1 {
				out = append(out, fmt.Sprintf("exactly one of %v must be set, %d are", a.ExactlyOneOf, n))
			}
		}
	}
	return out
}

// allowed reports whether the provider's validator accepts v.
func allowed(a *Attribute, v string) bool {
	for _, x := range a.Allowed {
		if x == v || a.AllowedIgnoreCase && strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// TestSchemaCheckCatchesDefects shows the schema check failing on the
// defects it guards: an unknown argument, a missing required one, a block
// written as an argument, a computed-only argument and a conflict.
func TestSchemaCheckCatchesDefects(t *testing.T) {
	sch, err := ProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := sch.Lookup("resource", "ibm_cos_bucket")
	cases := map[string]string{
		"unknown":  "bucket_name = \"b\"\nresource_instance_id = \"x\"\nbucket_region = \"jp-tok\"\n",
		"required": "bucket_name = \"b\"\n",
		"block":    "bucket_name = \"b\"\nresource_instance_id = \"x\"\nobject_versioning = {}\n",
		"computed": "bucket_name = \"b\"\nresource_instance_id = \"x\"\ncrn = \"c\"\n",
		"conflict": "bucket_name = \"b\"\nresource_instance_id = \"x\"\nregion_location = \"jp-tok\"\ncross_region_location = \"ap\"\n",
	}
	for name, src := range cases {
		f, diags := hclsyntax.ParseConfig([]byte(src), name, hclInitial)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if probs := checkBody(f.Body.(*hclsyntax.Body), bs, true); len(probs) == 0 {
			t.Errorf("%s: the schema check found nothing wrong", name)
		}
	}
	cl, _ := sch.Lookup("resource", "ibm_container_vpc_cluster")
	bad := "name = \"c\"\nvpc_id = \"v\"\nflavor = \"bx2.4x16\"\nzones {\n  name = \"z\"\n  subnet_id = \"s\"\n}\nwait_till = \"Ready\"\n"
	f0, _ := hclsyntax.ParseConfig([]byte(bad), "wait_till", hclInitial)
	if probs := checkBody(f0.Body.(*hclsyntax.Body), cl, true); len(probs) != 1 || !strings.Contains(probs[0], "not one of") {
		t.Errorf("a value outside the validator's list: %v", probs)
	}
	ok := "bucket_name = \"b\"\nresource_instance_id = \"x\"\nregion_location = \"jp-tok\"\n"
	f, _ := hclsyntax.ParseConfig([]byte(ok), "ok", hclInitial)
	if probs := checkBody(f.Body.(*hclsyntax.Body), bs, true); len(probs) > 0 {
		t.Errorf("a valid bucket is refused: %v", probs)
	}
}

// TestSnapshotNamesItsOrigin keeps the snapshot's provenance in step with
// the pinned version.
func TestSnapshotNamesItsOrigin(t *testing.T) {
	sch, err := ProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	if sch.Version != ProviderVersion || len(sch.Commit) != 40 || sch.Source != "github.com/IBM-Cloud/terraform-provider-ibm" {
		t.Fatalf("snapshot provenance: version %q commit %q source %q", sch.Version, sch.Commit, sch.Source)
	}
	helm, err := HelmProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	if helm.Version != HelmProviderVersion || len(helm.Commit) != 40 || helm.Source != "github.com/hashicorp/terraform-provider-helm" {
		t.Fatalf("helm snapshot provenance: version %q commit %q source %q", helm.Version, helm.Commit, helm.Source)
	}
}
