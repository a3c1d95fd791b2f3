package model

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Marshal writes a design as YAML with two-space indentation, the form
// iksplan writes everywhere. The bytes are yaml.v3's own (see marshalWhole),
// but a large design is encoded in pieces: yaml.v3's emitter keeps every
// event (about 300 bytes each) of a document in one queue it never trims, so
// one Encode of a design with 1,000 namespaces and access groups allocated
// 41 MB for 0.3 MB of text; in pieces it is 22 MB, what the events of the
// pieces cost (BenchmarkMarshal). Pieces are the fields on the way to a long
// list and runs of listPiece items of that list, each encoded by a fresh
// encoder and indented into place; yaml.v3 folds no line (its width is
// unlimited), so a piece's text does not depend on its column.
// TestMarshalPiecesMatchWhole checks the bytes against one Encode.
func Marshal(d *Design) ([]byte, error) { return AppendMarshal(nil, d) }

// AppendMarshal is Marshal appending to dst (design.yaml's header comment):
// the design's bytes are not copied behind it.
func AppendMarshal(dst []byte, d *Design) ([]byte, error) {
	if textBeginsWithBreak(reflect.ValueOf(d).Elem()) {
		for _, p := range CheckText(d) {
			if strings.HasSuffix(p.Message, leadingLineFeed) {
				return nil, fmt.Errorf("encode design: %s %s", p.Path, p.Message)
			}
		}
	}
	buf, scratch := bytes.NewBuffer(dst), new(bytes.Buffer)
	w := &pieceWriter{out: buf, piece: scratch}
	root := reflect.ValueOf(d).Elem()
	var err error
	if p := planFor(root.Type()); p != nil && planRoot {
		err = w.whole(root, p)
	} else {
		err = w.marshalPieces(root, 0)
	}
	if err != nil {
		return nil, fmt.Errorf("encode design: %w", err)
	}
	return buf.Bytes(), nil
}

// textBeginsWithBreak reports whether any string in v, value or map key,
// begins with a line break: only then can CheckText refuse the design, and
// this walk builds no paths (CheckText's cost 1.8 MB at 1,000 namespaces).
func textBeginsWithBreak(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.HasPrefix(v.String(), "\n")
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && textBeginsWithBreak(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && textBeginsWithBreak(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return false
		}
		for i := range v.Len() {
			if textBeginsWithBreak(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if textBeginsWithBreak(it.Key()) || textBeginsWithBreak(it.Value()) {
				return true
			}
		}
	}
	return false
}

// marshalWhole is Marshal in one Encode: the reference the pieces are
// checked against, and the encoding of every piece.
func marshalWhole(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeInto(&buf, v); err != nil {
		return nil, fmt.Errorf("encode design: %w", err)
	}
	return buf.Bytes(), nil
}

func encodeInto(buf *bytes.Buffer, v any) error {
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

// longList is the length from which a list is encoded item by item: below
// it, the queue of one Encode stays small.
var longList = 32

// planRoot says whether Marshal writes the whole design from its plan
// (pieceWriter.whole); off, only long lists are (the tests check both).
var planRoot = true

// listPiece is how many items of a long list one encoder writes.
const listPiece = 16

// pieceWriter writes pieces to out, each encoded first into piece (one
// scratch buffer for them all).
type pieceWriter struct {
	out, piece *bytes.Buffer
	// dash is set while the next line written is a list item's first.
	dash bool
	// texts are the scalar texts of the long lists, shared by them all
	// (an access group names namespaces).
	texts *scalarTexts
}

// marshalPieces writes struct value v (yaml.v3's block form) at indent:
// each field that holds a long list somewhere is split further, every other
// field is encoded whole.
func (w *pieceWriter) marshalPieces(v reflect.Value, indent int) error {
	buf := w.out
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		key, omitEmpty, ok := plainField(f)
		fv := v.Field(i)
		switch {
		case ok && fv.Kind() == reflect.Slice && fv.Len() >= longList:
			writeIndent(buf, indent)
			buf.WriteString(key)
			buf.WriteString(":\n")
			if p, ok := planList(fv); ok {
				if err := w.list(fv, p, indent+2); err != nil {
					return err
				}
				continue
			}
			for j := 0; j < fv.Len(); j += listPiece {
				part := fv.Slice(j, min(j+listPiece, fv.Len()))
				if err := w.indented(part.Interface(), indent+2); err != nil {
					return err
				}
			}
		case ok && fv.Kind() == reflect.Struct && hasLongList(fv, 0) && !(omitEmpty && fv.IsZero()):
			writeIndent(buf, indent)
			buf.WriteString(key)
			buf.WriteString(":\n")
			if err := w.marshalPieces(fv, indent+2); err != nil {
				return err
			}
		default:
			if err := w.indented(oneField(t, i, fv), indent); err != nil {
				return err
			}
		}
	}
	return nil
}

// plainField reports a field's YAML key and omitempty when marshalPieces
// may write the key itself: a plain tag name of letters and digits, no
// flow or inline, and a value type without a marshaller of its own.
func plainField(f reflect.StructField) (key string, omitEmpty, ok bool) {
	name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" || name == "-" || !f.IsExported() {
		return "", false, false
	}
	for _, r := range name {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return "", false, false
		}
	}
	for _, o := range strings.Split(opts, ",") {
		switch o {
		case "omitempty":
			omitEmpty = true
		case "":
		default: // flow, inline
			return "", false, false
		}
	}
	if hasMarshaler(f.Type) {
		return "", false, false
	}
	return name, omitEmpty, true
}

