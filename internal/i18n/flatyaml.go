package i18n

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// The message files use a small part of YAML: block mappings indented by
// spaces, plain or double-quoted keys, and values that are a double-quoted
// string on one line, a one-line flow mapping of such strings (plurals:
// {one: "…", other: "…"}), a literal block scalar (|, |2-, …) or a nested
// mapping. yaml.v3's general parser spent ~15% of a cold `iksplan render`'s
// CPU reading en/doc.yaml; readTree reads that subset directly, in one
// pass, into the same tree yaml.v3 builds (map[string]any of strings and
// maps), and hands anything outside it to yaml.v3, so a file using other
// YAML still reads exactly as before, only slower.
// TestFlatYAMLReadsWhatYAMLv3Reads holds both to the same tree for every
// message file of every language, and requires the fast path for each.

// errNotFlat says a file uses YAML outside the subset readFlat knows.
var errNotFlat = errors.New("outside the message files' YAML subset")

// readTree is the tree of a message file: readFlat's, or yaml.v3's for a
// file outside the subset.
func readTree(buf []byte) (map[string]any, error) {
	tree, err := readFlat(buf)
	if err == nil {
		return tree, nil
	}
	var v map[string]any
	if err := yaml.Unmarshal(buf, &v); err != nil {
		return nil, err
	}
	return v, nil
}

// flatLine is one significant line: its indentation and its text after it.
type flatLine struct {
	indent int
	text   string
}

// flatReader walks the lines of a message file.
type flatReader struct {
	lines []string
	i     int
}

// readFlat reads buf as the message files' YAML subset, or returns
// errNotFlat for anything else (yaml.v3 then decides what it means).
func readFlat(buf []byte) (map[string]any, error) {
	s := string(buf)
	// ContainsAny with only ASCII bytes scans with a byte set; with the BOM
	// (not ASCII) in the set it looked each rune of the file up in the set
	// instead, 2% of a CLI render's CPU.
	if strings.ContainsAny(s, "\t\r\x00") || strings.Contains(s, "\ufeff") || strings.HasPrefix(s, "%") || strings.Contains(s, "\n---") || strings.HasPrefix(s, "---") {
		return nil, errNotFlat
	}
	r := &flatReader{lines: strings.Split(s, "\n")}
	m, err := r.mapping(0)
	if err != nil {
		return nil, err
	}
	if _, ok := r.peek(); ok {
		return nil, errNotFlat // a line less indented than the top level
	}
	if len(m) == 0 {
		return nil, errNotFlat
	}
	return m, nil
}

// peek is the next significant line (not blank, not a comment).
func (r *flatReader) peek() (flatLine, bool) {
	for r.i < len(r.lines) {
		l := r.lines[r.i]
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' {
			r.i++
			continue
		}
		return flatLine{indent: len(l) - len(t), text: t}, true
	}
	return flatLine{}, false
}

// mapping reads the block mapping whose keys sit at column indent.
func (r *flatReader) mapping(indent int) (map[string]any, error) {
	m := map[string]any{}
	for {
		l, ok := r.peek()
		if !ok || l.indent < indent {
			return m, nil
		}
		if l.indent > indent {
			return nil, errNotFlat
		}
		r.i++
		key, rest, err := flatKey(l.text)
		if err != nil {
			return nil, err
		}
		if _, dup := m[key]; dup {
			return nil, errNotFlat // yaml.v3 reports the duplicate
		}
		var v any
		switch {
		case isKeyEnd(rest):
			next, ok := r.peek()
			if !ok || next.indent <= indent {
				return nil, errNotFlat // a null value
			}
			v, err = r.mapping(next.indent)
		case rest[0] == '"':
			var s string
			s, rest, err = flatQuoted(rest)
			if err == nil && !isEnd(rest) {
				err = errNotFlat
			}
			v = s
		case rest[0] == '{':
			v, err = flatFlow(rest)
		case rest[0] == '|':
			v, err = r.literal(indent, rest)
		default:
			err = errNotFlat
		}
		if err != nil {
			return nil, err
		}
		m[key] = v
	}
}

// isEnd reports whether rest, what follows a key's ": " or a value, holds
// nothing but spaces and a comment (after a value, YAML wants a space
// before the '#').
func isEnd(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || (t[0] == '#' && len(t) < len(rest))
}

