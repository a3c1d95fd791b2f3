package fsutil

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// recordSyncs makes syncPath record what it syncs, and what the output
// folder's DESIGN.md held at that moment, instead of syncing.
func recordSyncs(t *testing.T, out string) (synced func() []string, designAtSync func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths, designs []string
	old := syncPath
	syncPath = func(p string) error {
		b, _ := os.ReadFile(filepath.Join(out, "DESIGN.md"))
		mu.Lock()
		paths = append(paths, p)
		designs = append(designs, string(b))
		mu.Unlock()
		return nil
	}
	t.Cleanup(func() { syncPath = old })
	return func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(paths) },
		func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(designs) }
}

// TestSetSyncedBeforeSwap: every file of the set, every folder that holds
// one, the folder a user's own subfolder is recreated as, and a copied file
// are synced, each once, and all before the new set is swapped in.
func TestSetSyncedBeforeSwap(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := WriteSet(out, set("old"), false); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(out, "mine", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "mine", "deep", "notes.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	synced, designAtSync := recordSyncs(t, out)
	if err := WriteSet(out, set("new"), true); err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range synced() {
		dir, r, ok := strings.Cut(p, tmpMarker)
		if !ok || dir != filepath.Join(filepath.Dir(out), "."+filepath.Base(out)) {
			t.Fatalf("synced %s, outside the new set's folder", p)
		}
		_, r, _ = strings.Cut(r, string(filepath.Separator)) // PID-N/
		rel = append(rel, "/"+r)
	}
	slices.Sort(rel)
	want := []string{"/", "/DESIGN.md", "/manifests", "/manifests/00-namespaces.yaml", "/mine", "/mine/deep", "/runbook.sh"}
	if !slices.Equal(rel, want) {
		t.Fatalf("synced\n %q\nwant\n %q", rel, want)
	}
	for _, d := range designAtSync() {
		if d != "doc old" {
			t.Fatalf("a sync ran after the swap (DESIGN.md was %q)", d)
		}
	}
	if read(t, filepath.Join(out, "DESIGN.md")) != "doc new" || read(t, filepath.Join(out, "mine", "deep", "notes.txt")) != "keep" {
		t.Fatal("the new set or the user's file is missing")
	}
}

// TestInPlaceSyncedBeforeRenames: written in place (the output folder is
// the current directory), every temporary and its folder is synced before
// the journal's renames.
func TestInPlaceSyncedBeforeRenames(t *testing.T) {
	out := t.TempDir()
	t.Chdir(out)
	if err := WriteSet(".", set("old"), false); err != nil {
		t.Fatal(err)
	}
	synced, designAtSync := recordSyncs(t, out)
	if err := WriteSet(".", set("new"), true); err != nil {
		t.Fatal(err)
	}
	var temps, dirs int
	for _, p := range synced() {
		switch {
		case strings.Contains(filepath.Base(p), newMarker):
			temps++
		case p == out || p == filepath.Join(out, "manifests"):
			dirs++
		}
	}
	if temps != len(set("")) || dirs < 2 {
		t.Fatalf("synced %d temporaries and %d folders (want %d and both folders): %q", temps, dirs, len(set("")), synced())
	}
	if d := designAtSync(); d[0] != "doc old" {
		t.Fatalf("the first sync ran after a rename (DESIGN.md was %q)", d[0])
	}
}
