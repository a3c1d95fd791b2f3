package i18n

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/iksplan/iksplan/internal/lazyre"
)

var (
	templateField = lazyre.New(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)`)
	// printfVerb matches fmt verbs: flags, optional [n] index, width,
	// precision and the verb letter; %% is a literal percent. The space
	// flag is left out: in prose "50% in each zone" is a percent sign, not
	// a "% i" verb, and no catalogue string pads with it.
	printfVerb = lazyre.New(`%(?:%|[-+#0]*(?:\[(\d+)\])?[0-9*]*(?:\.[0-9*]*)?([a-zA-Z]))`)
)

// Placeholders returns what a message needs from its caller, as a sorted
// list: "{{.Name}}" for each template field and "%N:v" for each printf
// argument N (1-based) with its verb, explicit indexes resolved. Two
// translations of one message must need the same things, or one of them
// prints "<no value>", "%!s(MISSING)" or drops a value.
func Placeholders(m *Entry) []string {
	set := map[string]bool{}
	for _, s := range []string{m.One, m.Other} {
		for _, f := range templateField.FindAllStringSubmatch(s, -1) {
			set["{{."+f[1]+"}}"] = true
		}
		next := 1
		for _, v := range printfVerb.FindAllStringSubmatch(s, -1) {
			if v[0] == "%%" {
				continue
			}
			if v[1] != "" {
				n, _ := strconv.Atoi(v[1])
				next = n
			}
			set[fmt.Sprintf("%%%d:%s", next, v[2])] = true
			next++
		}
	}
	return slices.Sorted(maps.Keys(set))
}
