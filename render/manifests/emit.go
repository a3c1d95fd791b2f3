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
	"sync"
	"unicode"

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
func emitDoc(b *bytes.Buffer, obj any) error {
	e := emitter{b: b}
	return e.doc(obj)
}

// doc is emitDoc into e.b, with e's scratch kept for the next document.
func (e *emitter) doc(obj any) error {
	b := e.b
	v := reflect.ValueOf(obj)
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() {
		v = v.Elem()
	}
	if !isMapping(v) {
		return fmt.Errorf("emit: a document must be a mapping, not %s", v.Type())
	}
	n, err := e.mapping(v, 0, true)
	if err != nil {
		return err
	}
	if n == 0 {
		b.WriteString("{}\n")
	}
	return nil
}

// marshalClean is emitDoc into a new buffer.
func marshalClean(obj any) ([]byte, error) {
	var b bytes.Buffer
	if err := emitDoc(&b, obj); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type emitter struct {
	b *bytes.Buffer
	// kvs is a stack of the map entries being written, shared by the
	// nested mappings (each takes its entries from the top and gives them
	// back), so a map costs no slice of its own.
	kvs []kv
}

// kv is one map entry.
type kv struct {
	k string
	v reflect.Value
}

var (
	quantityType    = reflect.TypeFor[resource.Quantity]()
	intOrStringType = reflect.TypeFor[intstr.IntOrString]()
	timeType        = reflect.TypeFor[metav1.Time]()
	jsonNumberType  = reflect.TypeFor[json.Number]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	textType        = reflect.TypeFor[encoding.TextMarshaler]()
)

// jsonMethodCache holds, per type with methods, whether it has a JSON or
// text form of its own: Implements walks the method set, and resolve asks
// for every value.
var jsonMethodCache sync.Map // reflect.Type → bool

func hasJSONMethod(t reflect.Type) bool {
	if has, ok := jsonMethodCache.Load(t); ok {
		return has.(bool)
	}
	has := t.Implements(marshalerType) || t.Implements(textType)
	jsonMethodCache.Store(t, has)
	return has
}

// resolved is a value ready to write: v, or, for a type whose JSON form of
// its own is a string or a number, that text (boxing it in a
// reflect.Value allocated for every quantity and port).
type resolved struct {
	v    reflect.Value
	text string
	form form
}

type form uint8

const (
	asValue  form = iota // v
	asString             // text, a string scalar
	asNumber             // text, a JSON number as written
)

func text(s string) resolved   { return resolved{text: s, form: asString} }
func number(s string) resolved { return resolved{text: s, form: asNumber} }

// resolve follows pointers and interfaces and replaces values with a JSON
// form of their own by that form (a string, a number, or a JSON tree).
// ok is false for null.
func resolve(v reflect.Value) (out resolved, ok bool, err error) {
	for {
		if !v.IsValid() {
			return resolved{}, false, nil
		}
		switch t := v.Type(); {
		case t == quantityType:
			var q resource.Quantity
			if v.CanAddr() { // copied through a pointer: no boxed copy on the heap
				q = *v.Addr().Interface().(*resource.Quantity)
			} else {
				q = v.Interface().(resource.Quantity)
			}
			return text(q.String()), true, nil
		case t == intOrStringType:
			var x intstr.IntOrString
			if v.CanAddr() {
				x = *v.Addr().Interface().(*intstr.IntOrString)
			} else {
				x = v.Interface().(intstr.IntOrString)
			}
			if x.Type == intstr.Int {
				return number(strconv.FormatInt(int64(x.IntVal), 10)), true, nil
			}
			return text(x.StrVal), true, nil
		case t == timeType:
			x := v.Interface().(metav1.Time)
			if x.IsZero() {
				return resolved{}, false, nil
			}
			return text(x.UTC().Format("2006-01-02T15:04:05Z07:00")), true, nil
		case t == jsonNumberType:
			return number(v.String()), true, nil
		case t.NumMethod() == 0 && t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface &&
			t.Kind() != reflect.Map && t.Kind() != reflect.Slice:
			// No marshaller, nothing to follow: most values (strings, numbers,
			// the k8s structs, whose methods are on their pointers) stop here
			// without the two Implements checks below.
			return resolved{v: v}, true, nil
		case t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface:
			if v.IsNil() {
				return resolved{}, false, nil
			}
			v = v.Elem()
			continue
		case t.Kind() != reflect.Map && t.Kind() != reflect.Slice && !hasJSONMethod(t):
			return resolved{v: v}, true, nil
		case t.Implements(marshalerType):
			j, err := v.Interface().(json.Marshaler).MarshalJSON()
			if err != nil {
				return resolved{}, false, fmt.Errorf("marshal %s: %w", t, err)
			}
			dec := json.NewDecoder(bytes.NewReader(j))
			dec.UseNumber() // integers stay as written, never floats
			var x any
			if err := dec.Decode(&x); err != nil {
				return resolved{}, false, fmt.Errorf("marshal %s: re-read: %w", t, err)
			}
			v = reflect.ValueOf(x)
			continue
		case t.Implements(textType):
			s, err := v.Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return resolved{}, false, fmt.Errorf("marshal %s: %w", t, err)
			}
			return text(string(s)), true, nil
		case (t.Kind() == reflect.Map || t.Kind() == reflect.Slice) && v.IsNil():
			return resolved{}, false, nil
		case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
			return text(base64.StdEncoding.EncodeToString(v.Bytes())), true, nil
		}
		return resolved{v: v}, true, nil
	}
}

func isMapping(v reflect.Value) bool {
	return v.IsValid() && (v.Kind() == reflect.Struct || v.Kind() == reflect.Map)
}

func isSequence(v reflect.Value) bool {
	return v.IsValid() && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array)
}

