package model_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// TestCheckTextMessagesInCatalogue: every message CheckText gives is a
// fixed phrase of the English terms catalogue (so a finding in Japanese
// swaps it for its translation, rules.Finding.In), and
// CheckTextMessages lists every message CheckText gives for a NUL, bytes
// that are not UTF-8 and a leading line break, in a value and in a key.
func TestCheckTextMessagesInCatalogue(t *testing.T) {
	phrases := map[string]bool{}
	for _, id := range i18n.IDsIn(i18n.EN, "terms") {
		m, _ := i18n.Message(i18n.EN, id)
		phrases[m.Other] = true
	}
	listed := model.CheckTextMessages()
	for _, m := range listed {
		if !phrases[m] {
			t.Errorf("CheckText message %q is not in locales/en/terms.yaml", m)
		}
	}
	d, err := presets.All()[0].Design()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, bad := range []string{"a\x00b", "a\xffb", "\nab"} {
		c := d.Clone()
		c.Metadata.Description = bad
		c.Spec.WorkerPools[0].Labels = map[string]string{bad: "x"}
		for _, p := range model.CheckText(c) {
			got = append(got, p.Message)
		}
	}
	if len(got) != 6 {
		t.Fatalf("CheckText gave %d problems for 3 bad values and 3 bad keys: %q", len(got), got)
	}
	for _, m := range got {
		if !slices.Contains(listed, m) {
			t.Errorf("CheckText gave %q, which CheckTextMessages does not list", m)
		}
	}
}

// TestCheckTextPaths: CheckText names the YAML path of a bad value and of
// a bad map key, through lists and nested structs (its walks build the
// path only for what they report).
func TestCheckTextPaths(t *testing.T) {
	d, err := presets.Design("tokyo-classic-production")
	if err != nil {
		t.Fatal(err)
	}
	d.Spec.Namespaces = append(d.Spec.Namespaces, model.Namespace{Name: "a"}, model.Namespace{Name: "b"})
	last := len(d.Spec.Namespaces) - 1
	d.Spec.Namespaces[last].Labels = map[string]string{"k\x00": "v"}
	d.Spec.Namespaces[last-1].Name = "n\x00"
	var got []string
	for _, p := range model.CheckText(d) {
		got = append(got, p.Path)
	}
	want := []string{
		"spec.namespaces[" + strconv.Itoa(last-1) + "].name",
		"spec.namespaces[" + strconv.Itoa(last) + "].labels.k\x00",
	}
	if !slices.Equal(got, want) {
		t.Errorf("CheckText paths %q, want %q", got, want)
	}
}
