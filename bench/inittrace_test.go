package bench

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// initBudget is what one of iksplan's own packages may allocate in its
// package init. Every command pays every package's init, `iksplan version`
// included: registries, catalogs, styles and translations are built on
// first use instead (sync.Once, lazyre). The wizard's step registration
// was 376 allocations and 105 kB in init (now 73 and 6.8 kB).
const (
	initBudgetAllocs = 100
	initBudgetBytes  = 16 << 10
)

// TestOwnPackageInitIsCheap runs the binary with GODEBUG=inittrace=1 and
// fails when one of iksplan's packages allocates more than initBudget in
// its init. It counts allocations, not time: the figure does not depend
// on the machine's load. It failed with the wizard's steps registered in
// init() (github.com/iksplan/iksplan/wizard: 376 allocs, 105472 bytes).
func TestOwnPackageInitIsCheap(t *testing.T) {
	if testing.Short() {
		t.Skip("links the whole binary")
	}
	statModuleSources(t, "..")
	bin := filepath.Join(t.TempDir(), "iksplan")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "..")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := exec.Command(bin, "version")
	run.Env = append(run.Environ(), "GODEBUG=inittrace=1", "HOME="+t.TempDir())
	var trace bytes.Buffer
	run.Stderr = &trace
	if out, err := run.Output(); err != nil {
		t.Fatalf("iksplan version: %v\n%s%s", err, out, trace.Bytes())
	}
	seen := 0
	sc := bufio.NewScanner(&trace)
	for sc.Scan() {
		// init github.com/iksplan/iksplan/wizard @2.8 ms, 0.037 ms clock, 6840 bytes, 73 allocs
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		if !strings.HasPrefix(f[1], "github.com/iksplan/iksplan") {
			continue
		}
		seen++
		bytes, err1 := strconv.Atoi(f[7])
		allocs, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			t.Fatalf("unreadable inittrace line %q", sc.Text())
		}
		if allocs > initBudgetAllocs || bytes > initBudgetBytes {
			t.Errorf("%s allocates %d times, %d bytes, in its package init (budget %d, %d): build it on first use",
				f[1], allocs, bytes, initBudgetAllocs, initBudgetBytes)
		}
	}
	if seen == 0 {
		t.Fatalf("no inittrace line of an iksplan package in:\n%s", trace.Bytes())
	}
}
