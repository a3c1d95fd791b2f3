package manifests

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"
)

// emitDoc writes obj as one block-YAML document straight from the typed
// value, in the layout kubectl users know: two-space indents, sequences at
// their key's indent, keys sorted. Field names, omitempty/omitzero and the
// custom JSON forms (quantities, int-or-string, times, Calico's
// protocols and port spans) are encoding/json's, so the document is what
// the API reads from the object's JSON.
//
// It leaves out the noise the k8s.io/api types carry when marshalled
// client-side (and so could internal/kube's copies of them):
// "creationTimestamp: null" wherever an ObjectMeta sits, the top-level "status", which a
// manifest never sets, and an empty top-level "spec" (a Namespace's says
// nothing).
//
// Why not the YAML library: go.yaml.in/yaml/v3 writes the same bytes
// (TestEmitterMatchesLibrary checks every rendered document against it) at
// several times the cost, most of it in an event queue the library never
// trims; BenchmarkEmit has the figures. Scalars follow scalar.go's policy,
// so no user string can change a document's structure.
//
// How it stays cheap: each Go type is looked at once (encoderOf, encoding/json's
// approach) and gets an encoder that says how to write its values, with
// its struct fields' keys already written out; map entries are read into
// per-render scratch without boxing each key and value; the document goes
// into a []byte with appends.
func emitDoc(b []byte, obj any) ([]byte, error) {
	e := emitter{b: b}
	err := e.doc(obj)
	return e.b, err
}

// doc appends obj's document to e.b, with e's scratch kept for the next
// document.
func (e *emitter) doc(obj any) error {
	v := reflect.ValueOf(obj)
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() != reflect.Struct && v.Kind() != reflect.Map {
		return fmt.Errorf("emit: a document must be a mapping, not %s", v.Type())
	}
	r, ok, err := resolve(encoderOf(v.Type()), v)
	if err != nil {
		return err
	}
	if !ok || r.form != asValue || (r.enc.kind != kStruct && r.enc.kind != kMap) {
		return fmt.Errorf("emit: a document must be a mapping, not %s", v.Type())
	}
	n, err := e.mapping(r.enc, r.v, 0, true)
	if err != nil {
		return err
	}
	if n == 0 {
		e.b = append(e.b, "{}\n"...)
	}
	return nil
}

// marshalClean is emitDoc into a new buffer.
func marshalClean(obj any) ([]byte, error) {
	b, err := emitDoc(nil, obj)
	if err != nil {
		return nil, err
	}
	return b, nil
}

type emitter struct {
	b []byte
	// kvs is a stack of the map entries being written, shared by the
	// nested mappings (each takes its entries from the top and gives them
	// back), so a map costs no slice of its own.
	kvs []kv
	// free holds, per map type, slices of its values that a mapping reads
	// its entries into and gives back when done (a nested map of the same
	// type takes another), so entries are not boxed one by one as
	// MapIter.Key and Value box them.
	free map[reflect.Type][]reflect.Value
	// keys is, per key type, one settable key the map iterator writes each
	// key into; the key's string is read before the next one.
	keys map[reflect.Type]reflect.Value
}

// kv is one map entry: its key and, for map[string]string, its value, else
// the index of its value in the mapping's scratch slice.
type kv struct {
	k, s string
	i    int
}

// resolved is a value ready to write: v with its encoder, or, for a type
// whose JSON form of its own is a string or a number, that text.
type resolved struct {
	enc  *encoder
	v    reflect.Value
	text string
	form form
}

type form uint8

const (
	asValue  form = iota // v
	asString             // text, a string scalar
	asNumber             // text, a JSON number (or true or false) as written
)

func text(s string) resolved   { return resolved{text: s, form: asString} }
func number(s string) resolved { return resolved{text: s, form: asNumber} }

