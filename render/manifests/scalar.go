package manifests

import "strings"

// The scalar style policy: a string is written plain only when no YAML 1.1
// or 1.2 reader (kubectl's sigs.k8s.io/yaml, calicoctl, yaml.v3) could take
// it for anything but that string. No user string can therefore change a
// document's structure or type.

// specialWords are the words YAML 1.1 readers take for booleans or null.
var specialWords = map[string]bool{
	"y": true, "yes": true, "n": true, "no": true, "true": true, "false": true,
	"on": true, "off": true, "null": true, "~": true,
}

// numberLike reports what a YAML 1.1 reader might resolve to a number, a
// sexagesimal, a date or an infinity: digits and the characters numbers
// use, after a digit, sign or dot.
func numberLike(s string) bool {
	if s == "" || !strings.ContainsRune("-+.0123456789", rune(s[0])) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !strings.ContainsRune("-+.0123456789_: eExXoObBaAcCdDfFiInNtTyYzZ", rune(s[i])) {
			return false
		}
	}
	return true
}

// plainOK reports whether s can be written as a plain scalar and read back
// as exactly that string. ASCII strings, nearly all of a render's, are
// judged in one pass over their bytes; others by plainOKText.
func plainOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return plainOKText(s)
		case c < 0x20 || c == 0x7f || c == '\\':
			return false
		case c == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return false // "a: b" or "a:"
		case c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == '#'):
			return false // leading or trailing space, or "a #b"
		}
	}
	if numberLike(s) || len(s) <= 5 && specialWords[strings.ToLower(s)] {
		return false
	}
	return !strings.ContainsAny(s[:1], plainStartForbidden)
}

// plainStartForbidden are the indicators a plain scalar cannot start with.
const plainStartForbidden = "-?:,[]{}#&*!|>'\"%@`"

// plainOKText is plainOK for any string.
func plainOKText(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || numberLike(s) {
		return false
	}
	if len(s) <= 5 && specialWords[strings.ToLower(s)] {
		return false
	}
	if strings.ContainsAny(s[:1], plainStartForbidden) {
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

// literalBlockOK reports whether s reads best as a literal block: several
// lines of printable text, none ending with a space and the first not
// starting with one (which a block would need indicators for).
func literalBlockOK(s string) bool {
	body := strings.TrimSuffix(s, "\n")
	if !strings.Contains(body, "\n") || strings.HasSuffix(s, "\n\n") || strings.HasPrefix(s, " ") {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f {
			return false // tabs and control characters: double-quoted
		}
	}
	for l := range strings.SplitSeq(body, "\n") {
		if strings.HasSuffix(l, " ") {
			return false
		}
	}
	return true
}
