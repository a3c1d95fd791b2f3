package manifests

import (
	"strings"
	"testing"
)

// plainOKReference is plainOK as it was before its one-pass ASCII path
// (one scan per rule), kept as the reference the fast path must agree with.
func plainOKReference(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || numberLike(s) {
		return false
	}
	if len(s) <= 5 && specialWords[strings.ToLower(s)] {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\\' || r == '\ufeff' || r >= 0x80 && r < 0xa0 {
			return false
		}
	}
	return true
}

// TestPlainOKMatchesReference: every string of up to three characters from
// an alphabet of YAML indicators, spaces, controls, digits, letters of the
// special words and non-ASCII, with and without a plain prefix and suffix,
// is judged as the reference judges it.
func TestPlainOKMatchesReference(t *testing.T) {
	alphabet := []string{"a", "Y", "n", "o", "0", "1", ".", "e", "x", "_", " ", "\t", "\n", "\x00", "\x7f", "\\", ":", "#", "-", "?",
		",", "[", "{", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "~", "+", "/", "=", "\u00a0", "\u0085", "\ufeff", "é", "日", "\u2028"}
	var words []string
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		words = append(words, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, n-1)
		}
	}
	grow("", 3)
	words = append(words, "true", "False", "NULL", "yes", "off", "2040:2041", "1:20:30", "2026-11-27", "0x1F", ".inf", "team-0001")
	n := 0
	for _, w := range words {
		for _, s := range []string{w, "k" + w, w + "k", "k" + w + "k"} {
			n++
			if got, want := plainOK(s), plainOKReference(s); got != want {
				t.Errorf("plainOK(%q) = %v, the reference says %v", s, got, want)
			}
		}
	}
	if n < 300_000 {
		t.Fatalf("only %d strings checked", n)
	}
}
