package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// The wizard speaks English or Japanese (issue 12). Its English stays where
// it is written, in the step files, next to the code that asks the
// question: a step file passes English to the field builders, and the
// builders and the screens pass it through tr on the way to the terminal.
// tr finds the wizard message (internal/i18n locales/*/wizard.yaml) whose
// English is that text, by the text itself, and returns its Japanese. So
// English output is the Go source byte for byte, and a Japanese screen that
// still shows an English sentence means the catalogue lacks that sentence
// (or the step file changed it): TestJapaneseScreensHaveNoEnglish reports
// it. Texts with values in them are printf formats (trf) whose Japanese
// may reorder the verbs (%[2]s); the i18n tests check both languages use
// the same verbs.

// untranslated, when set (tests), hears every text tr found no Japanese for.
var untranslated func(string)

// wizardArea is the catalogue area of the wizard's messages.
const wizardArea = "wizard."

// catalogArea holds the Japanese of the catalog's prose the wizard shows
// (flavor and zone notes, city names, flavor families), keyed by catalog
// ID; the catalog itself (model/catalog/catalog.yaml) stays English facts.
const catalogArea = "catalog."

// modelArea is the catalogue area of the model's input errors
// (model.InputError), which the wizard's validators return.
const modelArea = "model."

// wizardStepArea prefixes the per-step files locales/*/wizard-<step>.yaml,
// one per step so helpers translating different steps never share a file.
const wizardStepArea = "wizard-"

var (
	byEnglishOnce sync.Once
	byEnglish     map[string]string // English text → message ID
)

// englishIndex maps each wizard message's English text to its ID.
func englishIndex() map[string]string {
	byEnglishOnce.Do(func() {
		byEnglish = map[string]string{}
		// The design document's enum labels (doc.label.Type.value, equal
		// to the model's labels), its catalog notes of versions, the
		// catalog's prose (catalog.yaml) and the fixed phrases of
		// terms.yaml come
		// first; the wizard's own messages win where both have a text.
		for _, areas := range [][]string{{"doc.label.", "doc.labelHelp.", "doc.ver.noteText.", "terms.", catalogArea}, {wizardArea, wizardStepArea, modelArea}} {
			for _, id := range i18n.IDs(i18n.EN) {
				if !slices.ContainsFunc(areas, func(a string) bool { return strings.HasPrefix(id, a) }) {
					continue
				}
				if m, ok := i18n.Message(i18n.EN, id); ok {
					byEnglish[m.Other] = id
				}
			}
		}
	})
	return byEnglish
}

// trIn returns the wizard text s (English, as the step files write it) in
// language l; s itself in English or when the catalogue has no Japanese for
// it.
func trIn(l i18n.Lang, s string) string {
	if l != i18n.JA || s == "" {
		return s
	}
	id, ok := englishIndex()[s]
	if !ok {
		if untranslated != nil {
			untranslated(s)
		}
		return s
	}
	m, ok := i18n.Message(i18n.JA, id)
	if !ok || m.Other == "" {
		if untranslated != nil {
			untranslated(s)
		}
		return s
	}
	return m.Other
}

// trfIn formats the wizard format string format in language l.
func trfIn(l i18n.Lang, format string, args ...any) string {
	return fmt.Sprintf(trIn(l, format), args...)
}

// tr is s in the language of the wizard run.
func (c *Ctx) tr(s string) string {
	if c == nil {
		return s
	}
	return trIn(c.Lang, s)
}

// trf formats format in the language of the wizard run.
func (c *Ctx) trf(format string, args ...any) string {
	if c == nil {
		return fmt.Sprintf(format, args...)
	}
	return trfIn(c.Lang, format, args...)
}

// trErr returns err in the run's language: an *model.InputError (a
// validator's answer, the model's or the wizard's own) is found by its
// English format and filled with its values; any other error is already
// in the run's language or has no translation.
func (c *Ctx) trErr(err error) error {
	ie, ok := err.(*model.InputError)
	if !ok || c == nil || c.Lang == i18n.EN {
		return err
	}
	return errors.New(c.trf(ie.Format, ie.Args...))
}

// localized returns validate with its errors in the run's language,
// wrapped for the form's footer like a description (descwrap.go): huh
// wraps a field's error at spaces only, after its " * " mark.
func (c *Ctx) localized(validate func(string) error) func(string) error {
	if validate == nil {
		return nil
	}
	return func(s string) error {
		err := c.trErr(validate(s))
		if err == nil || c.Accessible || !hasWide(err.Error()) {
			return err
		}
		// NB: the mark takes cells of the first line only: wrap with a
		// stand-in of its width in front, then take it off.
		mark := strings.Repeat("*", ansi.StringWidth(Theme().Focused.ErrorMessage.Render("")))
		return errors.New(strings.TrimPrefix(c.wrapDescription(mark+err.Error(), 0), mark))
	}
}

// tr is s in the language of the app (the welcome screen has no Ctx yet).
func (m *App) tr(s string) string { return trIn(m.lang, s) }

// trf formats format in the language of the app.
func (m *App) trf(format string, args ...any) string { return trfIn(m.lang, format, args...) }

// trBindings returns binds with their help words in the app's language
// (huh's "next", "submit" and the wizard's own "why", "back"…); the keys
// themselves stay as the keyboard names them.
func (m *App) trBindings(binds []key.Binding) []key.Binding {
	if m.lang == i18n.EN {
		return binds
	}
	out := make([]key.Binding, len(binds))
	for i, b := range binds {
		h := b.Help()
		out[i] = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(h.Key, m.tr(h.Desc)))
		if !b.Enabled() {
			out[i].SetEnabled(false)
		}
	}
	return out
}

// setLang switches the app's language and records it in the design being
// edited as spec.documentLanguage, so the documents it renders are in the
// language the design was discussed in. English is recorded only when
// chosen (--lang en, the welcome switch): a design made in English from
// the locale stays as it was.
func (m *App) setLang(l i18n.Lang, explicit bool) {
	m.lang = l
	m.langExplicit = m.langExplicit || explicit
	if m.ctx != nil {
		m.ctx.Lang = l
		m.recordLang()
	}
}

// recordLang writes the app's language into the design.
func (m *App) recordLang() {
	if m.ctx == nil || (m.lang == i18n.EN && !m.langExplicit) {
		return
	}
	m.ctx.D.Spec.DocumentLanguage = model.DocumentLanguage(m.lang)
}

// ageIn is Age in language l.
func ageIn(l i18n.Lang, t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return trIn(l, "just now")
	case d < time.Hour:
		return trfIn(l, "%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return trfIn(l, "%d h ago", int(d.Hours()))
	}
	return trfIn(l, "%d days ago", int(d.Hours()/24))
}

// langSwitch is the welcome screen's last option: the other language,
// named in that language so a reader of either finds it.
func langSwitch(l i18n.Lang) Opt[string] {
	if l == i18n.JA {
		return Opt[string]{Value: startLang + string(i18n.EN), Label: "English (英語で表示)"}
	}
	return Opt[string]{Value: startLang + string(i18n.JA), Label: "日本語で表示 (Japanese)"}
}
