package bench

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoRunTimeMethodLookup links the iksplan binary with the linker's
// dependency dump and fails if any reachable function looks a method up by
// a name known only at run time (reflect.Value.MethodByName with a
// variable; text/template's field evaluation is the usual one). One such
// function makes the linker keep every exported method of every type that
// reaches an interface: 27.9 MB instead of 19.6 MB, the k8s.io/api types'
// protobuf and DeepCopy code mostly (internal/fieldtmpl).
func TestNoRunTimeMethodLookup(t *testing.T) {
	if testing.Short() {
		t.Skip("links the whole binary")
	}
	statModuleSources(t, "..")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-dumpdep", "-o", filepath.Join(t.TempDir(), "iksplan"), "..")
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0")
	var dump bytes.Buffer
	cmd.Stderr = &dump
	if out, err := cmd.Output(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var hits []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(&dump)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		fn, _, found := strings.Cut(sc.Text(), " <ReflectMethod> ->")
		if found && fn != "" && !seen[fn] {
			seen[fn] = true
			hits = append(hits, fn)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(hits) > 0 {
		t.Fatalf("the binary reaches a run-time method lookup, so the linker keeps every exported method; find who calls these in `go build -ldflags=-dumpdep .` output:\n%s", strings.Join(hits, "\n"))
	}
}

// statModuleSources stats every Go file and module file of the program the
// test links. go test caches a passing result keyed on the test's own
// package and on the files the test process opens or stats; the go build
// above is a child process it cannot see, so without this a change in
// another package (cli's help once reached text/template) left the cached
// "ok" standing until a fresh clone ran it.
func statModuleSources(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "tools") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" {
			_, err = os.Stat(p)
		}
		return err
	})
	if err != nil {
		t.Fatalf("stat the module's sources: %v", err)
	}
}
