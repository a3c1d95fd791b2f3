package fsutil

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// journalPrefix names the journal of an in-place set write in the set's
// folder: .iksplan-set-PID lists "temp NUL target" lines.
const journalPrefix = ".iksplan-set-"

// newMarker names the new files of an in-place write: .NAME.iksplan-new-PID.
const newMarker = ".iksplan-new-"

// holdsCwd reports whether the current directory is dir or inside it.
func holdsCwd(dir string) bool {
	wd, err := os.Getwd()
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, wd)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func writable(dir string) bool { return unix.Access(dir, unix.W_OK) == nil }

// writeInPlace writes the set into dir itself when dir cannot be swapped:
// every new file goes to a hidden temporary beside its target, they and
// their folders are synced (syncAll), a journal naming every rename is
// committed, and then the renames run. A process killed before the journal is committed
// leaves the old set (the temporaries are removed by the next run); killed
// after, the next run finishes the renames from the journal (roll
// forward), so the folder again holds one whole set.
func writeInPlace(dir string, files []File) error {
	pid := strconv.Itoa(os.Getpid())
	var journal bytes.Buffer
	var written []string
	mask := Umask()
	dirMode := fs.FileMode(0o777) &^ mask
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Path))
		tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+newMarker+pid)
		if err := os.MkdirAll(filepath.Dir(target), dirMode); err != nil {
			return fmt.Errorf("create directory %s: %w", filepath.Dir(target), err)
		}
		if err := os.WriteFile(tmp, f.Data, f.Mode.Perm()); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		if err := os.Chmod(tmp, f.Mode.Perm()&^mask); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		fmt.Fprintf(&journal, "%s\x00%s\n", tmp, target)
		written = append(written, tmp)
	}
	if err := syncAll(setPaths(dir, nil, written)); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	jp := filepath.Join(dir, journalPrefix+pid)
	if err := WriteFile(jp, journal.Bytes(), 0o600, true); err != nil {
		return err
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	if err := replay(jp); err != nil {
		return err
	}
	return syncDir(dir)
}

// replay runs the renames of a committed journal, then removes it.
func replay(journal string) error {
	b, err := os.ReadFile(journal)
	if err != nil {
		return fmt.Errorf("read %s: %w", journal, err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		tmp, target, ok := strings.Cut(l, "\x00")
		if !ok {
			continue
		}
		if err := os.Rename(tmp, target); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write %s: %w", target, err)
		}
	}
	return os.Remove(journal)
}

// recoverInPlace finishes the committed journals of dead processes in dir
// and removes the uncommitted new files they left beside the set's paths.
func recoverInPlace(dir string, files []File) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // no folder yet: nothing to recover
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), journalPrefix)
		if !ok {
			continue
		}
		if pid, _ := strconv.Atoi(rest); pid > 0 && pid != os.Getpid() && processAlive(pid) {
			continue
		}
		if err := replay(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for _, f := range files {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if seen[d] {
			continue
		}
		seen[d] = true
		matches, _ := filepath.Glob(filepath.Join(d, ".*"+newMarker+"*"))
		for _, m := range matches {
			pid, _ := strconv.Atoi(m[strings.LastIndex(m, newMarker)+len(newMarker):])
			if pid > 0 && pid != os.Getpid() && processAlive(pid) {
				continue
			}
			if err := os.Remove(m); err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOENT) {
				return fmt.Errorf("remove the stale temporary %s: %w", m, err)
			}
		}
	}
	return nil
}
