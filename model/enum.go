package model

import "slices"

// Choice is one value of a closed set, with the label a person reads and a
// one-line help that says when to pick it. The wizard turns choices into
// select options; the design document prints the labels.
type Choice[T ~string] struct {
	Value T
	Label string
	Help  string
}

// Enum is implemented by every closed set of string values in the design.
// The JSON Schema generator and the validator use it, so a new value added
// to a choice list is accepted everywhere at once.
type Enum interface {
	EnumValues() []string
}

// enumValues lists the raw values of choices, in order.
func enumValues[T ~string](choices []Choice[T]) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = string(c.Value)
	}
	return out
}

// labelOf returns the label of v, or v itself when it is not in choices.
func labelOf[T ~string](choices []Choice[T], v T) string {
	for _, c := range choices {
		if c.Value == v {
			return c.Label
		}
	}
	return string(v)
}

// validChoice reports whether v is one of choices.
func validChoice[T ~string](choices []Choice[T], v T) bool {
	return slices.ContainsFunc(choices, func(c Choice[T]) bool { return c.Value == v })
}
