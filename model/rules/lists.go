package rules

import (
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
)

// list is a list of names or values inside a finding's message. It prints
// as English joins it ("a, b and c", "a or b"); Finding.In re-joins it with
// the joiners of the message's language (terms.yaml join.*), so a Japanese
// finding does not carry English "and"/"or" between its values.
type list struct {
	items []string
	// last joins the last two items: "and", "or" or "comma".
	last string
}

// joinerEN are the English joiners, as the messages always printed them.
var joinerEN = map[string]string{"comma": ", ", "and": " and ", "or": " or "}

func (l list) String() string { return l.join(", ", joinerEN[l.last]) }

func (l list) join(sep, last string) string {
	switch len(l.items) {
	case 0:
		return ""
	case 1:
		return l.items[0]
	}
	if l.last == "or" {
		sep = last
	}
	return strings.Join(l.items[:len(l.items)-1], sep) + last + l.items[len(l.items)-1]
}

// in is the list joined in language lang.
func (l list) in(lang i18n.Lang) string {
	if lang == i18n.EN {
		return l.String()
	}
	loc := i18n.For(lang)
	return l.join(loc.T("terms.join.comma", nil), loc.T("terms.join."+l.last, nil))
}

func commaList(items []string) list { return list{items: items, last: "comma"} }
func orList(items []string) list    { return list{items: items, last: "or"} }
