// Package deckword finds "seed" (シード), the project's own name for IBM
// Japan's 2019 deck "IKS in Production", in text that reaches users. Users
// have no such deck: what they read says "IBM's 2019 guidance (slide N)" /
// "2019 年の IBM の資料 (スライド N)" (issue 10, item 11). The guard tests of
// every package that writes user text share this one definition, so the
// word list cannot drift between them. Only tests import it.
package deckword

import (
	"regexp"
	"strings"
)

// pattern matches the word at a word start in any case ("Seed", "seeded")
// and its Japanese transliteration.
var pattern = regexp.MustCompile(`(?i)\bseed\w*|シード`)

// Find returns the first match in s, or "" when s never says seed.
func Find(s string) string { return pattern.FindString(s) }

// Line is one line of a text that says seed: its 1-based number and text.
type Line struct {
	N    int
	Text string
}

// Lines returns every line of text that says seed.
func Lines(text string) []Line {
	var out []Line
	for i, l := range strings.Split(text, "\n") {
		if pattern.MatchString(l) {
			out = append(out, Line{i + 1, l})
		}
	}
	return out
}
