package manifests

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// emitYAML writes a JSON value tree (maps, slices, strings, json.Number,
// bools, nil) as block YAML in the layout kubectl users know: two-space
// indents, sequences at their key's indent, keys sorted. It exists because
// the general YAML encoder was most of a render's time; the value tree is
// already JSON, so only a handful of shapes occur.
//
// Strings are written plain only when no YAML 1.1 or 1.2 reader could take
// them for anything but that string; otherwise they are double-quoted with
// JSON escapes (which YAML's double-quoted style reads back unchanged), or
// written as a literal block when they are ordinary multi-line text (never
// for keys). No
// user string can therefore change the document's structure.
func emitYAML(b *bytes.Buffer, v any) {
	emitValue(b, v, 0)
}

func emitValue(b *bytes.Buffer, v any, indent int) {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			b.WriteString("{}\n")
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for i, k := range keys {
			if i > 0 {
				pad(b, indent)
			}
			writeKey(b, k)
			b.WriteByte(':')
			emitChild(b, x[k], indent, false)
		}
	case []any:
		if len(x) == 0 {
			b.WriteString("[]\n")
			return
		}
		for i, e := range x {
			if i > 0 {
				pad(b, indent)
			}
			b.WriteByte('-')
			emitChild(b, e, indent, true)
		}
	default:
		writeScalar(b, v, indent)
		b.WriteByte('\n')
	}
}

// emitChild writes the value after "key:" or "-": scalars and empty
// collections on the same line, a mapping on the following lines (or, in
// a sequence item, starting on the dash's line), a sequence under a key at
// the key's own indent.
func emitChild(b *bytes.Buffer, v any, indent int, inSeq bool) {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			b.WriteString(" {}\n")
			return
		}
		if inSeq {
			b.WriteByte(' ')
			emitValue(b, x, indent+2)
			return
		}
		b.WriteByte('\n')
		pad(b, indent+2)
		emitValue(b, x, indent+2)
	case []any:
		if len(x) == 0 {
			b.WriteString(" []\n")
			return
		}
		if inSeq {
			b.WriteByte(' ')
			emitValue(b, x, indent+2)
			return
		}
		b.WriteByte('\n')
		pad(b, indent)
		emitValue(b, x, indent)
	default:
		b.WriteByte(' ')
		writeScalar(b, v, indent)
		b.WriteByte('\n')
	}
}

func pad(b *bytes.Buffer, n int) {
	for range n {
		b.WriteByte(' ')
	}
}

func writeScalar(b *bytes.Buffer, v any, indent int) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case json.Number:
		b.WriteString(x.String())
	case string:
		writeScalarString(b, x, indent)
	default:
		// Only JSON value trees reach here; anything else is a defect that
		// must not produce YAML silently.
		panic("manifests: unexpected value in a JSON tree")
	}
}

var (
	// Words YAML 1.1 readers take for booleans or null.
	specialWords = map[string]bool{
		"y": true, "yes": true, "n": true, "no": true, "true": true, "false": true,
		"on": true, "off": true, "null": true, "~": true,
	}
	// numberLike matches what a YAML 1.1 reader might resolve to a number,
	// a sexagesimal, a date or an infinity: digits and the characters
	// numbers use, after a digit, sign or dot.
	numberLike    = regexp.MustCompile(`^[-+.0-9][-+.0-9_: eExXoObBaAcCdDfFiInNtTyYzZ]*$`)
	literalLineRE = regexp.MustCompile(`^[^\x00-\x08\x0b-\x1f\x7f]*$`)
)

// plainOK reports whether s can be written as a plain scalar and read back
// as exactly that string.
func plainOK(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || specialWords[strings.ToLower(s)] || numberLike.MatchString(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
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

// writeKey writes a mapping key: plain or double-quoted, never a block.
func writeKey(b *bytes.Buffer, k string) {
	if plainOK(k) {
		b.WriteString(k)
		return
	}
	writeQuoted(b, k)
}

// writeQuoted writes s as a YAML double-quoted scalar: printable characters
// as they are, everything else escaped, so YAML 1.1 and 1.2 readers get s
// back byte for byte.
func writeQuoted(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && r >= 0x20 && r != 0x7f, r >= 0xa0 && unicode.IsPrint(r) && r != 0xfeff:
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			fmt.Fprintf(b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
}

func writeScalarString(b *bytes.Buffer, s string, indent int) {
	switch {
	case plainOK(s):
		b.WriteString(s)
	case literalBlockOK(s):
		writeLiteral(b, s, indent)
	default:
		writeQuoted(b, s)
	}
}

// literalBlockOK reports whether s reads best as a literal block: several
// lines of printable text, none starting or ending with a space (which a
// block would need indicators for).
func literalBlockOK(s string) bool {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") || !literalLineRE.MatchString(s) || strings.Contains(s, "\t") {
		return false
	}
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if l != strings.TrimSpace(l) && strings.TrimLeft(l, " ") != l && l == strings.Split(s, "\n")[0] {
			return false // a leading space on the first line needs an indentation indicator
		}
		if strings.HasSuffix(l, " ") {
			return false
		}
	}
	return !strings.HasSuffix(s, "\n\n")
}

func writeLiteral(b *bytes.Buffer, s string, indent int) {
	if strings.HasSuffix(s, "\n") {
		b.WriteString("|")
		s = strings.TrimSuffix(s, "\n")
	} else {
		b.WriteString("|-")
	}
	for _, l := range strings.Split(s, "\n") {
		b.WriteByte('\n')
		if l != "" {
			pad(b, indent+2)
			b.WriteString(l)
		}
	}
}
