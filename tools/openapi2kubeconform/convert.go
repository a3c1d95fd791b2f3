package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Schema is one JSON (Schema) object, decoded with json.Number for numbers.
type Schema = map[string]any

// GVK is one x-kubernetes-group-version-kind entry.
type GVK struct {
	Group, Version, Kind string
}

// APIVersion is the apiVersion string of g ("v1" for the core group).
func (g GVK) APIVersion() string {
	if g.Group == "" {
		return g.Version
	}
	return g.Group + "/" + g.Version
}

// FileName is kubeconform's file name for g: <kind>[-<group-first-label>]-<version>.json,
// lower case (see kubeconform pkg/registry schemaPath).
func (g GVK) FileName() string {
	name := strings.ToLower(g.Kind)
	if g.Group != "" {
		name += "-" + strings.ToLower(strings.Split(g.Group, ".")[0])
	}
	return name + "-" + strings.ToLower(g.Version) + ".json"
}

const (
	refPrefix      = "#/definitions/"
	quantityDef    = "io.k8s.apimachinery.pkg.api.resource.Quantity"
	objectMetaDef  = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
	preserveFields = "x-kubernetes-preserve-unknown-fields"
	intOrStringExt = "x-kubernetes-int-or-string"
)

// Converter turns OpenAPI v2 definitions (swagger.json) or CRD openAPIV3Schemas into
// standalone, strict JSON schemas the way kubeconform's openapi2jsonschema does:
//   - every $ref is inlined (recursive references become {}),
//   - additionalProperties: false wherever properties exist, unless the schema has
//     x-kubernetes-preserve-unknown-fields or already says otherwise,
//   - int-or-string becomes oneOf string|integer, Quantity oneOf string|number,
//   - optional fields (not in the parent's required list) also accept null,
//   - apiVersion and kind are pinned with a one-value enum.
type Converter struct {
	Defs map[string]Schema
}

// ParseSwagger reads a swagger.json document's definitions.
func ParseSwagger(data []byte) (*Converter, error) {
	var doc struct {
		Definitions map[string]Schema `json:"definitions"`
	}
	if err := decodeJSON(data, &doc); err != nil {
		return nil, fmt.Errorf("swagger: %w", err)
	}
	if len(doc.Definitions) == 0 {
		return nil, fmt.Errorf("swagger: no definitions")
	}
	return &Converter{Defs: doc.Definitions}, nil
}

func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	return dec.Decode(v)
}

// Resource is one schema to write: the file name and the schema.
type Resource struct {
	GVK    GVK
	Schema Schema
}

// Kinds returns a strict standalone schema for every GVK declared by a definition,
// sorted by file name. Definitions that map to an already used file name (kubeconform
// cannot tell them apart) are reported in skipped.
func (c *Converter) Kinds() (out []Resource, skipped []string, err error) {
	names := make([]string, 0, len(c.Defs))
	for n := range c.Defs {
		names = append(names, n)
	}
	sort.Strings(names)
	seen := map[string]string{}
	for _, name := range names {
		gvks, err := gvksOf(c.Defs[name])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, g := range gvks {
			file := g.FileName()
			if prev, ok := seen[file]; ok {
				skipped = append(skipped, fmt.Sprintf("%s (%s): %s already taken by %s", name, g.APIVersion(), file, prev))
				continue
			}
			seen[file] = name
			s := c.inline(c.Defs[name], []string{name})
			pin(s, g)
			out = append(out, Resource{GVK: g, Schema: s})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].GVK.FileName() < out[j].GVK.FileName() })
	return out, skipped, nil
}

func gvksOf(def Schema) ([]GVK, error) {
	raw, ok := def["x-kubernetes-group-version-kind"]
	if !ok {
		return nil, nil
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("x-kubernetes-group-version-kind is %T, not a list", raw)
	}
	var out []GVK
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("x-kubernetes-group-version-kind entry is %T", e)
		}
		g := GVK{Group: str(m["group"]), Version: str(m["version"]), Kind: str(m["kind"])}
		if g.Version == "" || g.Kind == "" {
			return nil, fmt.Errorf("incomplete group-version-kind %v", m)
		}
		out = append(out, g)
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// CRDKinds converts a CustomResourceDefinition (decoded JSON) into one strict schema per
// version that has an openAPIV3Schema. If c is not nil and the CRD's metadata schema is a
// bare object, it is replaced by ObjectMeta from c's definitions.
func (c *Converter) CRDKinds(crd Schema) ([]Resource, error) {
	if str(crd["kind"]) != "CustomResourceDefinition" {
		return nil, fmt.Errorf("not a CustomResourceDefinition (kind %q)", str(crd["kind"]))
	}
	spec, _ := crd["spec"].(map[string]any)
	names, _ := spec["names"].(map[string]any)
	group, kind := str(spec["group"]), str(names["kind"])
	versions, _ := spec["versions"].([]any)
	if group == "" || kind == "" || len(versions) == 0 {
		return nil, fmt.Errorf("CRD %q: missing spec.group, spec.names.kind or spec.versions", str(mapOf(crd["metadata"])["name"]))
	}
	var out []Resource
	for _, v := range versions {
		vm := mapOf(v)
		schema, ok := mapOf(vm["schema"])["openAPIV3Schema"].(map[string]any)
		if !ok {
			continue
		}
		g := GVK{Group: group, Version: str(vm["name"]), Kind: kind}
		conv := c
		if conv == nil {
			conv = &Converter{Defs: map[string]Schema{}}
		}
		root := deepCopy(schema).(map[string]any)
		if props := mapOf(root["properties"]); props != nil {
			if md := mapOf(props["metadata"]); md != nil && md["properties"] == nil {
				if _, ok := conv.Defs[objectMetaDef]; ok {
					props["metadata"] = Schema{"$ref": refPrefix + objectMetaDef}
				}
			}
		}
		s := conv.inline(root, nil)
		pin(s, g)
		out = append(out, Resource{GVK: g, Schema: s})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("CRD %s/%s: no version has an openAPIV3Schema", group, kind)
	}
	return out, nil
}

func mapOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// pin fixes apiVersion and kind to g and records g like openapi2jsonschema does.
func pin(s Schema, g GVK) {
	props := mapOf(s["properties"])
	if props == nil {
		props = Schema{}
		s["properties"] = props
	}
	for key, val := range map[string]string{"apiVersion": g.APIVersion(), "kind": g.Kind} {
		p := mapOf(props[key])
		if p == nil {
			p = Schema{}
		}
		p["type"] = []any{"string", "null"}
		p["enum"] = []any{val}
		props[key] = p
	}
	s["x-kubernetes-group-version-kind"] = []any{map[string]any{"group": g.Group, "version": g.Version, "kind": g.Kind}}
}

// inline returns a transformed deep copy of s with every $ref resolved. stack holds the
// definitions being expanded, to cut recursion.
func (c *Converter) inline(s Schema, stack []string) Schema {
	out := Schema{}
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, refPrefix)
		var base Schema
		switch {
		case name == quantityDef:
			base = Schema{"oneOf": []any{Schema{"type": "string"}, Schema{"type": "number"}}}
		case contains(stack, name):
			// Recursive type (e.g. JSONSchemaProps): accept anything below this point.
			base = Schema{}
		default:
			def, ok := c.Defs[name]
			if !ok {
				panic(fmt.Sprintf("unresolvable $ref %q", ref))
			}
			base = c.inline(def, append(stack[:len(stack):len(stack)], name))
		}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range s {
			if k == "$ref" {
				continue
			}
			out[k] = c.value(k, v, stack)
		}
		return out
	}
	if str(s["format"]) == "int-or-string" || s[intOrStringExt] == true {
		out["oneOf"] = []any{Schema{"type": "string"}, Schema{"type": "integer"}}
		for k, v := range s {
			switch k {
			case "type", "format", "anyOf", "oneOf":
			default:
				out[k] = v
			}
		}
		return out
	}
	for k, v := range s {
		out[k] = c.value(k, v, stack)
	}
	if props := mapOf(out["properties"]); props != nil {
		if _, has := out["additionalProperties"]; !has && out[preserveFields] != true {
			out["additionalProperties"] = false
		}
		required := map[string]bool{}
		if rl, ok := out["required"].([]any); ok {
			for _, r := range rl {
				required[str(r)] = true
			}
		}
		for name, p := range props {
			if pm := mapOf(p); pm != nil && !required[name] {
				allowNull(pm)
			}
		}
	}
	if out["nullable"] == true {
		allowNull(out)
	}
	return out
}

// value transforms the value of keyword k.
func (c *Converter) value(k string, v any, stack []string) any {
	switch k {
	case "properties", "patternProperties", "definitions":
		m := mapOf(v)
		if m == nil {
			return deepCopy(v)
		}
		out := make(map[string]any, len(m))
		for name, p := range m {
			if pm := mapOf(p); pm != nil {
				out[name] = c.inline(pm, stack)
			} else {
				out[name] = deepCopy(p)
			}
		}
		return out
	case "items", "additionalProperties", "not":
		if m := mapOf(v); m != nil {
			return c.inline(m, stack)
		}
		if l, ok := v.([]any); ok && k == "items" {
			return c.list(l, stack)
		}
		return deepCopy(v)
	case "allOf", "anyOf", "oneOf":
		if l, ok := v.([]any); ok {
			return c.list(l, stack)
		}
	}
	return deepCopy(v)
}

func (c *Converter) list(l []any, stack []string) []any {
	out := make([]any, len(l))
	for i, e := range l {
		if m := mapOf(e); m != nil {
			out[i] = c.inline(m, stack)
		} else {
			out[i] = deepCopy(e)
		}
	}
	return out
}

// allowNull makes s also accept JSON null.
func allowNull(s Schema) {
	switch t := s["type"].(type) {
	case string:
		if t != "null" {
			s["type"] = []any{t, "null"}
		}
	case []any:
		if !containsAny(t, "null") {
			s["type"] = append(t, "null")
		}
	case nil:
		if one, ok := s["oneOf"].([]any); ok {
			for _, o := range one {
				if str(mapOf(o)["type"]) == "null" {
					return
				}
			}
			s["oneOf"] = append(one, Schema{"type": "null"})
		}
		// No type and no oneOf: already accepts null.
		return
	}
	if e, ok := s["enum"].([]any); ok && !containsAny(e, nil) {
		s["enum"] = append(e, nil)
	}
}

func contains(l []string, s string) bool {
	for _, e := range l {
		if e == s {
			return true
		}
	}
	return false
}

func containsAny(l []any, v any) bool {
	for _, e := range l {
		if e == v {
			return true
		}
	}
	return false
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = deepCopy(e)
		}
		return out
	default:
		return v
	}
}
