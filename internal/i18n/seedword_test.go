package i18n

import (
	"regexp"
	"slices"
	"testing"
)

// deckWord finds "seed" (シード), the project's own name for IBM Japan's
// 2019 deck. Users have no such deck: messages say "IBM's 2019 guidance
// (slide N)" / "2019 年の IBM の資料 (スライド N)" (issue 10, item 11).
var deckWord = regexp.MustCompile(`(?i)\bseed|シード`)

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
				if deckWord.MatchString(templateAction.ReplaceAllString(s, "")) {
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
