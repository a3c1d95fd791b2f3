// This file's emitter is ported from go.yaml.in/yaml/v4's emitterc.go,
// itself a Go port of libyaml, under the MIT licence below.
//
// Copyright (c) 2011-2019 Canonical Ltd
// Copyright (c) 2006-2010 Kirill Simonov
//
// Permission is hereby granted, free of charge, to any person obtaining a copy of
// this software and associated documentation files (the "Software"), to deal in
// the Software without restriction, including without limitation the rights to
// use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
// of the Software, and to permit persons to whom the Software is furnished to do
// so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.

package kyaml

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file writes a decoded JSON tree (map[string]any, []any, string,
// bool, int, uint64, float64, nil) as YAML, byte for byte as
// go.yaml.in/yaml/v4's Encoder with SetIndent(2) and CompactSeqIndent
// wrote it before (issue 15: the library's package init compiled regexps
// on every start of iksplan, for Helm values files and the IBM Cloud
// double's kubectl). It is the part of the library's emitter (libyaml's
// emitterc.go, ported to Go) that such a tree reaches, with the same state
// (indent, column, whitespace, indention) and the same rules for scalar
// styles, so the bytes stay the library's even for scalars no Helm value
// holds (a key longer than 128 bytes, a line separator, a byte-order
// mark). reference_test.go holds it to the library on every string of up
// to three characters from an alphabet of YAML indicators and on random
// trees.
//
// It is not render/manifests' emitter: that one writes typed Kubernetes
// objects by its own, stricter scalar policy (double quotes where the
// library would write single ones, keys in byte order), which manifests
// need; Helm values and kubectl output keep the library's bytes.

// emitter is the library's emitter state for one document, block style
// only (an empty mapping or sequence is the flow {} or []).
type emitter struct {
	b []byte
	// indent is the current indentation, -1 before the top-level node.
	indent int
	// column counts characters since the last line break.
	column int
	// whitespace: the last character written was whitespace (or there
	// is none); indention: only indentation since the last line break.
	whitespace, indention bool
}

// encode writes v as one YAML document.
func encode(v any) ([]byte, error) {
	e := emitter{indent: -1, whitespace: true, indention: true}
	if err := e.node(v, false, false, false); err != nil {
		return nil, fmt.Errorf("error converting JSON to YAML: %w", err)
	}
	e.writeIndent() // the document's end
	return e.b, nil
}

// node writes one value. inSeq: v is a sequence item; inMap: a mapping's
// key or value; simpleKey: a key written as "key:".
func (e *emitter) node(v any, inSeq, inMap, simpleKey bool) error {
	switch x := v.(type) {
	case nil:
		e.scalar("null", plainStyle, inSeq, simpleKey)
	case bool:
		e.scalar(strconv.FormatBool(x), plainStyle, inSeq, simpleKey)
	case int:
		e.scalar(strconv.Itoa(x), plainStyle, inSeq, simpleKey)
	case int64:
		e.scalar(strconv.FormatInt(x, 10), plainStyle, inSeq, simpleKey)
	case uint64:
		e.scalar(strconv.FormatUint(x, 10), plainStyle, inSeq, simpleKey)
	case float64:
		e.scalar(formatFloat(x), plainStyle, inSeq, simpleKey)
	case string:
		if !utf8.ValidString(x) {
			return fmt.Errorf("invalid UTF-8 in %q", x) // JSON trees never hold any
		}
		e.scalar(x, stringStyle(x), inSeq, simpleKey)
	case map[string]any:
		if len(x) == 0 {
			e.empty("{", "}", inSeq)
			return nil
		}
		return e.mapping(x, inSeq)
	case []any:
		if len(x) == 0 {
			e.empty("[", "]", inSeq)
			return nil
		}
		return e.sequence(x, inSeq, inMap)
	default:
		return fmt.Errorf("unsupported type %T", v)
	}
	return nil
}

// formatFloat is the library's float text.
func formatFloat(f float64) string {
	switch s := strconv.FormatFloat(f, 'g', -1, 64); s {
	case "+Inf":
		return ".inf"
	case "-Inf":
		return "-.inf"
	case "NaN":
		return ".nan"
	default:
		return s
	}
}

// increaseIndent is the library's yaml_emitter_increase_indent_compact
// (never indentless): inSeq is whether the node sits in a block sequence
// item; compact takes the "- " of a sequence under a key into its indent.
func (e *emitter) increaseIndent(flow, compact, inSeq bool) {
	switch {
	case e.indent < 0 && flow:
		e.indent = indentStep
	case e.indent < 0:
		e.indent = 0
	case inSeq:
		e.indent += 2
	default:
		e.indent = indentStep * ((e.indent + indentStep) / indentStep)
		if compact {
			e.indent -= 2
		}
	}
}

// indentStep is SetIndent(2).
const indentStep = 2

// mapping writes a non-empty mapping, keys in the library's order.
func (e *emitter) mapping(m map[string]any, inSeq bool) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Byte order first, so that the library's sort (not stable, and not a
	// strict order for every pair of strings) starts from one order.
	sort.Strings(keys)
	sort.Sort(keyList(keys))
	saved := e.indent
	e.increaseIndent(false, false, inSeq)
	for _, k := range keys {
		e.writeIndent()
		if simpleKeyOK(k) {
			if err := e.node(k, false, true, true); err != nil {
				return err
			}
			e.writeIndicator(":", false, false, false)
		} else {
			e.writeIndicator("?", true, false, true)
			if err := e.node(k, false, true, false); err != nil {
				return err
			}
			e.writeIndent()
			e.writeIndicator(":", true, false, true)
		}
		if err := e.node(m[k], false, true, false); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
	}
	e.indent = saved
	return nil
}

