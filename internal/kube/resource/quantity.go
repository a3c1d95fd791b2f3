// Package resource is the part of k8s.io/apimachinery/pkg/api/resource
// that iksplan uses: a Quantity parsed and printed as Kubernetes does (the
// canonical form: "500m", "1Gi", "2k"), held as an int64 mantissa and a
// power of ten, which covers every quantity iksplan writes or reads
// (memory to exbibytes, CPU to nano). Why not the library: linking
// k8s.io/apimachinery and k8s.io/api cost every start of iksplan, even
// `iksplan version`, about a millisecond of package init and 9 MB of binary
// (issue 15). TestQuantityMatchesKubernetes holds it to the library.
package resource

import (
	"errors"
	"strconv"
	"strings"
)

// Format is how a quantity prints: with SI suffixes (k, M, m), binary ones
// (Ki, Mi, Gi) or an exponent (1e3).
type Format string

const (
	DecimalExponent = Format("DecimalExponent") // e.g. 12e6
	BinarySI        = Format("BinarySI")        // e.g. 12Mi (12 * 2^20)
	DecimalSI       = Format("DecimalSI")       // e.g. 12M (12 * 10^6)
)

// Quantity is value × 10^scale, printed in Format.
type Quantity struct {
	value int64
	scale int32
	// s is the string as written when it is already canonical (what
	// the library's String returns for it).
	s      string
	Format Format
}

