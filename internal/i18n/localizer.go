package i18n

import (
	"fmt"
	"maps"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
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

// source is the parsed file that renders id: the localizer's language, or
// English when that language lacks the message; nil when neither has it.
func (l *Localizer) source(id string) *areaFile {
	for _, lang := range []Lang{l.lang, EN} {
		if f := area(lang, id); f != nil {
			if _, ok := f.messages[id]; ok {
				return f
			}
		}
	}
	return nil
}

// T renders message id with data (a struct or map filling its {{.Name}}
// placeholders; nil for none). A message missing in the language falls back
// to English; one missing everywhere renders as its ID, so the gap shows
// instead of vanishing (the package's tests keep both from happening).
func (l *Localizer) T(id string, data any) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// N renders the plural message id for count: the library picks the CLDR
// form of the language (English one/other; Japanese has only other). data,
// if not nil, adds placeholders; {{.Count}} is always count.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	td := map[string]any{}
	maps.Copy(td, data)
	td["Count"] = count
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: td, PluralCount: count})
}

func (l *Localizer) localize(cfg *goi18n.LocalizeConfig) string {
	f := l.source(cfg.MessageID)
	if f == nil {
		return cfg.MessageID
	}
	s, err := f.loc.Localize(cfg)
	if s == "" && err != nil {
		return cfg.MessageID
	}
	return s
}

// F formats message id with fmt: for catalogue strings holding printf verbs
// (the rules' hit messages, whose arguments are computed in Go). Japanese may
// reorder the arguments with explicit indexes (%[2]s).
func (l *Localizer) F(id string, args ...any) string {
	return fmt.Sprintf(l.T(id, nil), args...)
}
