package fsutil

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Umask returns the process's file mode creation mask. It reads
// /proc/self/status (Linux 4.7+), which changes nothing; elsewhere it sets
// and restores the mask, as install and git do once at startup.
func Umask() fs.FileMode {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return fs.FileMode(m)
				}
			}
		}
	}
	m := syscall.Umask(0o022)
	syscall.Umask(m)
	return fs.FileMode(m)
}

// honourUmask is perm as the kernel would create it: without the bits the
// umask clears (0755 under umask 027 is 0750).
func honourUmask(perm fs.FileMode) fs.FileMode { return perm.Perm() &^ Umask() }