var (
	// ErrFormatWrong is returned when a quantity is not a number with a
	// suffix.
	ErrFormatWrong = errors.New("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
	// ErrNumeric is returned when a quantity's number does not fit.
	ErrNumeric = errors.New("unable to parse numeric part of quantity")
	// ErrSuffix is returned for an unknown suffix.
	ErrSuffix = errors.New("unable to parse quantity's suffix")
)

// decimal suffixes and their power of ten; binary ones and their power of 1024.
var (
	decSuffix = map[string]int32{"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
	binSuffix = map[string]uint{"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}
	decNames  = map[int32]string{-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"}
	binNames  = []string{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"}
)

// MustParse is ParseQuantity that panics on an error, for constants.
func MustParse(str string) Quantity {
	q, err := ParseQuantity(str)
	if err != nil {
		panic("cannot parse '" + str + "': " + err.Error())
	}
	return q
}

// ParseQuantity reads a quantity such as "100m", "1.5Gi", "2e3" or "1k",
// as the library's ParseQuantity does: a string already in the form it
// would print is kept as written (the library's fast path), and what is
// finer than a nano-unit is rounded up to one.
func ParseQuantity(str string) (Quantity, error) {
	if len(str) == 0 {
		return Quantity{}, ErrFormatWrong
	}
	if str == "0" {
		return Quantity{Format: DecimalSI, s: str}, nil
	}
	positive, num, denom, suf, err := parseQuantityString(str)
	if err != nil {
		return Quantity{}, err
	}
	base, exponent, format, ok := interpret(suf)
	if !ok {
		return Quantity{}, ErrSuffix
	}
	precision, scale, mantissa := int32(0), int32(0), int64(1)
	switch format {
	case DecimalExponent, DecimalSI:
		scale = exponent
		precision = 18 - int32(len(num)+len(denom))
	case BinarySI:
		if exponent >= 0 && len(denom) == 0 {
			mantissa = int64(1) << uint64(exponent)
			precision = 15 - int32(len(num)) - int32(float32(exponent)*3/10) - 1
		} else {
			precision = -1
		}
	}
	if precision >= 0 {
		scale -= int32(len(denom))
		if scale >= -9 {
			shifted := num + denom
			value, err := strconv.ParseInt(shifted, 10, 64)
			if err != nil {
				return Quantity{}, ErrNumeric
			}
			if result, ok := multiply(value, mantissa); ok {
				if !positive {
					result = -result
				}
				q := Quantity{value: result, scale: scale, Format: format}
				switch format {
				case BinarySI:
					if exponent%10 == 0 && value&0x07 != 0 {
						q.s = str
					}
				default:
					if scale%3 == 0 && !strings.HasSuffix(shifted, "000") && shifted[0] != '0' {
						q.s = str
					}
				}
				return q, nil
			}
		}
	}
	// The library's slow path (arbitrary precision there, int64 here:
	// enough for any quantity iksplan meets).
	digits := strings.TrimLeft(num+denom, "0")
	if digits == "" {
		digits = "0"
	}
	value, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return Quantity{}, ErrNumeric
	}
	q := Quantity{value: value, scale: -int32(len(denom)), Format: format}
	if base == 10 {
		q.scale += exponent
	} else {
		for range exponent {
			if q.value > (1<<63-1)/2 {
				return Quantity{}, ErrNumeric
			}
			q.value *= 2
		}
	}
	for q.scale < -9 {
		r := q.value % 10
		q.value /= 10
		if r != 0 {
			q.value++
		}
		q.scale++
	}
	// A binary quantity between 0 and 1 prints as a decimal one.
	if format == BinarySI && q.value > 0 && q.scale < 0 && q.value < pow10(-q.scale) {
		q.Format = DecimalSI
	}
	if !positive {
		q.value = -q.value
	}
	return q, nil
}

func pow10(n int32) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

func multiply(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	return c, c/b == a
}

// interpret is the base, exponent and format of a suffix.
func interpret(suf string) (base, exponent int32, format Format, ok bool) {
	if e, ok := decSuffix[suf]; ok {
		return 10, e, DecimalSI, true
	}
	if p, ok := binSuffix[suf]; ok {
		return 2, int32(p) * 10, BinarySI, true
	}
	if len(suf) > 1 && (suf[0] == 'E' || suf[0] == 'e') {
		e, err := strconv.ParseInt(suf[1:], 10, 64)
		if err != nil {
			return 0, 0, DecimalExponent, false
		}
		return 10, int32(e), DecimalExponent, true
	}
	return 0, 0, "", false
}

// parseQuantityString is the library's: the sign, the digits before and
// after the point (leading zeros dropped) and the suffix.
func parseQuantityString(str string) (positive bool, num, denom, suffix string, err error) {
	positive = true
	pos, end := 0, len(str)
	switch str[0] {
	case '-':
		positive = false
		pos++
	case '+':
		pos++
	}
	for ; ; pos++ {
		if pos >= end {
			return positive, "0", "", "", nil
		}
		if str[pos] != '0' {
			break
		}
	}
	i := pos
	for i < end && str[i] >= '0' && str[i] <= '9' {
		i++
	}
	num, pos = str[pos:i], i
	if pos >= end {
		return positive, num, "", "", nil
	}
	if num == "" {
		num = "0"
	}
	if str[pos] == '.' {
		pos++
		i := pos
		for i < end && str[i] >= '0' && str[i] <= '9' {
			i++
		}
		denom, pos = str[pos:i], i
		if pos >= end {
			return positive, num, denom, "", nil
		}
	}
	suffixStart := pos
	for i := pos; ; i++ {
		if i >= end {
			return positive, num, denom, str[suffixStart:end], nil
		}
		if !strings.ContainsAny(str[i:i+1], "eEinumkKMGTP") {
			pos = i
			break
		}
	}
	if pos < end && (str[pos] == '-' || str[pos] == '+') {
		pos++
	}
	for i := pos; ; i++ {
		if i >= end {
			return positive, num, denom, str[suffixStart:end], nil
		}
		if str[i] < '0' || str[i] > '9' {
			break
		}
	}
	return positive, "", "", "", ErrFormatWrong
}

// NewQuantity is value in format.
func NewQuantity(value int64, format Format) *Quantity {
	return &Quantity{value: value, Format: format}
}

// NewMilliQuantity is value/1000 in format.
func NewMilliQuantity(value int64, format Format) *Quantity {
	return &Quantity{value: value, scale: -3, Format: format}
}

// IsZero is whether the quantity is zero.
func (q *Quantity) IsZero() bool { return q.value == 0 }

// Value is the quantity rounded up to an integer.
func (q *Quantity) Value() int64 { return q.scaled(0) }

// MilliValue is the quantity in thousandths, rounded up.
func (q *Quantity) MilliValue() int64 { return q.scaled(-3) }

// scaled is ceil(q / 10^scale).
func (q *Quantity) scaled(scale int32) int64 {
	v, s := q.value, q.scale
	for ; s > scale; s-- {
		v *= 10
	}
	for ; s < scale; s++ {
		r := v % 10
		v /= 10
		if r > 0 {
			v++
		} else if r < 0 {
			v--
		}
	}
	return v
}

// String is the canonical form Kubernetes prints.
func (q *Quantity) String() string {
	if q == nil {
		return "<nil>"
	}
	if q.s != "" {
		return q.s
	}
	if q.value == 0 {
		return "0"
	}
	format := q.Format
	switch format {
	case DecimalExponent, DecimalSI:
	case BinarySI:
		if n, exact := q.integer(); !exact || (n > -1024 && n < 1024) {
			format = DecimalSI
		} else {
			amount, times := removeFactors(n, 1024)
			if int(times) < len(binNames) {
				return strconv.FormatInt(amount, 10) + binNames[times]
			}
			format = DecimalSI
		}
	default:
		format = DecimalExponent
	}
	amount, times := removeFactors(q.value, 10)
	exponent := q.scale + times
	switch exponent % 3 {
	case 1, -2:
		amount, exponent = amount*10, exponent-1
	case 2, -1:
		amount, exponent = amount*100, exponent-2
	}
	n := strconv.FormatInt(amount, 10)
	if format == DecimalExponent {
		if exponent == 0 {
			return n
		}
		return n + "e" + strconv.Itoa(int(exponent))
	}
	if name, ok := decNames[exponent]; ok {
		return n + name
	}
	return n + "e" + strconv.Itoa(int(exponent))
}

// integer is the quantity as an integer, and whether that is exact.
func (q *Quantity) integer() (int64, bool) {
	v := q.value
	for s := q.scale; s > 0; s-- {
		v *= 10
	}
	for s := q.scale; s < 0; s++ {
		if v%10 != 0 {
			return 0, false
		}
		v /= 10
	}
	return v, true
}

func removeFactors(v, base int64) (int64, int32) {
	neg := v < 0
	if neg {
		v = -v
	}
	var times int32
	for v >= base && v%base == 0 {
		v /= base
		times++
	}
	if neg {
		v = -v
	}
	return v, times
}

// MarshalJSON is the canonical form as a JSON string.
func (q Quantity) MarshalJSON() ([]byte, error) {
	return []byte(`"` + q.String() + `"`), nil
}

// UnmarshalJSON reads a JSON string or number (or null, zero).
func (q *Quantity) UnmarshalJSON(value []byte) error {
	s := string(value)
	if s == "null" {
		*q = Quantity{}
		return nil
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	parsed, err := ParseQuantity(strings.TrimSpace(s))
	if err != nil {
		return err
	}
	*q = parsed
	return nil
}
