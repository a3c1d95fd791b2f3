package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeListsEveryBenchmark fails when a Go benchmark of the module is
// not named in the README's development section, so the suite the README
// documents (`go test ./... -run '^$' -bench .`) stays the one there is
// (BenchmarkSyncSet was missing from it).
func TestReadmeListsEveryBenchmark(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	decl := regexp.MustCompile(`(?m)^func (Benchmark\w+)\(b \*testing\.B\)`)
	found := 0
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "tools" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllSubmatch(src, -1) {
			found++
			if !strings.Contains(string(readme), "`"+string(m[1])+"`") {
				t.Errorf("%s declares %s, which README.md does not name: add it to the benchmark list under Development", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 10 {
		t.Fatalf("found only %d benchmarks: the walk misses the module's test files?", found)
	}
}
