// Package bench holds the process-level benchmarks of issue 15 and the
// programs bench/run.sh compares iksplan with.
package bench

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// build compiles pkg with the release flags into dir.
func build(b *testing.B, dir, pkg string) string {
	b.Helper()
	out := filepath.Join(dir, filepath.Base(pkg))
	if pkg == "." || pkg == ".." {
		out = filepath.Join(dir, "iksplan")
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", out, pkg)
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// BenchmarkStartup execs `iksplan version` and its references from release
// builds: a Go hello-world (target: iksplan ≤ 2 × hello) and bench/huhversion,
// which links huh, bubbletea, bubbles and lipgloss and prints a version: the
// start-up any huh-based CLI pays before its main runs.
func BenchmarkStartup(b *testing.B) {
	if runtime.GOOS == "windows" {
		b.Skip("process benchmarks run on unix")
	}
	dir := b.TempDir()
	hello := build(b, dir, "./hello")
	huhversion := build(b, dir, "./huhversion")
	iksplan := build(b, dir, "..")
	for _, c := range []struct {
		name string
		argv []string
	}{
		{"hello-world", []string{hello}},
		{"huh-version", []string{huhversion}},
		{"iksplan-version", []string{iksplan, "version"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := exec.Command(c.argv[0], c.argv[1:]...).Run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
