package fsutil

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// benchSet is a set shaped like a render's: 27 files of 10 KB in five
// folders.
func benchSet() []File {
	data := make([]byte, 10_000)
	for i := range data {
		data[i] = byte('a' + i%26)
	}
	var files []File
	for i := range 27 {
		files = append(files, File{Path: fmt.Sprintf("d%d/f%02d.yaml", i%5, i), Data: data, Mode: 0o644})
	}
	return files
}

// BenchmarkSyncSet writes a render-sized set into a new folder under
// TMPDIR (a real disk, not tmpfs, to mean anything) and makes it durable:
// syncAll (every file and folder fsynced at once) against the two
// references it replaced, one syncfs(2) of the file system and one fsync
// per file in turn. Run it on a quiet disk and with a writer alongside
// (bench/run.sh's busy-disk row does the latter for the whole command).
func BenchmarkSyncSet(b *testing.B) {
	files := benchSet()
	strategies := []struct {
		name string
		sync func(root string) error
	}{
		{"all-at-once", func(root string) error { return syncAll(setPaths(root, files, nil)) }},
		{"syncfs", func(root string) error {
			d, err := os.Open(root)
			if err != nil {
				return err
			}
			defer d.Close()
			return unix.Syncfs(int(d.Fd()))
		}},
		{"one-by-one", func(root string) error {
			for _, p := range setPaths(root, files, nil) {
				if err := syncPath(p); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, s := range strategies {
		b.Run(s.name, func(b *testing.B) {
			base := b.TempDir()
			for i := 0; b.Loop(); i++ {
				root := filepath.Join(base, fmt.Sprint(i))
				if err := fill(root, files); err != nil {
					b.Fatal(err)
				}
				if err := s.sync(root); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
