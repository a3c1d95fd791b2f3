package doc

import (
	"regexp"
	"strings"
	"testing"
)

// TestJapaneseCountsOfAll: when every log source is collected and every
// pod fits, the Japanese DESIGN.md said "7 ソース中 7 ソース" and
// "60 ポッドのうち 60 ポッド" (a count of N out of the same N); it says
// "7 ソースすべて" and "60 ポッドすべて". The production preset collects
// all seven sources and fits all its pods after a zone is lost.
func TestJapaneseCountsOfAll(t *testing.T) {
	md := strings.ReplaceAll(renderJA(t, "tokyo-classic-production"), "\u00a0", " ")
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(\d+) ソース中 (\d+) ソース`),
		regexp.MustCompile(`(\d+) ポッドのうち (\d+) ポッド`),
		regexp.MustCompile(`(\d+) つのソースのうち (\d+) つ`),
	} {
		for _, m := range bad.FindAllStringSubmatch(md, -1) {
			if m[1] == m[2] {
				t.Errorf("DESIGN.md reads %q", m[0])
			}
		}
	}
	for _, want := range []string{"7 ソースすべて", "60 ポッドすべて", "7 つのソースをすべて収集"} {
		if !strings.Contains(md, want) {
			t.Errorf("DESIGN.md lacks %q", want)
		}
	}
}
