package i18n

import (
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// goLocalizer is go-i18n's localizer of the messages of one file of
// language l, as go-i18n's Message values: the reference TestRenderMatchesGoI18n
// holds iksplan's own rendering and plural rules to. Only the tests link
// go-i18n; the binary does not (TestBinaryLinksNoGoI18n).
func goLocalizer(l Lang, f *areaFile) *goi18n.Localizer {
	tag := language.English
	if l == JA {
		tag = language.Japanese
	}
	bundle := goi18n.NewBundle(tag)
	for _, m := range f.messages {
		bundle.MustAddMessages(tag, &goi18n.Message{ID: m.ID, One: m.One, Other: m.Other})
	}
	return goi18n.NewLocalizer(bundle, string(l))
}

// TestRenderMatchesGoI18n: every message of every language, and every
// plural message at counts that pick each CLDR form, renders as go-i18n's
// Localize renders it (the bundle holds the same messages), with the
// placeholders filled, missing ones too ("<no value>").
func TestRenderMatchesGoI18n(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	locs := map[*areaFile]*goi18n.Localizer{}
	// localize is what Localize gives: the message file's own localizer
	// (the localizer's language, else English), or the ID.
	localize := func(l Lang, cfg *goi18n.LocalizeConfig) string {
		for _, lang := range []Lang{l, EN} {
			if f := area(lang, cfg.MessageID); f != nil {
				if _, ok := f.messages[cfg.MessageID]; ok {
					if locs[f] == nil {
						locs[f] = goLocalizer(lang, f)
					}
					s, err := locs[f].Localize(cfg)
					if s == "" && err != nil {
						return cfg.MessageID
					}
					return s
				}
			}
		}
		return cfg.MessageID
	}
	for _, l := range Langs {
		loc := For(l)
		for _, id := range append(IDs(EN), IDs(JA)...) {
			m, ok := Message(l, id)
			if !ok {
				m, _ = Message(EN, id)
			}
			data := map[string]any{}
			for i, p := range Placeholders(m) {
				if name, ok := strings.CutPrefix(p, "{{."); ok {
					name = strings.TrimSuffix(name, "}}")
					if i%3 != 2 { // leave some out: both must print <no value>
						data[name] = "«" + name + "»"
					}
				}
			}
			want := localize(l, &goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
			if got := loc.T(id, data); got != want {
				t.Errorf("%s %s: T\n got %q\nwant %q", l, id, got, want)
			}
			if m.One == "" {
				continue
			}
			for _, n := range []int{0, 1, 2, 3, 5, 11, 21, 101, 1000} {
				td := map[string]any{}
				for k, v := range data {
					td[k] = v
				}
				td["Count"] = n
				want := localize(l, &goi18n.LocalizeConfig{MessageID: id, TemplateData: td, PluralCount: n})
				if got := loc.N(id, n, data); got != want {
					t.Errorf("%s %s: N(%d)\n got %q\nwant %q", l, id, n, got, want)
				}
			}
		}
	}
	if got := For(JA).T("no.such.message", nil); got != "no.such.message" {
		t.Errorf("a missing message renders %q, want its ID", got)
	}
}
