package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// File is one file of a set: a slash-separated path inside the set's
// folder, its content and its mode before the umask.
type File struct {
	Path string
	Data []byte
	Mode fs.FileMode
}

// ConflictError lists the files of a set that are already in the folder
// when overwriting was not allowed. Nothing was written.
type ConflictError struct {
	Dir   string
	Paths []string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%d file(s) already exist in %s and were left alone: %s (use --force to overwrite)",
		len(e.Paths), e.Dir, strings.Join(e.Paths, ", "))
}

// Is makes errors.Is(err, ErrExists) true for a conflict.
func (e *ConflictError) Is(target error) bool { return target == ErrExists }

// SymlinkError is a symlink where the set would be written: iksplan never
// writes through one.
type SymlinkError struct {
	Path   string // the symlink
	Target string // where it points
}

func (e *SymlinkError) Error() string {
	return fmt.Sprintf("%s is a symlink to %s; iksplan never writes through a symlink: remove it or choose another output folder", e.Path, e.Target)
}

// tmpMarker names the temporary sibling folders of a set being written
// (.out.iksplan-tmp-PID-N) and of the set it replaced (…-old-PID-N).
const tmpMarker = ".iksplan-tmp-"

// WriteSet writes files into dir as one set: readers, and a process killed
// at any point, see the folder with the whole old set or the whole new one,
// never a mix. It builds the new folder as a hidden sibling — the new
// files plus hard links to everything else already in dir, so files that
// are not part of the set stay — makes it durable, and swaps the
// two folders in one rename (RENAME_EXCHANGE), then removes the old one.
// Syncing is one fsync of each new file and folder, all at the end
// (syncAll).
// Stale temporary siblings of earlier, killed runs are removed first.
//
// Without overwrite, any file of the set that exists already is a
// *ConflictError and nothing is written. dir itself, and any folder of the
// set that already exists, must not be a symlink (*SymlinkError).
func WriteSet(dir string, files []File, overwrite bool) error {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if err := cleanStale(dir); err != nil {
		return err
	}
	if err := recoverInPlace(dir, files); err != nil {
		return err
	}
	if err := checkSymlinks(dir, files); err != nil {
		return err
	}
	_, statErr := os.Lstat(dir)
	exists := statErr == nil
	if exists && !overwrite {
		var inWay []string
		for _, f := range files {
			if Exists(filepath.Join(dir, filepath.FromSlash(f.Path))) {
				inWay = append(inWay, f.Path)
			}
		}
		if len(inWay) > 0 {
			return &ConflictError{Dir: dir, Paths: inWay}
		}
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return fmt.Errorf("create directory %s: %w", parent, err)
	}
	// The folder cannot be swapped when it is (or holds) the current
	// directory, which would be left pointing at the old, removed folder,
	// or when its parent is not writable: then write in place, through a
	// journal (writeInPlace).
	if exists && (holdsCwd(dir) || !writable(parent)) {
		return writeInPlace(dir, files)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+tmpMarker+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	addPending(tmp)
	defer func() {
		os.RemoveAll(tmp) // no-op after the swap removed it
		donePending(tmp)
	}()
	mask := Umask()
	if err := os.Chmod(tmp, 0o777&^mask); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if err := fillNew(tmp, files, mask); err != nil {
		return err
	}
	var carried []string
	if exists {
		if carried, err = linkRest(dir, tmp, files); err != nil {
			return err
		}
	}
	if err := syncAll(setPaths(tmp, files, carried)); err != nil {
		return fmt.Errorf("write %s: %w", dir, err)
	}
	if !exists {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		return syncDir(parent)
	}
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE); err != nil {
		if errors.Is(err, unix.EBUSY) { // a mount point
			return writeInPlace(dir, files)
		}
		if !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.EXDEV) {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		// No atomic exchange on this file system: move the old set aside
		// (cleanStale restores it if we die in between), then move in.
		old := tmp + "-old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("write %s: %w", dir, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			_ = os.Rename(old, dir)
			return fmt.Errorf("write %s: %w", dir, err)
		}
		tmp = old
	}
	// tmp now holds the old set.
	if err := syncDir(parent); err != nil {
		return err
	}
	return nil
}

// checkSymlinks refuses a symlink at dir or at any folder of the set that
// exists already.
func checkSymlinks(dir string, files []File) error {
	check := func(p string) error {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return nil
		}
		target, _ := os.Readlink(p)
		return &SymlinkError{Path: p, Target: target}
	}
	if err := check(dir); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, f := range files {
		for d := path.Dir(f.Path); d != "." && d != "/" && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			if err := check(filepath.Join(dir, filepath.FromSlash(d))); err != nil {
				return err
			}
		}
	}
	return nil
}

