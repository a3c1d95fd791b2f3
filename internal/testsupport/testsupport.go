// Package testsupport holds what the tests of several packages share: the
// designs a rehearsal runs (every preset and every rehearsal variant) and
// the TestMain that lets a test binary play the IBM Cloud double. Only
// _test.go files import it, so it is never linked into iksplan.
package testsupport

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/term"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// Main is a TestMain for packages whose tests rehearse runbooks. The
// rehearsal links ibmcloud, kubectl, helm and calicoctl to the test binary,
// as `iksplan rehearse` links them to the iksplan binary (main.go does the
// same dispatch): started under one of those names, the binary plays the
// double; otherwise it runs the tests.
func Main(m *testing.M) {
	if tool := filepath.Base(os.Args[0]); ibmcloud.IsTool(tool) {
		os.Exit(ibmcloud.Main(tool, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, term.IsTerminal(int(os.Stdin.Fd()))))
	}
	os.Exit(m.Run())
}

// Design is a design a rehearsal runs: a preset, or a variant from
// rehearse/testdata/variants named by its file without .yaml.
type Design struct {
	Name    string
	Variant bool
	Design  *model.Design
}

// Designs returns every preset, in presets.All's order, then every
// rehearsal variant, sorted by name: the designs CI's rehearse phase runs.
// It fails t when a design does not load or no variant is found.
func Designs(t testing.TB) []Design {
	t.Helper()
	var out []Design
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatalf("preset %s: %v", p.Name, err)
		}
		out = append(out, Design{Name: p.Name, Design: d})
	}
	dir, err := variantsDir()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) == 0 {
		t.Fatalf("no rehearsal variants found in %s", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := model.Load(b, f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, Design{Name: strings.TrimSuffix(filepath.Base(f), ".yaml"), Variant: true, Design: d})
	}
	return out
}

// DesignsByName is Designs as a map from name to design.
func DesignsByName(t testing.TB) map[string]*model.Design {
	t.Helper()
	out := map[string]*model.Design{}
	for _, d := range Designs(t) {
		out[d.Name] = d.Design
	}
	return out
}

// variantsDir finds rehearse/testdata/variants from the test's working
// directory (its package folder) by walking up to the module's go.mod, so
// any package's tests find it.
func variantsDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "rehearse", "testdata", "variants"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testsupport: no go.mod above the test's working directory")
		}
		dir = parent
	}
}
