package kyaml

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	yamlv4 "go.yaml.in/yaml/v4"
)

// libraryEncode is how kyaml wrote YAML before emit.go, through
// go.yaml.in/yaml/v4 (now a test-only reference): the bytes encode must
// match.
func libraryEncode(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := yamlv4.NewEncoder(&buf)
	enc.SetIndent(2)
	enc.CompactSeqIndent()
	if err := enc.Encode(v); err != nil {
		t.Fatalf("library: %v", err)
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("library: %v", err)
	}
	return buf.Bytes()
}

// checkEncode fails when encode(v) differs from the library's bytes.
func checkEncode(t *testing.T, what string, v any) bool {
	t.Helper()
	want := libraryEncode(t, v)
	got, err := encode(v)
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return false
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: encode differs from go.yaml.in/yaml/v4\n got: %q\nwant: %q", what, got, want)
		return false
	}
	return true
}

// scalarAlphabet holds YAML indicators, white space and breaks of each
// kind, controls, digits and letters of numbers and special words, and
// characters of each UTF-8 length, including those the library escapes.
var scalarAlphabet = []string{"a", "Y", "n", "o", "0", "1", "5", "9", ".", "e", "x", "b", "_", " ", "\t", "\n", "\r", "\x00",
	"\x1b", "\x7f", "\\", ":", "#", "-", "?", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
	"~", "+", "/", "=", "<", "\u0085", "\u00a0", "é", "\u2028", "\u2029", "日", "\ufeff", "\ufffe", "\U0001F600"}

// scalarContexts puts s everywhere a scalar can sit in a JSON tree: a
// value, a key, a sequence item, a mapping in a sequence, a sequence in a
// sequence, and the whole document.
func scalarContexts(s string) []any {
	return []any{
		map[string]any{"k": s, "list": []any{s, map[string]any{"a": s, s: s}, []any{s}}, "m": map[string]any{s: []any{s}}},
		map[string]any{s: s},
		map[string]any{s: map[string]any{"x": 1}},
		[]any{s},
		s,
	}
}

