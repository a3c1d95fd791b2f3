package i18n

import "strings"

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

// JoinCounters returns s with each space between a number and its counter
// made a no-break space. A number is a digit, the end of a template field
// ("}}") or a printf verb (%d, %s, %v, %q, also with an index: %[2]d).
// It scans by hand what the regexp
//
//	(\d|\}\}|%(?:\[\d+\])?[dsvq]) (行目|か所|…)
//
// with ReplaceAllString matched: that regexp was about half of the CPU of
// reading a Japanese message file (BenchmarkColdCatalogue/render-ja).
// TestJoinCountersIsTheRegexp holds the two to the same text.
func JoinCounters(s string) string {
	var b []byte
	last := 0
	for i := strings.IndexByte(s, ' '); i >= 0; {
		if numberEndsAt(s, i) && startsWithCounter(s[i+1:]) {
			if b == nil {
				b = make([]byte, 0, len(s)+8)
			}
			b = append(b, s[last:i]...)
			b = append(b, NoBreakSpace...)
			last = i + 1
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// numberEndsAt reports whether s[:i] ends in a digit, "}}" or a printf
// verb %d %s %v %q, with or without an [n] argument index.
func numberEndsAt(s string, i int) bool {
	if i < 1 {
		return false
	}
	c := s[i-1]
	switch {
	case '0' <= c && c <= '9':
		return true
	case i < 2:
		return false
	case s[i-2:i] == "}}":
		return true
	case c != 'd' && c != 's' && c != 'v' && c != 'q':
		return false
	case s[i-2] == '%':
		return true
	case s[i-2] != ']':
		return false
	}
	j := i - 3
	for j >= 0 && '0' <= s[j] && s[j] <= '9' {
		j--
	}
	return j < i-3 && j >= 1 && s[j] == '[' && s[j-1] == '%'
}

// startsWithCounter reports whether s begins with one of Counters.
func startsWithCounter(s string) bool {
	for _, c := range Counters {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
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
func joinMessageCounters(m *Entry) {
	m.One, m.Other = JoinCounters(m.One), JoinCounters(m.Other)
}
