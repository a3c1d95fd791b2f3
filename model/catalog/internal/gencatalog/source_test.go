package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
)

// TestGeneratedFileIsCurrent fails when ../../catalog_gen.go differs by a
// byte from what go generate writes now: a stale file, or one edited by
// hand.
func TestGeneratedFileIsCurrent(t *testing.T) {
	c, err := catalog.LoadFile("../../catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Source(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("model/catalog/catalog_gen.go is not what gencatalog writes from catalog.yaml: run go generate ./model/catalog")
	}
}
