package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"

	"github.com/iksplan/iksplan/model/presets"
)

// run runs iksplan in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(BuildInfo{Version: "test"}, args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func presetText(t *testing.T, name string) string {
	t.Helper()
	p, err := presets.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(p.Data)
}

func TestPresetsListsEveryPreset(t *testing.T) {
	code, out, _ := run(t, "", "presets")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, n := range []string{"tokyo-classic-production", "tokyo-vpc-production", "dev-single-zone"} {
		if !strings.Contains(out, n+" ") {
			t.Errorf("presets output lacks %s:\n%s", n, out)
		}
	}
	if lines := strings.Count(out, "\n"); lines != len(presets.All()) {
		t.Errorf("want one line per preset, got %d lines", lines)
	}
}

func TestInitWritesRefusesAndForces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "d.yaml")
	if code, _, errOut := run(t, "", "init", "--preset", "dev-single-zone", "-o", p); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(p, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "", "init", "--preset", "dev-single-zone", "-o", p)
	if code != ExitIO || !strings.Contains(errOut, "--force") {
		t.Fatalf("second init: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Fatal("init overwrote a file without --force")
	}
	if code, _, _ := run(t, "", "init", "--preset", "dev-single-zone", "-o", p, "--force"); code != 0 {
		t.Fatalf("init --force: exit %d", code)
	}
	if b, _ := os.ReadFile(p); string(b) != presetText(t, "dev-single-zone") {
		t.Fatal("init --force did not write the preset")
	}
}

func TestInitUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"no preset":      {"init"},
		"unknown preset": {"init", "--preset", "nope"},
		"unknown flag":   {"init", "--bogus"},
		"extra argument": {"init", "x", "--preset", "dev-single-zone"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errOut := run(t, "", args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (stderr %q)", code, errOut)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "iksplan: ") {
				t.Fatalf("want one line on stderr, got %q", errOut)
			}
		})
	}
}

func TestInitToStdout(t *testing.T) {
	code, out, _ := run(t, "", "init", "--preset", "tokyo-vpc-production")
	if code != 0 || out != presetText(t, "tokyo-vpc-production") {
		t.Fatalf("exit %d, output differs from the preset", code)
	}
}

func TestEveryPresetValidates(t *testing.T) {
	for _, p := range presets.All() {
		t.Run(p.Name, func(t *testing.T) {
			f := writeFile(t, p.Name+".yaml", string(p.Data))
			code, out, errOut := run(t, "", "validate", f)
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			if !strings.Contains(out, "0 errors") {
				t.Fatalf("summary line: %s", out)
			}
			// The summary counts what is listed below it.
			code, js, _ := run(t, "", "validate", f, "-o", "json")
			var rep jsonReport
			if code != 0 || json.Unmarshal([]byte(js), &rep) != nil {
				t.Fatalf("json: exit %d: %s", code, js)
			}
			want := fmt.Sprintf("%s, %s, %d info", plural(rep.Errors, "error"), plural(rep.Warnings, "warning"), rep.Infos)
			if !strings.Contains(out, want) || strings.Count(out, "\nerror ")+strings.Count(out, "\nwarning ")+strings.Count(out, "\ninfo ") != len(rep.Findings) {
				t.Fatalf("text summary and findings disagree with json (%s):\n%s", want, out)
			}
		})
	}
}

// The "done when": breaking the classic preset gives exit 1 with a
// finding that names the path.
func TestValidateBrokenDesigns(t *testing.T) {
	base := presetText(t, "tokyo-classic-production")
	cases := []struct {
		name string
		old  string
		new  string
		rule string
		path string
	}{
		{"unknown key", "  region: jp-tok\n", "  region: jp-tok\n  colour: blue\n", "DES001", "spec.colour"},
		{"zone outside the region", "zones: [tok02, tok04, tok05]", "zones: [tok02, dal10]", "", "spec.zones[1]"},
		{"bad cluster name", "name: shop-prod\n", "name: 9shop_prod\n", "", "metadata.name"},
		{"one worker per zone", "      flavor: b3c.8x32\n", "      flavor: b3c.8x32\n      workersPerZone: 1\n", "", "spec.workerPools[0].workersPerZone"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(base, tc.old) {
				t.Fatalf("preset text lacks %q", tc.old)
			}
			f := writeFile(t, "d.yaml", strings.Replace(base, tc.old, tc.new, 1))
			code, out, _ := run(t, "", "validate", f, "-o", "json")
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s", code, out)
			}
			var rep jsonReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("json output: %v\n%s", err, out)
			}
			for _, f := range rep.Findings {
				if f.Severity == "error" && f.Path == tc.path && (tc.rule == "" || f.RuleID == tc.rule) && f.Line > 0 {
					return
				}
			}
			t.Fatalf("no error finding at %s with a line:\n%s", tc.path, out)
		})
	}
}

