// Package kyaml is the small part of sigs.k8s.io/yaml that iksplan uses:
// YAML as JSON in both directions, the way kubectl and Helm read and write
// it (objects through their JSON tags, mapping keys sorted, two-space
// indentation, sequences not indented under their key).
//
// Why not sigs.k8s.io/yaml itself: it links go.yaml.in/yaml/v2, whose
// package init every start of iksplan paid (262 allocations by
// GODEBUG=inittrace=1, about 2% of `iksplan version`'s CPU by perf). Why
// not go.yaml.in/yaml/v4, which kyaml used next: its init compiles
// regular expressions on every start too (2.1% of `iksplan version`'s
// CPU), and the binary holds gopkg.in/yaml.v3 anyway (the design file's
// library), which reads the same but cannot write sequences unindented.
// So reading goes through gopkg.in/yaml.v3's Node, and writing through
// emit.go, a port of the library's emitter for JSON trees: the bytes are
// go.yaml.in/yaml/v4's (SetIndent(2), CompactSeqIndent), which
// reference_test.go checks, and both libraries stay in the tests only.
// TestMatchesSigsYAML holds Marshal's bytes and YAMLToJSON's JSON to
// sigs.k8s.io/yaml's on the Helm values of every preset and on scalars
// that need quoting.
//
// Two differences, both outside what iksplan writes: sigs.k8s.io/yaml
// folds a string with spaces that runs past column 80 (yaml.v2's width),
// Marshal never folds (the value reads back the same); and YAMLToJSON
// reads YAML 1.2 scalars, so an unquoted yes/no/on/off is a string, not a
// boolean (iksplan's emitter and Marshal quote those words, so both
// readers agree on everything iksplan renders).
package kyaml

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	yaml "gopkg.in/yaml.v3"
)

// Marshal writes obj as YAML: its JSON (encoding/json, so JSON tags,
// omitempty and MarshalJSON apply) with mapping keys sorted.
func Marshal(obj any) ([]byte, error) {
	j, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("error marshaling into JSON: %w", err)
	}
	// json.Marshal's output is plain JSON, which encoding/json reads back
	// into the tree the YAML parser would build from it (maps, slices,
	// strings, booleans, nil, and numbers as yamlNumber types them) at a
	// fraction of the cost: the parser was two thirds of JSONToYAML.
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("error converting JSON to YAML: %w", err)
	}
	return encode(yamlNumbers(tree))
}

// yamlNumbers replaces, in place, each json.Number of a decoded JSON tree
// by the value the YAML parser reads from its text: an int, else a
// uint64, else a float64.
func yamlNumbers(v any) any { return numbers(v, yamlNumber) }

func yamlNumber(x json.Number) any {
	if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
		return int(i)
	}
	if u, err := strconv.ParseUint(string(x), 10, 64); err == nil {
		return u
	}
	f, _ := strconv.ParseFloat(string(x), 64) // JSON numbers always parse (±Inf when too large)
	return f
}

// numbers replaces, in place, each json.Number of a decoded JSON tree by
// f's value for it.
func numbers(v any, f func(json.Number) any) any {
	switch x := v.(type) {
	case json.Number:
		return f(x)
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e, f)
		}
	case []any:
		for i, e := range x {
			x[i] = numbers(e, f)
		}
	}
	return v
}

// JSONToYAML converts JSON to YAML. Numbers keep their kind: an integer
// stays an integer (as the YAML reader that JSONToYAML once parsed JSON
// with picked int or float from the text).
func JSONToYAML(j []byte) ([]byte, error) {
	if len(bytes.TrimSpace(j)) == 0 {
		return encode(nil) // an empty document, as the YAML reader saw it
	}
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.UseNumber()
	var obj any
	if err := dec.Decode(&obj); err != nil {
		return nil, fmt.Errorf("error converting JSON to YAML: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("error converting JSON to YAML: more than one JSON value")
	}
	return encode(numbers(obj, resolvedNumber))
}

// resolvedNumber is yamlNumber with the YAML reader's two exceptions,
// which JSONToYAML keeps from the days it parsed JSON as YAML: -0 and
// -0.0 are a negative zero, and a number too large for a float64 stays
// its text.
func resolvedNumber(x json.Number) any {
	switch s := string(x); {
	case s == "-0" || s == "-0.0":
		return math.Copysign(0, -1)
	case !jsonNumberFits(s):
		return s
	}
	return yamlNumber(x)
}

// jsonNumberFits reports whether s reads as an int64, a uint64 or a
// finite float64.
func jsonNumberFits(s string) bool {
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(s, 10, 64); err == nil {
		return true
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// YAMLToJSON converts one YAML document to JSON. Mapping keys that are not
// strings (a number, a boolean) become their text, as in sigs.k8s.io/yaml;
// a timestamp stays the string it was written as, and so does << where it
// is not a key.
func YAMLToJSON(y []byte) ([]byte, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(y, &n); err != nil {
		return nil, fmt.Errorf("error converting YAML to JSON: %w", err)
	}
	var obj any
	if n.Kind != 0 {
		var err error
		if obj, err = jsonable(&n, 0); err != nil {
			return nil, fmt.Errorf("error converting YAML to JSON: %w", err)
		}
	}
	j, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("error converting YAML to JSON: %w", err)
	}
	return j, nil
}

// Unmarshal reads YAML into obj through its JSON (encoding/json, so JSON
// tags and UnmarshalJSON apply).
func Unmarshal(y []byte, obj any) error {
	j, err := YAMLToJSON(y)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(j, obj); err != nil {
		return fmt.Errorf("error unmarshaling JSON: %w", err)
	}
	return nil
}

// maxDepth bounds the nesting (and alias expansion) of a document.
const maxDepth = 10000

// jsonable is node n as a value encoding/json writes: maps, slices,
// strings, booleans, numbers and nil.
func jsonable(n *yaml.Node, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("line %d: nested too deeply", n.Line)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return jsonable(n.Content[0], depth+1)
	case yaml.AliasNode:
		return jsonable(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := jsonable(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
				return nil, fmt.Errorf("line %d: merge keys (<<) are not supported", k.Line)
			}
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a mapping key must be a scalar", k.Line)
			}
			val, err := jsonable(v, depth+1)
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
	case yaml.ScalarNode:
		return scalar(n)
	}
	return nil, fmt.Errorf("line %d: unknown YAML node", n.Line)
}

// scalar is a scalar's JSON value by its resolved tag.
func scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool", "!!int", "!!float":
		if (n.Value == "-0" || n.Value == "-0.0") && n.Style&yaml.TaggedStyle == 0 {
			// go.yaml.in/yaml/v4, which YAMLToJSON read with before,
			// takes these for a negative zero; gopkg.in/yaml.v3 reads
			// -0 as the integer 0.
			return math.Copysign(0, -1), nil
		}
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, err
		}
		return v, nil
	case "!!str", "!!timestamp", "!!binary", "!!merge":
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: tag %s is not supported", n.Line, strconv.Quote(n.Tag))
}
