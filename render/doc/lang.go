package doc

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"

	"github.com/iksplan/iksplan/internal/i18n/locales"
)

// The document's languages. English is the source language: its messages
// reproduce the document iksplan wrote before it spoke Japanese, byte for
// byte.
const (
	langEN = "en"
	langJA = "ja"
)

// docArea is the message file of this package: locales/<lang>/doc.yaml.
// Every ID in it starts with "doc."; code names IDs without that prefix.
const docArea = "doc"

var (
	bundleOnce sync.Once
	bundle     *goi18n.Bundle
	bundleErr  error
)

// docBundle loads the doc message files of every language once.
func docBundle() (*goi18n.Bundle, error) {
	bundleOnce.Do(func() {
		bundle = goi18n.NewBundle(language.English)
		bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
		for _, l := range []string{langEN, langJA} {
			p := path.Join(l, docArea+".yaml")
			buf, err := fs.ReadFile(locales.FS, p)
			if err != nil {
				bundleErr = fmt.Errorf("load doc messages: %w", err)
				return
			}
			// The file's language is its directory, not part of its name.
			if _, err := bundle.ParseMessageBytes(language.Make(l), buf, yaml.Unmarshal); err != nil {
				bundleErr = fmt.Errorf("parse %s: %w", p, err)
				return
			}
		}
	})
	return bundle, bundleErr
}

// translator prints the document's messages in one language. A missing
// message or placeholder is an error of the render, never English
// silently standing in for Japanese: the first one is kept in err.
type translator struct {
	lang string
	loc  *goi18n.Localizer
	err  error
}

func newTranslator(lang string) (*translator, error) {
	b, err := docBundle()
	if err != nil {
		return nil, err
	}
	if lang != langJA {
		lang = langEN
	}
	return &translator{lang: lang, loc: goi18n.NewLocalizer(b, lang)}, nil
}

// data turns "Key", value pairs into the message's template data.
func data(kv []string) map[string]string {
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// localize runs one message; count < 0 means no plural.
func (t *translator) localize(id string, count int, kv []string) string {
	cfg := &goi18n.LocalizeConfig{MessageID: docArea + "." + id, TemplateData: data(kv)}
	if count >= 0 {
		d := data(kv)
		if d == nil {
			d = map[string]string{}
		}
		d["Count"] = strconv.Itoa(count)
		cfg.TemplateData, cfg.PluralCount = d, count
	}
	s, tag, err := t.loc.LocalizeWithTag(cfg)
	switch {
	case err != nil:
		err = fmt.Errorf("message %s (%s): %w", cfg.MessageID, t.lang, err)
	case tag.String() != t.lang:
		err = fmt.Errorf("message %s has no %s text (fell back to %s)", cfg.MessageID, t.lang, tag)
	case strings.Contains(s, "<no value>"):
		err = fmt.Errorf("message %s (%s): a placeholder got no value", cfg.MessageID, t.lang)
	}
	if err != nil {
		if t.err == nil {
			t.err = err
		}
		return ""
	}
	return s
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
