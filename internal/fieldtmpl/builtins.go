package fieldtmpl

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// builtins are the text/template builtins this package has, with their
// text/template signatures (and and or are evaluated in evalCall, which
// stops at the first argument that decides).
var builtins = map[string]any{
	"and": func(arg0 reflect.Value, args ...reflect.Value) reflect.Value { panic("unreachable") },
	"or":  func(arg0 reflect.Value, args ...reflect.Value) reflect.Value { panic("unreachable") },
	"not": func(arg reflect.Value) bool { return !truth(arg) },
	"len": length,
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func length(item reflect.Value) (int, error) {
	item, isNil := indirect(item)
	if isNil {
		return 0, fmt.Errorf("len of nil pointer")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return item.Len(), nil
	}
	return 0, fmt.Errorf("len of type %s", item.Type())
}

// isHexInt and isRuneInt tell integer constants written in hex (0x1F) or
// as a rune ('a') from floats, as text/template does.
func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

// sortedKeys are a map's keys in the order text/template ranges over them
// (internal/fmtsort): ascending, for the key kinds a template meets; other
// key kinds are an error.
func (s *state) sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	var less func(a, b reflect.Value) int
	switch m.Type().Key().Kind() {
	case reflect.String:
		less = func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		less = func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		less = func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) }
	case reflect.Float32, reflect.Float64:
		less = func(a, b reflect.Value) int { return cmp.Compare(a.Float(), b.Float()) }
	case reflect.Bool:
		less = func(a, b reflect.Value) int {
			switch {
			case a.Bool() == b.Bool():
				return 0
			case b.Bool():
				return -1
			}
			return 1
		}
	default:
		s.errorf("range over a map keyed by %s: keys of that kind have no order here", m.Type().Key())
	}
	slices.SortFunc(keys, less)
	return keys
}
