package model

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestNameChecksMatchRegexps: the byte loops that replaced two regexps of
// names.go accept exactly what the patterns do, for every string of up to
// four bytes of an alphabet with each class's edges (and a space, a
// capital, an underscore, a multibyte rune's bytes), and random longer ones.
func TestNameChecksMatchRegexps(t *testing.T) {
	checks := []struct {
		re string
		fn func(string) bool
	}{
		{`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, isDNSLabel},
		{`^[A-Za-z0-9]([A-Za-z0-9 ._-]*[A-Za-z0-9_.-])?$`, isAccessGroupName},
	}
	const alphabet = "az09AZ-_. @\n\xc3\xa9/"
	var strs []string
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		strs = append(strs, prefix)
		if n > 0 {
			for i := range len(alphabet) {
				grow(prefix+alphabet[i:i+1], n-1)
			}
		}
	}
	grow("", 4)
	r := rand.New(rand.NewPCG(15, 2))
	for range 20000 {
		b := make([]byte, 5+r.IntN(60))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		strs = append(strs, string(b))
	}
	for _, c := range checks {
		re := regexp.MustCompile(c.re)
		for _, s := range strs {
			if got, want := c.fn(s), re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, the pattern says %v", c.re, s, got, want)
			}
		}
	}
}
