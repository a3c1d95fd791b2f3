package manifests

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sync"

	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"
)

// encoder is how the emitter writes the values of one Go type, worked out
// once per type (encoderOf) rather than per value: which JSON form the
// type has, and for a struct its fields as encoding/json names them, each
// key already written out.
type encoder struct {
	t    reflect.Type
	kind encKind
	// elem is a pointer's target, a slice's or array's items, a map's values.
	elem *encoder
	// fields are a struct's, sorted by name.
	fields []fieldEnc
	// stringKeys: a map's keys are strings (the only keys JSON has);
	// stringMap: the map is a map[string]string, read without reflect.
	stringKeys, stringMap bool
	// valSlice is []V for a map of V values, the scratch entries are read into.
	valSlice reflect.Type
}

// fieldEnc is one struct field as encoding/json writes it.
type fieldEnc struct {
	name string
	// key is name as a YAML key.
	key                 string
	index               []int
	omitEmpty, omitZero bool
	enc                 *encoder
}

type encKind uint8

const (
	kUnsupported encKind = iota
	kPointer
	kInterface
	kMarshaler // json.Marshaler: written as its JSON
	kText      // encoding.TextMarshaler: a string
	kStruct
	kMap
	kSlice
	kArray
	kBytes // a []byte-like slice: base64, as JSON writes it
	kString
	kBool
	kInt
	kUint
	kFloat
	kQuantity    // resource.Quantity: its canonical string
	kIntOrString // intstr.IntOrString: a number or a string
	kTime        // metav1.Time: RFC 3339 in UTC, null when zero
	kNumber      // json.Number: as written
)

var (
	quantityType    = reflect.TypeFor[resource.Quantity]()
	intOrStringType = reflect.TypeFor[intstr.IntOrString]()
	timeType        = reflect.TypeFor[metav1.Time]()
	jsonNumberType  = reflect.TypeFor[json.Number]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	textType        = reflect.TypeFor[encoding.TextMarshaler]()
	stringMapType   = reflect.TypeFor[map[string]string]()
)

var (
	// encoders holds every finished encoder by type; read without a lock.
	encoders sync.Map // reflect.Type → *encoder
	// encodersMu serialises building, so a recursive type's encoders are
	// published only once all of them are complete.
	encodersMu sync.Mutex
)

// encoderOf returns t's encoder.
func encoderOf(t reflect.Type) *encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(*encoder)
	}
	encodersMu.Lock()
	defer encodersMu.Unlock()
	building := map[reflect.Type]*encoder{}
	e := build(t, building)
	for t, e := range building {
		encoders.Store(t, e)
	}
	return e
}

// build makes t's encoder and those of the types inside it, each entered in
// building before its insides so that a type that holds itself ends.
func build(t reflect.Type, building map[reflect.Type]*encoder) *encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(*encoder)
	}
	if e, ok := building[t]; ok {
		return e
	}
	e := &encoder{t: t}
	building[t] = e
	k := t.Kind()
	container := k == reflect.Pointer || k == reflect.Interface || k == reflect.Map || k == reflect.Slice
	// The order is the one encoding/json's forms need: the k8s scalar
	// types first, then what has no methods (most types: strings,
	// numbers, the k8s structs, whose methods are on their pointers),
	// then pointers, then JSON and text forms of a type's own.
	switch {
	case t == quantityType:
		e.kind = kQuantity
	case t == intOrStringType:
		e.kind = kIntOrString
	case t == timeType:
		e.kind = kTime
	case t == jsonNumberType:
		e.kind = kNumber
	case t.NumMethod() == 0 && !container:
		plain(e, building)
	case k == reflect.Pointer:
		e.kind = kPointer
		e.elem = build(t.Elem(), building)
	case k == reflect.Interface:
		e.kind = kInterface
	case t.Implements(marshalerType):
		e.kind = kMarshaler
	case t.Implements(textType):
		e.kind = kText
	case k == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		e.kind = kBytes
	default:
		plain(e, building)
	}
	return e
}

// plain fills in the encoder of a type written by its kind.
func plain(e *encoder, building map[reflect.Type]*encoder) {
	t := e.t
	switch t.Kind() {
	case reflect.Struct:
		e.kind = kStruct
		for _, f := range jsonFields(t) {
			e.fields = append(e.fields, fieldEnc{
				name: f.name, key: string(appendKey(nil, f.name)), index: f.index,
				omitEmpty: f.omitEmpty, omitZero: f.omitZero,
				enc: build(t.FieldByIndex(f.index).Type, building),
			})
		}
	case reflect.Map:
		e.kind = kMap
		e.stringKeys = t.Key().Kind() == reflect.String
		e.stringMap = t == stringMapType
		e.valSlice = reflect.SliceOf(t.Elem())
		e.elem = build(t.Elem(), building)
	case reflect.Slice:
		e.kind = kSlice
		e.elem = build(t.Elem(), building)
	case reflect.Array:
		e.kind = kArray
		e.elem = build(t.Elem(), building)
	case reflect.String:
		e.kind = kString
	case reflect.Bool:
		e.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.kind = kInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.kind = kUint
	case reflect.Float32, reflect.Float64:
		e.kind = kFloat
	default:
		e.kind = kUnsupported
	}
}
