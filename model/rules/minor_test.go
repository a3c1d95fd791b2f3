package rules

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestParseMinorMatchesPattern: parseMinor's loop reads what the pattern
// it replaced reads, for every string of up to five bytes of an alphabet
// with the pattern's edges (digits, dot, underscore, newline, a letter).
func TestParseMinorMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^(\d+)\.(\d+)(?:[._].*)?$`)
	const alphabet = "19._\nx"
	var strs []string
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		strs = append(strs, prefix, "v"+prefix, " "+prefix+" ")
		if n > 0 {
			for i := range len(alphabet) {
				grow(prefix+alphabet[i:i+1], n-1)
			}
		}
	}
	grow("", 5)
	strs = append(strs, "1.33.4_1510", "99999999999999999999.1", "1.99999999999999999999")
	for _, s := range strs {
		major, minor, ok := parseMinor(s)
		m := re.FindStringSubmatch(strings.TrimPrefix(strings.TrimSpace(s), "v"))
		if ok != (m != nil) {
			t.Errorf("parseMinor(%q) ok = %v, the pattern says %v", s, ok, m != nil)
			continue
		}
		if m == nil {
			continue
		}
		wantMajor, _ := strconv.Atoi(m[1])
		wantMinor, _ := strconv.Atoi(m[2])
		if major != wantMajor || minor != wantMinor {
			t.Errorf("parseMinor(%q) = %d, %d; the pattern reads %d, %d", s, major, minor, wantMajor, wantMinor)
		}
	}
}
