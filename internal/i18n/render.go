package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/fieldtmpl"
)

// pluralForm names a CLDR plural category.
type pluralForm int

const (
	formOther pluralForm = iota
	formOne
)

// cardinal is the CLDR cardinal plural category of an integer count in
// language l: English "one" for i = 1 and v = 0 (1, not 1.0; counts here
// are ints), Japanese has only "other". TestRenderMatchesGoI18n holds
// these to go-i18n's CLDR tables for every language in Langs.
func cardinal(l Lang, count int) pluralForm {
	if l == EN && count == 1 {
		return formOne
	}
	return formOther
}

// source is the text of message m for a plural form ("" when absent).
func source(m *Entry, f pluralForm) string {
	if f == formOne {
		return m.One
	}
	return m.Other
}

// render is message m in plural form f, filled from data; it falls back to
// the "other" form when form f is missing or fails, as go-i18n's Localize
// does. iksplan renders messages itself instead of through Localize
// because Localize always links text/template, whose method lookup by name
// makes the linker keep every exported method in the binary
// (internal/fieldtmpl says more).
func render(m *Entry, f pluralForm, data any) (string, error) {
	s, err := execute(m, f, data)
	if err != nil && f != formOther {
		if s2, err2 := execute(m, formOther, data); err2 == nil {
			return s2, nil
		}
	}
	return s, err
}

// execute fills one plural form of m.
func execute(m *Entry, f pluralForm, data any) (string, error) {
	src := source(m, f)
	if src == "" {
		return "", fmt.Errorf("message %q has no plural form %d", m.ID, f)
	}
	if !strings.Contains(src, "{{") {
		return src, nil
	}
	t := parsed(src)
	if out, ok := t.fill(data); ok {
		return out, nil
	}
	set, err := t.full()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := set.Execute(&b, "msg", data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// msgTemplate is one message text's template. Most texts hold nothing but
// {{.Name}} placeholders: those are cut into parts once and filled without
// a template parse, which (text/template/parse and fieldtmpl.New) was
// about 5% of a CLI render's CPU (perf, issue 15). Anything else, and
// data fill does not take, goes through fieldtmpl, parsed on first need.
type msgTemplate struct {
	src string
	// parts alternate text and placeholder name, starting and ending with
	// text: "a {{.X}} b" is {"a ", "X", " b"}; nil when src is not that
	// simple.
	parts []string
	once  sync.Once
	set   *fieldtmpl.Set
	err   error
}

// templates caches each message text's template, as go-i18n did.
var templates sync.Map // string → *msgTemplate

func parsed(src string) *msgTemplate {
	if t, ok := templates.Load(src); ok {
		return t.(*msgTemplate)
	}
	t, _ := templates.LoadOrStore(src, &msgTemplate{src: src, parts: placeholderParts(src)})
	return t.(*msgTemplate)
}

// full is the text parsed by fieldtmpl.
func (t *msgTemplate) full() (*fieldtmpl.Set, error) {
	t.once.Do(func() {
		set, err := fieldtmpl.New(nil, fieldtmpl.MissingKeyDefault)
		if err == nil {
			err = set.Parse("msg", t.src)
		}
		t.set, t.err = set, err
	})
	return t.set, t.err
}

// fill is the simple text filled from data, exactly as fieldtmpl prints
// it, when it can say so for sure: data is a map[string]any or
// map[string]string whose placeholders hold strings or ints (a missing
// key prints "<no value>", as with MissingKeyDefault). ok is false for
// anything else (structs, other value types), which fieldtmpl renders.
func (t *msgTemplate) fill(data any) (string, bool) {
	if t.parts == nil {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(t.src))
	for i, p := range t.parts {
		if i%2 == 0 {
			b.WriteString(p)
			continue
		}
		var v any
		var found bool
		switch d := data.(type) {
		case map[string]any:
			v, found = d[p]
		case map[string]string:
			v, found = d[p]
		default:
			return "", false
		}
		if !found {
			b.WriteString("<no value>")
			continue
		}
		switch v := v.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// placeholderParts cuts src into text and the names of its {{.Name}}
// actions (an ASCII identifier, spaces allowed inside the braces), or
// returns nil when src holds any other action: trim markers, comments,
// pipelines, field chains, functions, an unclosed "{{".
func placeholderParts(src string) []string {
	var parts []string
	for {
		i := strings.Index(src, "{{")
		if i < 0 {
			return append(parts, src)
		}
		parts = append(parts, src[:i])
		rest := strings.TrimLeft(src[i+2:], " ")
		if !strings.HasPrefix(rest, ".") {
			return nil
		}
		rest = rest[1:]
		n := 0
		for n < len(rest) && isIdentByte(rest[n], n == 0) {
			n++
		}
		if n == 0 {
			return nil
		}
		name := rest[:n]
		rest = strings.TrimLeft(rest[n:], " ")
		if !strings.HasPrefix(rest, "}}") {
			return nil
		}
		parts = append(parts, name)
		src = rest[2:]
	}
}

func isIdentByte(c byte, first bool) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || !first && '0' <= c && c <= '9'
}
