package fieldtmpl

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"text/template"
)

type item struct {
	Name  string
	Tags  []string
	Count int
	On    bool
	Sub   *item
	Any   any
	Map   map[string]string
	hide  string
	Str   stringer
	Err   error
	Float float64
}

type stringer struct{ v string }

// label and level are named kinds that print like string and int but are
// not those types (printValue's fast paths take only string and int).
type (
	label string
	level int8
)

// base is embedded, by value and by pointer: its fields are promoted with
// an index path of two (evalField's cached lookups).
type base struct {
	Kind  string
	Level level
}

type withBase struct {
	base
	Name label
}

type withPtrBase struct {
	*base
	N int
}

func (s stringer) String() string { return "<" + s.v + ">" }

// Method is one text/template would call and fieldtmpl must refuse.
func (i item) Method() string { return "called" }

func sampleData() map[string]any {
	sub := &item{Name: "inner", Count: 2}
	items := []item{
		{Name: "a", Tags: []string{"x", "y"}, Count: 1, On: true, Sub: sub, Map: map[string]string{"k": "v", "b": "c"}, Str: stringer{"s"}, Float: 1.5},
		{Name: "b|c", Count: 0, Any: "held", Err: errors.New("boom"), hide: "h"},
		{},
	}
	return map[string]any{
		"Items":  items,
		"First":  items[0],
		"Second": &items[1],
		"Empty":  []string{},
		"Nil":    nil,
		"Ptr":    sub,
		"NilPtr": (*item)(nil),
		"Words":  map[string]int{"zeta": 26, "alpha": 1, "mid": 13},
		"ByInt":  map[int]string{3: "three", 1: "one", 2: "two"},
		"N":      3,
		"Text":   "日本語 \u2028 <b>&",
		"Bools":  []bool{true, false},
		"Any":    any([]string{"p", "q"}),
		"Bases":  []withBase{{base{"k", 3}, "l"}, {Name: "m"}},
		"PtrB":   withPtrBase{&base{"p", -1}, 7},
		"NilB":   withPtrBase{N: 8},
		"Big":    -1234567890123,
	}
}

func funcs() map[string]any {
	return map[string]any{
		"join":  strings.Join,
		"upper": strings.ToUpper,
		"kv": func(id string, kv ...string) string {
			return id + "(" + strings.Join(kv, ",") + ")"
		},
		"fail": func(s string) (string, error) {
			if s == "" {
				return "", errors.New("empty")
			}
			return s, nil
		},
		// kve, nonef, fail and join have the shapes callDirect calls
		// without reflect.
		"kve": func(id string, kv ...string) (string, error) {
			if id == "" {
				return "partial", errors.New("no id")
			}
			return id + "(" + strings.Join(kv, ",") + ")", nil
		},
		"nonef": func() (string, error) { return "n", nil },
		"pair":  func(a, b int) int { return a*10 + b },
		"one":   func() string { return "1" },
		"anyf":  func(v any) string { return fmt.Sprintf("%T", v) },
	}
}

// sameAsTextTemplate are templates whose output (or failure) must be what
// text/template gives on the same data and functions.
var sameAsTextTemplate = []string{
	`plain text only`,
	`{{ .N }} {{ .Text }} {{ .Nil }} {{ .Ptr }} {{ .NilPtr }}`,
	`{{ range .Items }}[{{ .Name }}|{{ .Count }}|{{ .On }}|{{ .Float }}|{{ .Str }}|{{ .Err }}|{{ .Any }}]{{ end }}`,
	`{{ range $i, $x := .Items }}{{ if $i }}, {{ end }}{{ $i }}={{ $x.Name }}{{ end }}`,
	`{{ range $x := .Items }}{{ $x.Count }}{{ end }}`,
	`{{ range .Empty }}never{{ else }}empty{{ end }}|{{ range .Nil }}x{{ else }}nil{{ end }}`,
	`{{ range $k, $v := .Words }}{{ $k }}:{{ $v }};{{ end }}{{ range .ByInt }}{{ . }}{{ end }}`,
	`{{ range .N }}{{ . }}{{ end }}|{{ range $i := 0 }}x{{ else }}none{{ end }}`,
	`{{ range .Items }}{{ if not .Name }}{{ continue }}{{ end }}{{ .Name }}{{ if .On }}{{ break }}{{ end }}{{ end }}`,
	`{{ if .Empty }}a{{ else if .Items }}b{{ else }}c{{ end }}`,
	`{{ with .Ptr }}{{ .Name }}{{ else }}none{{ end }}{{ with .Nil }}x{{ else }}no{{ end }}`,
	`{{ with $p := .Ptr }}{{ $p.Sub }}{{ $.N }}{{ end }}`,
	`{{ $x := 1 }}{{ if .N }}{{ $x = 2 }}{{ end }}{{ $x }}`,
	`{{ (index .Items 0) }}`,
	`{{ (.First).Name }}`,
	`{{ join .First.Tags "," }}`,
	`{{ (.Ptr).Name }} {{ .Ptr.Sub }}`,
	`{{ kv "id" }} {{ kv "id" "a" "b" }} {{ "x" | kv "id" "a" }} {{ .Text | upper }}`,
	`{{ pair 1 2 }} {{ 3 | pair 4 }} {{ one }} {{ anyf 1 }} {{ anyf 1.5 }} {{ anyf "s" }} {{ anyf .Nil }} {{ anyf .Any }} {{ anyf true }}`,
	`{{ fail "ok" }} {{ fail "" }}`,
	`{{ fail "ok" }} {{ "p" | fail }} {{ nonef }} {{ kve "id" }} {{ kve "id" "a" "b" }} {{ "x" | kve "id" "a" }} {{ "y" | kve }}`,
	`{{ kve "" "a" }}`,
	`{{ join .Empty "," }}|{{ join .Nil "," }}|{{ .First.Tags | join }}`,
	`{{ and 1 0 }} {{ and 1 2 }} {{ or 0 "" }} {{ or 0 .N }} {{ not .Empty }} {{ not .N }} {{ and .Nil .N }}`,
	`{{ len .Items }} {{ len .Text }} {{ len .Words }} {{ len .N }}`,
	`{{ define "row" }}<{{ .Name }}>{{ end }}{{ range .Items }}{{ template "row" . }}{{ end }}{{ template "row" .Ptr }}`,
	`{{ define "vars" }}{{ $ }}{{ end }}{{ $y := 5 }}{{ template "vars" .N }}`,
	`{{ template "missing" }}`,
	`{{ .Items.Name }}`,
	`{{ .Second.hide }}`,
	`{{ .NilPtr.Name }}`,
	`{{ .Nil.Name }}`,
	`{{ .Absent }}`,
	`{{ .First.Map.k }} {{ .First.Map.absent }}`,
	`{{ .N.Name }}`,
	`{{ .N 1 }}`,
	`{{ pair 1 }}`,
	`{{ pair "a" 2 }}`,
	`{{- /* comment */ -}} trimmed {{- .N -}} x`,
	`{{ "quoted \"x\"" }} {{ 'a' }} {{ 0x1F }} {{ 1e3 }} {{ -2 }} {{ true }}`,
	`{{ $ := 1 }}`,
	`{{ .Bools }} {{ .Any }} {{ .Empty }}`,
	`{{ range .Bases }}{{ .Kind }}{{ .Level }}{{ .Name }};{{ end }}{{ .PtrB.Kind }}{{ .PtrB.Level }}{{ .PtrB.N }}{{ .NilB.N }} {{ .Big }} {{ .Bases }}`,
	`{{ .NilB.Kind }}`,
	`{{ range .Bases }}{{ .base.Kind }}{{ end }}`,
	`{{ .Bases.Kind }}`,
}

