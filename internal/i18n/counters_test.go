package i18n

import (
	"strings"
	"testing"
)

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
		for _, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
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