// resolve follows pointers and interfaces and replaces a json.Marshaler's
// value by its JSON form. ok is false for null: a nil pointer, interface,
// map or slice, a zero metav1.Time, a JSON null.
func resolve(enc *encoder, v reflect.Value) (out resolved, ok bool, err error) {
	for {
		switch enc.kind {
		case kPointer:
			if v.IsNil() {
				return resolved{}, false, nil
			}
			v, enc = v.Elem(), enc.elem
		case kInterface:
			if v.IsNil() {
				return resolved{}, false, nil
			}
			v = v.Elem()
			enc = encoderOf(v.Type())
		case kMarshaler:
			j, err := v.Interface().(json.Marshaler).MarshalJSON()
			if err != nil {
				return resolved{}, false, fmt.Errorf("marshal %s: %w", enc.t, err)
			}
			if r, null, ok := jsonScalar(j); ok {
				return r, !null, nil
			}
			dec := json.NewDecoder(bytes.NewReader(j))
			dec.UseNumber() // integers stay as written, never floats
			var x any
			if err := dec.Decode(&x); err != nil {
				return resolved{}, false, fmt.Errorf("marshal %s: re-read: %w", enc.t, err)
			}
			if x == nil {
				return resolved{}, false, nil
			}
			v = reflect.ValueOf(x)
			enc = encoderOf(v.Type())
		case kTime:
			if x := v.Interface().(metav1.Time); x.IsZero() {
				return resolved{}, false, nil
			}
			return resolved{enc: enc, v: v}, true, nil
		case kMap, kSlice, kBytes:
			if v.IsNil() {
				return resolved{}, false, nil
			}
			return resolved{enc: enc, v: v}, true, nil
		default:
			return resolved{enc: enc, v: v}, true, nil
		}
	}
}

// jsonScalar reads the JSON forms a MarshalJSON of a scalar type returns
// (a number, a string without escapes, true, false, null) without a
// decoder, exactly as the decoder with UseNumber reads them; ok is false
// for anything else, which the decoder reads.
func jsonScalar(j []byte) (r resolved, null, ok bool) {
	switch s := string(j); {
	case s == "null":
		return resolved{}, true, true
	case s == "true" || s == "false":
		return number(s), false, true
	case len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"':
		body := s[1 : len(s)-1]
		for i := 0; i < len(body); i++ {
			if c := body[i]; c < 0x20 || c == '"' || c == '\\' {
				return resolved{}, false, false
			}
		}
		if !utf8.ValidString(body) {
			return resolved{}, false, false // the decoder writes U+FFFD
		}
		return text(body), false, true
	case jsonNumber(s):
		return number(s), false, true
	}
	return resolved{}, false, false
}

