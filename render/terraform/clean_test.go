package terraform

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// placeholderRE matches text a user would have to replace before running
// the module: an elided value, a to-do, a "your ..." stand-in.
var placeholderRE = regexp.MustCompile(`\.\.\.|(?i)\b(TODO|FIXME|TBD|CHANGEME|REPLACE[_ ]?ME)\b|<your|(?i)\bxxx+\b`)

// secretNameRE matches variable names that hold credentials.
var secretNameRE = regexp.MustCompile(`(?i)api_key|password|token|private_key|(^|_)secret(_key)?$`)

// TestNoPlaceholdersNoSecrets checks every design's module, README
// included: no placeholder text, every credential variable is sensitive
// and has no default (it comes from the environment), and the provider
// reads the API key from its variable, never from a literal.
func TestNoPlaceholdersNoSecrets(t *testing.T) {
	for _, d := range designs(t) {
		m := buildModule(t, d)
		for _, a := range m.artifacts() {
			for i, line := range strings.Split(string(a.Data), "\n") {
				if loc := placeholderRE.FindStringIndex(line); loc != nil {
					t.Errorf("%s: %s:%d has placeholder text %q: %s", d.name, a.Path, i+1, line[loc[0]:loc[1]], line)
				}
			}
		}
		files := parseModule(t, d.name, m)
		for _, v := range topBlocks(files, "variable") {
			if !secretNameRE.MatchString(v.Labels[0]) {
				continue
			}
			if _, ok := v.Body.Attributes["default"]; ok {
				t.Errorf("%s: variable %s holds a credential and has a default", d.name, v.Labels[0])
			}
			if s, ok := v.Body.Attributes["sensitive"]; !ok || !isTrue(s.Expr) {
				t.Errorf("%s: variable %s holds a credential and is not sensitive", d.name, v.Labels[0])
			}
		}
		byName := map[string][]*hclsyntax.Block{}
		for _, p := range topBlocks(files, "provider") {
			byName[p.Labels[0]] = append(byName[p.Labels[0]], p)
		}
		if len(byName["ibm"]) != 1 {
			t.Fatalf("%s: %d ibm provider blocks, want 1", d.name, len(byName["ibm"]))
		}
		if k, ok := byName["ibm"][0].Body.Attributes["ibmcloud_api_key"]; !ok || len(k.Expr.Variables()) == 0 {
			t.Errorf("%s: the provider's ibmcloud_api_key is not read from a variable", d.name)
		}
		// The helm provider (the Logs agent's release) reaches the cluster
		// with credentials read from ibm_container_cluster_config, never
		// written in the module.
		for _, h := range byName["helm"] {
			k, ok := h.Body.Attributes["kubernetes"]
			obj, isObj := k.Expr.(*hclsyntax.ObjectConsExpr)
			if !ok || !isObj {
				t.Errorf("%s: the helm provider has no kubernetes object", d.name)
				continue
			}
			for _, it := range obj.Items {
				if len(it.ValueExpr.Variables()) == 0 {
					t.Errorf("%s: a helm provider credential is a literal, not read from the cluster config", d.name)
				}
			}
		}
		for name, ps := range byName {
			if name != "ibm" && name != "helm" || len(ps) != 1 {
				t.Errorf("%s: %d provider %q blocks; the module configures ibm once and helm at most once", d.name, len(ps), name)
			}
		}
	}
}

// isTrue reports whether an expression is the literal true.
func isTrue(e hclsyntax.Expression) bool {
	v, diags := e.Value(nil)
	return !diags.HasErrors() && v.Type() == cty.Bool && v.True()
}
