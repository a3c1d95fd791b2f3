package manifests

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
	sigsyaml "sigs.k8s.io/yaml"
)

// Every string must come back unchanged through both YAML readers a
// manifest meets: sigs.k8s.io/yaml (YAML 1.1, kubectl) and yaml.v3 (YAML
// 1.2), whatever it contains.
func TestEmitRoundTripsHostileStrings(t *testing.T) {
	hostile := []string{
		"", " ", "plain", "with space", "a: b", "a #b", "#x", "- x", "-", "?", ":", "x:", "[x]", "{x}", "&a", "*a", "!tag",
		"|", ">", "'q'", `"q"`, "%x", "@x", "`id`", "$(reboot)", "x; rm -rf /", "a'b", `back\slash`, "tab\there",
		"line\nbreak", "two\nlines\n", "trailing \nspace", " leading\nspace", "a\n\n", "\n", "\u2028sep", "\ufeffbom", "\x00nul", "\x7f",
		"true", "False", "yes", "NO", "on", "Off", "y", "n", "null", "Null", "~", "0", "1", "-1", "+1", "1.5", ".5", "1e3", "0x1F",
		"0o17", "0b101", "1_000", "2040:2041", "1:20:30", "2026-11-27", "2026-11-27T10:00:00Z", "2026-11-27 10:00:00", "2026-11-27t10:00:00z", ".inf", "-.Inf", ".NaN",
		"10.0.0.1", "172.30.0.0/16", "日本語", "ü", strings.Repeat("x", 300), "--flag", "<<", "=", "a,b",
	}
	for _, s := range hostile {
		tree := map[string]any{"k": s, s + "key": []any{s, map[string]any{"v": s}}}
		if s == "" {
			delete(tree, "key")
		}
		b, err := marshalClean(tree)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		var v2 map[string]any
		if err := sigsyaml.Unmarshal(b, &v2); err != nil {
			t.Fatalf("%q: sigs.k8s.io/yaml cannot read:\n%s\n%v", s, string(b), err)
		}
		var v3 map[string]any
		if err := yaml.Unmarshal(b, &v3); err != nil {
			t.Fatalf("%q: yaml.v3 cannot read:\n%s\n%v", s, string(b), err)
		}
		want := map[string]any{}
		j, _ := json.Marshal(tree)
		_ = json.Unmarshal(j, &want)
		if !reflect.DeepEqual(v2, want) {
			t.Errorf("%q: sigs.k8s.io/yaml read back %#v from\n%s", s, v2, string(b))
		}
		if !reflect.DeepEqual(v3, want) {
			t.Errorf("%q: yaml.v3 read back %#v from\n%s", s, v3, string(b))
		}
	}
}

func TestEmitLayout(t *testing.T) {
	tree := map[string]any{
		"b": []any{map[string]any{"name": "x", "ports": []any{80}}, "s"},
		"a": map[string]any{"empty": map[string]any{}, "none": []any{}, "flag": true, "n": nil},
		"c": "two\nlines\n",
	}
	b, err := marshalClean(tree)
	if err != nil {
		t.Fatal(err)
	}
	want := `a:
  empty: {}
  flag: true
  "n": null
  none: []
b:
- name: x
  ports:
  - 80
- s
c: |
  two
  lines
`
	if string(b) != want {
		t.Fatalf("got\n%s\nwant\n%s", b, want)
	}
}
