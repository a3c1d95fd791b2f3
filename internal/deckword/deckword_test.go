package deckword

import "testing"

func TestFindsTheDeckWordInBothLanguages(t *testing.T) {
	for s, want := range map[string]string{
		"as the seed says":          "seed",
		"Seeded from slide 10":      "Seeded",
		"シードのスライド 10":               "シード",
		"IBM's 2019 guidance":       "",
		"proceed, succeed, linseed": "",
	} {
		if got := Find(s); got != want {
			t.Errorf("Find(%q) = %q, want %q", s, got, want)
		}
	}
	got := Lines("one\nthe seed\nthree\nシード")
	if len(got) != 2 || got[0] != (Line{2, "the seed"}) || got[1] != (Line{4, "シード"}) {
		t.Errorf("Lines = %v, want lines 2 and 4", got)
	}
}
