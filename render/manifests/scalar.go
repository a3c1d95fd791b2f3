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
	if s == "" || !strings.ContainsRune(numberStartChars, rune(s[0])) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !strings.ContainsRune(numberChars, rune(s[i])) {
			return false
		}
	}
	return true
}

// The characters numberLike takes as the start and the rest of a number.
const (
	numberStartChars = "-+.0123456789"
	numberChars      = "-+.0123456789_: eExXoObBaAcCdDfFiInNtTyYzZ"
)

// plainOK reports whether s can be written as a plain scalar and read back
// as exactly that string. ASCII strings, nearly all of a render's, are
// judged in one pass over their bytes with a table of each byte's roles;
// others by plainOKText.
func plainOK(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		cl := asciiClass[c]
		if cl&(bad|high|colon|space) == 0 {
			continue
		}
		switch {
		case cl&high != 0:
			return plainOKText(s)
		case cl&bad != 0:
			return false
		case c == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return false // "a: b" or "a:"
		case c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == '#'):
			return false // leading or trailing space, or "a #b"
		}
	}
	if asciiClass[s[0]]&numStart != 0 && numberLikeASCII(s) || len(s) <= 5 && specialWord(s) {
		return false
	}
	return asciiClass[s[0]]&startForbidden == 0
}

// numberLikeASCII is numberLike for an ASCII s whose first byte can start
// a number: every other byte can continue one.
func numberLikeASCII(s string) bool {
	for i := 1; i < len(s); i++ {
		if asciiClass[s[i]]&numChar == 0 {
			return false
		}
	}
	return true
}

// The roles of an ASCII byte in plainOK.
const (
	bad            = 1 << iota // control characters and backslash: never plain
	high                       // not ASCII: plainOKText decides
	colon                      // ':'
	space                      // ' '
	numStart                   // can start what numberLike takes for a number
	numChar                    // can continue one
	startForbidden             // an indicator a plain scalar cannot start with
)

// asciiClass is each byte's roles, from the same sets numberLike and
// plainOKText read.
var asciiClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 0x80:
			t[c] |= high
		case c < 0x20 || c == 0x7f || c == '\\':
			t[c] |= bad
		}
		if c < 0x80 {
			if strings.ContainsRune(numberStartChars, rune(c)) {
				t[c] |= numStart
			}
			if strings.ContainsRune(numberChars, rune(c)) {
				t[c] |= numChar
			}
			if strings.ContainsRune(plainStartForbidden, rune(c)) {
				t[c] |= startForbidden
			}
		}
	}
	t[':'] |= colon
	t[' '] |= space
	return t
}()

// specialWord is specialWords[strings.ToLower(s)] for ASCII s of up to
// five bytes, without the lower-cased copy ("TCP" is one).
func specialWord(s string) bool {
	var buf [5]byte
	if len(s) > len(buf) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return specialWords[string(buf[:len(s)])]
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
