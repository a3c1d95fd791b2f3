package i18n

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/fieldtmpl"
)

// viaFieldtmpl renders src the slow way, as execute did before the
// placeholder fast path.
func viaFieldtmpl(t *testing.T, src string, data any) string {
	t.Helper()
	set, err := fieldtmpl.New(nil, fieldtmpl.MissingKeyDefault)
	if err == nil {
		err = set.Parse("msg", src)
	}
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	var b strings.Builder
	if err := set.Execute(&b, "msg", data); err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	return b.String()
}

// TestPlaceholderFastPathIsFieldtmpl renders every form of every en and ja
// message that the fast path takes both ways, with its placeholders given
// as strings, as ints, in a map[string]string, and missing, and requires
// the same text. Most messages must take it, or it saves nothing.
func TestPlaceholderFastPathIsFieldtmpl(t *testing.T) {
	simple, templated := 0, 0
	for _, l := range Langs {
		for _, id := range IDs(l) {
			m, _ := Message(l, id)
			for _, src := range []string{m.One, m.Other} {
				if !strings.Contains(src, "{{") {
					continue
				}
				templated++
				mt := parsed(src)
				if mt.parts == nil {
					continue
				}
				simple++
				strs, ints, ss := map[string]any{}, map[string]any{}, map[string]string{}
				for i := 1; i < len(mt.parts); i += 2 {
					name := mt.parts[i]
					strs[name] = "<" + name + " & 'x'>"
					ints[name] = -i * 1000
					ss[name] = name + "\n"
				}
				for _, data := range []any{strs, ints, ss, map[string]any{}, map[string]string{}} {
					got, ok := mt.fill(data)
					if !ok {
						t.Errorf("%s %s: fill refused %T", l, id, data)
						continue
					}
					if want := viaFieldtmpl(t, src, data); got != want {
						t.Errorf("%s %s with %v:\n got %q\nwant %q", l, id, data, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d of %d templated message forms take the fast path", simple, templated)
	if simple*2 < templated {
		t.Errorf("only %d of %d templated message forms take the fast path", simple, templated)
	}
}

// TestPlaceholderParts pins which texts are simple and how they are cut,
// and that a text or data the fast path does not take still renders
// through fieldtmpl.
func TestPlaceholderParts(t *testing.T) {
	simple := map[string][]string{
		"{{.A}}":                {"", "A", ""},
		"a {{.A}} b {{ .B_2 }}": {"a ", "A", " b ", "B_2", ""},
		"}} {{.A}}{{.A}}":       {"}} ", "A", "", "A", ""},
	}
	for src, want := range simple {
		got := placeholderParts(src)
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("placeholderParts(%q) = %q, want %q", src, got, want)
		}
	}
	for _, src := range []string{"{{- .A}}", "{{.A -}}", "{{.A.B}}", "{{.A | printf \"%d\"}}", "{{if .A}}x{{end}}",
		"{{/* c */}}", "{{.A}", "{{.}}", "{{.1}}", "{{\t.A}}", "{{$x := .A}}", "{{.Ä}}"} {
		if p := placeholderParts(src); p != nil {
			t.Errorf("placeholderParts(%q) = %q, want nil (fieldtmpl's)", src, p)
		}
	}
	type S struct{ A string }
	cases := []struct {
		src  string
		data any
		want string
	}{
		{"x {{.A}}", S{"s"}, "x s"},                               // a struct: fieldtmpl
		{"x {{.A}}", map[string]any{"A": 1.5}, "x 1.5"},           // a float: fieldtmpl
		{"x {{.A}}", map[string]any{"A": nil}, "x <no value>"},    // nil value: fieldtmpl
		{"x {{.A}}", nil, "x <no value>"},                         // nil data: fieldtmpl
		{"{{if .A}}y{{end}}", map[string]any{"A": true}, "y"},     // not simple
		{"{{.A}} {{.B}}", map[string]any{"A": 7}, "7 <no value>"}, // fast, one missing
		{"{{.A}}", map[string]any{"A": []string{"p"}}, "[p]"},     // a slice: fieldtmpl
	}
	for _, c := range cases {
		got, err := execute(&Entry{ID: "t", Other: c.src}, formOther, c.data)
		if err != nil || got != c.want {
			t.Errorf("execute(%q, %v) = %q, %v; want %q", c.src, c.data, got, err, c.want)
		}
	}
}
