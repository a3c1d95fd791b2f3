package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "a.yaml")
	if err := WriteFile(p, []byte("one"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("two"), 0o644, false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second write: got %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatalf("file changed to %q", b)
	}
	if err := WriteFile(p, []byte("three"), 0o755, true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "three" || st.Mode().Perm() != 0o755 {
		t.Fatalf("got %q %v", b, st.Mode())
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "sub", ".*tmp*"))
	if len(leftovers) != 0 {
		t.Fatalf("temp files left behind: %v", leftovers)
	}
}

// A named pipe (like a device: /dev/null) is never replaced by a regular
// file, with or without overwrite, and nothing is left beside it.
func TestWriteFileKeepsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, overwrite := range []bool{false, true} {
		err := WriteFile(fifo, []byte("x"), 0o644, overwrite)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a named pipe") {
			t.Errorf("overwrite %v: got %v, want ErrNotRegular naming a named pipe", overwrite, err)
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Fatalf("overwrite %v: the pipe was replaced: %v %v", overwrite, fi.Mode(), err)
		}
	}
	if err := WriteFile(dir, []byte("x"), 0o644, true); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a folder as the target: got %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	var se *SymlinkError
	if err := WriteFile(link, []byte("x"), 0o644, true); !errors.As(err, &se) {
		t.Errorf("a symlink as the target: got %v, want a SymlinkError", err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", fi.Mode(), err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("files left beside the pipe: %v", ents)
	}
}