// TestEncodeMatchesLibraryOnShortStrings: every string of up to two
// characters from scalarAlphabet, alone and with a letter before, after
// or both, and every string of three from a smaller alphabet, in every
// context, is written as the library writes it. It fails when a rule of
// the library's scalar analysis is left out, for one: dropping the
// "starts with a byte-order mark" escape, or writing a leading-space
// string plain.
func TestEncodeMatchesLibraryOnShortStrings(t *testing.T) {
	var words []string
	var grow func(alphabet []string, prefix string, n int)
	grow = func(alphabet []string, prefix string, n int) {
		if n == 0 {
			words = append(words, prefix)
			return
		}
		for _, c := range alphabet {
			grow(alphabet, prefix+c, n-1)
		}
	}
	for n := range 3 {
		grow(scalarAlphabet, "", n)
	}
	for _, w := range words {
		words = append(words, "k"+w, w+"k", "k"+w+"k")
	}
	grow([]string{"a", "0", "1", ".", "e", "_", " ", "\t", "\n", ":", "#", "-", "?", "'", "\"", "~", "+", "\u00a0", "\u2028", "\ufeff", "\U0001F600"}, "", 3)
	failures := 0
	for _, w := range words {
		for _, v := range scalarContexts(w) {
			if !checkEncode(t, strings.TrimSpace(string(mustJSON(t, w))), v) {
				failures++
			}
		}
		if failures > 20 {
			t.Fatal("too many failures")
		}
	}
	if len(words) < 20_000 {
		t.Fatalf("only %d strings checked", len(words))
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// trickyStrings are scalars the library quotes, blocks or escapes, and
// some it writes plain although they look special.
var trickyStrings = []string{
	"", "yes", "Yes", "no", "on", "off", "y", "N", "true", "False", "null", "Null", "~", "<<", "=",
	"0x1", "0x1F", "0o17", "0b101", "-0b101", "-0o17", "017", "08", "1_000", "1e3", "1E3", "1e+3", ".5", "-.5", "+1", "-0",
	"-0.0", ".inf", "-.Inf", ".NaN", ".nan.", "1.", "1.2.3", "1e", "e1", "0x", "0b", "0b2", "1:20", "1:20:30", "-1:60", "1:2.5",
	"190:20:30.15", "1__2", "_1", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-1-2", "2001-13-45",
	"20011-12-14", "1.35.2", "9.9.9.9", "10.0.0.0/8", "icr.io/ibm-observe/logs-agent-helm", "--set-file", "---", "...", "--- a",
	"... a", "- a", "-a", "a -", "? a", "?a", ": a", ":a", "a:", "a:b", "a: b", "a :b", "#a", "a#b", "a #b", "a# b", "@a", "`a",
	"'a'", "\"a\"", "a'b", "a\"b", "a\\b", " lead", "trail ", " both ", "  ", " ", "tab\tx", "\ttab", "tab\t", "ünïcode", "日本語",
	"emoji 😀", "\ufeffbom", "a\ufeffb", "nbsp\u00a0x", "\u00a0", "nel\u0085x", "ls\u2028x", "ps\u2029", "\u2028", "cr\rx", "\r\n",
	"a\nb", "a\nb\n", "a\n\n", "a\n\nb", "\n", "\n\n", "\na", "\n a", " a\nb", "a \nb", "a\n b", "a\n\tb", "a\tb\nc", "a\u2028b\nc",
	"- a\n- b", "k: v\nk2: v2", "line\r\nline", "a\n \nb", "a\x00b", "\x07\x08\x0b\x0c\x1b", "\x7f", "\u009f",
	"*x", "&x", "!x", "%x", "|", ">", "[a]", "{a: 1}", "a,b", "?", "|-\n  a", "\"quoted\"\n", strings.Repeat("long words ", 20),
	strings.Repeat("x", 128), strings.Repeat("x", 129), strings.Repeat("é", 65), strings.Repeat("a\n", 40),
}

// TestEncodeMatchesLibraryOnTrickyScalars: the scalars above, numbers of
// each kind and empty or nested collections, as the library writes them.
func TestEncodeMatchesLibraryOnTrickyScalars(t *testing.T) {
	for _, s := range trickyStrings {
		for _, v := range scalarContexts(s) {
			checkEncode(t, strings.TrimSpace(string(mustJSON(t, s))), v)
		}
	}
	numbers := []any{0, 1, -1, 42, math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), int64(7), 0.0, math.Copysign(0, -1),
		1.5, -2.25, 0.1, 1e20, 1e21, 1e-7, 1.5e-7, 123456789.125, 5e-324, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(),
		true, false, nil}
	for _, x := range numbers {
		checkEncode(t, "number", map[string]any{"n": x, "l": []any{x, []any{x}}})
		checkEncode(t, "root number", x)
	}
	for _, v := range []any{
		map[string]any{}, []any{}, map[string]any{"a": map[string]any{}, "b": []any{}, "c": []any{map[string]any{}, []any{}}},
		[]any{[]any{[]any{"deep"}}, []any{map[string]any{"a": []any{[]any{1, 2}, map[string]any{}}}}},
		map[string]any{"a": map[string]any{"b": map[string]any{"c": []any{map[string]any{"d": "e", "f": []any{"g"}}}}}},
		map[string]any{strings.Repeat("k", 129): []any{1, map[string]any{"x": "y"}}, strings.Repeat("j", 129): map[string]any{"x": []any{1}}},
		map[string]any{"a\nb": map[string]any{"x": 1}, "c\nd": []any{1, 2}, "e\u2028f": "g", "h\ni": "j\nk", "": ""},
		map[string]any{"10": 1, "9": 2, "a10": 3, "a9": 4, "A": 5, "_": 6, "0": 7, "00": 8, "01": 9, "é": 10, "z": 11, "1a": 12, "a1b2": 13, "a01b": 14},
	} {
		checkEncode(t, string(mustJSON(t, v)), v)
	}
}

// randomTree builds a JSON tree from r: mappings with keys from a corpus
// (natural-order traps among them), sequences, and scalars of each kind.
func randomTree(r *rand.Rand, depth int) any {
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	keys := []string{"a", "b", "a1", "a10", "a2", "A", "Z", "_x", "0", "1", "10", "9", "01", "x-y", "x.y", "x/y", "image", "tag",
		"repository", "resources", "é", "日本", "yes", "null", "1e3", " k", "k ", "k: v", "#k", "a\nb", strings.Repeat("w", 130)}
	switch k := r.IntN(10); {
	case depth > 0 && k < 3:
		m := map[string]any{}
		for range r.IntN(5) {
			m[pick(keys)] = randomTree(r, depth-1)
		}
		return m
	case depth > 0 && k < 5:
		var s []any = []any{}
		for range r.IntN(4) {
			s = append(s, randomTree(r, depth-1))
		}
		return s
	case k < 8:
		return pick(trickyStrings)
	case k == 8:
		return []any{nil, true, false, 3, -7, uint64(1) << 63, 2.5, 1e-9}[r.IntN(8)]
	default:
		const chars = " a:-#'\"\n\t0.e|>"
		b := make([]byte, r.IntN(6))
		for i := range b {
			b[i] = chars[r.IntN(len(chars))]
		}
		return string(b)
	}
}

// TestEncodeMatchesLibraryOnRandomTrees: a few thousand random trees (the
// same ones every run) as the library writes them.
func TestEncodeMatchesLibraryOnRandomTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 4))
	failures := 0
	for i := range 3000 {
		v := randomTree(r, 5)
		if !checkEncode(t, "tree "+string(mustJSON(t, i)), v) {
			failures++
		}
		if failures > 5 {
			t.Fatal("too many failures")
		}
	}
}

