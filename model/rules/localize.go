package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// The rules' text in other languages comes from the message catalogue
// (internal/i18n/locales/LANG/rules.yaml). The Go source is the English
// original; the English catalogue file is generated from it
// (TestEnglishCatalogue), so a rule keeps its text next to its check.

var (
	formatIDsOnce sync.Once
	formatIDs     map[string]string // English hit format → catalogue ID
	modelIDsOnce  sync.Once
	modelIDs      map[string]string // English model.InputError format → catalogue ID
)

// formatID returns the catalogue ID of an English hit format.
func formatID(format string) (string, bool) {
	formatIDsOnce.Do(func() {
		formatIDs = map[string]string{}
		for _, id := range i18n.IDsIn(i18n.EN, "rules") {
			if strings.HasSuffix(id, ".title") || strings.HasSuffix(id, ".why") {
				continue
			}
			if m, ok := i18n.Message(i18n.EN, id); ok {
				if _, dup := formatIDs[m.Other]; !dup {
					formatIDs[m.Other] = id
				}
			}
		}
	})
	id, ok := formatIDs[format]
	return id, ok
}

// modelFormatID returns the catalogue ID of an English format of the
// model's input errors and strict-load problems (locales/en/model.yaml).
func modelFormatID(format string) (string, bool) {
	modelIDsOnce.Do(func() {
		modelIDs = map[string]string{}
		for _, id := range i18n.IDsIn(i18n.EN, "model") {
			if m, ok := i18n.Message(i18n.EN, id); ok {
				modelIDs[m.Other] = id
			}
		}
	})
	id, ok := modelIDs[format]
	return id, ok
}

// SchemaFinding is the DES001 finding of one strict-load problem, with
// why (the CLI's, in the run's language). Its message translates like a
// rule's (Finding.In): by the problem's English format and its arguments.
func SchemaFinding(p model.Problem, why string) Finding {
	return Finding{
		RuleID:   "DES001",
		Severity: Error,
		Area:     AreaBasics,
		Path:     p.Path,
		Line:     p.Line,
		Message:  p.Message,
		Why:      why,
		format:   p.Format,
		args:     p.Args,
	}
}

// TitleIn returns the rule's title in language l.
func (r Rule) TitleIn(l i18n.Lang) string {
	if l == i18n.EN {
		return r.Title
	}
	return textIn(l, "rules."+r.ID+".title", r.Title)
}

// WhyIn returns the rule's why in language l.
func (r Rule) WhyIn(l i18n.Lang) string {
	if l == i18n.EN {
		return r.Why
	}
	return textIn(l, "rules."+r.ID+".why", r.Why)
}

// textIn is message id in language l, or english when the catalogue lacks
// it (the catalogue tests keep that from happening in a release).
func textIn(l i18n.Lang, id, english string) string {
	loc := i18n.For(l)
	if !loc.Has(id) {
		return english
	}
	return loc.T(id, nil)
}

// Localize returns the report with each finding's message and why in
// language l. Rule IDs, severities, paths, lines and doc links are the same
// in every language, so scripts and waivers work whatever the language.
// English returns r unchanged, byte for byte.
func Localize(r Report, l i18n.Lang) Report {
	if l == i18n.EN {
		return r
	}
	out := r
	out.Findings = make([]Finding, len(r.Findings))
	for i, f := range r.Findings {
		out.Findings[i] = f.In(l)
	}
	return out
}

// In returns the finding with its message and why in language l. A finding
// not made by a rule of the catalogue (the CLI's DES001 schema findings)
// keeps its text.
func (f Finding) In(l i18n.Lang) Finding {
	if l == i18n.EN {
		return f
	}
	if r, ok := Lookup(f.RuleID); ok {
		f.Why = r.WhyIn(l)
	}
	if f.format == "" {
		// A finding made outside the rules (DES001 from the strict load)
		// is translated when its whole message is a fixed phrase of the
		// terms catalogue (model.CheckText's).
		if s, ok := termsIn(l, []any{f.Message})[0].(string); ok {
			f.Message = s
		}
		return f
	}
	if id, ok := formatID(f.format); ok && i18n.For(l).Has(id) {
		f.Message = fmt.Sprintf(i18n.For(l).T(id, nil), termsIn(l, f.args)...)
	} else if id, ok := modelFormatID(f.format); ok && i18n.For(l).Has(id) {
		f.Message = fmt.Sprintf(i18n.For(l).T(id, nil), termsIn(l, f.args)...)
	}
	return f
}

// inputErrorIn returns an input error (a validator's answer, a strict-load
// problem) in language l: its format's translation filled with its
// arguments, themselves translated; its English when the catalogue lacks
// the format (TestInputErrorsInCatalogue keeps that from happening).
func inputErrorIn(l i18n.Lang, e *model.InputError) string {
	id, ok := modelFormatID(e.Format)
	if !ok || !i18n.For(l).Has(id) {
		return e.Error()
	}
	return fmt.Sprintf(i18n.For(l).T(id, nil), termsIn(l, e.Args)...)
}

var (
	termIDsOnce sync.Once
	termIDs     map[string]string // fixed English phrase → "terms." ID
	phraseIDs   map[string]string // also the typed phrases' (what.*, yaml.*)
)

// typedTerms are the areas of terms.yaml swapped only for a typed argument
// (model.Phrase, phrase): single words such as "namespace" or "stage"
// could also be a design's value ("namespace %s", a namespace named
// stage), which must stay as written.
var typedTerms = []string{"terms.what.", "terms.yaml."}

func termsIn(l i18n.Lang, args []any) []any {
	termIDsOnce.Do(func() {
		termIDs, phraseIDs = map[string]string{}, map[string]string{}
		for _, id := range i18n.IDsIn(i18n.EN, "terms") {
			if strings.HasPrefix(id, "terms.join.") {
				continue // list joiners (list.in), not phrases
			}
			if m, ok := i18n.Message(i18n.EN, id); ok {
				phraseIDs[m.Other] = id
				if !slices.ContainsFunc(typedTerms, func(p string) bool { return strings.HasPrefix(id, p) }) {
					termIDs[m.Other] = id
				}
			}
		}
	})
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		if ls, ok := a.(list); ok {
			out[i] = ls.in(l)
			continue
		}
		// Only an *InputError itself: one wrapped in more text would lose
		// that text.
		if ie, ok := a.(*model.InputError); ok {
			out[i] = inputErrorIn(l, ie)
			continue
		}
		if p, ok := a.(phrase); ok {
			if id, known := phraseIDs[p.format]; known {
				out[i] = fmt.Sprintf(i18n.For(l).T(id, nil), termsIn(l, p.args)...)
			}
			continue
		}
		if p, ok := a.(model.Phrase); ok {
			if id, known := phraseIDs[string(p)]; known {
				out[i] = i18n.For(l).T(id, nil)
			}
			continue
		}
		if s, ok := a.(string); ok {
			if id, known := termIDs[s]; known {
				out[i] = i18n.For(l).T(id, nil)
			}
		}
	}
	return out
}
