package model

import "reflect"

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

// deepCopy copies v and everything it references.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			c.SetMapIndex(iter.Key(), deepCopy(iter.Value()))
		}
		return c
	default:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		return c
	}
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