// TestSameAsTextTemplate runs every template through text/template and
// fieldtmpl: the output, or the fact of failing, must be the same.
func TestSameAsTextTemplate(t *testing.T) {
	for _, missing := range []string{"default", "error"} {
		for _, src := range sameAsTextTemplate {
			src := strings.ReplaceAll(src, "(index0)", ".First.Name")
			t.Run(missing+"/"+src, func(t *testing.T) {
				wantOut, wantErr := runText(src, missing)
				gotOut, gotErr := runField(src, missing)
				if strings.Contains(src, "index ") {
					// index is not a builtin here: parsing must fail.
					if gotErr == nil || !strings.Contains(gotErr.Error(), `"index" not defined`) {
						t.Fatalf("index: want a parse error, got %q, %v", gotOut, gotErr)
					}
					return
				}
				if (wantErr != nil) != (gotErr != nil) {
					t.Fatalf("text/template: %q, %v\nfieldtmpl:     %q, %v", wantOut, wantErr, gotOut, gotErr)
				}
				if wantErr == nil && gotOut != wantOut {
					t.Fatalf("output differs\ntext/template: %q\nfieldtmpl:     %q", wantOut, gotOut)
				}
			})
		}
	}
}

func runText(src, missing string) (string, error) {
	tm, err := template.New("t").Option("missingkey=" + missing).Funcs(funcs()).Parse(src)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = tm.Execute(&b, sampleData())
	return b.String(), err
}

func runField(src, missing string) (string, error) {
	mk := MissingKeyDefault
	if missing == "error" {
		mk = MissingKeyError
	}
	s, err := New(funcs(), mk)
	if err != nil {
		return "", err
	}
	if err := s.Parse("t", src); err != nil {
		return "", err
	}
	var b strings.Builder
	err = s.Execute(&b, "t", sampleData())
	return b.String(), err
}

// TestMethodsAreNotCalled: where text/template would call a method,
// fieldtmpl fails and says that templates call no methods.
func TestMethodsAreNotCalled(t *testing.T) {
	if out, err := runText(`{{ range .Items }}{{ .Method }}{{ end }}`, "error"); err != nil || out != "calledcalledcalled" {
		t.Fatalf("text/template calls the method: %q, %v", out, err)
	}
	_, err := runField(`{{ range .Items }}{{ .Method }}{{ end }}`, "error")
	if err == nil || !strings.Contains(err.Error(), "can't evaluate field Method in type fieldtmpl.item") || !strings.Contains(err.Error(), "call no methods") {
		t.Fatalf("want the no-method error, got %v", err)
	}
}

// TestErrorsNameTheAction: an execution error names the template, the
// position and the action, and wraps the function's error.
func TestErrorsNameTheAction(t *testing.T) {
	_, err := runField("line one\n{{ fail .Text }}{{ fail \"\" }}", "error")
	if err == nil || !strings.Contains(err.Error(), `template: t:2:`) || !strings.Contains(err.Error(), `executing "t" at <fail "">`) || !strings.Contains(err.Error(), "error calling fail: empty") {
		t.Fatalf("error %v", err)
	}
}

// TestLaterEmptyDefinitionKeepsTheFirst: as text/template, a file that
// only comments a name does not erase its definition.
func TestLaterEmptyDefinitionKeepsTheFirst(t *testing.T) {
	s, err := New(nil, MissingKeyError)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Parse("a", `{{ define "b" }}B{{ end }}A{{ template "b" }}`); err != nil {
		t.Fatal(err)
	}
	if err := s.Parse("c", `{{ define "b" }} {{/* nothing */}} {{ end }}`); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := s.Execute(&out, "a", nil); err != nil || out.String() != "AB" {
		t.Fatalf("got %q, %v", out.String(), err)
	}
}
