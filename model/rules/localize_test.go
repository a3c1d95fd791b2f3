package rules

import (
	"github.com/iksplan/iksplan/model/catalog"
	"strings"
	"testing"
	"unicode"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// hasJapanese reports whether s holds kana or kanji.
func hasJapanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return true
		}
	}
	return false
}

// TestFindingsInJapanese runs every failing case of the rule table and
// checks each finding in Japanese: the message found its catalogue entry
// (it reads Japanese), formatted without fmt errors, and everything a
// script relies on is unchanged.
func TestFindingsInJapanese(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range ruleCases {
		d, c := setup(t, tc.vpc)
		tc.fail(t, d, c)
		en := Evaluate(d, c, nil)
		ja := Localize(en, i18n.JA)
		if len(ja.Findings) != len(en.Findings) {
			t.Fatalf("%s: Localize changed the number of findings", tc.id)
		}
		for i, f := range ja.Findings {
			e := en.Findings[i]
			if f.RuleID != e.RuleID || f.Path != e.Path || f.Severity != e.Severity || f.DocURL != e.DocURL || f.Line != e.Line {
				t.Errorf("%s: Localize changed more than the text: %+v vs %+v", e.RuleID, f, e)
			}
			if seen[e.RuleID+e.Message] {
				continue
			}
			seen[e.RuleID+e.Message] = true
			if strings.Contains(f.Message, "%!") {
				t.Errorf("%s: Japanese message has a fmt error: %s", e.RuleID, f.Message)
			}
			if id, ok := formatID(e.format); !ok || !i18n.For(i18n.JA).Has(id) {
				t.Errorf("%s: format %q has no Japanese catalogue entry", e.RuleID, e.format)
			}
			if !hasJapanese(f.Why) {
				t.Errorf("%s: why stayed English: %s", e.RuleID, f.Why)
			}
		}
	}
	if en := Localize(Report{Findings: []Finding{{RuleID: "HA001", Message: "x", Why: "y"}}}, i18n.EN); en.Findings[0].Why != "y" {
		t.Error("English Localize must return the report unchanged")
	}
}

// TestTitlesInJapanese checks every rule's title and why has Japanese text.
func TestTitlesInJapanese(t *testing.T) {
	for _, r := range All() {
		if !hasJapanese(r.TitleIn(i18n.JA)) || !hasJapanese(r.WhyIn(i18n.JA)) {
			t.Errorf("%s: title or why has no Japanese text", r.ID)
		}
		if r.TitleIn(i18n.EN) != r.Title || r.WhyIn(i18n.EN) != r.Why {
			t.Errorf("%s: English title or why differs from the source", r.ID)
		}
	}
}

// TestTermsMatchTheCode keeps the terms catalogue's English equal to the
// phrases the code passes, or the swap silently stops working.
func TestTermsMatchTheCode(t *testing.T) {
	for id, want := range map[string]string{
		"terms.scenario.zoneLost":   "one zone lost",
		"terms.scenario.workerLost": "one worker lost",
		"terms.eos.tentative":       tentative(catalog.Version{Tentative: true}),
	} {
		if m, ok := i18n.Message(i18n.EN, id); !ok || m.Other != want {
			t.Errorf("%s: catalogue has %v, code says %q", id, m, want)
		}
	}
}

// TestStrictLoadFindingsInJapanese: a DES001 finding from the strict load
// whose message is one of model.CheckText's is printed in Japanese
// (iksplan validate --lang ja); other DES001 messages keep their text.
func TestStrictLoadFindingsInJapanese(t *testing.T) {
	for _, m := range model.CheckTextMessages() {
		f := Finding{RuleID: "DES001", Severity: Error, Path: "metadata.name", Message: m}.In(i18n.JA)
		if f.Message == m || !hasJapanese(f.Message) {
			t.Errorf("CheckText message %q not in Japanese: %q", m, f.Message)
		}
	}
	other := `"vpcx" is not one of: classic, vpc-gen2`
	if f := (Finding{RuleID: "DES001", Message: other}).In(i18n.JA); f.Message != other {
		t.Errorf("an unknown DES001 message changed: %q", f.Message)
	}
}
