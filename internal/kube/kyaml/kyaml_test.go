package kyaml_test

import (
	"bytes"
	"strings"
	"testing"

	yamlv4 "go.yaml.in/yaml/v4"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/iksplan/iksplan/internal/kube/kyaml"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
)

// hostile holds scalars that need quoting or a block, numbers of each
// kind, empty collections and nested sequences: where yaml.v2 (under
// sigs.k8s.io/yaml) and v4 could write different bytes.
type hostile struct {
	Strings  []string          `json:"strings"`
	Numbers  []any             `json:"numbers"`
	Map      map[string]any    `json:"map"`
	Empty    map[string]string `json:"empty"`
	EmptyL   []string          `json:"emptyList"`
	Nested   [][]int           `json:"nested"`
	Nil      *string           `json:"nil"`
	Bool     bool              `json:"bool"`
	Omitted  string            `json:"omitted,omitempty"`
	Sequence []map[string]any  `json:"sequence"`
}

func hostileValue() hostile {
	return hostile{
		Strings: []string{"", "yes", "no", "on", "off", "y", "n", "true", "null", "~", "1", "1.5", "1e3", "0x1F", "017",
			"1:20", "2001-12-14", "-", "- a", "a: b", "#x", "x #y", "@x", "`x", "'x'", "\"x\"", "a\nb", "a\nb\n", " lead",
			"trail ", "tab\tx", "ünïcode", "日本語", "*x", "&x", "!x", "%x", "|", ">", "[a]", "{a: 1}", "a,b", "?", "?x",
			"=", "icr.io/ibm-observe/logs-agent-helm", "--set-file", "1.35.2", "9.9.9.9", "10.0.0.0/8"},
		Numbers: []any{0, 1, -1, 1.5, 1e21, 123456789012, 0.1, 3.0},
		Map:     map[string]any{"b": 1, "a": []any{"x", map[string]any{"z": true, "y": nil}}, "10": "ten", "9": "nine", "a10": 1, "a9": 2},
		Empty:   map[string]string{},
		EmptyL:  []string{},
		Nested:  [][]int{{1, 2}, {}, {3}},
		Sequence: []map[string]any{
			{"operator": "Exists"},
			{"key": "dedicated", "operator": "Equal", "value": "edge", "effect": "NoSchedule"},
		},
	}
}

// TestMatchesSigsYAML holds Marshal and YAMLToJSON to sigs.k8s.io/yaml:
// the Helm values files of every preset (the objects runbook.sh passes to
// helm) and hostile scalars. It fails with go.yaml.in/yaml/v4's default
// sequence indentation (CompactSeqIndent left out) or indent 4.
func TestMatchesSigsYAML(t *testing.T) {
	values := map[string][]byte{"hostile": nil}
	for _, name := range presets.Names() {
		for _, a := range presetArtifacts(t, name) {
			if strings.HasPrefix(a.Path, "values/") {
				values[name+"/"+a.Path] = a.Data
			}
		}
	}
	if len(values) < 3 {
		t.Fatalf("only %d values files: the presets render no Helm values?", len(values)-1)
	}
	for name, data := range values {
		var obj any = hostileValue()
		if data != nil {
			var m map[string]any
			if err := sigsyaml.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			obj = m
		}
		want, err := sigsyaml.Marshal(obj)
		if err != nil {
			t.Fatal(err)
		}
		got, err := kyaml.Marshal(obj)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: Marshal differs from sigs.k8s.io/yaml\n got:\n%s\nwant:\n%s", name, got, want)
		}
		wantJ, err := sigsyaml.YAMLToJSON(want)
		if err != nil {
			t.Fatal(err)
		}
		gotJ, err := kyaml.YAMLToJSON(want)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(gotJ, wantJ) {
			t.Errorf("%s: YAMLToJSON differs from sigs.k8s.io/yaml\n got: %s\nwant: %s", name, gotJ, wantJ)
		}
	}
}

// TestYAMLToJSONKeysAndAliases: keys that are not strings become their
// text, aliases expand, a timestamp stays its text, merge keys and
// non-scalar keys are refused.
func TestYAMLToJSONKeysAndAliases(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a: &x [1, 2]\nb: *x\n1: one\ntrue: t\n", `{"1":"one","a":[1,2],"b":[1,2],"true":"t"}`},
		{"t: 2001-12-14\nx: ~\nf: 1.5\ni: -3\ns: [<<]\n", `{"f":1.5,"i":-3,"s":["\u003c\u003c"],"t":"2001-12-14","x":null}`},
		{"", `null`},
	} {
		got, err := kyaml.YAMLToJSON([]byte(c.in))
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if string(got) != c.want {
			t.Errorf("%q: got %s, want %s", c.in, got, c.want)
		}
		if want, _ := sigsyaml.YAMLToJSON([]byte(c.in)); string(want) != c.want {
			t.Errorf("%q: sigs.k8s.io/yaml says %s, the test wants %s", c.in, want, c.want)
		}
	}
	for _, in := range []string{"a: &x {b: 1}\nc:\n  <<: *x\n", "? [a]\n: 1\n"} {
		if _, err := kyaml.YAMLToJSON([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// presetArtifacts renders every artifact of preset name.
func presetArtifacts(tb testing.TB, name string) []render.Artifact {
	tb.Helper()
	d, err := presets.Design(name)
	if err != nil {
		tb.Fatal(err)
	}
	arts, err := render.All(render.Input{Design: d, SourceName: "x.yaml", Catalog: catalog.Default()})
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

// BenchmarkMarshal writes the Helm values of the largest preset, as the
// runbook renders them, through Marshal, and through go.yaml.in/yaml/v4's
// encoder set up as kyaml writes (indent 2, compact sequences), the
// library whose emitter kyaml ports: the reference, checked to write the
// same bytes before it is timed.
func BenchmarkMarshal(b *testing.B) {
	var objs []any
	for _, a := range presetArtifacts(b, "tokyo-classic-production") {
		if strings.HasPrefix(a.Path, "values/") {
			var m map[string]any
			if err := sigsyaml.Unmarshal(a.Data, &m); err != nil {
				b.Fatal(err)
			}
			objs = append(objs, m)
		}
	}
	if len(objs) == 0 {
		b.Fatal("no values files")
	}
	v4 := func(o any) ([]byte, error) {
		var buf bytes.Buffer
		enc := yamlv4.NewEncoder(&buf)
		enc.SetIndent(2)
		enc.CompactSeqIndent()
		if err := enc.Encode(o); err != nil {
			return nil, err
		}
		err := enc.Close()
		return buf.Bytes(), err
	}
	for i, o := range objs {
		got, err := kyaml.Marshal(o)
		if err != nil {
			b.Fatal(err)
		}
		if want, err := v4(o); err != nil || !bytes.Equal(got, want) {
			b.Fatalf("values file %d: kyaml and go.yaml.in/yaml/v4 differ (%v):\n%s\n---\n%s", i, err, got, want)
		}
	}
	for _, c := range []struct {
		name    string
		marshal func(any) ([]byte, error)
	}{{"kyaml", kyaml.Marshal}, {"go.yaml.in-yaml-v4", v4}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, o := range objs {
					if _, err := c.marshal(o); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
