package runbook

import (
	"regexp"
	"strings"
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

// TestValidVarNameIsItsPattern checks the byte loop of validVarName
// against the pattern it replaced, as TestPlainIsItsPattern does for plain.
func TestValidVarNameIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	cases := []string{"", "GROUP_1", "_X", "1X", "Xé", "X\n"}
	for c := range 256 {
		ch := string([]byte{byte(c)})
		cases = append(cases, ch, "AB"+ch, ch+"YZ", "A"+ch+"Z")
	}
	for _, s := range cases {
		if got, want := validVarName(s), re.MatchString(s); got != want {
			t.Errorf("validVarName(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// TestOneLineShellcheckGuard: a comment that bash would read as a
// shellcheck directive is wrapped in parentheses, in any case and after
// leading spaces, exactly when its lower-case form starts with
// "shellcheck" (the guard no longer builds that lower-case form).
func TestOneLineShellcheckGuard(t *testing.T) {
	cases := []string{"shellcheck disable=SC2086", "  ShellCheck source=x", "SHELLCHECK",
		"shellchec\u212a disable=all", "shellchec", "", "   ", "x shellcheck", "shell check", "shellcheck\x01x", "ſhellcheck"}
	for _, in := range cases {
		s := strings.TrimRight(in, " ")
		want := s
		if strings.HasPrefix(strings.ToLower(strings.TrimLeft(s, " ")), "shellcheck") {
			want = "(" + strings.TrimLeft(s, " ") + ")"
		}
		if strings.ContainsAny(in, "\x01") {
			want = strings.ReplaceAll(want, "\x01", " ")
		}
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := oneLine("  shellcheck disable=SC2086"); got != "(shellcheck disable=SC2086)" {
		t.Errorf("directive not guarded: %q", got)
	}
}
