package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape makes a user value safe to print in a terminal: control
// characters (newlines, ESC and with it every ANSI/OSC sequence, C1
// controls), Unicode format characters (the bidirectional overrides such as
// U+202E, zero-width joiners) and invalid UTF-8 are written as Go escapes
// (\n, \x1b, \u202e), so a value cannot forge a line of output, move the
// cursor, retitle the window or reorder what the reader sees. Printable
// text, Japanese included, is left as it is. The wizard and the command
// line both print findings through it.
func Escape(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case needsEscape(r):
			q := fmt.Sprintf("%+q", string(r)) // "\n", "\x1b", "\u202e"
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s prints as itself, the common case.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == '\\' || c >= 0x80 {
			return slowPlain(s)
		}
	}
	return true
}

func slowPlain(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if r == '\\' || needsEscape(r) {
			return false
		}
	}
	return true
}

// needsEscape reports whether r must not reach a terminal as itself.
func needsEscape(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029' || !unicode.IsPrint(r) && r != ' ' && !unicode.IsSpace(r)
}

// MaxShownValue is how many characters of a user value a message shows:
// enough to recognise the value, short enough that a 10 KB value does not
// bury the message.
const MaxShownValue = 60

// QuoteValue quotes a user value for a message: escaped as Escape does,
// in double quotes, and cut to MaxShownValue characters with the full
// length said, e.g. "aaaa…" (10240 characters).
func QuoteValue(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= MaxShownValue {
		return `"` + strings.ReplaceAll(Escape(s), `"`, `\"`) + `"`
	}
	cut := s
	for i := range s {
		if utf8.RuneCountInString(s[:i]) == MaxShownValue {
			cut = s[:i]
			break
		}
	}
	return fmt.Sprintf(`"%s…" (%d characters)`, strings.ReplaceAll(Escape(cut), `"`, `\"`), n)
}
