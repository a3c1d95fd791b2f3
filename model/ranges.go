package model

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Every number of a design declares its range in its jsonschema tag
// (minimum=, maximum= or enum=), so `iksplan schema` tells editors the
// same bounds that CheckRanges enforces: one place for each bound.
//
// The ceilings of amounts (vCPU, GiB, workers, pods) are plausibility
// bounds, not IBM quotas: each is above what 500 workers (IBM's default
// regional worker quota, rule HA009) of the catalog's largest flavors could
// hold, so a real design never meets them, while a typo of three extra
// zeros, a NaN or an Inf is refused before any arithmetic sees it.

// numberBounds is the range a number's tag declares.
type numberBounds struct {
	min, max *float64
	enum     []float64
}

var boundsCache sync.Map // reflect.StructTag -> numberBounds

// boundsOf reads minimum=, maximum= and enum= from a jsonschema tag, once
// per tag (CheckRanges asks for every number of the design). The bounds
// are shared: read them, never write through them.
func boundsOf(tag reflect.StructTag) numberBounds {
	if b, ok := boundsCache.Load(tag); ok {
		return b.(numberBounds)
	}
	b := parseBounds(tag)
	boundsCache.Store(tag, b)
	return b
}

func parseBounds(tag reflect.StructTag) numberBounds {
	var b numberBounds
	for _, part := range strings.Split(tag.Get("jsonschema"), ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		switch k {
		case "minimum":
			b.min = &f
		case "maximum":
			b.max = &f
		case "enum":
			b.enum = append(b.enum, f)
		}
	}
	return b
}

// bounded reports whether the tag fixes both ends of the range.
func (b numberBounds) bounded() bool { return len(b.enum) > 0 || b.min != nil && b.max != nil }

// CheckRanges walks the design and reports every number that is NaN,
// infinite, or outside the range its field declares, by YAML path. written
// says whether a path was written in the file: a zero the file leaves out
// is a default, not a value to judge (nil: judge every number).
func CheckRanges(d *Design, written func(path string) bool) []Problem {
	var out []Problem
	walkYAMLTagged(reflect.ValueOf(d).Elem(), "", "", func(path func() string, v reflect.Value, tag reflect.StructTag) {
		var f float64
		switch v.Kind() {
		case reflect.Float32, reflect.Float64:
			f = v.Float()
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			f = float64(v.Int())
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			f = float64(v.Uint())
		default:
			return
		}
		if written != nil && !written(path()) {
			return
		}
		// Zero is every number's unset value: where the range starts above
		// zero, a zero stands for the default (workerPatchDays: 0 is "IBM's
		// 14 days") and the rules judge the design with defaults applied.
		b := boundsOf(tag)
		if f == 0 && b.min != nil && *b.min > 0 {
			return
		}
		if format, args := rangeProblem(f, b); format != "" {
			out = append(out, problemf(path(), 0, format, args...))
		}
	})
	return out
}

// rangeProblem returns the message format and arguments of a number
// outside its bounds (formats of locales/en/model.yaml), or "" when it is
// within them.
func rangeProblem(f float64, b numberBounds) (string, []any) {
	switch {
	case math.IsNaN(f):
		return "is NaN (not a number); write a number", nil
	case math.IsInf(f, 0):
		return "is infinite; write a finite number", nil
	case len(b.enum) > 0:
		for _, e := range b.enum {
			if f == e {
				return "", nil
			}
		}
		vals := make([]string, len(b.enum))
		for i, e := range b.enum {
			vals[i] = formatNumber(e)
		}
		return "is %s; it must be one of %s", []any{formatNumber(f), strings.Join(vals, ", ")}
	case b.min != nil && f < *b.min:
		if b.max != nil {
			return "is %s; it must be at least %s (the range is %s–%s)", []any{formatNumber(f), formatNumber(*b.min), formatNumber(*b.min), formatNumber(*b.max)}
		}
		return "is %s; it must be at least %s", []any{formatNumber(f), formatNumber(*b.min)}
	case b.max != nil && f > *b.max:
		if b.min != nil {
			return "is %s; it must be at most %s (the range is %s–%s)", []any{formatNumber(f), formatNumber(*b.max), formatNumber(*b.min), formatNumber(*b.max)}
		}
		return "is %s; it must be at most %s", []any{formatNumber(f), formatNumber(*b.max)}
	}
	return "", nil
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
