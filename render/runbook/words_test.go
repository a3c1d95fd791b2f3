package runbook

import (
	"regexp"
	"testing"
)

// TestPlainIsItsPattern checks the byte loop of plain against the pattern
// it replaced, on every byte alone, after a plain prefix and before a
// plain suffix, and on the empty string.
func TestPlainIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z0-9_./:=@%+,-]+$`)
	cases := []string{"", "ibmcloud", "--roles", "a b", "é", "x\x00"}
	for c := range 256 {
		ch := string([]byte{byte(c)})
		cases = append(cases, ch, "ab"+ch, ch+"yz", "a"+ch+"z")
	}
	for _, s := range cases {
		if got, want := plain(s), re.MatchString(s); got != want {
			t.Errorf("plain(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