// simpleKeyOK is yaml_emitter_check_simple_key for a string key: one
// line of at most 128 bytes.
func simpleKeyOK(k string) bool {
	return len(k) <= 128 && !analyze(k).multiline
}

// sequence writes a non-empty sequence.
func (e *emitter) sequence(s []any, inSeq, inMap bool) error {
	saved := e.indent
	compact := inMap && (e.column == 0 || !e.indention)
	e.increaseIndent(false, compact, inSeq)
	for i, item := range s {
		e.writeIndent()
		e.writeIndicator("-", true, false, true)
		if err := e.node(item, true, false, false); err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
	}
	e.indent = saved
	return nil
}

// empty writes an empty flow mapping or sequence.
func (e *emitter) empty(open, closing string, inSeq bool) {
	e.writeIndicator(open, true, true, false)
	saved := e.indent
	e.increaseIndent(true, false, inSeq)
	e.indent = saved
	if e.column == 0 {
		e.writeIndent()
	}
	e.writeIndicator(closing, false, false, false)
}

type scalarStyle uint8

const (
	plainStyle scalarStyle = iota
	singleQuotedStyle
	doubleQuotedStyle
	literalStyle
)

// stringStyle is the style the library's encoder asks for a string
// (encoder.stringv): plain unless the plain text would read as another
// type (or as a YAML 1.1 boolean, a base 60 number or a merge key), a
// literal block for text of several lines.
func stringStyle(s string) scalarStyle {
	switch {
	case strings.Contains(s, "\n"):
		if shouldUseLiteralStyle(s) {
			return literalStyle
		}
		return doubleQuotedStyle
	case resolvesToString(s) && !isBase60Float(s) && !isOldBool(s) && s != "<<":
		return plainStyle
	default:
		return doubleQuotedStyle
	}
}

// shouldUseLiteralStyle is the library's: several lines with at least one
// character that is not white space.
func shouldUseLiteralStyle(s string) bool {
	if !strings.Contains(s, "\n") || len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// isOldBool reports the YAML 1.1 booleans the library quotes.
func isOldBool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return false
}

// scalar writes one scalar in the style the library's emitter settles on
// for the asked style (yaml_emitter_select_scalar_style), in the indent
// the library gives it.
func (e *emitter) scalar(value string, style scalarStyle, inSeq, simpleKey bool) {
	a := analyze(value)
	if simpleKey && a.multiline {
		style = doubleQuotedStyle
	}
	if style == plainStyle && (!a.blockPlainAllowed || value == "" && simpleKey) {
		style = singleQuotedStyle
	}
	if style == singleQuotedStyle && !a.singleQuotedAllowed {
		style = doubleQuotedStyle
	}
	if style == literalStyle && (!a.blockAllowed || simpleKey) {
		style = doubleQuotedStyle
	}
	saved := e.indent
	e.increaseIndent(true, false, inSeq)
	switch style {
	case plainStyle:
		e.writePlain(value)
	case singleQuotedStyle:
		e.writeSingleQuoted(value)
	case doubleQuotedStyle:
		e.writeDoubleQuoted(value)
	case literalStyle:
		e.writeLiteral(value)
	}
	e.indent = saved
}

// analysis is what yaml_emitter_analyze_scalar finds out about a scalar
// (in block context: flow plain scalars never occur here).
type analysis struct {
	multiline, blockPlainAllowed, singleQuotedAllowed, blockAllowed bool
}

