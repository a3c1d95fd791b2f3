package i18n

import (
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// Japanese text writes a space between a number and its counter, as IBM
// Japan's pages do ("ワーカー 3 台", "エラー {{.Count}} 件"), but a line must
// never break there: "3" at the end of one line and "台" at the start of
// the next reads as two things. The catalogue joins them with a no-break
// space (U+00A0) when it loads a Japanese file, so every message, whoever
// writes it, keeps number and counter together in every wrapper that knows
// the character: x/ansi's and huh's (which break at spaces only), the
// wizard's wrapTo (which glues across it) and a browser showing DESIGN.md.
// The message files keep the plain space that writers type.

// NoBreakSpace joins a number to its counter in Japanese text.
const NoBreakSpace = "\u00a0"

// Counters are the words that count or measure what a number before them
// says, longer ones before the shorter ones they begin with.
var Counters = []string{
	"行目", "か所", "か月", "文字", "番目", "以上", "以下", "以内", "未満", "種類", "時間", "時点", "世代",
	"ゾーン", "バイト", "ポッド", "ソース", "メンバー", "コア", "年", "つ", "台", "個", "回", "人", "日", "行", "週", "件", "分", "秒", "段", "倍", "桁", "枚", "割",
}

// counterRE is a number (digits, a printf verb or a template field) and a
// space before a counter.
var counterRE = lazyre.New(`(\d|\}\}|%(?:\[\d+\])?[dsvq]) (` + strings.Join(Counters, "|") + `)`)

// JoinCounters returns s with each space between a number and its counter
// made a no-break space.
func JoinCounters(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return counterRE.ReplaceAllString(s, "${1}"+NoBreakSpace+"${2}")
}

// joinsCounters reports whether message id gets its counters joined. Two
// kinds keep plain spaces: the runbook's messages (a terminal breaks lines
// at its edge, not at spaces, and the script would have to quote the
// character as $'\u00a0'), and DESIGN.md's section headings (short, and
// their GitHub anchors are made from their spaces).
func joinsCounters(id string) bool {
	return !strings.HasPrefix(id, "runbook.") && !strings.HasPrefix(id, "doc.sec.")
}

// joinMessageCounters applies JoinCounters to every plural form of m.
func joinMessageCounters(m *goi18n.Message) {
	for _, f := range []*string{&m.Zero, &m.One, &m.Two, &m.Few, &m.Many, &m.Other} {
		*f = JoinCounters(*f)
	}
}
