package i18n

import (
	"regexp"
	"slices"
	"testing"

	"github.com/iksplan/iksplan/internal/deckword"
)

// templateAction is a {{.Name}} of a message: a name, not text.
var templateAction = regexp.MustCompile(`\{\{[^}]*\}\}`)

// checkNoDeckWord returns one problem per message, in any language, that
// says "seed". Message IDs may (st.dec.seed is the deck's part of a
// decision); only the texts reach users.
func checkNoDeckWord(c catalogue) []string {
	var probs []string
	for _, l := range Langs {
		for id, m := range c.messages[l] {
			for _, s := range forms(m) {
				if deckword.Find(templateAction.ReplaceAllString(s, "")) != "" {
					probs = append(probs, string(l)+": "+id+": "+s)
				}
			}
		}
	}
	slices.Sort(probs)
	return probs
}

func TestNoSeedInMessages(t *testing.T) {
	report(t, "says seed", checkNoDeckWord(embedded()))
}
