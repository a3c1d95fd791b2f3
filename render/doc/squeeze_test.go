package doc

import (
	"strings"
	"testing"
)

// squeezeBlankLines is squeezeBlank as it was written first, by lines: the
// reference the in-place version must match.
func squeezeBlankLines(in string) string {
	lines := strings.Split(in, "\n")
	out := make([]string, 0, len(lines))
	fenced := false
	for _, l := range lines {
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
		}
		if !fenced && l == "" && len(out) > 0 && out[len(out)-1] == "" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestSqueezeBlankIsLineWise compares squeezeBlank with the line-wise
// reference on edge cases and on every string of up to seven of its
// interesting pieces.
func TestSqueezeBlankIsLineWise(t *testing.T) {
	cases := []string{"", "\n", "\n\n\n", "a", "a\n", "a\n\n\nb\n\n", "```\n\n\n```\n\n\nx", "```go\n\n\n", "x\n```\n\n```\n\n"}
	pieces := []string{"\n", "a", "```", " "}
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		cases = append(cases, prefix)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			gen(prefix+p, n-1)
		}
	}
	gen("", 7)
	for _, c := range cases {
		if got, want := string(squeezeBlank([]byte(c))), squeezeBlankLines(c); got != want {
			t.Fatalf("squeezeBlank(%q) = %q, want %q", c, got, want)
		}
	}
}
