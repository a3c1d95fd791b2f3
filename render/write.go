package render

import (
	"github.com/iksplan/iksplan/internal/fsutil"
)

// ConflictError lists the files that are in the way of a write without
// --force. Nothing was written.
type ConflictError = fsutil.ConflictError

// SymlinkError is a symlinked output folder (or subfolder): nothing is
// written through it.
type SymlinkError = fsutil.SymlinkError

// Write writes the artifacts into dir as one set (fsutil.WriteSet): the
// folder holds the whole old set or the whole new one, even when the
// process is killed; files of dir that are not artifacts stay. Without
// overwrite, nothing at all is written when any artifact's file is in the
// way (*ConflictError naming them). A symlinked dir or subfolder is refused
// (*SymlinkError). Modes honour the umask.
func Write(dir string, arts []Artifact, overwrite bool) error {
	files := make([]fsutil.File, len(arts))
	for i, a := range arts {
		files[i] = fsutil.File{Path: a.Path, Data: a.Data, Mode: a.Mode}
	}
	return fsutil.WriteSet(dir, files, overwrite)
}
