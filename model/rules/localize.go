package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/i18n"
)

// The rules' text in other languages comes from the message catalogue
// (internal/i18n/locales/LANG/rules.yaml). The Go source is the English
// original; the English catalogue file is generated from it
// (TestEnglishCatalogue), so a rule keeps its text next to its check.

var (
	formatIDsOnce sync.Once
	formatIDs     map[string]string // English hit format → catalogue ID
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
	}
	return f
}

var (
	termIDsOnce sync.Once
	termIDs     map[string]string // fixed English phrase → "terms." ID
)

// termsIn returns args with each fixed English phrase of the terms
// catalogue (a capacity scenario such as "one zone lost") in language l.
// Other arguments (names, numbers, values from the design) are unchanged.
func termsIn(l i18n.Lang, args []any) []any {
	termIDsOnce.Do(func() {
		termIDs = map[string]string{}
		for _, id := range i18n.IDsIn(i18n.EN, "terms") {
			if strings.HasPrefix(id, "terms.join.") {
				continue // list joiners (list.in), not phrases
			}
			if m, ok := i18n.Message(i18n.EN, id); ok {
				termIDs[m.Other] = id
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
		if s, ok := a.(string); ok {
			if id, known := termIDs[s]; known {
				out[i] = i18n.For(l).T(id, nil)
			}
		}
	}
	return out
}
