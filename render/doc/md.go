package doc

import (
	"strconv"
	"strings"
	"unicode"
)

// Every string that comes from the design (names, description, owner,
// members, alert targets, maintenance window, instance names…) passes
// through one of these functions before it reaches DESIGN.md. IBM allows
// almost any character in instance names and free text, so a value must
// never be able to end a table cell, open a link, start a heading or smuggle
// HTML into the rendered page.

// oneLine turns every control or line-separator character into a space, so
// a value cannot end a table row, a list item or a heading.
func oneLine(s string) string {
	if printableASCII(s) {
		return s // what the mapping gives for it, without a call per rune
	}
	return mapOneLine(s)
}

// mapOneLine is oneLine rune by rune.
func mapOneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, s)
}

// printableASCII reports whether s is only ASCII from space to tilde:
// nothing oneLine changes, and most of what a design holds.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// mdSpecial are the characters md escapes anywhere in a value: those that
// start emphasis, code, links, HTML, table cells, strikethrough, math or
// entities in GitHub-flavoured Markdown.
const mdSpecial = "\\`*_|<>[]$~&"

// md escapes a design value for Markdown text and table cells: one line,
// backslash before every Markdown-significant character, and a leading
// character that could start a heading, list or block quote escaped too.
func md(s string) string {
	s = oneLine(s)
	if mdPlain(s) {
		return s
	}
	return mdEscape(s)
}

// mdEscape is md's escaping of a one-line s, rune by rune.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#-+=", r):
			b.WriteByte('\\')
		case (r == '.' || r == ')') && allDigits(s[:i]):
			// "1. text" at the start would become an ordered list.
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdPlain reports whether md leaves s as it is: printable ASCII with
// nothing the loop of md escapes. It is that loop's conditions on bytes, in
// one pass: a 1,000-namespace DESIGN.md escapes thousands of names and
// roles, nearly all plain.
func mdPlain(s string) bool {
	digits := true // s[:i] is all digits (and not empty, for i > 0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < ' ' || c > '~':
			return false
		case strings.IndexByte(mdSpecial, c) >= 0:
			return false
		case i == 0 && strings.IndexByte("#-+=", c) >= 0:
			return false
		case (c == '.' || c == ')') && i > 0 && digits:
			return false
		}
		digits = digits && '0' <= c && c <= '9'
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// mdList escapes each value and joins them with ", "; empty gives dash.
func mdList(vals []string) string {
	if len(vals) == 0 {
		return "—"
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = md(v)
	}
	return strings.Join(out, ", ")
}

// codeSafe reports whether a value may be printed inside a code span: only
// characters that mean nothing to Markdown or HTML. Code spans show their
// content literally, so anything else is printed escaped instead.
func codeSafe(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("-._:/@=,+* ", r):
		default:
			return false
		}
	}
	return true
}

// code prints a design value as a code span when it is made of harmless
// characters (names, IDs, CIDRs), and as escaped text otherwise. Use it for
// values inside commands and identifiers, in text and in table cells alike.
func code(s string) string {
	if codeSafe(s) {
		return "`" + s + "`"
	}
	return md(s)
}

// lit prints a fixed string of iksplan's own (a command, a file name) as a
// code span. It must never receive design values; codeSafe values may go
// through code instead.
func lit(s string) string { return "`" + s + "`" }

// mermaidLabel escapes a value for a quoted Mermaid node label: one line,
// and every character Mermaid or HTML gives meaning to replaced by its
// Mermaid entity code (#35; and friends), so a label can neither end its
// node shape nor inject HTML. Node IDs are built from indexes, never from
// values.
func mermaidLabel(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '#', '"', '<', '>', '[', ']', '(', ')', '{', '}', '|', '`', '&', ';', '\\', '*', '_', '~':
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// htmlComment makes s safe inside <!-- … -->: no "--" (which could close
// or invalidate the comment) and no line breaks.
func htmlComment(s string) string {
	s = oneLine(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(s)
}

// anchor is the GitHub heading anchor of a heading text: lowercase, spaces
// to hyphens, punctuation other than hyphens dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
