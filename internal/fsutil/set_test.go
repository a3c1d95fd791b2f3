package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func set(version string) []File {
	return []File{
		{Path: "DESIGN.md", Data: []byte("doc " + version), Mode: 0o644},
		{Path: "runbook.sh", Data: []byte("#!/bin/sh\n# " + version), Mode: 0o755},
		{Path: "manifests/00-namespaces.yaml", Data: []byte("ns " + version), Mode: 0o644},
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestF8_SymlinkedSubdirRefused(t *testing.T) {
	root := t.TempDir()
	out, elsewhere := filepath.Join(root, "out"), filepath.Join(root, "elsewhere")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "00-namespaces.yaml"), []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "manifests")); err != nil {
		t.Fatal(err)
	}
	for _, force := range []bool{false, true} {
		err := WriteSet(out, set("new"), force)
		var se *SymlinkError
		if !errors.As(err, &se) || se.Path != filepath.Join(out, "manifests") || !strings.Contains(err.Error(), elsewhere) {
			t.Fatalf("force=%v: want a SymlinkError naming out/manifests and its target, got %v", force, err)
		}
		if got := read(t, filepath.Join(elsewhere, "00-namespaces.yaml")); got != "theirs" {
			t.Fatalf("force=%v: wrote through the symlink: %q", force, got)
		}
		if Exists(filepath.Join(out, "DESIGN.md")) {
			t.Fatalf("force=%v: wrote part of the set", force)
		}
	}
	// The output folder itself as a symlink is refused too.
	link := filepath.Join(root, "outlink")
	if err := os.Symlink(elsewhere, link); err != nil {
		t.Fatal(err)
	}
	var se *SymlinkError
	if err := WriteSet(link, set("new"), true); !errors.As(err, &se) {
		t.Fatalf("want a SymlinkError for a symlinked output folder, got %v", err)
	}
}

func TestF9_SetSwappedWholeAndUserFilesKept(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := WriteSet(out, set("old"), false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "NOTES.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "manifests", "99-mine.yaml"), []byte("mine too"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ce *ConflictError
	if err := WriteSet(out, set("new"), false); !errors.As(err, &ce) || len(ce.Paths) != 3 || !errors.Is(err, ErrExists) {
		t.Fatalf("without force: want a conflict naming 3 files, got %v", err)
	}
	if err := WriteSet(out, set("new"), true); err != nil {
		t.Fatal(err)
	}
	for _, f := range set("new") {
		if got := read(t, filepath.Join(out, f.Path)); got != string(f.Data) {
			t.Fatalf("%s = %q", f.Path, got)
		}
	}
	if read(t, filepath.Join(out, "NOTES.txt")) != "mine" || read(t, filepath.Join(out, "manifests", "99-mine.yaml")) != "mine too" {
		t.Fatal("the user's own files did not survive the swap")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(left) != 0 {
		t.Fatalf("temporaries left: %v", left)
	}
}

func TestF9_StaleTemporariesCleaned(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	// A killed run left its half-built set (pid 1 is init: alive, but
	// never ours, so use an impossible pid) and a moved-aside old set.
	stale := filepath.Join(parent, ".out"+tmpMarker+"999999999-123")
	if err := os.MkdirAll(filepath.Join(stale, "manifests"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(parent, ".out"+tmpMarker+"999999998-7-old")
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, "DESIGN.md"), []byte("doc old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// out is missing: the old set moved aside comes back, then is replaced.
	if err := WriteSet(out, set("new"), true); err != nil {
		t.Fatal(err)
	}
	if Exists(stale) || Exists(old) {
		t.Fatal("stale temporaries not removed")
	}
	if got := read(t, filepath.Join(out, "DESIGN.md")); got != "doc new" {
		t.Fatalf("DESIGN.md = %q", got)
	}
}

func TestF10_UmaskHonoured(t *testing.T) {
	prev := syscall.Umask(0o027)
	defer syscall.Umask(prev)
	out := filepath.Join(t.TempDir(), "out")
	if err := WriteSet(out, set("x"), false); err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{"DESIGN.md": 0o640, "runbook.sh": 0o750, "manifests": 0o750, ".": 0o750}
	for p, m := range want {
		st, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != m {
			t.Errorf("%s: mode %v, want %v under umask 027", p, st.Mode().Perm(), m)
		}
	}
	f := filepath.Join(t.TempDir(), "one.yaml")
	if err := WriteFile(f, []byte("x"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(f); st.Mode().Perm() != 0o640 {
		t.Errorf("WriteFile: mode %v, want 0640 under umask 027", st.Mode().Perm())
	}
}

// TestF9_OutputIsCurrentDirectory: the folder that holds the current
// directory is not swapped (the shell would be left in a removed folder);
// the set is written in place through a journal.
func TestF9_OutputIsCurrentDirectory(t *testing.T) {
	out := t.TempDir()
	t.Chdir(out)
	if err := os.WriteFile("design.yaml", []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteSet(".", set("old"), false); err != nil {
		t.Fatal(err)
	}
	if err := WriteSet(".", set("new"), true); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if wd != out || read(t, "DESIGN.md") != "doc new" || read(t, "design.yaml") != "mine" {
		t.Fatalf("cwd %s, DESIGN.md %q", wd, read(t, "DESIGN.md"))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*iksplan*")); len(left) != 0 {
		t.Fatalf("temporaries left: %v", left)
	}
}

// TestF9_InPlaceJournalRollsForward: a run killed after committing its
// journal is finished by the next run; one killed before leaves only
// temporaries, which are removed.
func TestF9_InPlaceJournalRollsForward(t *testing.T) {
	out := t.TempDir()
	if err := WriteSet(out, set("old"), false); err != nil {
		t.Fatal(err)
	}
	// A dead run committed a journal for DESIGN.md and runbook.sh, and
	// renamed only DESIGN.md before it died.
	tmp := filepath.Join(out, ".runbook.sh"+newMarker+"999999999")
	if err := os.WriteFile(tmp, []byte("#!/bin/sh\n# mid"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "DESIGN.md"), []byte("doc mid"), 0o644); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(out, journalPrefix+"999999999")
	body := filepath.Join(out, ".DESIGN.md"+newMarker+"999999999") + "\x00" + filepath.Join(out, "DESIGN.md") + "\n" +
		tmp + "\x00" + filepath.Join(out, "runbook.sh") + "\n"
	if err := os.WriteFile(journal, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	// And an uncommitted one left a temporary.
	stray := filepath.Join(out, "manifests", ".00-namespaces.yaml"+newMarker+"999999998")
	if err := os.WriteFile(stray, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := recoverInPlace(out, set("x")); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "runbook.sh")) != "#!/bin/sh\n# mid" || Exists(journal) || Exists(stray) || Exists(tmp) {
		t.Fatal("the journal was not rolled forward, or debris was left")
	}
}

// TestSetNamingAPathTwiceIsRefused: a set that names one file twice is an
// error and nothing is written (each file of a new set is created with
// O_EXCL). Before, the second copy silently replaced the first; the test
// failed with "wrote a set that names DESIGN.md twice".
func TestSetNamingAPathTwiceIsRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	files := append(set("new"), File{Path: "DESIGN.md", Data: []byte("doc again"), Mode: 0o644})
	if err := WriteSet(out, files, false); err == nil {
		t.Fatal("wrote a set that names DESIGN.md twice")
	}
	if _, err := os.Lstat(out); !os.IsNotExist(err) {
		t.Fatalf("the folder exists after a refused set (%v)", err)
	}
}
