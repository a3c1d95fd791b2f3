// Package golden is iksplan's one golden-file helper. Run tests with
// -update to rewrite the files after an intended change, then review the
// diff in git.
//
// The -update flag is the one github.com/charmbracelet/x/exp/golden defines
// (teatest uses that package too), so every test binary has exactly one
// -update flag whichever helpers it imports.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	_ "github.com/charmbracelet/x/exp/golden" // registers -update
)

// Updating reports whether the test run was started with -update.
func Updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Path is where the golden file for name lives: testdata/<test name>/<name>.golden,
// keeping name's own extension so editors highlight it.
func Path(tb testing.TB, name string) string {
	return filepath.Join("testdata", filepath.FromSlash(tb.Name()), filepath.FromSlash(name)+".golden")
}

// Assert compares got with the golden file for name and fails with a
// unified diff when they differ. With -update it writes got first.
func Assert(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := Path(tb, name)
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file (run the test with -update to create it): %v", err)
	}
	if string(want) != string(got) {
		diff := udiff.Unified(path, "got", string(want), string(got))
		tb.Fatalf("%s differs from its golden file (rerun with -update if the change is intended):\n%s", name, diff)
	}
}
