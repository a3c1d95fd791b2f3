// Package intstr is k8s.io/apimachinery/pkg/util/intstr's IntOrString: a
// port or a percentage that is a number or a string in JSON. (Why not the
// library: see internal/kube/resource.)
package intstr

import (
	"encoding/json"
	"strconv"
)

// Type says which of the two an IntOrString holds.
type Type int64

const (
	Int    Type = iota // The IntOrString holds an int.
	String             // The IntOrString holds a string.
)

// IntOrString is an int32 or a string.
type IntOrString struct {
	Type   Type
	IntVal int32
	StrVal string
}

// FromInt32 is the number val.
func FromInt32(val int32) IntOrString { return IntOrString{Type: Int, IntVal: val} }

// FromString is the string val.
func FromString(val string) IntOrString { return IntOrString{Type: String, StrVal: val} }

// String is the number's digits or the string.
func (v *IntOrString) String() string {
	if v == nil {
		return "<nil>"
	}
	if v.Type == String {
		return v.StrVal
	}
	return strconv.Itoa(int(v.IntVal))
}

// MarshalJSON is a JSON number or string.
func (v IntOrString) MarshalJSON() ([]byte, error) {
	if v.Type == String {
		return json.Marshal(v.StrVal)
	}
	return json.Marshal(v.IntVal)
}

// UnmarshalJSON reads a JSON number or string.
func (v *IntOrString) UnmarshalJSON(value []byte) error {
	if len(value) > 0 && value[0] == '"' {
		v.Type = String
		return json.Unmarshal(value, &v.StrVal)
	}
	v.Type = Int
	return json.Unmarshal(value, &v.IntVal)
}
