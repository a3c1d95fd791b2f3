package model

import (
	"reflect"
	"strconv"
	"strings"
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
	check := func(path, s string, msgs *textMessages) {
		switch {
		case strings.ContainsRune(s, 0):
			out = append(out, Problem{Path: path, Message: msgs.nul})
		case !utf8.ValidString(s):
			out = append(out, Problem{Path: path, Message: msgs.notUTF8})
		case strings.HasPrefix(s, "\n"):
			out = append(out, Problem{Path: path, Message: msgs.lineBreak})
		}
	}
	walkYAMLTagged(reflect.ValueOf(d).Elem(), "", "", func(path string, v reflect.Value, _ reflect.StructTag) {
		if v.Kind() == reflect.String {
			check(path, v.String(), &valueText)
		}
	})
	walkMapKeys(reflect.ValueOf(d).Elem(), "", func(path, key string) { check(path, key, &keyText) })
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
func walkMapKeys(v reflect.Value, path string, fn func(path, key string)) {
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				name := strings.Split(f.Tag.Get("yaml"), ",")[0]
				if !f.IsExported() || name == "-" {
					continue
				}
				p := name
				if path != "" {
					p = path + "." + name
				}
				walk(v.Field(i), p)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), path+"["+strconv.Itoa(i)+"]")
			}
		case reflect.Map:
			if v.Type().Key().Kind() == reflect.String {
				for _, k := range v.MapKeys() {
					fn(path+"."+k.String(), k.String())
				}
			}
		}
	}
	walk(v, path)
}

// leadingLineFeed is CheckText's message for a value that begins with a
// line break.
const leadingLineFeed = "begins with a line break, which the design file cannot keep (YAML would read it back without it): remove the leading line break"
