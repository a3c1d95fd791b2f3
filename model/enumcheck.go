package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// CheckEnums walks the design and reports every enum field whose value is
// not in its set, by YAML path. Empty values are left to the defaults.
func CheckEnums(d *Design) []Problem {
	var out []Problem
	walkYAML(reflect.ValueOf(d).Elem(), "", func(path string, v reflect.Value) {
		e, ok := v.Interface().(Enum)
		if !ok || v.Kind() != reflect.String || v.String() == "" {
			return
		}
		vals := e.EnumValues()
		if !slices.Contains(vals, v.String()) {
			out = append(out, problemf(path, 0, "%s is not one of: %s", QuoteValue(v.String()), strings.Join(vals, ", ")))
		}
	})
	return out
}

// walkYAML calls fn for every leaf value reachable from v with the YAML path
// built from the fields' yaml tags.
func walkYAML(v reflect.Value, path string, fn func(path string, v reflect.Value)) {
	walkYAMLTagged(v, path, "", func(path string, v reflect.Value, _ reflect.StructTag) { fn(path, v) })
}

// walkYAMLTagged is walkYAML that also passes the struct tag of the field
// that holds each leaf (for a list or map item: the list's or map's field),
// so checks can read the bounds the JSON Schema declares.
func walkYAMLTagged(v reflect.Value, path string, tag reflect.StructTag, fn func(path string, v reflect.Value, tag reflect.StructTag)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkYAMLTagged(v.Elem(), path, tag, fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if name == "-" {
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walkYAMLTagged(v.Field(i), p, f.Tag, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkYAMLTagged(v.Index(i), fmt.Sprintf("%s[%d]", path, i), tag, fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			walkYAMLTagged(v.MapIndex(k), path+"."+fmt.Sprint(k), tag, fn)
		}
	default:
		fn(path, v, tag)
	}
}
