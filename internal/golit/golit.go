// Package golit prints a Go value as Go source: a composite literal that
// rebuilds the value when compiled. model/catalog uses it to compile
// catalog.yaml into Go data (go generate), so the program never parses the
// embedded catalog at run time.
//
// It handles what plain data holds: structs of exported fields, slices,
// maps with ordered keys, pointers, strings, booleans and numbers. Zero
// struct fields are left out; a nil slice or map stays nil and an empty one
// is printed empty, so the compiled value is reflect.DeepEqual to the one
// it was printed from.
package golit

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Printer prints values for a file of the package at Local (its import
// path). Imports collects the other packages the printed types come from.
type Printer struct {
	Local   string
	Imports map[string]bool
	b       strings.Builder
}

// Literal returns v as a Go expression, or an error naming the first part
// of v it cannot print (an unexported field, an interface, a channel).
func (p *Printer) Literal(v any) (string, error) {
	p.b.Reset()
	if p.Imports == nil {
		p.Imports = map[string]bool{}
	}
	if err := p.value(reflect.ValueOf(v), "", false); err != nil {
		return "", err
	}
	return p.b.String(), nil
}

// value prints v. elided is true inside a slice or map literal, where Go
// lets a struct element leave out its type.
func (p *Printer) value(v reflect.Value, path string, elided bool) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			p.b.WriteString("nil")
			return nil
		}
		if v.Elem().Kind() != reflect.Struct {
			return fmt.Errorf("golit: %s: pointer to %s: only pointers to structs are printed", orRoot(path), v.Elem().Kind())
		}
		if !elided {
			p.b.WriteString("&")
		}
		return p.value(v.Elem(), path, elided)
	case reflect.Struct:
		return p.structValue(v, path, elided)
	case reflect.Slice:
		if v.IsNil() {
			p.b.WriteString("nil")
			return nil
		}
		p.b.WriteString(p.typeName(v.Type()))
		p.b.WriteString("{")
		for i := range v.Len() {
			p.b.WriteString("\n")
			if err := p.value(v.Index(i), fmt.Sprintf("%s[%d]", path, i), true); err != nil {
				return err
			}
			p.b.WriteString(",")
		}
		p.closeBrace(v.Len())
		return nil
	case reflect.Map:
		return p.mapValue(v, path)
	case reflect.String:
		p.b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		p.b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		p.b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		p.b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits()))
	default:
		return fmt.Errorf("golit: %s: cannot print a %s", orRoot(path), v.Kind())
	}
	return nil
}

func (p *Printer) structValue(v reflect.Value, path string, elided bool) error {
	t := v.Type()
	if !elided {
		p.b.WriteString(p.typeName(t))
	}
	p.b.WriteString("{")
	n := 0
	for i := range t.NumField() {
		f := t.Field(i)
		fv := v.Field(i)
		if !f.IsExported() {
			if fv.IsZero() {
				continue
			}
			return fmt.Errorf("golit: %s.%s: unexported field", orRoot(path), f.Name)
		}
		if fv.IsZero() {
			continue
		}
		p.b.WriteString("\n")
		p.b.WriteString(f.Name)
		p.b.WriteString(": ")
		if err := p.value(fv, path+"."+f.Name, false); err != nil {
			return err
		}
		p.b.WriteString(",")
		n++
	}
	p.closeBrace(n)
	return nil
}

func (p *Printer) mapValue(v reflect.Value, path string) error {
	if v.IsNil() {
		p.b.WriteString("nil")
		return nil
	}
	keys := v.MapKeys()
	if err := sortKeys(keys); err != nil {
		return fmt.Errorf("golit: %s: %w", orRoot(path), err)
	}
	p.b.WriteString(p.typeName(v.Type()))
	p.b.WriteString("{")
	for _, k := range keys {
		p.b.WriteString("\n")
		if err := p.value(k, path+"[key]", true); err != nil {
			return err
		}
		p.b.WriteString(": ")
		if err := p.value(v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), true); err != nil {
			return err
		}
		p.b.WriteString(",")
	}
	p.closeBrace(len(keys))
	return nil
}

// sortKeys orders map keys so the output is the same on every run.
func sortKeys(keys []reflect.Value) error {
	if len(keys) == 0 {
		return nil
	}
	switch keys[0].Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	default:
		return fmt.Errorf("map keys of kind %s have no order", keys[0].Kind())
	}
	return nil
}

// closeBrace ends a composite literal: on its own line when it had
// elements (gofmt then keeps one element per line), else right away.
func (p *Printer) closeBrace(n int) {
	if n > 0 {
		p.b.WriteString("\n")
	}
	p.b.WriteString("}")
}

// typeName is t as the file at p.Local spells it.
func (p *Printer) typeName(t reflect.Type) string {
	if t.Name() != "" {
		if t.PkgPath() == "" || t.PkgPath() == p.Local {
			return t.Name()
		}
		p.Imports[t.PkgPath()] = true
		// The package name is taken to be the last element of its path.
		return t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:] + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + p.typeName(t.Elem())
	case reflect.Map:
		return "map[" + p.typeName(t.Key()) + "]" + p.typeName(t.Elem())
	case reflect.Pointer:
		return "*" + p.typeName(t.Elem())
	}
	return t.String()
}

func orRoot(path string) string {
	if path == "" {
		return "value"
	}
	return strings.TrimPrefix(path, ".")
}
