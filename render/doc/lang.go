package doc

import (
	"fmt"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// The document's languages. English is the source language: its messages
// reproduce the document iksplan wrote before it spoke Japanese, byte for
// byte.
const (
	langEN = string(i18n.EN)
	langJA = string(i18n.JA)
)

// docArea is the message file of this package: locales/<lang>/doc.yaml of
// internal/i18n. Every ID in it starts with "doc."; code names IDs without
// that prefix.
const docArea = "doc"

// translator prints the document's messages in one language. A message
// missing in that language, or a placeholder left without a value, is an
// error of the render (the first one is kept in err), never English
// silently standing in for Japanese.
type translator struct {
	lang string
	loc  *i18n.Localizer
	err  error
	// kv is the placeholders' map of the message being rendered, cleared
	// and refilled for each: i18n reads it and keeps nothing, and a map
	// per message was a sixth of DESIGN.md's bytes (issue 15).
	kv map[string]string
}

func newTranslator(lang string) (*translator, error) {
	t, err := makeTranslator(lang)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// makeTranslator is newTranslator as a value, for the templates' "t",
// which makes one per word and keeps none.
func makeTranslator(lang string) (translator, error) {
	l := i18n.EN
	if lang == langJA {
		l = i18n.JA
	}
	loc, err := docLocalizer(l)
	if err != nil {
		return translator{}, err
	}
	return translator{lang: string(l), loc: loc}, nil
}

// localizers holds one Localizer per language once its document messages
// are loaded: the templates' "t" makes a translator per word, and loading
// (a map lookup and a sync.Once) and a Localizer per word were a twentieth
// of DESIGN.md's CPU.
var localizers sync.Map // i18n.Lang → *i18n.Localizer

func docLocalizer(l i18n.Lang) (*i18n.Localizer, error) {
	if loc, ok := localizers.Load(l); ok {
		return loc.(*i18n.Localizer), nil
	}
	// Only this language's document messages are parsed (once per process).
	if err := i18n.LoadArea(l, docArea); err != nil {
		return nil, err
	}
	loc, _ := localizers.LoadOrStore(l, i18n.For(l))
	return loc.(*i18n.Localizer), nil
}

// fixed holds, per language, the text of each message without
// placeholders once printed: the catalogue does not change while the
// process runs, and DESIGN.md prints the same headings and labels many
// times. Failures are never kept, so every render reports its own.
var fixed = map[string]*sync.Map{langEN: {}, langJA: {}} // id → string

// placeholders turns "Key", value pairs into the data of a message
// without plural, in t.kv. Its values are strings: i18n fills
// map[string]string as it does map[string]any.
func (t *translator) placeholders(kv []string) map[string]string {
	if len(kv) == 0 {
		return nil // the messages read nil as an empty map (i18n.T)
	}
	if t.kv == nil {
		t.kv = make(map[string]string, len(kv)/2)
	}
	clear(t.kv)
	for i := 0; i+1 < len(kv); i += 2 {
		t.kv[kv[i]] = kv[i+1]
	}
	return t.kv
}

// data turns "Key", value pairs into a plural message's template data.
func data(kv []string) map[string]any {
	if len(kv) == 0 {
		return nil // the messages read nil as an empty map (i18n.T, N)
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// localize runs one message; count < 0 means no plural.
func (t *translator) localize(id string, count int, kv []string) string {
	memo := count < 0 && len(kv) == 0
	if memo {
		if s, ok := fixed[t.lang].Load(id); ok {
			return s.(string)
		}
	}
	full := docArea + "." + id
	var s string
	switch {
	case !t.loc.Has(full):
		t.fail(fmt.Errorf("message %s has no %s text", full, t.lang))
		return ""
	case count >= 0:
		s = t.loc.N(full, count, data(kv))
	default:
		s = t.loc.T(full, t.placeholders(kv))
	}
	if strings.Contains(s, "<no value>") {
		t.fail(fmt.Errorf("message %s (%s): a placeholder got no value", full, t.lang))
		return ""
	}
	if memo {
		fixed[t.lang].Store(id, s)
	}
	return s
}

func (t *translator) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

// t is the message id with its placeholders given as "Key", value pairs.
func (t *translator) t(id string, kv ...string) string { return t.localize(id, -1, kv) }

// n is the plural message id for count; the message sees it as {{.Count}}.
func (t *translator) n(id string, count int, kv ...string) string {
	return t.localize(id, max(count, 0), kv)
}

// ja reports whether the document is Japanese.
func (t *translator) ja() bool { return t.lang == langJA }

// documentLanguage is the language the design asks its document to be
// written in; English when it names none.
func documentLanguage(c *view.Context) string {
	if c != nil && c.Spec != nil && string(c.Spec.DocumentLanguage) == langJA {
		return langJA
	}
	return langEN
}

// choiceEnum is a closed set of design values with labels (model.Choice).
type choiceEnum[T ~string] interface {
	~string
	Label() string
	Choices() []model.Choice[T]
}

// enumKey is the message key of a value: label.<Type>.<value>.
func enumKey[T choiceEnum[T]](group string, v T) string {
	return group + "." + strings.TrimPrefix(fmt.Sprintf("%T", v), "model.") + "." + string(v)
}

// known reports whether v is one of its type's choices; any other value
// is printed as it is, in every language, as model's Label does.
func known[T choiceEnum[T]](v T) bool {
	for _, c := range v.Choices() {
		if c.Value == v {
			return true
		}
	}
	return false
}

// label is a design value's label in the document's language. English is
// model's own label (TestEnglishLabelMessagesAreModelLabels keeps the
// English messages equal to it).
func label[T choiceEnum[T]](tr *translator, v T) string {
	if !tr.ja() || !known(v) {
		return v.Label()
	}
	return tr.t(enumKey("label", v))
}

// labelHelp is a choice's help text in the document's language.
func labelHelp[T choiceEnum[T]](tr *translator, c model.Choice[T]) string {
	if !tr.ja() {
		return c.Help
	}
	return tr.t(enumKey("labelHelp", c.Value))
}