// analyze is yaml_emitter_analyze_scalar.
func analyze(value string) analysis {
	if value == "" {
		return analysis{blockPlainAllowed: true, singleQuotedAllowed: true}
	}
	var blockIndicators, lineBreaks, special, tabs bool
	var leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	var previousSpace, previousBreak bool
	if strings.HasPrefix(value, "---") || strings.HasPrefix(value, "...") {
		blockIndicators = true
	}
	precededByWhitespace := true
	for i, w := 0, 0; i < len(value); i += w {
		w = width(value[i])
		followedByWhitespace := i+w >= len(value) || value[i+w] == ' ' || value[i+w] == '\t'
		if i == 0 {
			switch value[i] {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				blockIndicators = true
			case '?', ':', '-':
				if followedByWhitespace {
					blockIndicators = true
				}
			}
		} else {
			switch value[i] {
			case ':':
				if followedByWhitespace {
					blockIndicators = true
				}
			case '#':
				if precededByWhitespace {
					blockIndicators = true
				}
			}
		}
		if value[i] == '\t' {
			tabs = true
		} else if !isPrintable(value, i) {
			special = true
		}
		space := value[i] == ' '
		brk := !space && isBreak(value, i)
		first, last := i == 0, i+w == len(value)
		if space {
			leadingSpace = leadingSpace || first
			trailingSpace = trailingSpace || last
			breakSpace = breakSpace || previousBreak
		}
		if brk {
			lineBreaks = true
			leadingBreak = leadingBreak || first
			trailingBreak = trailingBreak || last
			spaceBreak = spaceBreak || previousSpace
		}
		previousSpace, previousBreak = space, brk
		precededByWhitespace = isBlankz(value, i)
	}
	a := analysis{multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true}
	if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
		a.blockPlainAllowed = false
	}
	if trailingSpace {
		a.blockAllowed = false
	}
	if breakSpace || spaceBreak || tabs || special {
		a.blockPlainAllowed = false
		a.singleQuotedAllowed = false
	}
	if spaceBreak || special {
		a.blockAllowed = false
	}
	if lineBreaks || blockIndicators {
		a.blockPlainAllowed = false
	}
	return a
}

// width is the length of the UTF-8 sequence that starts with b.
func width(b byte) int {
	switch {
	case b&0x80 == 0:
		return 1
	case b&0xE0 == 0xC0:
		return 2
	case b&0xF0 == 0xE0:
		return 3
	case b&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// at is s[i], 0 past the end (the library's buffers end in NUL).
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// isPrintable is the library's is_printable: what it writes unescaped
// (not the characters above U+FFFF, nor U+FEFF, U+FFFE, U+FFFF).
func isPrintable(s string, i int) bool {
	b, b1, b2 := s[i], at(s, i+1), at(s, i+2)
	return b == 0x0A || b >= 0x20 && b <= 0x7E ||
		b == 0xC2 && b1 >= 0xA0 || b > 0xC2 && b < 0xED ||
		b == 0xED && b1 < 0xA0 || b == 0xEE ||
		b == 0xEF && !(b1 == 0xBB && b2 == 0xBF) && !(b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF))
}

// isBreak: CR, LF, NEL, LS or PS at s[i].
func isBreak(s string, i int) bool {
	b, b1, b2 := s[i], at(s, i+1), at(s, i+2)
	return b == '\r' || b == '\n' || b == 0xC2 && b1 == 0x85 || b == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)
}

// isBlankz: a space, tab, break or the end at s[i].
func isBlankz(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == 0 || isBreak(s, i)
}

// put writes one ASCII byte.
func (e *emitter) put(c byte) {
	e.b = append(e.b, c)
	e.column++
}

// putBreak writes a line break.
func (e *emitter) putBreak() {
	e.b = append(e.b, '\n')
	e.column = 0
	e.indention = true
}

// write copies the character at s[*i].
func (e *emitter) write(s string, i *int) {
	w := width(s[*i])
	e.b = append(e.b, s[*i:*i+w]...)
	e.column++
	*i += w
}

// writeAll copies s.
func (e *emitter) writeAll(s string) {
	for i := 0; i < len(s); {
		e.write(s, &i)
	}
}

// writeBreak copies the line break at s[*i].
func (e *emitter) writeBreak(s string, i *int) {
	if s[*i] == '\n' {
		e.putBreak()
		*i++
		return
	}
	e.write(s, i)
	e.column = 0
	e.indention = true
}

// writeIndent is yaml_emitter_write_indent.
func (e *emitter) writeIndent() {
	indent := max(e.indent, 0)
	if !e.indention || e.column > indent || e.column == indent && !e.whitespace {
		e.putBreak()
	}
	for e.column < indent {
		e.put(' ')
	}
	e.whitespace = true
}

