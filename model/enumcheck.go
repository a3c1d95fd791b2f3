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
			out = append(out, Problem{Path: path, Message: fmt.Sprintf("%q is not one of: %s", v.String(), strings.Join(vals, ", "))})
		}
	})
	return out
}

// walkYAML calls fn for every leaf value reachable from v with the YAML path
// built from the fields' yaml tags.
func walkYAML(v reflect.Value, path string, fn func(path string, v reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkYAML(v.Elem(), path, fn)
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
			walkYAML(v.Field(i), p, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkYAML(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			walkYAML(v.MapIndex(k), path+"."+fmt.Sprint(k), fn)
		}
	default:
		fn(path, v)
	}
}
