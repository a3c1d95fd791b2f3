package model

import (
	"math/rand/v2"
	"regexp"
	"strings"
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
		{`^[A-Za-z][A-Za-z0-9.-]*$`, isClusterName},
		{`^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$`, isPoolName},
		{`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`, isBucketName},
		{`^[a-z0-9][a-z0-9_-]{2,28}[a-z0-9]$`, isRegistryNamespace},
		{`^[a-z0-9][a-z0-9-]{2,63}$`, isVPCResourceID},
		{`^[a-z0-9][a-z0-9-]{0,62}$`, isPlanName},
		{`^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$`, isLabelName},
		{`^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`, isDNSName},
		{`^[^\x00-\x1f\x7f]{1,180}$`, isInstanceName},
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
	// Strings at the patterns' length bounds (3, 4, 30, 63, 64, 180
	// characters): runs of one byte, broken or ended by another, and dotted
	// names whose labels or last label sit at their bounds.
	for n := range 200 {
		for _, fill := range []string{"a", "Z", "9", "-", "\xc3\xa9", "\x7f"} {
			run := strings.Repeat(fill, n)
			strs = append(strs, run, "a"+run, run+"a", "a"+run+"a", "a"+run+"-", "a."+run, run+".io", run+".a"+run)
		}
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