// fill writes the set's files into root, a folder this write made (no
// fsync yet: syncAll syncs them all at the end).
func fill(root string, files []File) error {
	return fillNew(root, files, Umask())
}

// fillNew is fill with the umask the caller read once. Each file is
// created with O_EXCL: root is a folder this write made, so a file that
// exists already is a set naming one path twice, an error, and every
// file is new, so open(2) gives it its mode minus the umask and it needs
// no chmod. It writes through the file descriptor, not an *os.File,
// whose open registers a regular file with the poller in vain (a
// refused epoll_ctl) and sets a finalizer; it makes each folder once.
// That was five system calls per file besides open, write and close
// (strace -c of a render, issue 15).
func fillNew(root string, files []File, mask fs.FileMode) error {
	dirMode := fs.FileMode(0o777) &^ mask
	made := map[string]bool{root: true}
	for _, f := range files {
		if !fs.ValidPath(f.Path) {
			return fmt.Errorf("write %s: %q is not a relative path inside the folder", root, f.Path)
		}
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, dirMode); err != nil {
				return fmt.Errorf("create directory %s: %w", d, err)
			}
			made[d] = true
		}
		if err := writeNew(p, f.Data, uint32(f.Mode.Perm())); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	return nil
}

// writeNew creates the file p, which must not exist, with data (perm
// minus the umask, as open(2) applies it).
func writeNew(p string, data []byte, perm uint32) error {
	fd, err := unix.Open(p, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, perm)
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: p, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}

// linkRest hard-links into the new folder everything of the old one that
// the set does not replace, so a user's own files in the output folder
// survive the swap. Where hard links are not possible, it copies. It
// returns the folders it made and the files it copied, which are new data
// to sync (a hard link is a new entry in a folder that is synced anyway).
func linkRest(oldRoot, newRoot string, files []File) (written []string, err error) {
	inSet := make(map[string]bool, len(files))
	for _, f := range files {
		inSet[f.Path] = true
	}
	err = filepath.WalkDir(oldRoot, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(oldRoot, p)
		if rel == "." {
			return nil
		}
		slash := filepath.ToSlash(rel)
		dst := filepath.Join(newRoot, rel)
		if inSet[slash] {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			if fi, err := os.Stat(dst); err == nil && fi.IsDir() {
				return nil
			}
			info, err := de.Info()
			if err != nil {
				return err
			}
			written = append(written, dst)
			return os.Mkdir(dst, info.Mode().Perm())
		}
		if _, err := os.Lstat(dst); err == nil {
			return nil // a set file's folder sits where the old file was
		}
		if err := os.Link(p, dst); err == nil {
			return nil
		}
		if de.Type().IsRegular() {
			written = append(written, dst)
		}
		return copyEntry(p, dst, de)
	})
	return written, err
}

func copyEntry(src, dst string, de fs.DirEntry) error {
	info, err := de.Info()
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		t, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(t, dst)
	}
	if !info.Mode().IsRegular() {
		return nil // sockets, fifos: not ours to carry
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, info.Mode().Perm())
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// cleanStale removes the temporary siblings of dir that earlier runs left
// when they were killed, unless their process still runs. An old set moved
// aside while dir itself is missing is moved back first.
func cleanStale(dir string) error {
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	entries, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("read %s: %w", parent, err)
	}
	prefix := "." + base + tmpMarker
	var stale []string
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		pid, _ := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
		if pid > 0 && pid != os.Getpid() && processAlive(pid) {
			continue
		}
		stale = append(stale, name)
	}
	slices.Sort(stale)
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		for _, name := range stale {
			if strings.HasSuffix(name, "-old") {
				if err := os.Rename(filepath.Join(parent, name), dir); err == nil {
					break
				}
			}
		}
	}
	for _, name := range stale {
		p := filepath.Join(parent, name)
		if p == dir {
			continue
		}
		if err := os.RemoveAll(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the stale temporary folder %s: %w", p, err)
		}
	}
	return nil
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// pending is the temporary folder of the set being written, removed by
// RemovePending when a signal stops the process.
var pending struct {
	sync.Mutex
	dirs []string
}

func addPending(d string) {
	pending.Lock()
	pending.dirs = append(pending.dirs, d)
	pending.Unlock()
}

func donePending(d string) {
	pending.Lock()
	pending.dirs = slices.DeleteFunc(pending.dirs, func(x string) bool { return x == d })
	pending.Unlock()
}

// RemovePending removes the temporary folders of sets being written; a
// signal handler calls it before the process exits.
func RemovePending() {
	pending.Lock()
	defer pending.Unlock()
	for _, d := range pending.dirs {
		os.RemoveAll(d)
	}
	pending.dirs = nil
}
