package model

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
)

// TestInputErrorsInCatalogue: every format names.go gives inputErr is a
// message of locales/en/model.yaml (and so, by the catalogue's own tests,
// of locales/ja/model.yaml), so no input error reaches a Japanese screen
// in English.
func TestInputErrorsInCatalogue(t *testing.T) {
	src, err := os.ReadFile("names.go")
	if err != nil {
		t.Fatal(err)
	}
	english := map[string]bool{}
	for _, id := range i18n.IDsIn(i18n.EN, "model") {
		m, _ := i18n.Message(i18n.EN, id)
		english[m.Other] = true
	}
	formats := regexp.MustCompile(`inputErr\(("(?:[^"\\]|\\.)*")`).FindAllSubmatch(src, -1)
	if len(formats) < 20 {
		t.Fatalf("found %d inputErr formats in names.go", len(formats))
	}
	for _, m := range formats {
		f, err := strconv.Unquote(string(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		if !english[f] {
			t.Errorf("input error %q is not in locales/en/model.yaml", f)
		}
	}
}

// TestInputErrorTyped: a validator's error is an *InputError whose text
// is the English format filled with the values.
func TestInputErrorTyped(t *testing.T) {
	err := ValidateClusterName("9bad")
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("%T is not an *InputError", err)
	}
	if want := `"9bad" must start with a letter and contain only letters, digits, periods and hyphens`; err.Error() != want {
		t.Errorf("%q, want %q", err, want)
	}
	if _, err := ParseCIDR("10.0.0.1/16"); !errors.As(err, &ie) || len(ie.Args) != 2 {
		t.Errorf("ParseCIDR: %#v", err)
	}
}
