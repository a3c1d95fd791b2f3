package kyaml_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	yamlv4 "go.yaml.in/yaml/v4"

	"github.com/iksplan/iksplan/internal/kube/kyaml"
	"github.com/iksplan/iksplan/model/presets"
)

// v4YAMLToJSON is YAMLToJSON as it was, over go.yaml.in/yaml/v4's Node
// (now a test-only reference): what the IBM Cloud double read from
// kubeconfigs, Helm values and applied manifests before gopkg.in/yaml.v3.
func v4YAMLToJSON(y []byte) ([]byte, error) {
	var n yamlv4.Node
	if err := yamlv4.Unmarshal(y, &n); err != nil {
		return nil, err
	}
	var obj any
	if n.Kind != 0 {
		var err error
		if obj, err = v4JSONable(&n, 0); err != nil {
			return nil, err
		}
	}
	return json.Marshal(obj)
}

func v4JSONable(n *yamlv4.Node, depth int) (any, error) {
	if depth > 10000 {
		return nil, fmt.Errorf("nested too deeply")
	}
	switch n.Kind {
	case yamlv4.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return v4JSONable(n.Content[0], depth+1)
	case yamlv4.AliasNode:
		return v4JSONable(n.Alias, depth+1)
	case yamlv4.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := v4JSONable(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yamlv4.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yamlv4.ScalarNode && k.ShortTag() == "!!merge" {
				return nil, fmt.Errorf("merge keys are not supported")
			}
			if k.Kind != yamlv4.ScalarNode {
				return nil, fmt.Errorf("a mapping key must be a scalar")
			}
			val, err := v4JSONable(v, depth+1)
			if err != nil {
				return nil, err
			}
			key := k.Value
			if k.ShortTag() == "!!null" {
				key = "null"
			}
			out[key] = val
		}
		return out, nil
	case yamlv4.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool", "!!int", "!!float":
			var v any
			if err := n.Decode(&v); err != nil {
				return nil, err
			}
			return v, nil
		case "!!str", "!!timestamp", "!!binary", "!!merge":
			return n.Value, nil
		}
		return nil, fmt.Errorf("tag %s is not supported", strconv.Quote(n.Tag))
	}
	return nil, fmt.Errorf("unknown YAML node")
}

// documents splits a YAML stream at its "---" lines.
func documents(b []byte) [][]byte {
	var out [][]byte
	var cur []byte
	for _, l := range bytes.SplitAfter(b, []byte("\n")) {
		if string(bytes.TrimRight(l, "\r\n")) == "---" {
			out = append(out, cur)
			cur = nil
			continue
		}
		cur = append(cur, l...)
	}
	return append(out, cur)
}

// decodeInputs are what the double decodes: every YAML document iksplan
// renders for every preset (manifests, Calico files, Helm values), every
// YAML file in the repository (designs, test inputs, catalogs, locales),
// and scalars, tags, anchors and layouts where two readers could differ.
func decodeInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{}
	for _, name := range presets.Names() {
		for _, a := range presetArtifacts(t, name) {
			if strings.HasSuffix(a.Path, ".yaml") || strings.HasSuffix(a.Path, ".yml") {
				for i, doc := range documents(a.Data) {
					in[fmt.Sprintf("%s/%s#%d", name, a.Path, i)] = doc
				}
			}
		}
	}
	root := filepath.Join("..", "..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "out") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, doc := range documents(b) {
				in[fmt.Sprintf("%s#%d", path, i)] = doc
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	scalars := []string{"-0", "-0.0", "+0", "0", "00", "017", "0o17", "0x1F", "0b101", "-0b101", "1_000", "1e3", "1E3", ".5", "-.5",
		"+.inf", "-.Inf", ".nan", "1:20", "190:20:30.15", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10",
		"yes", "no", "on", "off", "y", "n", "True", "FALSE", "Null", "~", "", "<<", "9223372036854775808", "18446744073709551616",
		"1e400", "'quoted'", `"\u00e9\x41\t"`, "!!str 1", "!!int \"3\"", "!!float 1", "!!binary aGk=", "!!timestamp 2001-12-14",
		"&a 1", "[1, a, {b: c}]", "{a: 1, b: [2]}", "|\n  block\n", ">\n  folded\n  text\n", "\"multi\n  line\"", "plain\n  continued"}
	for _, s := range scalars {
		in["scalar "+s] = []byte("k: " + s + "\n")
		in["item "+s] = []byte("- " + s + "\n")
		in["key "+s] = []byte(s + ": v\n")
		in["root "+s] = []byte(s + "\n")
	}
	h := hostileValue()
	for _, s := range h.Strings {
		b, err := kyaml.Marshal(map[string]any{"k": s, s: []any{s, map[string]any{s: s}}})
		if err != nil {
			t.Fatal(err)
		}
		in["marshalled "+s] = b
	}
	b, err := kyaml.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	in["marshalled hostile"] = b
	for i, s := range []string{
		"", "# only a comment\n", "---\n", "---\na: 1\n---\nb: 2\n", "a: &x {b: 1}\nc: *x\n", "a: 1\na: 2\n", "a:\n  - 1\n  -  2\n",
		"a:\n- 1\n- 2\n", "? [a]\n: 1\n", "a: &x [1]\nb:\n  <<: *x\n", "a: !custom 1\n", "a: 1\n b: 2\n", "\ta: 1\n", "a: [1,\n",
		"%YAML 1.1\n---\na: 1\n", "a: b # comment\n# foot\n", "\ufeffa: 1\n", "a:\r\n  b: 1\r\n", "a: 'it''s'\n", "a: \"x\\\ny\"\n",
	} {
		in[fmt.Sprintf("layout %d", i)] = []byte(s)
	}
	return in
}

// TestYAMLToJSONMatchesV4: on everything decodeInputs holds, YAMLToJSON
// (now over gopkg.in/yaml.v3) writes the JSON the go.yaml.in/yaml/v4
// reader wrote, and refuses what it refused. It fails when YAMLToJSON
// reads -0 as gopkg.in/yaml.v3 does (the integer 0; v4's is a negative
// zero).
func TestYAMLToJSONMatchesV4(t *testing.T) {
	inputs := decodeInputs(t)
	if len(inputs) < 300 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	var rendered, files int
	for name := range inputs {
		switch {
		case strings.HasPrefix(name, ".."):
			files++
		case strings.Contains(name, "#"):
			rendered++
		}
	}
	t.Logf("%d rendered documents, %d documents of the repository's files, %d others", rendered, files, len(inputs)-rendered-files)
	for name, y := range inputs {
		want, werr := v4YAMLToJSON(y)
		got, err := kyaml.YAMLToJSON(y)
		if (err != nil) != (werr != nil) {
			t.Errorf("%s: error %v, go.yaml.in/yaml/v4's %v\n%s", name, err, werr, y)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got %s, go.yaml.in/yaml/v4 read %s", name, got, want)
		}
	}
}
