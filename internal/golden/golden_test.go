package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPathKeepsExtension(t *testing.T) {
	got := Path(t, "manifests/00-namespaces.yaml")
	want := filepath.Join("testdata", "TestPathKeepsExtension", "manifests", "00-namespaces.yaml.golden")
	if got != want {
		t.Fatalf("Path = %q, want %q", got, want)
	}
}

// fakeTB records a failure instead of stopping the test, so the helper's
// own failure path can be checked.
type fakeTB struct {
	testing.TB
	name   string
	failed string
}

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return f.name }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = format
}

func TestAssertReportsADiff(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	t.Cleanup(func() { _ = os.Chdir(wd) })
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	tb := &fakeTB{TB: t, name: "TestX"}
	p := Path(tb, "a.txt")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Assert(tb, "a.txt", []byte("one\n"))
	if tb.failed != "" {
		t.Fatalf("equal content failed: %s", tb.failed)
	}
	Assert(tb, "a.txt", []byte("two\n"))
	if !strings.Contains(tb.failed, "differs from its golden file") {
		t.Fatalf("different content did not fail: %q", tb.failed)
	}
}
