package change

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Op is what happened to a field or list element.
type Op string

// The operations.
const (
	Changed Op = "changed"
	Added   Op = "added"
	Removed Op = "removed"
)

// Change is one difference between two designs with its impact.
type Change struct {
	// Path is the concrete YAML path; list elements are named by their
	// name, zone, pool or rule (spec.workerPools[gpu].flavor).
	Path string `json:"path"`
	// Key is the table key of the field (spec.workerPools[*].flavor).
	Key string `json:"key"`
	Op  Op     `json:"op"`
	// Old and New are the values as the design file spells them; empty
	// for an element that was added or removed.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Class is the impact; Why says why, Source is the IBM document or
	// provider attribute that makes it so.
	Class  Class  `json:"class"`
	Why    string `json:"why"`
	Source string `json:"source"`
}

// Diff lists every difference between old and new with its impact class,
// the most severe first. The catalog tells zone-bound storage classes
// apart (dropping a zone that holds them is a data risk); nil means the
// embedded catalog.
func Diff(old, new *model.Design, cat *catalog.Catalog) []Change {
	if cat == nil {
		cat = catalog.Default()
	}
	// Compare what each design means: an empty field IBM or iksplan
	// fills in (the VPC name, the default pool's OS) is not a change, and
	// a workersPerZone iksplan computes (from the demand and the HA
	// minimum, which depends on the zone count) is compared as computed,
	// as the change runbook resizes to it.
	old, new = model.Resolve(old, cat), model.Resolve(new, cat)
	w := &walker{}
	w.walk("", reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem())
	ctx := &judgeCtx{old: old, new: new, cat: cat}
	for i := range w.out {
		classify(&w.out[i], ctx)
	}
	Sort(w.out)
	return w.out
}

// Sort orders changes the most severe class first, then by path.
func Sort(cs []Change) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Class != cs[j].Class {
			return cs[i].Class > cs[j].Class
		}
		return cs[i].Path < cs[j].Path
	})
}

// Worst is the most severe class among cs, and false when cs is empty.
func Worst(cs []Change) (Class, bool) {
	if len(cs) == 0 {
		return InPlace, false
	}
	w := cs[0].Class
	for _, c := range cs {
		if c.Class > w {
			w = c.Class
		}
	}
	return w, true
}

type walker struct{ out []Change }

func (w *walker) add(path string, op Op, o, n string) {
	w.out = append(w.out, Change{Path: path, Key: KeyOf(path), Op: op, Old: o, New: n})
}

// walk compares a and b, which have the same type, below path.
func (w *walker) walk(path string, a, b reflect.Value) {
	if a.Kind() == reflect.Pointer && a.Type().Elem().Kind() != reflect.Struct && a.IsNil() != b.IsNil() {
		// An unset scalar means IBM's default, which is not the zero
		// value (diskEncryption: nil is on): report set against unset.
		w.add(path, Changed, showPtr(a), showPtr(b))
		return
	}
	a, b = deref(a), deref(b)
	if !a.IsValid() || !b.IsValid() {
		// A nil pointer against a value: compare against the zero value.
		t := a
		if !t.IsValid() {
			t = b
		}
		if !t.IsValid() {
			return
		}
		z := reflect.Zero(t.Type())
		if !a.IsValid() {
			a = z
		} else {
			b = z
		}
	}
	switch a.Kind() {
	case reflect.Struct:
		t := a.Type()
		for i := range t.NumField() {
			name := yamlName(t.Field(i))
			if name == "" {
				continue
			}
			w.walk(join(path, name), a.Field(i), b.Field(i))
		}
	case reflect.Slice:
		w.slice(path, a, b)
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			w.add(path, Changed, show(a), show(b))
		}
	}
}

// slice compares lists: strings as sets, structs with an identifying field
// by that field, anything else as one value.
func (w *walker) slice(path string, a, b reflect.Value) {
	et := a.Type().Elem()
	switch {
	case et.Kind() == reflect.String:
		as, bs := stringSet(a), stringSet(b)
		for _, s := range sortedKeys(as) {
			if !bs[s] {
				w.add(path+"["+s+"]", Removed, s, "")
			}
		}
		for _, s := range sortedKeys(bs) {
			if !as[s] {
				w.add(path+"["+s+"]", Added, "", s)
			}
		}
	case et.Kind() == reflect.Struct && idField(et) >= 0:
		f := idField(et)
		am, bm := byID(a, f), byID(b, f)
		for _, id := range sortedKeys(am) {
			p := path + "[" + id + "]"
			if bv, ok := bm[id]; ok {
				w.walk(p, am[id], bv)
			} else {
				w.add(p, Removed, id, "")
			}
		}
		for _, id := range sortedKeys(bm) {
			if _, ok := am[id]; !ok {
				w.add(path+"["+id+"]", Added, "", id)
			}
		}
	default:
		if a.Len() == 0 && b.Len() == 0 {
			return
		}
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			w.add(path, Changed, show(a), show(b))
		}
	}
}

// idFields name a list element in a path, in the order they are tried.
var idFields = []string{"name", "zone", "pool", "rule"}

func idField(t reflect.Type) int {
	for _, want := range idFields {
		for i := range t.NumField() {
			if yamlName(t.Field(i)) == want && t.Field(i).Type.Kind() == reflect.String {
				return i
			}
		}
	}
	return -1
}

func byID(v reflect.Value, f int) map[string]reflect.Value {
	m := make(map[string]reflect.Value, v.Len())
	for i := range v.Len() {
		e := v.Index(i)
		id := e.Field(f).String()
		if _, dup := m[id]; dup {
			// A duplicate name is a validation error; keep the first and
			// name the second by its index so nothing is silently lost.
			id = fmt.Sprintf("%s#%d", id, i)
		}
		m[id] = e
	}
	return m
}

func stringSet(v reflect.Value) map[string]bool {
	m := make(map[string]bool, v.Len())
	for i := range v.Len() {
		m[v.Index(i).String()] = true
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func deref(v reflect.Value) reflect.Value {
	for v.IsValid() && v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

func yamlName(f reflect.StructField) string {
	n, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if n == "-" {
		return ""
	}
	return n
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// show renders a value as the design file would: scalars bare, lists and
// maps as compact JSON (sorted keys), empty as "".
func show(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Map, reflect.Slice:
		if v.Len() == 0 {
			return ""
		}
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return fmt.Sprint(v.Interface())
		}
		return string(b)
	}
	return fmt.Sprint(v.Interface())
}

// Unset is how diff shows a field the design leaves to IBM's default.
const Unset = "(default)"

func showPtr(v reflect.Value) string {
	if v.IsNil() {
		return Unset
	}
	return show(v.Elem())
}

// KeyOf turns a concrete path into its table key:
// spec.workerPools[gpu].flavor → spec.workerPools[*].flavor.
func KeyOf(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			if j := strings.IndexByte(path[i:], ']'); j > 0 {
				b.WriteString("[*]")
				i += j
				continue
			}
		}
		b.WriteByte(path[i])
	}
	return b.String()
}
