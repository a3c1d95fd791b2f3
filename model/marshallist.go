package model

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// A long list of plain structs (namespaces, access groups, waivers) is the
// bulk of a large design, and most of its scalars repeat: roles, pod
// security levels, quotas. yaml.v3 allocates about 300 bytes per event in a
// queue it never reuses, and a fresh encoder starts with 6.6 kB, so even
// in pieces each item cost about 10 kB. For such lists yaml.v3 still writes
// every scalar, but each distinct value once, in batches ([]T of the
// field's own type, so yaml.v3 applies the type's own rules), and the items
// are put together from those texts: a struct in a block sequence is its
// fields' one-field encodings with the first line after "- ", and a scalar
// writes the same text after "key:" as after "-" (TestMarshalPiecesMatchWhole
// and FuzzMarshalPieces check the bytes against one Encode). Whatever the
// plan cannot place (maps, pointers, fields with marshallers, empty
// collections, "{}") is encoded by yaml.v3 field by field as before.

// scalarBatch is how many distinct values one encoder writes: with the six
// stream, document and sequence events they fill a 128-event queue (its
// last doubling; every event costs about 600 bytes of queue growth).
const scalarBatch = 122

// fieldKind is how a field of a list item is written.
type fieldKind uint8

const (
	fieldEncoded     fieldKind = iota // by yaml.v3 as a one-field struct
	fieldScalar                       // key: <scalar text>
	fieldScalarSlice                  // key: and one "- <scalar text>" per item
	fieldStruct                       // key: and the nested struct's fields
	fieldStructSlice                  // key: and one "- " item per struct
	fieldPointer                      // a pointer to a struct: as fieldStruct
)

type fieldPlan struct {
	index     int
	key       string
	omitEmpty bool
	kind      fieldKind
	sub       *structPlan // fieldStruct, fieldStructSlice, fieldPointer
}

// structPlan is how a list item of one struct type is written; nil when
// the type is left to yaml.v3 whole.
type structPlan struct {
	t      reflect.Type
	fields []fieldPlan
}

var structPlans sync.Map // reflect.Type -> *structPlan

var (
	isZeroerType = reflect.TypeFor[yaml.IsZeroer]()
	nodeType     = reflect.TypeFor[yaml.Node]()
)

// special reports types yaml.v3 writes by rules of their own.
func special(t reflect.Type) bool {
	return hasMarshaler(t) || t.Implements(isZeroerType) || reflect.PointerTo(t).Implements(isZeroerType) ||
		t == nodeType || t.PkgPath() == "time"
}

// scalarKind reports the kinds whose values yaml.v3 writes as one scalar
// (uint8 is left out: a []uint8 batch would be a []byte).
func scalarKind(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return !special(t)
	}
	return false
}

func planFor(t reflect.Type) *structPlan {
	if p, ok := structPlans.Load(t); ok {
		return p.(*structPlan)
	}
	p := buildPlan(t, 0)
	structPlans.Store(t, p)
	return p
}

func buildPlan(t reflect.Type, depth int) *structPlan {
	if t.Kind() != reflect.Struct || special(t) || depth > 8 {
		return nil
	}
	p := &structPlan{t: t}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			return nil
		}
		if tag := f.Tag.Get("yaml"); tag == "-" {
			continue
		}
		key, omitEmpty, ok := plainField(f)
		if !ok || !plainKey(key) {
			return nil
		}
		fp := fieldPlan{index: i, key: key, omitEmpty: omitEmpty}
		ft := f.Type
		switch {
		case special(ft):
		case scalarKind(ft):
			fp.kind = fieldScalar
		case ft.Kind() == reflect.Slice && scalarKind(ft.Elem()):
			fp.kind = fieldScalarSlice
		case ft.Kind() == reflect.Struct:
			if fp.sub = buildPlan(ft, depth+1); fp.sub != nil {
				fp.kind = fieldStruct
			}
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			if fp.sub = buildPlan(ft.Elem(), depth+1); fp.sub != nil {
				fp.kind = fieldStructSlice
			}
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			if fp.sub = buildPlan(ft.Elem(), depth+1); fp.sub != nil {
				fp.kind = fieldPointer
			}
		}
		p.fields = append(p.fields, fp)
	}
	return p
}