// isKeyEnd is isEnd for what follows "key: ", whose leading spaces
// flatKey has already dropped.
func isKeyEnd(rest string) bool { return rest == "" || rest[0] == '#' }

// flatKey splits "key: rest" into the key and what follows ": ".
func flatKey(t string) (key, rest string, err error) {
	if t[0] == '"' {
		key, rest, err = flatQuoted(t)
		if err != nil {
			return "", "", err
		}
	} else {
		n := 0
		for n < len(t) && isPlainKeyByte(t[n], n == 0) {
			n++
		}
		key, rest = t[:n], t[n:]
		if !plainKeyIsString(key) {
			return "", "", errNotFlat
		}
	}
	if rest == ":" {
		return key, "", nil
	}
	if !strings.HasPrefix(rest, ": ") {
		return "", "", errNotFlat
	}
	return key, strings.TrimLeft(rest[2:], " "), nil
}

// isPlainKeyByte reports whether c may be in a plain key: letters, digits
// (not first), '_' and '-'.
func isPlainKeyByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		return true
	case c >= '0' && c <= '9', c == '-':
		return !first
	}
	return false
}

// plainKeyIsString reports whether yaml.v3 reads plain key k as a string:
// not empty and not true, false or null in any case (yaml.v3 reads YAML
// 1.2 booleans: yes, no, on and off stay strings).
func plainKeyIsString(k string) bool {
	switch strings.ToLower(k) {
	case "", "true", "false", "null":
		return false
	}
	return true
}

