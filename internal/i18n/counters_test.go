package i18n

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// counterRE is a number (digits, a printf verb or a template field) and a
// space before a counter: what JoinCounters scans for by hand.
var counterRE = lazyre.New(`(\d|\}\}|%(?:\[\d+\])?[dsvq]) (` + strings.Join(Counters, "|") + `)`)

// joinByRegexp is JoinCounters as the regexp does it.
func joinByRegexp(s string) string {
	return counterRE.ReplaceAllString(s, "${1}"+NoBreakSpace+"${2}")
}

// TestJoinCountersIsTheRegexp holds the hand-written scan to the regexp on
// every Japanese message as its file has it (no-break spaces back to
// spaces) and on edge cases: verbs with and without an index, broken
// indexes, a number at the very start or end, neighbouring counters.
func TestJoinCountersIsTheRegexp(t *testing.T) {
	var texts []string
	for _, id := range IDs(JA) {
		m, _ := Message(JA, id)
		for _, s := range []string{m.One, m.Other} {
			texts = append(texts, strings.ReplaceAll(s, NoBreakSpace, " "))
		}
	}
	texts = append(texts, "", " ", " 台", "3 ", "3 台", "3  台", "3 台 4 件", "3 台台 4 件", "x3 台",
		"%d 件", "%s 個", "%v 回", "%q 人", "%x 件", "%[2]d 行目", "%[12]d 件", "%[]d 件", "[2]d 件", "%[2d 件",
		"x[2]d 件", "%%d 件", "{{.Count}} 件", "} 件", "}} 台 5 ゾーン", "d 件", "%d 件%d 件", "1 行目 2 行", "1 台 2 台")
	changed := 0
	for _, s := range texts {
		want := joinByRegexp(s)
		if got := JoinCounters(s); got != want {
			t.Errorf("JoinCounters(%q) = %q, the regexp gives %q", s, got, want)
		}
		if want != s {
			changed++
		}
	}
	if changed < 300 {
		t.Errorf("only %d texts have a counter to join", changed)
	}
}

// TestJapaneseCountersDoNotBreak: no Japanese message, as the program
// reads it, has a breakable space between a number and its counter ("12
// 台", "{{.Count}} 件", "%d 個"): the catalogue joins them on load
// (JoinCounters). It fails when the join is left out of parseFile (there
// are hundreds: 年, つ, 台, 個, 件, 日 …).
func TestJapaneseCountersDoNotBreak(t *testing.T) {
	joined := 0
	for _, id := range IDs(JA) {
		if !joinsCounters(id) {
			continue // the runbook's and the headings', kept plain
		}
		m, _ := Message(JA, id)
		for _, s := range []string{m.One, m.Other} {
			if loc := counterRE.Get().FindStringIndex(s); loc != nil {
				t.Errorf("%s: a line can break between a number and its counter: %q", id, s[max(0, loc[0]-12):loc[1]])
			}
			joined += strings.Count(s, NoBreakSpace)
		}
	}
	if joined < 300 {
		t.Errorf("only %d numbers joined to their counters: the counter list misses common ones", joined)
	}
	for in, want := range map[string]string{
		"ワーカー 3 台":          "ワーカー 3\u00a0台",
		"エラー {{.Count}} 件":  "エラー {{.Count}}\u00a0件",
		"%[2]d 行目":          "%[2]d\u00a0行目",
		"%s は 1 つの名前":       "%s は 1\u00a0つの名前",
		"3 ゾーンで":            "3\u00a0ゾーンで",
		"Kubernetes 1.35 の": "Kubernetes 1.35 の", // a particle is no counter
	} {
		if got := JoinCounters(in); got != want {
			t.Errorf("JoinCounters(%q) = %q, want %q", in, got, want)
		}
	}
}