// plainKey reports whether yaml.v3 writes key as it is: it quotes keys that
// would read back as something other than a string.
func plainKey(key string) bool {
	// A name of letters and digits that starts with a letter reads back as
	// a number, bool or null only as one of these words (yaml.v3's resolve
	// table and its YAML 1.1 booleans): only they need asking.
	if c := key[0]; ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') && !yamlWord[strings.ToLower(key)] {
		return true
	}
	var buf bytes.Buffer
	if err := encodeInto(&buf, map[string]int{key: 1}); err != nil {
		return false
	}
	return buf.String() == key+": 1\n"
}

var yamlWord = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "true": true, "false": true, "on": true, "off": true, "null": true}

// yamlZero is yaml.v3's isZero, which decides omitempty.
func yamlZero(v reflect.Value) bool {
	if v.Type().Implements(isZeroerType) {
		if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
			return true
		}
		return v.Interface().(yaml.IsZeroer).IsZero()
	}
	switch v.Kind() {
	case reflect.String:
		return v.Len() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Struct:
		t := v.Type()
		for i := v.NumField() - 1; i >= 0; i-- {
			if t.Field(i).IsExported() && !yamlZero(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return false
}

// writes reports whether struct value v writes at least one line, so it is
// not "{}".
func (p *structPlan) writes(v reflect.Value) bool {
	for _, f := range p.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && yamlZero(fv) {
			continue
		}
		switch {
		case f.kind == fieldStruct && !f.sub.writes(fv):
		case f.kind == fieldPointer && !fv.IsNil() && !f.sub.writes(fv.Elem()):
		default:
			return true
		}
	}
	return false
}

// scalarKey names one value of one type.
type scalarKey struct {
	t reflect.Type
	s string
	n uint64
}

func keyOf(v reflect.Value) scalarKey {
	k := scalarKey{t: v.Type()}
	switch v.Kind() {
	case reflect.String:
		k.s = v.String()
	case reflect.Bool:
		if v.Bool() {
			k.n = 1
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		k.n = uint64(v.Int())
	case reflect.Float32, reflect.Float64:
		k.n = math.Float64bits(v.Float())
	default:
		k.n = v.Uint()
	}
	return k
}

// scalarTexts holds yaml.v3's text of each distinct scalar as an item of a
// block sequence at column 0 ("- text", continuation lines indented from
// there), in one arena.
type scalarTexts struct {
	index map[scalarKey]int
	spans [][2]int
	arena []byte
	// queue holds the values still to encode, of any types: an element of
	// a []any is written as a value of its own type.
	queue []reflect.Value
}

func (s *scalarTexts) need(v reflect.Value) {
	if plainScalar(v) {
		return
	}
	k := keyOf(v)
	if _, ok := s.index[k]; ok {
		return
	}
	s.index[k] = -1
	s.queue = append(s.queue, v)
}

func (s *scalarTexts) collect(v reflect.Value, p *structPlan) {
	for _, f := range p.fields {
		fv := v.Field(f.index)
		switch f.kind {
		case fieldScalar:
			s.need(fv)
		case fieldScalarSlice:
			for j := range fv.Len() {
				s.need(fv.Index(j))
			}
		case fieldStruct:
			s.collect(fv, f.sub)
		case fieldStructSlice:
			for j := range fv.Len() {
				s.collect(fv.Index(j), f.sub)
			}
		case fieldPointer:
			if !fv.IsNil() {
				s.collect(fv.Elem(), f.sub)
			}
		}
	}
}

// encode has yaml.v3 write every queued value, scalarBatch values per
// encoder, as the items of a []any. (A last item is written as any other: Close drops the "..."
// that a kept final line break would call for.)
func (s *scalarTexts) encode(scratch *bytes.Buffer) error {
	vals := s.queue
	batch := make([]any, 0, min(len(vals), scalarBatch))
	for j := 0; j < len(vals); j += scalarBatch {
		part := vals[j:min(j+scalarBatch, len(vals))]
		batch = batch[:0]
		for _, v := range part {
			batch = append(batch, v.Interface())
		}
		scratch.Reset()
		if err := encodeInto(scratch, batch); err != nil {
			return err
		}
		items := splitItems(scratch.Bytes())
		if len(items) != len(part) {
			return fmt.Errorf("%d values encoded as %d items", len(part), len(items))
		}
		for i, it := range items {
			start := len(s.arena)
			s.arena = append(s.arena, it...)
			s.index[keyOf(part[i])] = len(s.spans)
			s.spans = append(s.spans, [2]int{start, len(s.arena)})
		}
	}
	s.queue = s.queue[:0]
	return nil
}

// splitItems cuts a block sequence at column 0 into its items: an item
// starts at "- " at the start of a line; every other line of an item is
// indented or empty.
func splitItems(text []byte) [][]byte {
	var items [][]byte
	start := 0
	for i := 0; i < len(text); {
		n := lineBreak(text[i:])
		if n == 0 {
			i++
			continue
		}
		i += n
		if i < len(text) && text[i] == '-' {
			items = append(items, text[start:i])
			start = i
		}
	}
	if start < len(text) {
		items = append(items, text[start:])
	}
	for _, it := range items {
		if !bytes.HasPrefix(it, []byte("- ")) {
			return nil
		}
	}
	return items
}

func (s *scalarTexts) text(v reflect.Value) []byte {
	sp := s.spans[s.index[keyOf(v)]]
	return s.arena[sp[0]:sp[1]]
}

// planList reports the plan for the items of list value fv, nil when they
// are not plain structs or scalars. Scalars need a plan with no fields.
func planList(fv reflect.Value) (p *structPlan, ok bool) {
	et := fv.Type().Elem()
	if scalarKind(et) {
		return nil, true
	}
	p = planFor(et)
	return p, p != nil
}

// list writes the items of a long list with their dashes at indent.
func (w *pieceWriter) list(fv reflect.Value, p *structPlan, indent int) error {
	if w.texts == nil {
		w.texts = &scalarTexts{index: make(map[scalarKey]int, 2*fv.Len())}
	}
	texts := w.texts
	for j := range fv.Len() {
		if p == nil {
			texts.need(fv.Index(j))
		} else {
			texts.collect(fv.Index(j), p)
		}
	}
	if err := texts.encode(w.piece); err != nil {
		return err
	}
	start := w.out.Len()
	for j := range fv.Len() {
		if j == 8 && fv.Len() > 16 {
			// Room for the rest at the first items' length, and an eighth.
			w.out.Grow((w.out.Len() - start) / 8 * (fv.Len() - j) * 9 / 8)
		}
		item := fv.Index(j)
		if p == nil {
			w.pad(indent)
			w.scalar(item, indent, true)
			continue
		}
		if err := w.item(fv, j, p, indent); err != nil {
			return err
		}
	}
	return nil
}

// items writes the struct items of list fv with their dashes at indent.
func (w *pieceWriter) items(fv reflect.Value, p *structPlan, indent int) error {
	start := w.out.Len()
	for j := range fv.Len() {
		if j == 8 && fv.Len() > 16 {
			w.out.Grow((w.out.Len() - start) / 8 * (fv.Len() - j) * 9 / 8)
		}
		if err := w.item(fv, j, p, indent); err != nil {
			return err
		}
	}
	return nil
}

// item writes struct item j of list fv with its dash at indent.
func (w *pieceWriter) item(fv reflect.Value, j int, p *structPlan, indent int) error {
	item := fv.Index(j)
	if !p.writes(item) {
		return w.indented(fv.Slice(j, j+1).Interface(), indent)
	}
	w.dash = true
	if err := w.fields(item, p, indent+2); err != nil {
		return err
	}
	if w.dash {
		return fmt.Errorf("list item %d of %s wrote nothing", j, p.t)
	}
	return nil
}

// whole writes struct value v from its plan: yaml.v3 writes each distinct
// scalar once and every field the plan cannot place (BenchmarkRenderAll's
// design in pieces allocated 340 kB, one encoder per top-level field).
func (w *pieceWriter) whole(v reflect.Value, p *structPlan) error {
	w.texts = &scalarTexts{index: make(map[scalarKey]int, 256)}
	w.texts.collect(v, p)
	if err := w.texts.encode(w.piece); err != nil {
		return err
	}
	return w.fields(v, p, 0)
}

// fields writes struct value v's fields at indent.
func (w *pieceWriter) fields(v reflect.Value, p *structPlan, indent int) error {
	buf := w.out
	for _, f := range p.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && yamlZero(fv) {
			continue
		}
		switch {
		case f.kind == fieldScalar:
			w.pad(indent)
			buf.WriteString(f.key)
			buf.WriteByte(':')
			w.scalar(fv, indent, false)
		case f.kind == fieldScalarSlice && fv.Len() > 0:
			w.pad(indent)
			buf.WriteString(f.key)
			buf.WriteString(":\n")
			for j := range fv.Len() {
				w.pad(indent + 2)
				w.scalar(fv.Index(j), indent+2, true)
			}
		case f.kind == fieldStruct && f.sub.writes(fv):
			w.pad(indent)
			buf.WriteString(f.key)
			buf.WriteString(":\n")
			if err := w.fields(fv, f.sub, indent+2); err != nil {
				return err
			}
		case f.kind == fieldPointer && !fv.IsNil() && f.sub.writes(fv.Elem()):
			w.pad(indent)
			buf.WriteString(f.key)
			buf.WriteString(":\n")
			if err := w.fields(fv.Elem(), f.sub, indent+2); err != nil {
				return err
			}
		case f.kind == fieldStructSlice && fv.Len() > 0:
			w.pad(indent)
			buf.WriteString(f.key)
			buf.WriteString(":\n")
			if err := w.items(fv, f.sub, indent+2); err != nil {
				return err
			}
		default:
			if err := w.indented(oneField(p.t, f.index, fv), indent); err != nil {
				return err
			}
		}
	}
	return nil
}

// scalar writes scalar v, a list item's after its dash (the pad) when
// dash is set, a field's after "key:" otherwise, its further lines at
// indent.
func (w *pieceWriter) scalar(v reflect.Value, indent int, dash bool) {
	if plainScalar(v) {
		if dash {
			w.out.WriteString("- ")
		} else {
			w.out.WriteByte(' ')
		}
		writePlain(w.out, v)
		w.out.WriteByte('\n')
		return
	}
	text := w.texts.text(v)
	if !dash {
		text = text[1:]
	}
	w.reindent(text, indent)
}

// pad writes the indentation of a line at indent, or the dash of the list
// item whose first line it is.
func (w *pieceWriter) pad(indent int) {
	if w.dash {
		w.dash = false
		writeIndent(w.out, indent-2)
		w.out.WriteString("- ")
		return
	}
	writeIndent(w.out, indent)
}

// reindent writes text, whose first line is already indented, with every
// further line at indent.
func (w *pieceWriter) reindent(text []byte, indent int) {
	buf := w.out
	start := 0
	for i := 0; i < len(text); {
		n := lineBreak(text[i:])
		if n == 0 {
			i++
			continue
		}
		i += n
		buf.Write(text[start:i])
		start = i
		if i < len(text) && lineBreak(text[i:]) == 0 {
			writeIndent(buf, indent)
		}
	}
	buf.Write(text[start:])
}
