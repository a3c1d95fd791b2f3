package model

import "reflect"

// MarshalWhole is Marshal in one yaml.v3 Encode, for tests of the pieces.
var MarshalWhole = func(d *Design) ([]byte, error) { return marshalWhole(d) }

// SetLongList sets the list length from which Marshal splits a list and
// returns a func that restores it.
func SetLongList(n int) (restore func()) {
	old := longList
	longList = n
	return func() { longList = old }
}

// SetPlanRoot turns Marshal's whole-design plan on or off and returns a
// func that restores it.
func SetPlanRoot(on bool) (restore func()) {
	old := planRoot
	planRoot = on
	return func() { planRoot = old }
}

// DeepCopy is Clone's copy of any value, for tests of types other than
// Design.
func DeepCopy(v any) any { return deepCopy(reflect.ValueOf(v)).Interface() }
