package model

import (
	"testing"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// TestLazyRegexpsCompile compiles the model's name and loader patterns
// (declared with lazyre, compiled on first use), so a bad one fails here
// and not at a user's first use of it.
func TestLazyRegexpsCompile(t *testing.T) {
	n, err := lazyre.CompileAll()
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d lazy patterns registered", n)
	}
}
