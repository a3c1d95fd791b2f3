// Package fsutil writes files the way iksplan promises its users (README
// "What iksplan promises about your files"): whole or not at all (temp file
// + rename, or a whole set swapped in at once), never over an existing file
// unless the caller says so, never through a symlink, with the modes the
// umask allows.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned when a file is in the way and overwriting was not
// allowed.
var ErrExists = errors.New("file exists")

// ErrNotRegular is returned when the path names a device, a named pipe, a
// socket or a folder: a rename would replace it with a regular file
// (`-o /dev/null --force` once turned the machine's /dev/null into one).
// A symlink at the path is refused with a *SymlinkError.
var ErrNotRegular = errors.New("not a regular file")

// WriteFile writes data to path atomically: readers see the old file or the
// new one, never a half-written one. With overwrite false an existing path is
// left alone and the error wraps ErrExists; the check and the write are one
// step (a hard link), so a file appearing meanwhile is not clobbered either.
func WriteFile(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.Mode()&fs.ModeSymlink != 0 {
			// Renaming over it would replace the link (/dev/stdout is one).
			target, _ := os.Readlink(path)
			return &SymlinkError{Path: path, Target: target}
		}
		return fmt.Errorf("%s: %w (%s): iksplan does not replace it, even with --force; write to a file, or use - for standard output", path, ErrNotRegular, kind(fi.Mode()))
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename

	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file 0600; give it perm as the umask allows, as
	// open(2) would have.
	if err := os.Chmod(tmpName, honourUmask(perm)); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if overwrite {
		if err := os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if err := os.Link(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w (use --force to overwrite)", path, ErrExists)
		}
		// Some file systems have no hard links: fall back to check + rename.
		if _, statErr := os.Lstat(path); statErr == nil {
			return fmt.Errorf("%s: %w (use --force to overwrite)", path, ErrExists)
		}
		if err := os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}

// kind names a non-regular file's type for the message.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Exists reports whether something is at path.
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
