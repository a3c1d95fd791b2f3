package battery

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
)

// binDir holds the iksplan binary, built once (by the first test that
// needs it) for the tests that measure or kill a real process. Fuzz
// workers re-run this test binary and never build it.
var (
	binDir   string
	binOnce  sync.Once
	binPath  string
	binError error
)

// iksplan returns the path of the built binary.
func iksplan(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binPath = filepath.Join(binDir, "iksplan")
		build := exec.Command("go", "build", "-o", binPath, "github.com/iksplan/iksplan")
		if out, err := build.CombinedOutput(); err != nil {
			binError = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binError != nil {
		t.Fatal(binError)
	}
	return binPath
}

func TestMain(m *testing.M) {
	if out := os.Getenv("IKSPLAN_BATTERY_RUSAGE"); out != "" {
		os.Exit(measure(out, os.Args[1:]))
	}
	dir, err := os.MkdirTemp("", "iksplan-battery-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// measure runs args as a child and writes its peak resident memory (KiB)
// to out. It runs in a fresh, small process (this test binary re-executed)
// because Linux carries a process's peak RSS across execve: a child forked
// straight from the big test process would report the test's peak.
func measure(out string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	_ = cmd.Run()
	if cmd.ProcessState == nil {
		return 125
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru != nil {
		_ = os.WriteFile(out, []byte(strconv.FormatInt(ru.Maxrss, 10)), 0o600)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return cmd.ProcessState.ExitCode()
}