// flatQuoted reads a double-quoted scalar closed on the same line, with
// the escapes the message files use (\" \\ \n \t), and returns what
// follows it.
func flatQuoted(t string) (string, string, error) {
	if j := strings.IndexAny(t[1:], "\"\\"); j >= 0 && t[1+j] == '"' {
		return t[1 : 1+j], t[2+j:], nil // no escapes: the text itself, no copy
	}
	var b strings.Builder
	for i := 1; i < len(t); i++ {
		c := t[i]
		switch c {
		case '"':
			return b.String(), t[i+1:], nil
		case '\\':
			if i+1 >= len(t) {
				return "", "", errNotFlat
			}
			i++
			switch t[i] {
			case '"', '\\':
				b.WriteByte(t[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				return "", "", errNotFlat
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", errNotFlat // continues on the next line
}

// flatFlow reads a one-line flow mapping of double-quoted values with
// plain keys: {one: "…", other: "…"}.
func flatFlow(t string) (map[string]any, error) {
	m := map[string]any{}
	rest := t[1:]
	for {
		rest = strings.TrimLeft(rest, " ")
		n := 0
		for n < len(rest) && isPlainKeyByte(rest[n], n == 0) {
			n++
		}
		key := rest[:n]
		if !plainKeyIsString(key) || !strings.HasPrefix(rest[n:], ": \"") {
			return nil, errNotFlat
		}
		if _, dup := m[key]; dup {
			return nil, errNotFlat
		}
		s, after, err := flatQuoted(strings.TrimLeft(rest[n+1:], " "))
		if err != nil {
			return nil, err
		}
		m[key] = s
		after = strings.TrimLeft(after, " ")
		switch {
		case strings.HasPrefix(after, ","):
			rest = after[1:]
		case strings.HasPrefix(after, "}"):
			if !isEnd(after[1:]) {
				return nil, errNotFlat
			}
			return m, nil
		default:
			return nil, errNotFlat
		}
	}
}

// literal reads a literal block scalar whose header is head ("|", "|2-",
// "|-", "|+", …) under a key at column indent.
func (r *flatReader) literal(indent int, head string) (string, error) {
	h := head[1:]
	if i := strings.IndexByte(h, '#'); i >= 0 {
		if i == 0 || h[i-1] != ' ' {
			return "", errNotFlat
		}
		h = h[:i]
	}
	h = strings.TrimRight(h, " ")
	explicit, chomp := 0, byte(0)
	for _, c := range []byte(h) {
		switch {
		case c >= '1' && c <= '9' && explicit == 0:
			explicit = int(c - '0')
		case (c == '-' || c == '+') && chomp == 0:
			chomp = c
		default:
			return "", errNotFlat
		}
	}
	// The body: every following line that is blank or indented past the
	// key; its indentation is given or that of its first non-blank line.
	start := r.i
	end := start
	for end < len(r.lines) {
		l := r.lines[end]
		t := strings.TrimLeft(l, " ")
		if t != "" && len(l)-len(t) <= indent {
			break
		}
		end++
	}
	body := r.lines[start:end]
	r.i = end
	ind := indent + explicit
	if explicit == 0 {
		ind = -1
		for _, l := range body {
			if t := strings.TrimLeft(l, " "); t != "" {
				ind = len(l) - len(t)
				break
			}
			if len(l) > 0 {
				return "", errNotFlat // leading spaces-only lines: leave them to yaml.v3
			}
		}
		if ind < 0 {
			return "", errNotFlat
		}
	}
	var b strings.Builder
	for _, l := range body {
		if strings.TrimLeft(l, " ") == "" {
			if len(l) > ind {
				b.WriteString(l[ind:])
			}
			b.WriteByte('\n')
			continue
		}
		if len(l)-len(strings.TrimLeft(l, " ")) < ind {
			return "", errNotFlat
		}
		b.WriteString(l[ind:])
		b.WriteByte('\n')
	}
	s := b.String()
	switch chomp {
	case '-':
		s = strings.TrimRight(s, "\n")
	case 0:
		s = strings.TrimRight(s, "\n")
		if s != "" {
			s += "\n"
		}
	}
	return s, nil
}

// parseMessages reads one message file's messages (IDs without the area
// prefix): its tree (readTree) walked by appendMessages.
func parseMessages(buf []byte) ([]*Entry, error) {
	tree, err := readTree(buf)
	if err != nil {
		return nil, err
	}
	return appendMessages(nil, "", tree)
}

// appendMessages appends the messages of tree m, whose keys are prefixed
// with prefix, to msgs. The message files use the part of go-i18n's
// format that iksplan reads: a string is a message, a map holding one or
// other is a plural message (English {one, other}, Japanese {other}), any
// other map nests keys. Everything else go-i18n gives a meaning to, its
// reserved keys (id, description, hash, leftDelim, rightDelim, zero, two,
// few, many, translation) in any case, is an error, so a file reads as
// go-i18n read it or not at all (TestParsedMessagesAreGoI18nMessages).
func appendMessages(msgs []*Entry, prefix string, m map[string]any) ([]*Entry, error) {
	for _, k := range sortedKeys(m) { // sorted: the first error is always the same
		v := m[k]
		id := prefix + k
		if isGoReserved(k, v) {
			return nil, fmt.Errorf("%s: key %q is a go-i18n message field, which iksplan's catalogue does not read", id, k)
		}
		switch v := v.(type) {
		case string:
			msgs = append(msgs, &Entry{ID: id, Other: v})
		case map[string]any:
			pm, err := pluralMessage(id, v)
			if err != nil {
				return nil, err
			}
			if pm != nil {
				msgs = append(msgs, pm)
				continue
			}
			if msgs, err = appendMessages(msgs, id+".", v); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("%s: a %T, want a string or a mapping", id, v)
		}
	}
	return msgs, nil
}

// pluralMessage reads map m as plural message id when any of its keys is
// one go-i18n reserves, and returns nil, nil when none is (m nests keys).
// A plural holds exactly the forms one and other, strings.
func pluralMessage(id string, m map[string]any) (*Entry, error) {
	plural := false
	for k, v := range m {
		if isGoReserved(k, v) {
			plural = true
			break
		}
	}
	if !plural {
		return nil, nil
	}
	pm := &Entry{ID: id}
	for _, k := range sortedKeys(m) {
		s, ok := m[k].(string)
		switch {
		case !ok:
			return nil, fmt.Errorf("%s.%s: a %T in a plural message, want a string", id, k, m[k])
		case k == "one":
			pm.One = s
		case k == "other":
			pm.Other = s
		default:
			return nil, fmt.Errorf("%s: key %q in a plural message: English and Japanese have only the plural forms one and other", id, k)
		}
	}
	return pm, nil
}

// isGoReserved is go-i18n's isReserved: key k names a message field when
// it is one of goReserved (any case) holding a string, or "translation".
func isGoReserved(k string, v any) bool {
	if !goReserved[strings.ToLower(k)] {
		return false
	}
	_, s := v.(string)
	return s || k == "translation"
}

// goReserved are the keys go-i18n reads as a message's fields (lowercased).
var goReserved = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true,
}
