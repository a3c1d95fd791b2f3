package i18n

import (
	"io/fs"
	"reflect"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"gopkg.in/yaml.v3"
)

// TestFlatYAMLReadsWhatYAMLv3Reads holds the message files' own reader to
// yaml.v3 on every message file of every language: the same tree, and the
// same messages once go-i18n has read that tree. It also requires the fast
// path for each embedded file (a file that fell back to yaml.v3 would read
// correctly but cost a generator run its CPU again).
func TestFlatYAMLReadsWhatYAMLv3Reads(t *testing.T) {
	names, err := fs.Glob(localesFS, "locales/*/*.yaml")
	if err != nil || len(names) < 2*len(Langs) {
		t.Fatalf("message files: %v %v", names, err)
	}
	for _, name := range names {
		buf, err := fs.ReadFile(localesFS, name)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := readFlat(buf)
		if err != nil {
			t.Errorf("%s: not read by the fast path: %v", name, err)
			continue
		}
		var slow any
		if err := yaml.Unmarshal(buf, &slow); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(any(fast), slow) {
			reportTreeDiff(t, name, "", fast, slow)
		}
		want, err := goi18n.ParseMessageBytes(buf, yaml.Unmarshal)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := goi18n.ParseMessageBytes(buf, func(buf []byte, v any) error {
			tree, err := readTree(buf)
			*v.(*any) = tree
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d messages, yaml.v3 %d", name, len(got), len(want))
		}
	}
}

// reportTreeDiff names the first differing paths of two decoded trees.
func reportTreeDiff(t *testing.T, file, path string, got, want any) {
	t.Helper()
	gm, gok := got.(map[string]any)
	wm, wok := want.(map[string]any)
	if !gok || !wok {
		t.Errorf("%s: %s: fast %#v, yaml.v3 %#v", file, path, got, want)
		return
	}
	for k, wv := range wm {
		gv, ok := gm[k]
		if !ok {
			t.Errorf("%s: %s.%s missing from the fast path", file, path, k)
			continue
		}
		if !reflect.DeepEqual(gv, wv) {
			reportTreeDiff(t, file, path+"."+k, gv, wv)
		}
	}
	for k := range gm {
		if _, ok := wm[k]; !ok {
			t.Errorf("%s: %s.%s only in the fast path", file, path, k)
		}
	}
}

// TestFlatYAMLSubset: the reader takes the subset's forms as yaml.v3 does
// and leaves everything else to yaml.v3 (errNotFlat), so no input reads
// differently, only slower.
func TestFlatYAMLSubset(t *testing.T) {
	same := []string{
		"a: \"x\"\n",
		"a: \"x\" # c\nb:\n  c: \"y\\n\\\"q\\\" \\\\ \\t\"\n",
		"# head\na:\n\n  # inner\n  b: {one: \"1\", other: \"{{.Count}} x\"}\n  c: \"z\"\n",
		"a:\n  b: |2-\n      two\n    one\n\n    end\n  c: \"d\"\n",
		"a: |\n  line\n  next\n\n\nb: \"x\"\n",
		"a: |-\n  line\n",
		"\"q k\": \"v\"\nk-1_x: \"v\"\n",
	}
	for _, in := range same {
		fast, err := readFlat([]byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		var slow any
		if err := yaml.Unmarshal([]byte(in), &slow); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if !reflect.DeepEqual(any(fast), slow) {
			t.Errorf("%q: fast %#v, yaml.v3 %#v", in, fast, slow)
		}
	}
	other := []string{
		"a: plain\n", "a: 'single'\n", "a: \"open\n  more\"\n", "a:\n", "a: \"x\"\na: \"y\"\n",
		"true: \"x\"\n", "1a: \"x\"\n", "a: \"\\u00e9\"\n", "a: >\n  folded\n", "a:\n  - x\n",
		"a: \"x\"#c\n", "a: {one: x}\n", "a:\n  b: \"x\"\n c: \"y\"\n", "a: \"x\"\n\tb: \"y\"\n",
		"a: &x \"y\"\n", "---\na: \"x\"\n", "",
	}
	for _, in := range other {
		if m, err := readFlat([]byte(in)); err == nil {
			t.Errorf("%q: read as %#v; want it left to yaml.v3", in, m)
		}
		v, err := readTree([]byte(in))
		if err != nil {
			continue // yaml.v3's own error, as before
		}
		var slow map[string]any
		_ = yaml.Unmarshal([]byte(in), &slow)
		if !reflect.DeepEqual(v, slow) {
			t.Errorf("%q: fallback %#v, yaml.v3 %#v", in, v, slow)
		}
	}
}

// goEntry is go-i18n's message m as an Entry, and whether m has nothing
// an Entry lacks (another plural form, a description, delimiters).
func goEntry(m *goi18n.Message) (Entry, bool) {
	rest := *m
	e := Entry{ID: m.ID, One: m.One, Other: m.Other}
	rest.ID, rest.One, rest.Other = "", "", ""
	return e, rest == goi18n.Message{}
}

// TestParsedMessagesAreGoI18nMessages: for every message file of every
// language, parseMessages reads the messages go-i18n's own ParseMessageBytes
// (over yaml.v3) reads, field by field, and go-i18n's messages use no field
// that an Entry lacks. A file that uses more of go-i18n's format is an
// error, not read some other way.
func TestParsedMessagesAreGoI18nMessages(t *testing.T) {
	names, _ := fs.Glob(localesFS, "locales/*/*.yaml")
	for _, name := range names {
		buf, err := fs.ReadFile(localesFS, name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseMessages(buf)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want, err := goi18n.ParseMessageBytes(buf, yaml.Unmarshal)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]Entry{}
		for _, m := range want {
			e, ok := goEntry(m)
			if !ok {
				t.Errorf("%s: %s: go-i18n reads fields an Entry lacks: %+v", name, m.ID, *m)
			}
			byID[m.ID] = e
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d messages, go-i18n %d", name, len(got), len(want))
		}
		for _, m := range got {
			if w, ok := byID[m.ID]; !ok || *m != w {
				t.Errorf("%s: %s: parsed %+v, go-i18n %+v", name, m.ID, *m, w)
			}
		}
	}
	for _, in := range []string{
		"a: {one: \"x\", id: \"y\"}\n", "a: {One: \"x\"}\n", "description: \"x\"\n",
		"a: {one: \"x\", few: \"y\", other: \"z\"}\n", "a:\n  zero: \"none\"\n  other: \"z\"\n",
		"a:\n  translation:\n    b: \"x\"\n", "a: 'single'\nb:\n  hash: \"h\"\n", "a: [\"x\"]\n", "a: 1\n",
		"a: {one: \"x\", b: {c: \"y\"}}\n",
	} {
		if m, err := parseMessages([]byte(in)); err == nil {
			t.Errorf("%q: read as %+v; want an error", in, m)
		}
	}
	// Outside readFlat's subset but a plain message file: yaml.v3 reads it.
	got, err := parseMessages([]byte("a: 'single'\nb:\n  c: {one: one, other: 'two'}\n"))
	want := []*Entry{{ID: "a", Other: "single"}, {ID: "b.c", One: "one", Other: "two"}}
	if err != nil || len(got) != len(want) || *got[0] != *want[0] || *got[1] != *want[1] {
		t.Errorf("yaml.v3 fallback: %v %v", got, err)
	}
}