var (
	marshalerType     = reflect.TypeFor[yaml.Marshaler]()
	textMarshalerType = reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
)

func hasMarshaler(t reflect.Type) bool {
	for _, t := range []reflect.Type{t, reflect.PointerTo(t)} {
		if t.Implements(marshalerType) || t.Implements(textMarshalerType) {
			return true
		}
	}
	return false
}

// hasLongList reports whether struct value v holds, through plain struct
// fields, a list long enough to be split.
func hasLongList(v reflect.Value, depth int) bool {
	if depth > 8 || hasMarshaler(v.Type()) {
		return false
	}
	t := v.Type()
	for i := range t.NumField() {
		if _, _, ok := plainField(t.Field(i)); !ok {
			continue
		}
		fv := v.Field(i)
		switch fv.Kind() {
		case reflect.Slice:
			if fv.Len() >= longList {
				return true
			}
		case reflect.Struct:
			if hasLongList(fv, depth+1) {
				return true
			}
		}
	}
	return false
}

// oneFieldTypes caches, per struct type and field, a struct type with that
// field alone (same name, type and tag), so yaml.v3 applies the field's
// own options (omitempty, flow, inline) to it as it would in the whole.
var oneFieldTypes sync.Map // oneFieldKey -> reflect.Type

type oneFieldKey struct {
	t reflect.Type
	i int
}

func oneField(t reflect.Type, i int, fv reflect.Value) any {
	k := oneFieldKey{t, i}
	st, ok := oneFieldTypes.Load(k)
	if !ok {
		f := t.Field(i)
		st, _ = oneFieldTypes.LoadOrStore(k, reflect.StructOf([]reflect.StructField{{
			Name: f.Name, Type: f.Type, Tag: f.Tag, Anonymous: f.Anonymous,
		}}))
	}
	v := reflect.New(st.(reflect.Type)).Elem()
	v.Field(0).Set(fv)
	return v.Interface()
}

// indented encodes v with a fresh encoder and writes its lines at indent.
// A one-field struct whose field is omitted encodes as "{}": nothing is
// written for it. yaml.v3 writes an empty line as a bare break, so empty
// lines stay empty.
func (w *pieceWriter) indented(v any, indent int) error {
	buf := w.out
	w.piece.Reset()
	if err := encodeInto(w.piece, v); err != nil {
		return err
	}
	text := w.piece.Bytes()
	if string(text) == "{}\n" {
		return nil
	}
	if indent == 0 && !w.dash {
		buf.Write(text)
		return nil
	}
	start, lineStart := 0, true
	for i := 0; i < len(text); {
		if n := lineBreak(text[i:]); n > 0 {
			i += n
			buf.Write(text[start:i])
			start, lineStart = i, true
			continue
		}
		if lineStart {
			w.pad(indent)
			lineStart = false
		}
		i++
	}
	buf.Write(text[start:])
	return nil
}

// lineBreak is the length of the line break text starts with, 0 if none:
// yaml.v3 breaks lines at \n, \r, NEL, LS and PS, and writes the
// indentation after each.
func lineBreak(text []byte) int {
	switch text[0] {
	case '\n', '\r':
		return 1
	case 0xc2:
		if bytes.HasPrefix(text, []byte("\u0085")) {
			return 2
		}
	case 0xe2:
		if bytes.HasPrefix(text, []byte("\u2028")) || bytes.HasPrefix(text, []byte("\u2029")) {
			return 3
		}
	}
	return 0
}

func writeIndent(buf *bytes.Buffer, n int) {
	for range n {
		buf.WriteByte(' ')
	}
}
