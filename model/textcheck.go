package model

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// CheckText walks the design and reports every string (map keys
// included) that cannot be text in any artifact: one holding a NUL
// character, which no shell word, YAML manifest or C string can carry,
// bytes that are not UTF-8, which YAML refuses (a !!binary value in the
// file decodes to such bytes), or one that begins with a line break, which
// yaml.v3 cannot write back: it emits a block scalar without its first
// empty line, so "\n" reads back as "" (a vpcID "\n" came back as "no VPC
// ID, create one") and "\n x" as " x". Marshal refuses such a design too.
func CheckText(d *Design) []Problem {
	var out []Problem
	check := func(path func() string, s string, msgs *textMessages) {
		switch {
		case strings.IndexByte(s, 0) >= 0:
			out = append(out, Problem{Path: path(), Message: msgs.nul})
		case !utf8.ValidString(s):
			out = append(out, Problem{Path: path(), Message: msgs.notUTF8})
		case strings.HasPrefix(s, "\n"):
			out = append(out, Problem{Path: path(), Message: msgs.lineBreak})
		}
	}
	walkYAMLTagged(reflect.ValueOf(d).Elem(), "", "", func(path func() string, v reflect.Value, _ reflect.StructTag) {
		if v.Kind() == reflect.String {
			check(path, v.String(), &valueText)
		}
	})
	walkMapKeys(reflect.ValueOf(d).Elem(), "", func(path, key string) { check(func() string { return path }, key, &keyText) })
	return out
}

// textMessages are CheckText's messages for a value or a map key. Each is
// a whole sentence and a fixed phrase of the terms catalogue
// (internal/i18n locales/*/terms.yaml, text.*), which a finding in another
// language swaps for its translation (rules.Finding.In).
type textMessages struct{ nul, notUTF8, lineBreak string }

var (
	valueText = textMessages{
		nul:       "holds a NUL character (\\0), which no command, manifest or document can carry",
		notUTF8:   "is not UTF-8 text (a !!binary value or a file in another encoding?)",
		lineBreak: leadingLineFeed,
	}
	keyText = textMessages{
		nul:       "a key holds a NUL character (\\0), which no command, manifest or document can carry",
		notUTF8:   "a key is not UTF-8 text (a !!binary value or a file in another encoding?)",
		lineBreak: "a key " + leadingLineFeed,
	}
)

// CheckTextMessages lists every message CheckText can give, for the
// catalogue test.
func CheckTextMessages() []string {
	var out []string
	for _, m := range []textMessages{valueText, keyText} {
		out = append(out, m.nul, m.notUTF8, m.lineBreak)
	}
	return out
}

// walkMapKeys calls fn with the path of each string-keyed map and each key.
// The path is built only down to maps (most of a design has none).
func walkMapKeys(v reflect.Value, path string, fn func(path, key string)) {
	var walk func(v reflect.Value, path []byte)
	walk = func(v reflect.Value, path []byte) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Struct:
			for _, f := range yamlFieldsOf(v.Type()) {
				if !holdsMap(f.typ, 0) {
					continue
				}
				p := path
				if len(p) > 0 {
					p = append(p, '.')
				}
				walk(v.Field(f.index), append(p, f.tagName...))
			}
		case reflect.Slice:
			if !holdsMap(v.Type().Elem(), 0) {
				return
			}
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), append(strconv.AppendInt(append(path, '['), int64(i), 10), ']'))
			}
		case reflect.Map:
			if v.Type().Key().Kind() == reflect.String {
				for _, k := range v.MapKeys() {
					fn(string(path)+"."+k.String(), k.String())
				}
			}
		}
	}
	walk(v, append(make([]byte, 0, 128), path...))
}

var holdsMapCache sync.Map // reflect.Type -> bool

// holdsMap reports whether a value of type t can hold a map that
// walkMapKeys reaches.
func holdsMap(t reflect.Type, depth int) bool {
	if h, ok := holdsMapCache.Load(t); ok {
		return h.(bool)
	}
	if depth > 32 {
		return true // a recursive type: walk it
	}
	h := false
	switch t.Kind() {
	case reflect.Map, reflect.Interface:
		h = true
	case reflect.Pointer, reflect.Slice:
		h = holdsMap(t.Elem(), depth+1)
	case reflect.Struct:
		for _, f := range yamlFieldsOf(t) {
			if holdsMap(f.typ, depth+1) {
				h = true
				break
			}
		}
	}
	if depth == 0 || !h {
		holdsMapCache.Store(t, h)
	}
	return h
}

// leadingLineFeed is CheckText's message for a value that begins with a
// line break.
const leadingLineFeed = "begins with a line break, which the design file cannot keep (YAML would read it back without it): remove the leading line break"
