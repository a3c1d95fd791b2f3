package model

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

var enumType = reflect.TypeFor[Enum]()

// CheckEnums walks the design and reports every enum field whose value is
// not in its set, by YAML path. Empty values are left to the defaults.
func CheckEnums(d *Design) []Problem {
	var out []Problem
	walkYAML(reflect.ValueOf(d).Elem(), "", func(path func() string, v reflect.Value) {
		if v.Kind() != reflect.String || v.String() == "" || !v.Type().Implements(enumType) {
			return
		}
		e := v.Interface().(Enum)
		vals := e.EnumValues()
		if !slices.Contains(vals, v.String()) {
			out = append(out, problemf(path(), 0, "%s is not one of: %s", QuoteValue(v.String()), strings.Join(vals, ", ")))
		}
	})
	return out
}

// walkYAML calls fn for every leaf value reachable from v with the YAML path
// built from the fields' yaml tags. path() builds the leaf's path when
// called: the checks need it only for what they report, and building it for
// every leaf cost megabytes at 1,000 namespaces.
func walkYAML(v reflect.Value, path string, fn func(path func() string, v reflect.Value)) {
	walkYAMLTagged(v, path, "", func(path func() string, v reflect.Value, _ reflect.StructTag) { fn(path, v) })
}

// walkYAMLTagged is walkYAML that also passes the struct tag of the field
// that holds each leaf (for a list or map item: the list's or map's field),
// so checks can read the bounds the JSON Schema declares.
func walkYAMLTagged(v reflect.Value, path string, tag reflect.StructTag, fn func(path func() string, v reflect.Value, tag reflect.StructTag)) {
	w := &yamlWalker{buf: append(make([]byte, 0, 128), path...), fn: fn}
	w.path = func() string { return string(w.buf) }
	w.walk(v, tag)
}

// yamlWalker holds the path of the value being walked, extended and cut
// back as the walk goes down and up.
type yamlWalker struct {
	buf  []byte
	fn   func(path func() string, v reflect.Value, tag reflect.StructTag)
	path func() string
}

func (w *yamlWalker) walk(v reflect.Value, tag reflect.StructTag) {
	n := len(w.buf)
	defer func() { w.buf = w.buf[:n] }()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem(), tag)
		}
	case reflect.Struct:
		for _, f := range yamlFieldsOf(v.Type()) {
			w.buf = w.buf[:n]
			if n > 0 {
				w.buf = append(w.buf, '.')
			}
			w.buf = append(w.buf, f.name...)
			w.walk(v.Field(f.index), f.tag)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			w.buf = append(w.buf[:n], '[')
			w.buf = strconv.AppendInt(w.buf, int64(i), 10)
			w.buf = append(w.buf, ']')
			w.walk(v.Index(i), tag)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			w.buf = append(append(w.buf[:n], '.'), fmt.Sprint(k)...)
			w.walk(v.MapIndex(k), tag)
		}
	default:
		w.fn(w.path, v, tag)
	}
}

// yamlField is an exported field of a struct as the walks see it: its
// index, YAML name (the tag's, or the lower-cased Go name), the tag's name
// as written, tag and type.
type yamlField struct {
	index   int
	name    string
	tagName string
	tag     reflect.StructTag
	typ     reflect.Type
}

var yamlFieldsCache sync.Map // reflect.Type -> []yamlField

// yamlFieldsOf lists t's fields once per type (reflect's Field allocates).
func yamlFieldsOf(t reflect.Type) []yamlField {
	if fs, ok := yamlFieldsCache.Load(t); ok {
		return fs.([]yamlField)
	}
	var fs []yamlField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tagName, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tagName == "-" {
			continue
		}
		name := tagName
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fs = append(fs, yamlField{index: i, name: name, tagName: tagName, tag: f.Tag, typ: f.Type})
	}
	yamlFieldsCache.Store(t, fs)
	return fs
}
