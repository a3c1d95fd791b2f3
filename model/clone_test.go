package model_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// sharesMemory reports the path of the first pointer, non-empty slice or
// map that a and b (of one type) share.
func sharesMemory(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
		return sharesMemory(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			if p := sharesMemory(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
				return p
			}
		}
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return path
		}
		for i := range min(a.Len(), b.Len()) {
			if p := sharesMemory(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	case reflect.Map:
		if !a.IsNil() && a.Pointer() == b.Pointer() {
			return path
		}
		for it := a.MapRange(); it.Next(); {
			if bv := b.MapIndex(it.Key()); bv.IsValid() {
				if p := sharesMemory(it.Value(), bv, fmt.Sprintf("%s[%v]", path, it.Key())); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// TestCloneSharesNothing: a clone of every preset, with defaults and with
// long lists, equals the original and shares no pointer, slice or map
// with it at any depth.
func TestCloneSharesNothing(t *testing.T) {
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		model.ApplyDefaults(d)
		for i := range 40 {
			d.Spec.Namespaces = append(d.Spec.Namespaces, model.Namespace{Name: fmt.Sprintf("n%d", i), Labels: map[string]string{"a": "b"}})
			d.Spec.IAM.AccessGroups = append(d.Spec.IAM.AccessGroups, model.AccessGroup{Name: fmt.Sprintf("g%d", i), Members: []string{"a@b.c"}, Namespaces: []string{"n1"}})
		}
		c := d.Clone()
		if !reflect.DeepEqual(d, c) {
			t.Fatalf("%s: clone differs", p.Name)
		}
		if path := sharesMemory(reflect.ValueOf(d), reflect.ValueOf(c), "design"); path != "" {
			t.Fatalf("%s: clone shares %s with the original", p.Name, path)
		}
	}
}

// TestCloneLeavesUnexportedZero: copies leave unexported fields zero, also
// inside a struct held by value whose parent is otherwise plain.
func TestCloneLeavesUnexportedZero(t *testing.T) {
	type inner struct {
		A      []int
		hidden int
	}
	type outer struct {
		In  inner
		Ptr *inner
		L   []inner
	}
	src := outer{In: inner{A: []int{1}, hidden: 7}, Ptr: &inner{A: []int{2}, hidden: 8}, L: []inner{{A: []int{3}, hidden: 9}}}
	got := model.DeepCopy(src).(outer)
	want := outer{In: inner{A: []int{1}}, Ptr: &inner{A: []int{2}}, L: []inner{{A: []int{3}}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("copy %+v, want %+v", got, want)
	}
	if path := sharesMemory(reflect.ValueOf(src), reflect.ValueOf(got), "outer"); path != "" {
		t.Fatalf("copy shares %s", path)
	}
}