// writeIndicator is yaml_emitter_write_indicator.
func (e *emitter) writeIndicator(indicator string, needWhitespace, isWhitespace, isIndention bool) {
	if needWhitespace && !e.whitespace {
		e.put(' ')
	}
	e.writeAll(indicator)
	e.whitespace = isWhitespace
	e.indention = e.indention && isIndention
}

// writePlain is yaml_emitter_write_plain_scalar for a scalar of one line
// (the only ones written plain) with no width limit.
func (e *emitter) writePlain(value string) {
	if value != "" && !e.whitespace {
		e.put(' ')
	}
	e.writeAll(value)
	if value != "" {
		e.whitespace = false
	}
	e.indention = false
}

// writeSingleQuoted is yaml_emitter_write_single_quoted_scalar with no
// width limit.
func (e *emitter) writeSingleQuoted(value string) {
	e.writeIndicator("'", true, false, false)
	breaks := false
	for i := 0; i < len(value); {
		switch {
		case value[i] == ' ':
			e.write(value, &i)
		case isBreak(value, i):
			if !breaks && value[i] == '\n' {
				e.putBreak()
			}
			e.writeBreak(value, &i)
			breaks = true
		default:
			if breaks {
				e.writeIndent()
			}
			if value[i] == '\'' {
				e.put('\'')
			}
			e.write(value, &i)
			e.indention = false
			breaks = false
		}
	}
	e.writeIndicator("'", false, false, false)
	e.whitespace = false
	e.indention = false
}

// writeDoubleQuoted is yaml_emitter_write_double_quoted_scalar with no
// width limit: what is not printable, breaks, quotes and backslashes
// escaped (and, as in the library, every character of a value that
// starts with a byte-order mark).
func (e *emitter) writeDoubleQuoted(value string) {
	const hex = "0123456789ABCDEF"
	e.writeIndicator(`"`, true, false, false)
	bom := strings.HasPrefix(value, "\uFEFF")
	for i := 0; i < len(value); {
		if isPrintable(value, i) && !bom && !isBreak(value, i) && value[i] != '"' && value[i] != '\\' {
			e.write(value, &i)
			continue
		}
		r, w := utf8.DecodeRuneInString(value[i:])
		i += w
		e.put('\\')
		switch r {
		case 0x00:
			e.put('0')
		case 0x07:
			e.put('a')
		case 0x08:
			e.put('b')
		case 0x09:
			e.put('t')
		case 0x0A:
			e.put('n')
		case 0x0B:
			e.put('v')
		case 0x0C:
			e.put('f')
		case 0x0D:
			e.put('r')
		case 0x1B:
			e.put('e')
		case 0x22:
			e.put('"')
		case 0x5C:
			e.put('\\')
		case 0x85:
			e.put('N')
		case 0xA0:
			e.put('_')
		case 0x2028:
			e.put('L')
		case 0x2029:
			e.put('P')
		default:
			digits := 8
			switch {
			case r <= 0xFF:
				e.put('x')
				digits = 2
			case r <= 0xFFFF:
				e.put('u')
				digits = 4
			default:
				e.put('U')
			}
			for k := (digits - 1) * 4; k >= 0; k -= 4 {
				e.put(hex[r>>k&0x0F])
			}
		}
	}
	e.writeIndicator(`"`, false, false, false)
	e.whitespace = false
	e.indention = false
}

// writeLiteral is yaml_emitter_write_literal_scalar, with its
// indentation and chomping indicators.
func (e *emitter) writeLiteral(value string) {
	e.writeIndicator("|", true, false, false)
	if value[0] == ' ' || isBreak(value, 0) {
		e.writeIndicator(strconv.Itoa(indentStep), false, false, false)
	}
	last := len(value) - 1
	for value[last]&0xC0 == 0x80 {
		last--
	}
	switch {
	case !isBreak(value, last):
		e.writeIndicator("-", false, false, false)
	case last == 0:
		e.writeIndicator("+", false, false, false)
	default:
		prev := last - 1
		for value[prev]&0xC0 == 0x80 {
			prev--
		}
		if isBreak(value, prev) {
			e.writeIndicator("+", false, false, false)
		}
	}
	e.putBreak()
	e.whitespace = true
	breaks := true
	for i := 0; i < len(value); {
		if isBreak(value, i) {
			e.writeBreak(value, &i)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent()
		}
		e.write(value, &i)
		e.indention = false
		breaks = false
	}
}
