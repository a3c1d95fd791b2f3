package i18n

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

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
func source(m *goi18n.Message, f pluralForm) string {
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
func render(m *goi18n.Message, f pluralForm, data any) (string, error) {
	s, err := execute(m, f, data)
	if err != nil && f != formOther {
		if s2, err2 := execute(m, formOther, data); err2 == nil {
			return s2, nil
		}
	}
	return s, err
}

// execute fills one plural form of m.
func execute(m *goi18n.Message, f pluralForm, data any) (string, error) {
	src := source(m, f)
	if src == "" {
		return "", fmt.Errorf("message %q has no plural form %d", m.ID, f)
	}
	if m.LeftDelim != "" || m.RightDelim != "" {
		return "", errors.New("message " + m.ID + ": custom template delimiters are not supported")
	}
	if !strings.Contains(src, "{{") {
		return src, nil
	}
	t, err := parsed(src)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := t.Execute(&b, "msg", data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// templates caches each message text's parsed template, as go-i18n did.
var templates sync.Map // string → *fieldtmpl.Set

func parsed(src string) (*fieldtmpl.Set, error) {
	if t, ok := templates.Load(src); ok {
		return t.(*fieldtmpl.Set), nil
	}
	t, err := fieldtmpl.New(nil, fieldtmpl.MissingKeyDefault)
	if err == nil {
		err = t.Parse("msg", src)
	}
	if err != nil {
		return nil, err
	}
	templates.Store(src, t)
	return t, nil
}
