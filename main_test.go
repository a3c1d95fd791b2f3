package main

import (
	"testing"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// TestLazyPatternsCompile compiles every pattern the program declares with
// lazyre (this test links what main links), so a bad one fails here and not
// at a user's first use of it.
func TestLazyPatternsCompile(t *testing.T) {
	n, err := lazyre.CompileAll()
	if err != nil {
		t.Fatal(err)
	}
	if n < 15 {
		t.Fatalf("only %d lazy patterns declared: the program no longer links the packages that declare them?", n)
	}
}
