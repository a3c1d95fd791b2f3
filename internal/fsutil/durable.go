package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// maxSyncs bounds the fsyncs in flight at once.
const maxSyncs = 16

// syncPath fsyncs one file or folder (a variable so a test can see what is
// synced and when). It opens the file descriptor itself: os.Open would
// register it with the poller in vain and set a finalizer, two costs per
// file of a render (see fillNew).
var syncPath = func(p string) error {
	fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: p, Err: err}
	}
	for {
		err = unix.Fsync(fd)
		if err != unix.EINTR {
			break
		}
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		err = cerr
	}
	if err == nil || errors.Is(err, syscall.EINVAL) { // a file system that cannot sync folders
		return nil
	}
	return &fs.PathError{Op: "sync", Path: p, Err: err}
}

// syncAll makes the files and folders of a set durable once they are all
// written: one fsync of each, issued together, so the file system can
// commit them in one or a few journal transactions. It replaces one
// syncfs(2), which also waits for every other writer's dirty data on the
// same file system (on a busy disk, much more than the set), and one fsync
// per file as it is written, which waits for a commit per file
// (BenchmarkSyncSet has the figures).
func syncAll(paths []string) error {
	errs := make([]error, len(paths))
	sem := make(chan struct{}, maxSyncs)
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := syncPath(p); err != nil {
				errs[i] = fmt.Errorf("sync %s: %w", p, err)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// setPaths lists what a set written under root must have synced: each of
// its files, extra (what else was written under root), and every folder
// from root down to each of them, each once.
func setPaths(root string, files []File, extra []string) []string {
	paths := []string{root}
	seen := map[string]bool{root: true}
	add := func(p string) {
		for d := filepath.Dir(p); !seen[d] && d != root && d != filepath.Dir(d); d = filepath.Dir(d) {
			seen[d] = true
			paths = append(paths, d)
		}
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		paths = append(paths, p)
		add(p)
	}
	for _, p := range extra {
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
		add(p)
	}
	return slices.Clip(paths)
}
