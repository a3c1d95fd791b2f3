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
	"testing"

	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"
	"go.yaml.in/yaml/v3"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/iksplan/iksplan/model/presets"
)

// libraryYAML writes obj the way marshalClean must, through
// go.yaml.in/yaml/v3's node API: the reference the emitter is checked
// against byte for byte (TestEmitterMatchesLibrary). It is not the
// production path because the library costs far more: its emitter queues
// every event of a document in a slice it never trims (about 270 bytes an
// event), and each document needs a new encoder; BenchmarkEmit measures it.
func libraryYAML(obj any) ([]byte, error) {
	var nb nodeBuilder
	root, err := nb.value(reflect.ValueOf(obj))
	if err != nil {
		return nil, err
	}
	if root.Kind == yaml.MappingNode {
		root.Content = dropTopLevel(root.Content)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	enc.CompactSeqIndent()
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("encode yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode yaml: %w", err)
	}
	return buf.Bytes(), nil
}

// dropTopLevel removes "status" and an empty "spec" from a document's
// top-level key/value pairs.
func dropTopLevel(kv []*yaml.Node) []*yaml.Node {
	out := kv[:0]
	for i := 0; i+1 < len(kv); i += 2 {
		k, v := kv[i].Value, kv[i+1]
		if k == "status" || k == "spec" && v.Kind == yaml.MappingNode && len(v.Content) == 0 {
			continue
		}
		out = append(out, kv[i], v)
	}
	return out
}

// nodeBuilder turns typed values into yaml.Nodes. Nodes come from slabs:
// one allocation per few hundred nodes instead of one per node.
type nodeBuilder struct {
	slab []yaml.Node
}

func (nb *nodeBuilder) node() *yaml.Node {
	if len(nb.slab) == 0 {
		nb.slab = make([]yaml.Node, 256)
	}
	n := &nb.slab[0]
	nb.slab = nb.slab[1:]
	return n
}

func (nb *nodeBuilder) scalar(tag, value string, style yaml.Style) *yaml.Node {
	n := nb.node()
	n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, tag, value, style
	return n
}

// number is a JSON number as YAML reads it: 1500 is an int, 1.5 a float.
func (nb *nodeBuilder) number(s string) *yaml.Node {
	if strings.ContainsAny(s, ".eE") {
		return nb.scalar("!!float", s, 0)
	}
	return nb.scalar("!!int", s, 0)
}

func (nb *nodeBuilder) null() *yaml.Node { return nb.scalar("!!null", "null", 0) }

// str is a string scalar in the style no YAML 1.1 or 1.2 reader can take for
// anything but that string: plain when safe, a literal block for ordinary
// multi-line text, double-quoted otherwise (the library escapes it).
func (nb *nodeBuilder) str(s string) *yaml.Node {
	style := yaml.DoubleQuotedStyle
	switch {
	case plainOK(s):
		style = 0
	case literalBlockOK(s):
		style = yaml.LiteralStyle
	}
	return nb.scalar("!!str", s, style)
}

// value converts v as encoding/json would see it.
func (nb *nodeBuilder) value(v reflect.Value) (*yaml.Node, error) {
	if !v.IsValid() {
		return nb.null(), nil
	}
	t := v.Type()
	switch t {
	case jsonNumberType:
		return nb.number(v.String()), nil
	case quantityType:
		q := v.Interface().(resource.Quantity)
		return nb.str(q.String()), nil
	case intOrStringType:
		x := v.Interface().(intstr.IntOrString)
		if x.Type == intstr.Int {
			return nb.scalar("!!int", strconv.FormatInt(int64(x.IntVal), 10), 0), nil
		}
		return nb.str(x.StrVal), nil
	case timeType:
		x := v.Interface().(metav1.Time)
		if x.IsZero() {
			return nb.null(), nil
		}
		return nb.str(x.UTC().Format("2006-01-02T15:04:05Z07:00")), nil
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		if t.Implements(marshalerType) {
			return nb.viaJSON(v)
		}
		if t.Implements(textType) {
			b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil {
				return nil, fmt.Errorf("marshal %s: %w", t, err)
			}
			return nb.str(string(b)), nil
		}
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nb.null(), nil
		}
		return nb.value(v.Elem())
	case reflect.Struct:
		return nb.structNode(v)
	case reflect.Map:
		if v.IsNil() {
			return nb.null(), nil
		}
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("marshal %s: map keys must be strings", t)
		}
		keys := make([]string, 0, v.Len())
		vals := make(map[string]reflect.Value, v.Len())
		for it := v.MapRange(); it.Next(); {
			k := it.Key().String()
			keys = append(keys, k)
			vals[k] = it.Value()
		}
		slices.Sort(keys)
		m := nb.mapping(len(keys))
		for _, k := range keys {
			e, err := nb.value(vals[k])
			if err != nil {
				return nil, err
			}
			m.Content = append(m.Content, nb.str(k), e)
		}
		return m, nil
	case reflect.Slice:
		if v.IsNil() {
			return nb.null(), nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return nb.str(base64.StdEncoding.EncodeToString(v.Bytes())), nil
		}
		fallthrough
	case reflect.Array:
		s := nb.node()
		s.Kind, s.Tag = yaml.SequenceNode, "!!seq"
		s.Content = make([]*yaml.Node, 0, v.Len())
		if v.Len() == 0 {
			s.Style = yaml.FlowStyle
		}
		for i := range v.Len() {
			e, err := nb.value(v.Index(i))
			if err != nil {
				return nil, err
			}
			s.Content = append(s.Content, e)
		}
		return s, nil
	case reflect.String:
		return nb.str(v.String()), nil
	case reflect.Bool:
		return nb.scalar("!!bool", strconv.FormatBool(v.Bool()), 0), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return nb.scalar("!!int", strconv.FormatInt(v.Int(), 10), 0), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return nb.scalar("!!int", strconv.FormatUint(v.Uint(), 10), 0), nil
	case reflect.Float32, reflect.Float64:
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return nil, fmt.Errorf("marshal %s: %w", t, err)
		}
		return nb.number(string(b)), nil
	}
	return nil, fmt.Errorf("marshal: unsupported type %s", t)
}