// jsonNumber reports whether s is exactly one JSON number.
func jsonNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	start := i
	if n := digits(); n == 0 || n > 1 && s[start] == '0' {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// mapping writes the entries of a struct or map (the first at the current
// position, the others at indent) and returns how many it wrote; the
// caller writes {} for none.
func (e *emitter) mapping(enc *encoder, v reflect.Value, indent int, top bool) (int, error) {
	n := 0
	if enc.kind == kStruct {
		for i := range enc.fields {
			f := &enc.fields[i]
			var fv reflect.Value
			if len(f.index) == 1 {
				fv = v.Field(f.index[0])
			} else {
				var ok bool
				if fv, ok = fieldByIndex(v, f.index); !ok {
					continue
				}
			}
			if f.omitEmpty && isEmptyJSON(fv) || f.omitZero && fv.IsZero() {
				continue
			}
			if err := e.entry(&n, f.name, f.key, f.enc, fv, indent, top); err != nil {
				return n, err
			}
		}
		return n, nil
	}
	if !enc.stringKeys {
		return n, fmt.Errorf("emit: map keys must be strings, not %s", enc.t.Key())
	}
	base := len(e.kvs)
	defer func() { e.kvs = e.kvs[:base] }()
	if enc.stringMap {
		// map[string]string, the labels and annotations: no reflect at all.
		for k, s := range v.Interface().(map[string]string) {
			e.kvs = append(e.kvs, kv{k: k, s: s})
		}
		entries := e.kvs[base:]
		slices.SortFunc(entries, func(a, b kv) int { return strings.Compare(a.k, b.k) })
		for _, x := range entries {
			if err := e.stringEntry(&n, x.k, x.s, indent, top); err != nil {
				return n, err
			}
		}
		return n, nil
	}
	vals := e.takeValues(enc, v.Len())
	defer e.giveValues(enc, vals)
	key := e.key(enc.t.Key())
	i := 0
	for it := v.MapRange(); it.Next(); i++ {
		key.SetIterKey(it)
		vals.Index(i).SetIterValue(it)
		e.kvs = append(e.kvs, kv{k: key.String(), i: i})
	}
	// Nested mappings push above base+len(entries); entries stay valid
	// even when that moves the stack.
	entries := e.kvs[base:]
	slices.SortFunc(entries, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	for _, x := range entries {
		if err := e.entry(&n, x.k, "", enc.elem, vals.Index(x.i), indent, top); err != nil {
			return n, err
		}
	}
	return n, nil
}

// entry writes one "key: value" of a mapping and counts it in *n; keyText
// is k as written, or "" to write it here.
func (e *emitter) entry(n *int, k, keyText string, enc *encoder, val reflect.Value, indent int, top bool) error {
	if top && k == "status" {
		return nil
	}
	r, ok, err := resolve(enc, val)
	if err != nil {
		return fmt.Errorf("%s: %w", k, err)
	}
	if !ok && k == "creationTimestamp" {
		return nil
	}
	mark := len(e.b)
	if *n > 0 {
		e.b = pad(e.b, indent)
	}
	if keyText != "" {
		e.b = append(e.b, keyText...)
	} else {
		e.b = appendKey(e.b, k)
	}
	e.b = append(e.b, ':')
	empty, err := e.child(r, ok, indent, false)
	if err != nil {
		return fmt.Errorf("%s: %w", k, err)
	}
	if top && k == "spec" && empty {
		e.b = e.b[:mark]
		return nil
	}
	*n++
	return nil
}

// stringEntry is entry for a string value.
func (e *emitter) stringEntry(n *int, k, s string, indent int, top bool) error {
	if top && k == "status" {
		return nil
	}
	if *n > 0 {
		e.b = pad(e.b, indent)
	}
	e.b = appendKey(e.b, k)
	e.b = append(e.b, ": "...)
	e.b = appendScalarString(e.b, s, indent)
	e.b = append(e.b, '\n')
	*n++
	return nil
}

// takeValues returns a slice of at least n values of enc's map's value
// type, from e.free when one is there.
func (e *emitter) takeValues(enc *encoder, n int) reflect.Value {
	if free := e.free[enc.t]; len(free) > 0 {
		s := free[len(free)-1]
		e.free[enc.t] = free[:len(free)-1]
		if s.Len() >= n {
			return s
		}
	}
	return reflect.MakeSlice(enc.valSlice, max(n, 8), max(n, 8))
}

// giveValues hands a slice from takeValues back.
func (e *emitter) giveValues(enc *encoder, s reflect.Value) {
	if e.free == nil {
		e.free = map[reflect.Type][]reflect.Value{}
	}
	e.free[enc.t] = append(e.free[enc.t], s)
}

// key returns e's settable key of type t.
func (e *emitter) key(t reflect.Type) reflect.Value {
	k, ok := e.keys[t]
	if !ok {
		if e.keys == nil {
			e.keys = map[reflect.Type]reflect.Value{}
		}
		k = reflect.New(t).Elem()
		e.keys[t] = k
	}
	return k
}

// child writes the value after "key:" or "-": scalars and empty
// collections on the same line, a mapping on the following lines (or, in
// a sequence item, starting on the dash's line), a sequence under a key at
// the key's own indent. empty reports an empty mapping.
func (e *emitter) child(r resolved, ok bool, indent int, inSeq bool) (empty bool, err error) {
	switch {
	case !ok:
		e.b = append(e.b, " null\n"...)
		return false, nil
	case r.form == asString:
		e.b = append(e.b, ' ')
		e.b = appendScalarString(e.b, r.text, indent)
		e.b = append(e.b, '\n')
		return false, nil
	case r.form == asNumber:
		e.b = append(e.b, ' ')
		e.b = append(e.b, r.text...)
		e.b = append(e.b, '\n')
		return false, nil
	}
	v := r.v
	switch r.enc.kind {
	case kStruct, kMap:
		mark := len(e.b)
		in := indent + 2
		if inSeq {
			e.b = append(e.b, ' ')
		} else {
			e.b = append(e.b, '\n')
			e.b = pad(e.b, in)
		}
		n, err := e.mapping(r.enc, v, in, false)
		if err != nil {
			return false, err
		}
		if n == 0 {
			e.b = e.b[:mark]
			e.b = append(e.b, " {}\n"...)
			return true, nil
		}
		return false, nil
	case kSlice, kArray:
		if v.Len() == 0 {
			e.b = append(e.b, " []\n"...)
			return false, nil
		}
		in := indent
		if inSeq {
			e.b = append(e.b, ' ')
			in = indent + 2
		} else {
			e.b = append(e.b, '\n')
			e.b = pad(e.b, indent)
		}
		return false, e.sequence(r.enc.elem, v, in)
	}
	e.b = append(e.b, ' ')
	if err := e.scalar(r.enc, v, indent); err != nil {
		return false, err
	}
	e.b = append(e.b, '\n')
	return false, nil
}

// sequence writes v's items, the first at the current position.
func (e *emitter) sequence(enc *encoder, v reflect.Value, indent int) error {
	for i := range v.Len() {
		if i > 0 {
			e.b = pad(e.b, indent)
		}
		e.b = append(e.b, '-')
		item, ok, err := resolve(enc, v.Index(i))
		if err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
		if _, err := e.child(item, ok, indent, true); err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
	}
	return nil
}

// scalar writes a value that is neither a mapping nor a sequence.
func (e *emitter) scalar(enc *encoder, v reflect.Value, indent int) error {
	switch enc.kind {
	case kString:
		e.b = appendScalarString(e.b, v.String(), indent)
	case kBool:
		e.b = strconv.AppendBool(e.b, v.Bool())
	case kInt:
		e.b = strconv.AppendInt(e.b, v.Int(), 10)
	case kUint:
		e.b = strconv.AppendUint(e.b, v.Uint(), 10)
	case kFloat:
		j, err := json.Marshal(v.Interface()) // JSON's float form
		if err != nil {
			return fmt.Errorf("marshal %s: %w", enc.t, err)
		}
		e.b = append(e.b, j...)
	case kQuantity:
		var q *resource.Quantity
		if v.CanAddr() { // no boxed copy on the heap
			q = v.Addr().Interface().(*resource.Quantity)
		} else {
			x := v.Interface().(resource.Quantity)
			q = &x
		}
		e.b = appendScalarString(e.b, q.String(), indent)
	case kIntOrString:
		var x *intstr.IntOrString
		if v.CanAddr() {
			x = v.Addr().Interface().(*intstr.IntOrString)
		} else {
			y := v.Interface().(intstr.IntOrString)
			x = &y
		}
		if x.Type == intstr.Int {
			e.b = strconv.AppendInt(e.b, int64(x.IntVal), 10)
		} else {
			e.b = appendScalarString(e.b, x.StrVal, indent)
		}
	case kTime:
		x := v.Interface().(metav1.Time)
		e.b = appendScalarString(e.b, x.UTC().Format("2006-01-02T15:04:05Z07:00"), indent)
	case kNumber:
		e.b = append(e.b, v.String()...)
	case kText:
		s, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return fmt.Errorf("marshal %s: %w", enc.t, err)
		}
		e.b = appendScalarString(e.b, string(s), indent)
	case kBytes:
		e.b = appendScalarString(e.b, base64.StdEncoding.EncodeToString(v.Bytes()), indent)
	default:
		return fmt.Errorf("emit: unsupported type %s", enc.t)
	}
	return nil
}

const spaces = "                                                                "

func pad(b []byte, n int) []byte {
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	return append(b, spaces[:n]...)
}

// appendKey writes a mapping key: plain or double-quoted, never a block.
func appendKey(b []byte, k string) []byte {
	if plainOK(k) {
		return append(b, k...)
	}
	return appendQuoted(b, k)
}

func appendScalarString(b []byte, s string, indent int) []byte {
	switch {
	case plainOK(s):
		return append(b, s...)
	case literalBlockOK(s):
		return appendLiteral(b, s, indent)
	default:
		return appendQuoted(b, s)
	}
}

// appendQuoted writes s as a YAML double-quoted scalar: printable characters
// as they are, everything else escaped, so YAML 1.1 and 1.2 readers get s
// back byte for byte.
func appendQuoted(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x80 && r >= 0x20 && r != 0x7f, r >= 0xa0 && unicode.IsPrint(r) && r != 0xfeff:
			b = utf8.AppendRune(b, r)
		case r <= 0xffff:
			b = append(b, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			b = append(b, '\\', 'U')
			for sh := 28; sh >= 0; sh -= 4 {
				b = append(b, hex[r>>sh&15])
			}
		}
	}
	return append(b, '"')
}

func appendLiteral(b []byte, s string, indent int) []byte {
	if strings.HasSuffix(s, "\n") {
		b = append(b, '|')
		s = strings.TrimSuffix(s, "\n")
	} else {
		b = append(b, "|-"...)
	}
	for l := range strings.SplitSeq(s, "\n") {
		b = append(b, '\n')
		if l != "" {
			b = pad(b, indent+2)
			b = append(b, l...)
		}
	}
	return b
}
