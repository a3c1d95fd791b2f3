package model_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/iksplan/iksplan/model"
)

func TestF2_EscapeNeutralisesTerminalControls(t *testing.T) {
	cases := map[string]string{
		"plain":                      "plain",
		"東京の本番クラスタ":                  "東京の本番クラスタ",
		"a\nerror    SEC999  forged": `a\nerror    SEC999  forged`,
		"\x1b[31mred\x1b[0m":         `\x1b[31mred\x1b[0m`,
		"\x1b]0;title\x07":           `\x1b]0;title\a`,
		"\u009b31m":                  `\u009b31m`,
		"abc\u202edef":               `abc\u202edef`,
		"zero\u200bwidth":            `zero\u200bwidth`,
		"bad\xffutf8":                `bad\xffutf8`,
		`back\slash`:                 `back\\slash`,
		"tab\there":                  `tab\there`,
		"line\u2028sep":              `line\u2028sep`,
	}
	for in, want := range cases {
		if got := model.Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	// Whatever goes in, nothing that steers a terminal comes out.
	for r := rune(0); r < 0x3000; r++ {
		out := model.Escape("x" + string(r) + "y")
		for _, c := range out {
			if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e || c == 0x2066 {
				t.Fatalf("Escape(U+%04X) let %U through: %q", r, c, out)
			}
		}
	}
}

func TestMessages_QuoteValueCutsLongValues(t *testing.T) {
	q := model.QuoteValue(strings.Repeat("あ", 10240))
	if utf8.RuneCountInString(q) > 100 || !strings.Contains(q, "10240 characters") || !strings.Contains(q, "…") {
		t.Fatalf("QuoteValue of 10240 characters = %q", q)
	}
	if q := model.QuoteValue("say \"hi\"\n"); q != `"say \"hi\"\n"` {
		t.Fatalf("QuoteValue = %s", q)
	}
}