func (nb *nodeBuilder) mapping(n int) *yaml.Node {
	m := nb.node()
	m.Kind, m.Tag = yaml.MappingNode, "!!map"
	m.Content = make([]*yaml.Node, 0, 2*n)
	return m
}

// structNode writes a struct's fields sorted by their JSON names. An empty
// mapping is written as {}.
func (nb *nodeBuilder) structNode(v reflect.Value) (*yaml.Node, error) {
	fields := jsonFields(v.Type())
	m := nb.mapping(len(fields))
	for _, f := range fields {
		fv, ok := fieldByIndex(v, f.index)
		if !ok || f.omitEmpty && isEmptyJSON(fv) || f.omitZero && fv.IsZero() {
			continue
		}
		e, err := nb.value(fv)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		if f.name == "creationTimestamp" && e.Tag == "!!null" {
			continue
		}
		m.Content = append(m.Content, nb.str(f.name), e)
	}
	if len(m.Content) == 0 {
		m.Style = yaml.FlowStyle
	}
	return m, nil
}

// viaJSON converts a json.Marshaler's output into nodes.
func (nb *nodeBuilder) viaJSON(v reflect.Value) (*yaml.Node, error) {
	b, err := v.Interface().(json.Marshaler).MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("marshal %s: %w", v.Type(), err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("marshal %s: re-read: %w", v.Type(), err)
	}
	return nb.jsonValue(x), nil
}

func (nb *nodeBuilder) jsonValue(x any) *yaml.Node {
	switch y := x.(type) {
	case nil:
		return nb.null()
	case bool:
		return nb.scalar("!!bool", strconv.FormatBool(y), 0)
	case json.Number:
		return nb.number(string(y))
	case string:
		return nb.str(y)
	case []any:
		s := nb.node()
		s.Kind, s.Tag = yaml.SequenceNode, "!!seq"
		if len(y) == 0 {
			s.Style = yaml.FlowStyle
		}
		for _, e := range y {
			s.Content = append(s.Content, nb.jsonValue(e))
		}
		return s
	case map[string]any:
		keys := make([]string, 0, len(y))
		for k := range y {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		m := nb.mapping(len(keys))
		if len(keys) == 0 {
			m.Style = yaml.FlowStyle
		}
		for _, k := range keys {
			m.Content = append(m.Content, nb.str(k), nb.jsonValue(y[k]))
		}
		return m
	}
	panic(fmt.Sprintf("manifests: unexpected JSON value %T", x))
}

// Every document of every preset, and the hostile-string trees, come out of
// the emitter exactly as go.yaml.in/yaml/v3 writes the same value: the
// emitter is only a faster way to the library's bytes.
func TestEmitterMatchesLibrary(t *testing.T) {
	var objs []any
	for _, name := range presets.Names() {
		files, err := buildFiles(presetContext(t, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			for _, d := range f.docs {
				objs = append(objs, d.obj)
			}
		}
	}
	if len(objs) < 50 {
		t.Fatalf("only %d documents rendered", len(objs))
	}
	for _, s := range []string{"plain", "a: b", "two\nlines\n", "no\nnewline", "2040:2041", "yes", "日本語", ""} {
		objs = append(objs, map[string]any{"k": s, "list": []any{s, map[string]any{"v": s}}, "empty": map[string]any{}, "none": []any{}})
	}
	for i, obj := range objs {
		got, err := marshalClean(obj)
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		want, err := libraryYAML(obj)
		if err != nil {
			t.Fatalf("document %d: library: %v", i, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("document %d (%T) differs from the library's:\n--- emitter\n%s\n--- go.yaml.in/yaml/v3\n%s", i, obj, got, want)
		}
	}
}

// BenchmarkEmit compares the emitter with the libraries on every document
// of the largest preset (one render's worth): go.yaml.in/yaml/v3 writing
// the same bytes (libraryYAML), and sigs.k8s.io/yaml.Marshal straight from
// the typed object, kubectl's own route (encoding/json, then YAML), for its
// cost only: it does not write these bytes (it keeps "creationTimestamp:
// null" and empty specs, and quotes by its own rules).
func BenchmarkEmit(b *testing.B) {
	files, err := buildFiles(presetContext(b, "tokyo-classic-production"))
	if err != nil {
		b.Fatal(err)
	}
	var objs []any
	for _, f := range files {
		for _, d := range f.docs {
			objs = append(objs, d.obj)
		}
	}
	for _, c := range []struct {
		name string
		emit func(any) ([]byte, error)
	}{{"emitter", marshalClean}, {"go.yaml.in-yaml-v3", libraryYAML}, {"sigs.k8s.io-yaml", sigsyaml.Marshal}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, o := range objs {
					if _, err := c.emit(o); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