// mapping writes v's entries (the first at the current position, the others
// at indent) and returns how many it wrote; the caller writes {} for none.
func (e *emitter) mapping(v reflect.Value, indent int, top bool) (int, error) {
	n := 0
	entry := func(k string, val reflect.Value) error {
		if top && k == "status" {
			return nil
		}
		r, ok, err := resolve(val)
		if err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		if !ok && k == "creationTimestamp" {
			return nil
		}
		mark := e.b.Len()
		if n > 0 {
			pad(e.b, indent)
		}
		writeKey(e.b, k)
		e.b.WriteByte(':')
		empty, err := e.child(r, ok, indent, false)
		if err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
		if top && k == "spec" && empty {
			e.b.Truncate(mark)
			return nil
		}
		n++
		return nil
	}
	if v.Kind() == reflect.Struct {
		for _, f := range jsonFields(v.Type()) {
			fv, ok := fieldByIndex(v, f.index)
			if !ok || f.omitEmpty && isEmptyJSON(fv) || f.omitZero && fv.IsZero() {
				continue
			}
			if err := entry(f.name, fv); err != nil {
				return n, err
			}
		}
		return n, nil
	}
	if v.Type().Key().Kind() != reflect.String {
		return n, fmt.Errorf("emit: map keys must be strings, not %s", v.Type().Key())
	}
	// The entries in key order, each value taken as the iterator gives it
	// (a MapIndex per sorted key converted and copied every value again).
	base := len(e.kvs)
	defer func() { e.kvs = e.kvs[:base] }()
	for it := v.MapRange(); it.Next(); {
		e.kvs = append(e.kvs, kv{it.Key().String(), it.Value()})
	}
	// Nested mappings push above base+len(entries); entries stay valid
	// even when that moves the stack.
	entries := e.kvs[base:]
	slices.SortFunc(entries, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	for _, x := range entries {
		if err := entry(x.k, x.v); err != nil {
			return n, err
		}
	}
	return n, nil
}

// child writes the value after "key:" or "-": scalars and empty
// collections on the same line, a mapping on the following lines (or, in
// a sequence item, starting on the dash's line), a sequence under a key at
// the key's own indent. empty reports an empty mapping.
func (e *emitter) child(r resolved, ok bool, indent int, inSeq bool) (empty bool, err error) {
	v := r.v
	switch {
	case !ok:
		e.b.WriteString(" null\n")
	case r.form == asString:
		e.b.WriteByte(' ')
		writeScalarString(e.b, r.text, indent)
		e.b.WriteByte('\n')
	case r.form == asNumber:
		e.b.WriteByte(' ')
		e.b.WriteString(r.text)
		e.b.WriteByte('\n')
	case isMapping(v):
		mark := e.b.Len()
		in := indent + 2
		if inSeq {
			e.b.WriteByte(' ')
		} else {
			e.b.WriteByte('\n')
			pad(e.b, in)
		}
		n, err := e.mapping(v, in, false)
		if err != nil {
			return false, err
		}
		if n == 0 {
			e.b.Truncate(mark)
			e.b.WriteString(" {}\n")
			return true, nil
		}
	case isSequence(v):
		if v.Len() == 0 {
			e.b.WriteString(" []\n")
			return false, nil
		}
		in := indent
		if inSeq {
			e.b.WriteByte(' ')
			in = indent + 2
		} else {
			e.b.WriteByte('\n')
			pad(e.b, indent)
		}
		return false, e.sequence(v, in)
	default:
		e.b.WriteByte(' ')
		if err := writeScalar(e.b, v, indent); err != nil {
			return false, err
		}
		e.b.WriteByte('\n')
	}
	return false, nil
}

// sequence writes v's items, the first at the current position.
func (e *emitter) sequence(v reflect.Value, indent int) error {
	for i := range v.Len() {
		if i > 0 {
			pad(e.b, indent)
		}
		e.b.WriteByte('-')
		item, ok, err := resolve(v.Index(i))
		if err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
		if _, err := e.child(item, ok, indent, true); err != nil {
			return fmt.Errorf("item %d: %w", i+1, err)
		}
	}
	return nil
}

const spaces = "                                                                "

func pad(b *bytes.Buffer, n int) {
	for n > len(spaces) {
		b.WriteString(spaces)
		n -= len(spaces)
	}
	b.WriteString(spaces[:n])
}

func writeScalar(b *bytes.Buffer, v reflect.Value, indent int) error {
	var buf [32]byte
	switch v.Kind() {
	case reflect.String:
		writeScalarString(b, v.String(), indent)
	case reflect.Bool:
		b.Write(strconv.AppendBool(buf[:0], v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.Write(strconv.AppendInt(buf[:0], v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.Write(strconv.AppendUint(buf[:0], v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		j, err := json.Marshal(v.Interface()) // JSON's float form
		if err != nil {
			return fmt.Errorf("marshal %s: %w", v.Type(), err)
		}
		b.Write(j)
	default:
		return fmt.Errorf("emit: unsupported type %s", v.Type())
	}
	return nil
}

// writeKey writes a mapping key: plain or double-quoted, never a block.
func writeKey(b *bytes.Buffer, k string) {
	if plainOK(k) {
		b.WriteString(k)
		return
	}
	writeQuoted(b, k)
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

func writeLiteral(b *bytes.Buffer, s string, indent int) {
	if strings.HasSuffix(s, "\n") {
		b.WriteString("|")
		s = strings.TrimSuffix(s, "\n")
	} else {
		b.WriteString("|-")
	}
	for l := range strings.SplitSeq(s, "\n") {
		b.WriteByte('\n')
		if l != "" {
			pad(b, indent+2)
			b.WriteString(l)
		}
	}
}
