package cli

import (
	"bytes"
	"fmt"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// documentLanguage is the language a design's documents are written in:
// an explicit --lang wins, then the design's spec.documentLanguage, then
// the locale. The locale comes last so a design recorded in Japanese
// re-renders in Japanese on an English machine.
func (a *app) documentLanguage(d *model.Design) (i18n.Lang, error) {
	if a.langFlag != "" {
		return a.language()
	}
	if d != nil && d.Spec.DocumentLanguage != "" {
		return i18n.Parse(string(d.Spec.DocumentLanguage))
	}
	return a.language()
}

// recordLanguage writes spec.documentLanguage into a preset's text right
// after its "spec:" line, keeping the preset's comments. English from the
// locale alone is not recorded, so a plain `iksplan init` writes the preset
// as shipped.
func recordLanguage(data []byte, l i18n.Lang, explicit bool) ([]byte, error) {
	if l == i18n.EN && !explicit {
		return data, nil
	}
	i := bytes.Index(data, []byte("\nspec:\n"))
	if i < 0 {
		return nil, fmt.Errorf("preset has no top-level spec: line to record the document language under")
	}
	at := i + len("\nspec:\n")
	line := []byte("  documentLanguage: " + string(l) + "\n")
	return append(append(append([]byte{}, data[:at]...), line...), data[at:]...), nil
}

// settleDocumentLanguage writes the language the documents will be in into
// the design before rendering, so the renderers (which see only the design)
// follow an explicit --lang or a Japanese locale, and the resolved
// design.yaml records it for the next render. A design rendered in English
// from the locale alone is left as written, byte for byte.
func (a *app) settleDocumentLanguage(d *model.Design) error {
	l, err := a.documentLanguage(d)
	if err != nil {
		return err
	}
	if l == i18n.EN && a.langFlag == "" && d.Spec.DocumentLanguage == "" {
		return nil
	}
	d.Spec.DocumentLanguage = model.DocumentLanguage(l)
	return nil
}
