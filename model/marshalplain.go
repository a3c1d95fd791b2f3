package model

import (
	"bytes"
	"reflect"
	"strconv"
)

// Most scalars of a large design are names, roles, e-mail addresses and
// counts: yaml.v3 writes them as they are, unquoted, on one line. Asking
// yaml.v3 for each distinct one cost 2.6 MB (one 300-byte event per value
// and a map entry to find its text again) of the 4.0 MB that marshalling
// the 1,000-namespace design allocated; plainScalar recognises them, and
// the pieces write their Go text directly. Everything else still goes
// through yaml.v3 (TestPlainScalarMatchesYAML checks the two agree).

// plainScalar reports whether yaml.v3 writes scalar v (of a scalarKind
// type) as writePlain does: booleans and integers always; a string when it
// is a word of letters, digits and - _ . / @ that starts with a letter and
// reads back as a string. Floats are left to yaml.v3 (its own formatting
// of exponents, .inf and .nan).
func plainScalar(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return plainString(v.String())
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// plainString reports whether yaml.v3 writes s unquoted as it is. Such a
// string cannot resolve to a number, timestamp or base-60 float (those
// start with a digit, sign or dot), holds no indicator the emitter quotes
// for (": ", " #", flow brackets, leading "-", "?", "&", "*", ...), no
// space or line break; of the words it would read back as (true, null,
// yes, off, ...), all start with one of yYnNtTfFoO and have at most five
// letters, so such short strings are left to yaml.v3.
func plainString(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return false
	}
	if len(s) <= 5 {
		switch c {
		case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
			return false
		}
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '-', c == '_', c == '.', c == '/', c == '@':
		default:
			return false
		}
	}
	return true
}

// writePlain writes the text of v, for which plainScalar holds: yaml.v3's
// strconv forms of booleans and integers, a string as it is.
func writePlain(buf *bytes.Buffer, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		buf.WriteString(v.String())
	case reflect.Bool:
		buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		buf.Write(strconv.AppendInt(buf.AvailableBuffer(), v.Int(), 10))
	default:
		buf.Write(strconv.AppendUint(buf.AvailableBuffer(), v.Uint(), 10))
	}
}
