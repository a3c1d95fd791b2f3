package battery

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
)

// field is one free-text value of a design, found by walking its Go
// value with the yaml tags: a string field, a string of a list, a map
// value or a map key. Enum-typed strings (model.Enum) are not free text:
// the loader refuses any value outside their set.
type field struct {
	Path string
	// Value is what the walked design holds there (the key, for a map key).
	Value string
	// set writes v into the field of d (a clone of the design walked).
	set func(d *model.Design, v string)
}

var enumType = reflect.TypeOf((*model.Enum)(nil)).Elem()

// freeTextFields walks d and returns every free-text field it holds, in
// path order. The header's apiVersion and kind are left out: they are
// constants, and Load refuses any other value.
func freeTextFields(d *model.Design) []field {
	var out []field
	var walk func(v reflect.Value, path string, get func(*model.Design) reflect.Value)
	walk = func(v reflect.Value, path string, get func(*model.Design) reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path, func(d *model.Design) reflect.Value { return get(d).Elem() })
			}
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				name := strings.Split(f.Tag.Get("yaml"), ",")[0]
				if !f.IsExported() || name == "-" {
					continue
				}
				if path == "" && (name == "apiVersion" || name == "kind") {
					continue
				}
				p := name
				if path != "" {
					p = path + "." + name
				}
				i := i
				walk(v.Field(i), p, func(d *model.Design) reflect.Value { return get(d).Field(i) })
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				i := i
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), func(d *model.Design) reflect.Value { return get(d).Index(i) })
			}
		case reflect.Map:
			if v.Type().Key().Kind() != reflect.String || v.Type().Elem().Kind() != reflect.String {
				return
			}
			keys := v.MapKeys()
			sort.Slice(keys, func(a, b int) bool { return keys[a].String() < keys[b].String() })
			for _, k := range keys {
				key := k.String()
				p := path + "." + key
				if !v.Type().Elem().Implements(enumType) {
					out = append(out, field{p, v.MapIndex(k).String(), func(d *model.Design, s string) {
						get(d).SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(s).Convert(v.Type().Elem()))
					}})
				}
				out = append(out, field{p + " (key)", key, func(d *model.Design, s string) {
					m := get(d)
					val := m.MapIndex(reflect.ValueOf(key))
					m.SetMapIndex(reflect.ValueOf(key), reflect.Value{})
					m.SetMapIndex(reflect.ValueOf(s).Convert(v.Type().Key()), val)
				}})
			}
		case reflect.String:
			if v.Type().Implements(enumType) {
				return
			}
			out = append(out, field{path, v.String(), func(d *model.Design, s string) { get(d).SetString(s) }})
		}
	}
	walk(reflect.ValueOf(d).Elem(), "", func(d *model.Design) reflect.Value { return reflect.ValueOf(d).Elem() })
	return out
}

// schemaStringFields lists, from the types alone, every free-text field
// path of the schema with [*] for list items, to report which of them the
// walked designs do not hold.
func schemaStringFields() []string {
	var out []string
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string)
	walk = func(t reflect.Type, path string) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			if seen[t] {
				return
			}
			seen[t] = true
			defer delete(seen, t)
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				name := strings.Split(f.Tag.Get("yaml"), ",")[0]
				if !f.IsExported() || name == "-" || path == "" && (name == "apiVersion" || name == "kind") {
					continue
				}
				p := name
				if path != "" {
					p = path + "." + name
				}
				walk(f.Type, p)
			}
		case reflect.Slice:
			walk(t.Elem(), path+"[*]")
		case reflect.Map:
			if t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.String {
				out = append(out, path+".*")
			}
		case reflect.String:
			if !t.Implements(enumType) {
				out = append(out, path)
			}
		}
	}
	walk(reflect.TypeOf(model.Design{}), "")
	return out
}

// schemaPattern turns a walked path (spec.pools[0].labels.role (key)) into
// its schema form (spec.pools[*].labels.*).
func schemaPattern(p string, mapParents map[string]bool) string {
	p = strings.TrimSuffix(p, " (key)")
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '[' {
			j := strings.IndexByte(p[i:], ']')
			b.WriteString("[*]")
			i += j
			continue
		}
		b.WriteByte(p[i])
	}
	s := b.String()
	if k := strings.LastIndexByte(s, '.'); k > 0 && mapParents[s[:k]] {
		return s[:k] + ".*"
	}
	return s
}
