// Package kyaml is the small part of sigs.k8s.io/yaml that iksplan uses,
// over go.yaml.in/yaml/v4: YAML as JSON in both directions, the way
// kubectl and Helm read and write it (objects through their JSON tags,
// mapping keys sorted, two-space indentation, sequences not indented under
// their key).
//
// Why not sigs.k8s.io/yaml itself: it links go.yaml.in/yaml/v2, whose
// package init every start of iksplan paid (262 allocations by
// GODEBUG=inittrace=1, about 2% of `iksplan version`'s CPU by perf), for
// a YAML library the binary already holds once more: go.yaml.in/yaml/v4
// comes with github.com/invopop/jsonschema (issue 15). The library stays
// in the tests: TestMatchesSigsYAML holds Marshal's bytes and
// YAMLToJSON's JSON to sigs.k8s.io/yaml's on the Helm values of every
// preset and on scalars that need quoting.
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
	"strconv"

	yaml "go.yaml.in/yaml/v4"
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
func yamlNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return int(i)
		}
		if u, err := strconv.ParseUint(string(x), 10, 64); err == nil {
			return u
		}
		f, _ := strconv.ParseFloat(string(x), 64) // JSON numbers always parse (±Inf when too large)
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = yamlNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = yamlNumbers(e)
		}
	}
	return v
}

// JSONToYAML converts JSON to YAML. Numbers keep their kind: an integer
// stays an integer (the YAML reader picks int or float as JSON wrote it).
func JSONToYAML(j []byte) ([]byte, error) {
	var obj any
	if err := yaml.Unmarshal(j, &obj); err != nil {
		return nil, fmt.Errorf("error converting JSON to YAML: %w", err)
	}
	return encode(obj)
}

// encode writes a decoded tree as YAML.
func encode(obj any) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	enc.CompactSeqIndent()
	if err := enc.Encode(obj); err != nil {
		return nil, fmt.Errorf("error converting JSON to YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("error converting JSON to YAML: %w", err)
	}
	return buf.Bytes(), nil
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
