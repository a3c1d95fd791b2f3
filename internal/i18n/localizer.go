package i18n

import (
	"fmt"
	"maps"
)

// Localizer renders catalogue messages in one language. It is cheap to
// make: the message files it reads are parsed on first use, once per
// process, and shared by every localizer.
type Localizer struct {
	lang Lang
}

// For returns the localizer of language l (English for an unknown l).
func For(l Lang) *Localizer {
	if l != JA {
		l = EN
	}
	return &Localizer{lang: l}
}

// Lang is the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// Has reports whether message id exists in the localizer's language.
func (l *Localizer) Has(id string) bool {
	_, ok := Message(l.lang, id)
	return ok
}

// source is the message id as the localizer renders it, with the language
// of the file it comes from: the localizer's language, or English when that
// language lacks the message; nil when neither has it.
func (l *Localizer) source(id string) (Lang, *Entry) {
	for _, lang := range []Lang{l.lang, EN} {
		if f := area(lang, id); f != nil {
			if m, ok := f.messages[id]; ok {
				return lang, m
			}
		}
	}
	return "", nil
}

// T renders message id with data (a struct or map filling its {{.Name}}
// placeholders; nil for none). A message missing in the language falls back
// to English; one missing everywhere renders as its ID, so the gap shows
// instead of vanishing (the package's tests keep both from happening).
func (l *Localizer) T(id string, data any) string {
	_, m := l.source(id)
	if m == nil {
		return id
	}
	return rendered(id, m, formOther, data)
}

// N renders the plural message id for count in the CLDR form of the
// message's language (English one/other; Japanese has only other). data,
// if not nil, adds placeholders; {{.Count}} is always count.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	lang, m := l.source(id)
	if m == nil {
		return id
	}
	td := map[string]any{}
	maps.Copy(td, data)
	td["Count"] = count
	return rendered(id, m, cardinal(lang, count), td)
}

// rendered is message m in plural form f, or its ID when it rendered to
// nothing because of an error, so the gap shows.
func rendered(id string, m *Entry, f pluralForm, data any) string {
	s, err := render(m, f, data)
	if s == "" && err != nil {
		return id
	}
	return s
}

// F formats message id with fmt: for catalogue strings holding printf verbs
// (the rules' hit messages, whose arguments are computed in Go). Japanese may
// reorder the arguments with explicit indexes (%[2]s).
func (l *Localizer) F(id string, args ...any) string {
	return fmt.Sprintf(l.T(id, nil), args...)
}
