package model

import (
	"reflect"
	"sync"
)

// Clone returns a deep copy of the design, so callers can apply defaults or
// computed values without touching the user's answers. The design is plain
// data (structs, slices, maps, pointers to values), so a reflective copy is
// exact: nil stays nil and empty stays empty.
func (d *Design) Clone() *Design {
	if d == nil {
		return nil
	}
	out := deepCopy(reflect.ValueOf(d).Elem())
	c := out.Interface().(Design)
	return &c
}

// deepCopy copies v and everything it references. Unexported fields are
// left zero; interfaces, arrays and other values are copied as they are.
func deepCopy(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	copyInto(c, v)
	return c
}

// copyInto deep-copies src into dst, a settable zero value of its type. A
// value with nothing to follow is set in one go: allocating a copy of
// every leaf was most of Clone's cost (rules.Evaluate and Resolve clone
// the design on every render).
func copyInto(dst, src reflect.Value) {
	if !hasRefs(src.Type()) {
		dst.Set(src)
		return
	}
	copyRefs(dst, src)
}

// copyRefs is copyInto for a value whose type hasRefs. dst is zero, or,
// for a struct whose plan is whole, may hold a shallow copy of src.
func copyRefs(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			p := reflect.New(src.Type().Elem())
			copyInto(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Struct:
		// One plan per struct type, not a hasRefs lookup per field: at
		// 1,000 namespaces the lookups were a third of Clone.
		p := structCopyPlanFor(src.Type())
		if p.whole {
			dst.Set(src)
		} else {
			for _, i := range p.flat {
				dst.Field(i).Set(src.Field(i))
			}
		}
		for _, i := range p.deep {
			copyRefs(dst.Field(i), src.Field(i))
		}
	case reflect.Slice:
		if !src.IsNil() {
			c := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
			if hasRefs(src.Type().Elem()) {
				for i := range src.Len() {
					copyRefs(c.Index(i), src.Index(i))
				}
			} else {
				reflect.Copy(c, src)
			}
			dst.Set(c)
		}
	case reflect.Map:
		if !src.IsNil() {
			c := reflect.MakeMapWithSize(src.Type(), src.Len())
			deep := hasRefs(src.Type().Elem())
			for iter := src.MapRange(); iter.Next(); {
				if deep {
					c.SetMapIndex(iter.Key(), deepCopy(iter.Value()))
				} else {
					c.SetMapIndex(iter.Key(), iter.Value())
				}
			}
			dst.Set(c)
		}
	}
}

// structCopyPlan is how copyRefs copies a struct type: its exported
// fields with references (deep) and without (flat). whole says the type
// has no unexported field, by value at any depth, so a shallow copy of
// the struct may be set first and only the deep fields replaced; else the
// flat fields are set one by one and unexported ones stay zero.
type structCopyPlan struct {
	whole      bool
	flat, deep []int
}

var structCopyPlans sync.Map // reflect.Type -> *structCopyPlan

func structCopyPlanFor(t reflect.Type) *structCopyPlan {
	if p, ok := structCopyPlans.Load(t); ok {
		return p.(*structCopyPlan)
	}
	p := &structCopyPlan{whole: allExported(t)}
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case !f.IsExported():
		case hasRefs(f.Type):
			p.deep = append(p.deep, i)
		default:
			p.flat = append(p.flat, i)
		}
	}
	structCopyPlans.Store(t, p)
	return p
}

// allExported reports whether struct type t and the structs it holds by
// value have only exported fields.
func allExported(t reflect.Type) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Type.Kind() == reflect.Struct && !allExported(f.Type) {
			return false
		}
	}
	return true
}

var hasRefsCache sync.Map // reflect.Type -> bool

// hasRefs reports whether copyInto must go into a value of type t: it
// holds pointers, slices or maps, or a struct with unexported fields (left
// zero by a copy).
func hasRefs(t reflect.Type) bool {
	if h, ok := hasRefsCache.Load(t); ok {
		return h.(bool)
	}
	h := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		h = true
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); !f.IsExported() || hasRefs(f.Type) {
				h = true
				break
			}
		}
	}
	hasRefsCache.Store(t, h)
	return h
}

// Resolve returns the fully resolved design: a copy with every default
// applied and each pool's computed workersPerZone written in, as render
// writes it to design.yaml. Pools whose flavor the lookup does not know keep
// their value.
func Resolve(d *Design, flavors FlavorLookup) *Design {
	r := d.Clone()
	ApplyDefaults(r)
	if l, ok := flavors.(RegistryLookup); ok {
		DefaultRegistry(r, l)
	}
	if l, ok := flavors.(PlanLookup); ok {
		DefaultPlans(r, l)
	}
	plan := PlanCapacity(&r.Spec, flavors)
	for i := range r.Spec.WorkerPools {
		pp := plan.Pools[i]
		if r.Spec.WorkerPools[i].WorkersPerZone == 0 && (pp.FlavorKnown || !pp.CarriesDemand) {
			r.Spec.WorkerPools[i].WorkersPerZone = pp.WorkersPerZone
		}
	}
	return r
}
