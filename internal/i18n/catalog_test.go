package i18n

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// embedded is the whole embedded catalogue, parsed once for the checks.
var embedded = sync.OnceValue(func() catalogue { return parseCatalogue(localesFS) })

func TestCatalogueParses(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	if len(IDs(EN)) == 0 {
		t.Fatal("no English messages embedded")
	}
}

// forms returns every plural form's text of m.
func forms(m *Entry) []string {
	var out []string
	for _, s := range []string{m.One, m.Other} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkComplete returns one problem per message defined in only one language
// or with an empty text.
func checkComplete(c catalogue) []string {
	var probs []string
	for _, l := range Langs {
		for id, m := range c.messages[l] {
			if m.Other == "" {
				probs = append(probs, string(l)+": "+id+" has no 'other' text")
			}
			for _, o := range Langs {
				if _, ok := c.messages[o][id]; !ok {
					probs = append(probs, id+" is in "+string(l)+" but missing in "+string(o))
				}
			}
		}
	}
	slices.Sort(probs)
	return probs
}

// checkPlaceholders returns one problem per message whose languages need
// different placeholders.
func checkPlaceholders(c catalogue) []string {
	var probs []string
	for id, en := range c.messages[EN] {
		ja, ok := c.messages[JA][id]
		if !ok {
			continue
		}
		pe, pj := Placeholders(en), Placeholders(ja)
		if !slices.Equal(pe, pj) {
			probs = append(probs, id+": en needs "+strings.Join(pe, " ")+" but ja needs "+strings.Join(pj, " "))
		}
	}
	slices.Sort(probs)
	return probs
}

// checkGlossary returns one problem per glossary breach.
func checkGlossary(c catalogue, terms []Term) []string {
	var probs []string
	for id, ja := range c.messages[JA] {
		for _, jt := range forms(ja) {
			for _, t := range terms {
				if w, bad := t.WrongIn(jt); bad {
					probs = append(probs, id+": ja uses "+w+"; IBM Japan writes "+t.JA)
				}
			}
		}
		en, ok := c.messages[EN][id]
		if !ok {
			continue
		}
		for _, t := range terms {
			if !slices.ContainsFunc(forms(en), t.UsesTerm) {
				continue
			}
			if !slices.ContainsFunc(forms(ja), func(s string) bool { return strings.Contains(s, t.JA) }) {
				probs = append(probs, id+": en uses \""+t.EN+"\" but ja lacks "+t.JA)
			}
		}
	}
	slices.Sort(probs)
	return probs
}

func report(t *testing.T, what string, probs []string) {
	t.Helper()
	for _, p := range probs {
		t.Errorf("%s: %s", what, p)
	}
}

func TestEveryMessageInEveryLanguage(t *testing.T) {
	report(t, "missing translation", checkComplete(embedded()))
}

func TestPlaceholdersMatch(t *testing.T) {
	report(t, "placeholders", checkPlaceholders(embedded()))
}

func TestGlossary(t *testing.T) {
	terms, err := Glossary()
	if err != nil {
		t.Fatal(err)
	}
	report(t, "glossary", checkGlossary(embedded(), terms))
}

// broken is a catalogue with one defect of each kind the checks guard, so
// each check is shown to fail on what it guards.
var broken = fstest.MapFS{
	"locales/en/a.yaml": {Data: []byte("only: \"in English\"\n" +
		"node: \"add a worker node to {{.Pool}}\"\n" +
		"pct: \"%s keeps %d%%\"\n" +
		"zones: \"%[1]s then %[2]d\"\n")},
	"locales/ja/a.yaml": {Data: []byte("node: \"{{.Pool}} にワーカーノードを追加\"\n" +
		"pct: \"%s は %s%% を保つ\"\n" +
		"zones: \"%[2]d の後に %[1]s\"\n" +
		"extra: \"日本語だけ\"\n")},
}

func TestChecksFailOnDefects(t *testing.T) {
	c := parseCatalogue(broken)
	if c.err != nil {
		t.Fatal(c.err)
	}
	want := []string{"a.extra is in ja but missing in en", "a.only is in en but missing in ja"}
	if got := checkComplete(c); !slices.Equal(got, want) {
		t.Errorf("completeness: got %q, want %q", got, want)
	}
	// pct: %d became %s. zones: reordered but the same, so not reported.
	want = []string{"a.pct: en needs %1:s %2:d but ja needs %1:s %2:s"}
	if got := checkPlaceholders(c); !slices.Equal(got, want) {
		t.Errorf("placeholders: got %q, want %q", got, want)
	}
	terms, err := Glossary()
	if err != nil {
		t.Fatal(err)
	}
	want = []string{
		"a.node: en uses \"worker node\" but ja lacks ワーカー・ノード",
		"a.node: ja uses ワーカーノード; IBM Japan writes ワーカー・ノード",
	}
	got := checkGlossary(c, terms)
	if !slices.Equal(got, want) {
		t.Errorf("glossary: got %q, want %q", got, want)
	}
}
