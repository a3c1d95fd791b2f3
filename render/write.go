package render

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/iksplan/iksplan/internal/fsutil"
)

// ConflictError lists the files that are in the way of a write without
// --force. Nothing was written.
type ConflictError struct {
	Dir   string
	Paths []string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d file(s) already exist in %s and were left alone: %s (use --force to overwrite)",
		len(e.Paths), e.Dir, strings.Join(e.Paths, ", "))
}

// Write writes the artifacts into dir, each atomically (temp + rename).
// Without overwrite, it first checks every path and writes nothing at all
// when any file is in the way, returning a *ConflictError naming them.
func Write(dir string, arts []Artifact, overwrite bool) error {
	if !overwrite {
		var inWay []string
		for _, a := range arts {
			if fsutil.Exists(filepath.Join(dir, filepath.FromSlash(a.Path))) {
				inWay = append(inWay, a.Path)
			}
		}
		if len(inWay) > 0 {
			return &ConflictError{Dir: dir, Paths: inWay}
		}
	}
	for _, a := range arts {
		p := filepath.Join(dir, filepath.FromSlash(a.Path))
		if err := fsutil.WriteFile(p, a.Data, a.Mode, overwrite); err != nil {
			if errors.Is(err, fsutil.ErrExists) {
				return &ConflictError{Dir: dir, Paths: []string{a.Path}}
			}
			return err
		}
	}
	return nil
}