func TestValidateTextNamesPathAndLine(t *testing.T) {
	base := presetText(t, "tokyo-classic-production")
	f := writeFile(t, "d.yaml", strings.Replace(base, "  region: jp-tok\n", "  region: jp-tok\n  colour: blue\n", 1))
	code, out, errOut := run(t, "", "validate", f)
	if code != 1 || !strings.Contains(out, "DES001") || !strings.Contains(out, "spec.colour (line 15)") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if !strings.Contains(errOut, "1 error") {
		t.Fatalf("stderr %q", errOut)
	}
}

func TestValidateUsageAndUnreadable(t *testing.T) {
	notYAML := writeFile(t, "bad.yaml", "spec: [unclosed\n")
	for name, args := range map[string][]string{
		"missing file": {"validate", filepath.Join(t.TempDir(), "nope.yaml")},
		"not yaml":     {"validate", notYAML},
		"no file":      {"validate"},
		"bad format":   {"validate", notYAML, "-o", "xml"},
	} {
		t.Run(name, func(t *testing.T) {
			if code, _, errOut := run(t, "", args...); code != 2 {
				t.Fatalf("exit %d, want 2 (%s)", code, errOut)
			}
		})
	}
}

func TestValidateReadsStdin(t *testing.T) {
	code, out, _ := run(t, presetText(t, "dev-single-zone"), "validate", "-")
	if code != 0 || !strings.HasPrefix(out, "<stdin>: 0 errors") {
		t.Fatalf("exit %d: %s", code, out)
	}
}

func TestSchemaAcceptsEveryPresetAndRejectsUnknownKeys(t *testing.T) {
	code, out, _ := run(t, "", "schema")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("design.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("design.json")
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	check := func(name, text string) error {
		j, err := yaml.YAMLToJSON([]byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		return sch.Validate(v)
	}
	for _, p := range presets.All() {
		if err := check(p.Name, string(p.Data)); err != nil {
			t.Errorf("schema rejects preset %s: %v", p.Name, err)
		}
	}
	base := presetText(t, "dev-single-zone")
	for name, text := range map[string]string{
		"unknown key": strings.Replace(base, "  region: jp-tok\n", "  region: jp-tok\n  colour: blue\n", 1),
		"bad enum":    strings.Replace(base, "isolation: shared", "isolation: private", 1),
		"no name":     strings.Replace(base, "  name: shop-dev\n", "", 1),
	} {
		if err := check(name, text); err == nil {
			t.Errorf("schema accepts a design with %s", name)
		}
	}
}

func TestCatalogCommand(t *testing.T) {
	code, out, _ := run(t, "", "catalog")
	if code != 0 || !strings.Contains(out, "catalog as of ") {
		t.Fatalf("exit %d: %s", code, out)
	}
	code, out, _ = run(t, "", "catalog", "zones", "--region", "jp-tok", "--infrastructure", "classic")
	if code != 0 || !strings.Contains(out, "tok02") || strings.Contains(out, "jp-tok-1") || strings.Contains(out, "dal10") {
		t.Fatalf("zones filter: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "catalog", "flavors", "--infrastructure", "vpc-gen2", "-o", "json")
	var v struct {
		AsOf    string `json:"asOf"`
		Flavors []struct {
			Name           string `json:"name"`
			Infrastructure string `json:"infrastructure"`
		} `json:"flavors"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.AsOf == "" || len(v.Flavors) == 0 {
		t.Fatalf("flavors json: exit %d\n%s", code, out)
	}
	for _, f := range v.Flavors {
		if f.Infrastructure != "vpc-gen2" {
			t.Fatalf("classic flavor %s in a vpc-gen2 listing", f.Name)
		}
	}
	for _, section := range []string{"versions", "storage"} {
		if code, out, _ := run(t, "", "catalog", section); code != 0 || !strings.Contains(out, "as of") {
			t.Fatalf("%s: exit %d\n%s", section, code, out)
		}
	}
	for _, args := range [][]string{
		{"catalog", "--infrastructure", "openstack"},
		{"catalog", "--region", "mars-1"},
		{"catalog", "planets"},
	} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestCatalogFlagReadsAnotherFile(t *testing.T) {
	bad := writeFile(t, "catalog.yaml", "asOf: yesterday\n")
	if code, _, errOut := run(t, "", "version", "--catalog", bad); code != 2 || !strings.Contains(errOut, "catalog") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "iksplan test") || !strings.Contains(out, "catalog as of") {
		t.Fatalf("exit %d: %s", code, out)
	}
}

func TestCompletion(t *testing.T) {
	code, out, _ := run(t, "", "completion", "bash")
	if code != 0 || !strings.Contains(out, "iksplan") {
		t.Fatalf("exit %d", code)
	}
}

func TestUnknownCommandIsUsageError(t *testing.T) {
	if code, _, _ := run(t, "", "frobnicate"); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
}
