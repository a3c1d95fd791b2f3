package render

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// These run through render.Write, the path `iksplan render` and the
// wizard take; internal/fsutil has the detailed cases.

func TestF8_RenderRefusesSymlinkedSubdir(t *testing.T) {
	root := t.TempDir()
	out, elsewhere := filepath.Join(root, "out"), filepath.Join(root, "elsewhere")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "manifests")); err != nil {
		t.Fatal(err)
	}
	arts := []Artifact{{Path: "manifests/00-namespaces.yaml", Data: []byte("ns"), Mode: 0o644}}
	if err := Write(out, arts, true); err == nil {
		t.Fatal("render.Write followed a symlinked subfolder")
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "00-namespaces.yaml")); err == nil {
		t.Fatal("a file was written into the symlink's target")
	}
}

func TestF10_RenderHonoursUmask(t *testing.T) {
	prev := syscall.Umask(0o077)
	defer syscall.Umask(prev)
	out := filepath.Join(t.TempDir(), "out")
	arts := []Artifact{{Path: "runbook.sh", Data: []byte("#!/bin/sh\n"), Mode: 0o755}, {Path: "DESIGN.md", Data: []byte("d"), Mode: 0o644}}
	if err := Write(out, arts, false); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{"runbook.sh": 0o700, "DESIGN.md": 0o600} {
		st, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v under umask 077", p, st.Mode().Perm(), want)
		}
	}
}
