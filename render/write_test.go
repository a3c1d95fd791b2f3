package render

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteRefusesWhenAnyFileIsInTheWay(t *testing.T) {
	dir := t.TempDir()
	arts := []Artifact{
		{Path: "DESIGN.md", Data: []byte("doc"), Mode: 0o644},
		{Path: "manifests/00-namespaces.yaml", Data: []byte("ns"), Mode: 0o644},
		{Path: "runbook.sh", Data: []byte("#!/bin/sh"), Mode: 0o755},
	}
	if err := os.MkdirAll(filepath.Join(dir, "manifests"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifests/00-namespaces.yaml"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, arts, false)
	var ce *ConflictError
	if !errors.As(err, &ce) || len(ce.Paths) != 1 || ce.Paths[0] != "manifests/00-namespaces.yaml" {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "DESIGN.md")); !os.IsNotExist(err) {
		t.Fatal("a file was written although another was in the way")
	}
	if err := Write(dir, arts, true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "manifests/00-namespaces.yaml"))
	st, _ := os.Stat(filepath.Join(dir, "runbook.sh"))
	if string(b) != "ns" || st.Mode().Perm() != 0o755 {
		t.Fatalf("overwrite: %q %v", b, st.Mode())
	}
}

func TestParseKinds(t *testing.T) {
	k, err := ParseKinds(" doc, runbook ,doc")
	if err != nil || len(k) != 2 || k[0] != KindDoc || k[1] != KindRunbook {
		t.Fatalf("got %v %v", k, err)
	}
	if k, _ := ParseKinds(""); len(k) != len(Kinds()) {
		t.Fatalf("empty means all: %v", k)
	}
	if _, err := ParseKinds("doc,slides"); err == nil {
		t.Fatal("unknown kind accepted")
	}
}
