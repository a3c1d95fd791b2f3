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

// WriteFile writes data to path atomically: readers see the old file or the
// new one, never a half-written one. With overwrite false an existing path is
// left alone and the error wraps ErrExists; the check and the write are one
// step (a hard link), so a file appearing meanwhile is not clobbered either.
func WriteFile(path string, data []byte, perm fs.FileMode, overwrite bool) error {
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

// Exists reports whether something is at path.
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
