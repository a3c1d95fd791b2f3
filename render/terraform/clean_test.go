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
		p := topBlocks(files, "provider")
		if len(p) != 1 {
			t.Fatalf("%s: %d provider blocks, want 1", d.name, len(p))
		}
		if k, ok := p[0].Body.Attributes["ibmcloud_api_key"]; !ok || len(k.Expr.Variables()) == 0 {
			t.Errorf("%s: the provider's ibmcloud_api_key is not read from a variable", d.name)
		}
	}
}

// isTrue reports whether an expression is the literal true.
func isTrue(e hclsyntax.Expression) bool {
	v, diags := e.Value(nil)
	return !diags.HasErrors() && v.Type() == cty.Bool && v.True()
}