// libraryJSONToYAML is JSONToYAML as it was: the JSON parsed as YAML by
// go.yaml.in/yaml/v4, then written by it.
func libraryJSONToYAML(t testing.TB, j []byte) ([]byte, error) {
	var obj any
	if err := yamlv4.Unmarshal(j, &obj); err != nil {
		return nil, err
	}
	return libraryEncode(t, obj), nil
}

// TestJSONToYAMLMatchesLibrary: JSON as json.Marshal writes it (random
// trees) and numbers at the edges of each kind convert as before.
func TestJSONToYAMLMatchesLibrary(t *testing.T) {
	var inputs []string
	for _, n := range []string{"0", "-0", "-0.0", "-0.00", "1.0", "1e3", "1E+3", "-1e-3", "1e400", "-1e400", "1e-400",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "100000000000000000000", "0.1", "123456789012"} {
		inputs = append(inputs, n, `{"n":`+n+`,"l":[`+n+`]}`)
	}
	inputs = append(inputs, `{}`, `[]`, `null`, `"s"`, `{"a":{"b":[{"c":null},{}],"d":"yes"},"e":"\u00e9\n\ttab","f":true}`, ``, ` `)
	r := rand.New(rand.NewPCG(15, 5))
	for range 500 {
		inputs = append(inputs, string(mustJSON(t, randomTree(r, 4))))
	}
	for _, in := range inputs {
		got, err := JSONToYAML([]byte(in))
		if strings.ContainsFunc(in, func(r rune) bool { return r == 0x7f || r >= 0x80 && r <= 0x9f }) {
			// json.Marshal writes DEL and the C1 controls unescaped,
			// which the YAML reader refused (or, for NEL, folded into a
			// space): JSONToYAML now reads them as JSON does, and the
			// library reads its YAML back to the same value.
			if err != nil {
				t.Errorf("%q: %v", in, err)
				continue
			}
			var back any
			if err := yamlv4.Unmarshal(got, &back); err != nil {
				t.Errorf("%q: the library cannot read JSONToYAML's %q: %v", in, got, err)
				continue
			}
			var want any
			dec := json.NewDecoder(strings.NewReader(in))
			dec.UseNumber()
			_ = dec.Decode(&want)
			if !bytes.Equal(mustJSON(t, back), mustJSON(t, want)) {
				t.Errorf("%q: JSONToYAML's %q reads back as %q, not %q", in, got, mustJSON(t, back), mustJSON(t, want))
			}
			continue
		}
		want, werr := libraryJSONToYAML(t, []byte(in))
		if (err != nil) != (werr != nil) {
			t.Errorf("%s: error %v, the library's %v", in, err, werr)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: JSONToYAML differs from before\n got: %q\nwant: %q", in, got, want)
		}
	}
}
