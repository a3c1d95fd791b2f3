package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestLoadOnceMatchesTwice: Load's one-parse path (decodeOnce) reads every
// file as the two-parse one (decodeTwice) does: the same design, error and
// lines. The files are the presets, each with every line dropped, every
// line written twice and every line's first word misspelt (unknown fields,
// duplicate keys, type errors, broken YAML), and hand-made edge cases.
func TestLoadOnceMatchesTwice(t *testing.T) {
	inputs := [][]byte{
		nil, []byte("\n"), []byte("# only a comment\n"), []byte("~\n"), []byte("null\n"), []byte("a\n"), []byte("[1, 2]\n"),
		[]byte("apiVersion: iksplan/v1alpha1\n---\nkind: x\n"), []byte("a: &x [*x]\n"),
		[]byte("apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nspec: {zones: [a, *b]}\n"),
		[]byte("apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nspec:\n  workerPools: [" + strings.Repeat("{}, ", MaxListItems) + "{}]\n"),
		[]byte("apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nmetadata: &m {name: x}\nspec: *m\n"),
		[]byte("apiVersion: iksplan/v1alpha1\napiVersion: x\nkind: ClusterDesign\n"),
	}
	files, err := filepath.Glob("presets/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no presets: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ok := decodeOnce(data, &Design{}); !ok {
			t.Errorf("%s: Load parses the preset twice", f)
		}
		inputs = append(inputs, data)
		lines := bytes.SplitAfter(data, []byte("\n"))
		for i := range lines {
			dropped := bytes.Join(append(append([][]byte{}, lines[:i]...), lines[i+1:]...), nil)
			twice := bytes.Join(append(append(append([][]byte{}, lines[:i+1]...), lines[i]), lines[i+1:]...), nil)
			misspelt := bytes.Join(append(append(append([][]byte{}, lines[:i]...), bytes.Replace(lines[i], []byte(":"), []byte("x:"), 1)), lines[i+1:]...), nil)
			inputs = append(inputs, dropped, twice, misspelt)
		}
	}
	defer func() { alwaysTwice = false }()
	for _, in := range inputs {
		alwaysTwice = false
		d1, s1, err1 := Load(in, "d.yaml")
		alwaysTwice = true
		d2, s2, err2 := Load(in, "d.yaml")
		switch {
		case fmt.Sprint(err1) != fmt.Sprint(err2):
			t.Errorf("one parse and two read this file differently:\n%s\none parse: %v\ntwo: %v", firstLines(in), err1, err2)
		case !reflect.DeepEqual(d1, d2):
			t.Errorf("one parse and two decode this file differently:\n%s\none parse: %+v\ntwo: %+v", firstLines(in), d1, d2)
		case !reflect.DeepEqual(s1, s2):
			t.Errorf("one parse and two index this file differently:\n%s\none parse: %+v\ntwo: %+v", firstLines(in), s1, s2)
		}
	}
}

func firstLines(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}
