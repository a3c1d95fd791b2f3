package runbook

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// writeArtifacts writes a render into a fresh directory.
func writeArtifacts(t *testing.T, arts map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range arts {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBashSyntaxAndShellcheck runs `bash -n` and `shellcheck -s bash -S
// style` on every preset's runbook and its variants (CI installs both).
func TestBashSyntaxAndShellcheck(t *testing.T) {
	bash, bashErr := exec.LookPath("bash")
	sc, scErr := exec.LookPath("shellcheck")
	if bashErr != nil && scErr != nil {
		t.Skip("neither bash nor shellcheck on PATH")
	}
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			dir := writeArtifacts(t, renderDesign(t, v.design, name))
			script := filepath.Join(dir, "runbook.sh")
			if bashErr == nil {
				if out, err := exec.Command(bash, "-n", script).CombinedOutput(); err != nil {
					t.Errorf("%s/%s: bash -n: %v\n%s", name, v.name, err, out)
				}
			}
			if scErr == nil {
				if out, err := exec.Command(sc, "-s", "bash", "-S", "style", script).CombinedOutput(); err != nil {
					t.Errorf("%s/%s: shellcheck: %v\n%s", name, v.name, err, out)
				}
			} else {
				t.Logf("shellcheck not on PATH: skipped for %s/%s", name, v.name)
			}
		}
	}
}

// dryRun runs `DRY_RUN=1 bash runbook.sh` with an empty PATH, so any tool
// the dry run needed would fail with "command not found".
func dryRun(t *testing.T, dir string, env ...string) (stdout, stderr string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not on PATH")
	}
	bash, err = filepath.Abs(bash)
	if err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	cmd := exec.Command(bash, "runbook.sh")
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + empty, "DRY_RUN=1", "HOME=" + empty}, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("DRY_RUN=1 bash runbook.sh failed: %v\nstderr:\n%s\nstdout:\n%s", err, errOut.String(), out.String())
	}
	if strings.Contains(errOut.String(), "command not found") || strings.Contains(errOut.String(), "No such file") {
		t.Fatalf("the dry run needed a tool:\n%s", errOut.String())
	}
	return out.String(), errOut.String()
}

// TestDryRun prints every preset's runbook without any tool installed and
// checks that the cluster create and every zone add are printed.
func TestDryRun(t *testing.T) {
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			t.Run(name+"/"+v.name, func(t *testing.T) {
				out, errOut := dryRun(t, writeArtifacts(t, renderDesign(t, v.design, name)))
				s := v.design.Spec
				provider := "classic"
				if s.IsVPC() {
					provider = "vpc-gen2"
				}
				if !strings.Contains(out, "+ ibmcloud ks cluster create "+provider+" --name "+v.design.Metadata.Name+" ") {
					t.Errorf("the cluster create command is not printed:\n%s", out)
				}
				pools := len(s.WorkerPools)
				want := len(s.Zones) - 1 + (pools-1)*len(s.Zones)
				if got := strings.Count(out, "+ ibmcloud ks zone add "+provider+" "); got != want {
					t.Errorf("%d zone add commands printed, want %d", got, want)
				}
				for z := 1; z < len(s.Zones); z++ {
					if !strings.Contains(out, "--zone "+s.Zones[z]+" ") {
						t.Errorf("no zone add for %s", s.Zones[z])
					}
				}
				for _, st := range view.New(v.design, catalog.Default(), name).Steps {
					if !strings.Contains(errOut, fmt.Sprintf("==== Step %d: %s ====", st.Number, st.Title)) {
						t.Errorf("step %d (%s) banner not printed", st.Number, st.Title)
					}
				}
				if !strings.Contains(errOut, "done: every step of the runbook ran") {
					t.Errorf("the dry run did not reach the end:\n%s", errOut)
				}
			})
		}
	}
}

// TestStepBanners checks one "# Step N — Title" banner per step of
// view.Context.Steps, in order, and nothing else numbered.
func TestStepBanners(t *testing.T) {
	banner := regexp.MustCompile(`(?m)^# Step (\d+) — (.+)$`)
	for name, d := range presetDesigns(t) {
		c := view.New(d, catalog.Default(), name)
		arts := renderDesign(t, d, name)
		got := banner.FindAllStringSubmatch(string(arts["runbook.sh"]), -1)
		if len(got) != len(c.Steps) {
			t.Fatalf("%s: %d step banners, want %d", name, len(got), len(c.Steps))
		}
		for i, st := range c.Steps {
			if got[i][1] != fmt.Sprint(st.Number) || got[i][2] != st.Title {
				t.Errorf("%s: banner %d is %q, want Step %d — %s", name, i, got[i][0], st.Number, st.Title)
			}
		}
	}
}

// TestDeterministic renders every preset twice: identical bytes.
func TestDeterministic(t *testing.T) {
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			a := renderDesign(t, v.design, name)
			b := renderDesign(t, v.design, name)
			if len(a) != len(b) {
				t.Fatalf("%s/%s: %d artifacts, then %d", name, v.name, len(a), len(b))
			}
			for p := range a {
				if !bytes.Equal(a[p], b[p]) {
					t.Errorf("%s/%s: %s differs between two renders", name, v.name, p)
				}
			}
		}
	}
}

// TestArtifacts checks the artifact list: runbook.sh executable, a values
// file per chart installed with one, each with the header and valid YAML.
func TestArtifacts(t *testing.T) {
	for name, d := range presetDesigns(t) {
		c := view.New(d, catalog.Default(), name+".yaml")
		arts, err := Render(c)
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, a := range arts {
			paths = append(paths, a.Path)
			if !bytes.HasPrefix(a.Data, []byte("#")) || !bytes.Contains(a.Data, []byte(c.Header)) {
				t.Errorf("%s: %s lacks the generated-by header", name, a.Path)
			}
			switch {
			case a.Path == "runbook.sh":
				if a.Mode != 0o755 {
					t.Errorf("%s: runbook.sh mode %o, want 755", name, a.Mode)
				}
				if !bytes.HasPrefix(a.Data, []byte("#!/usr/bin/env bash\n")) || !bytes.Contains(a.Data, []byte("\nset -euo pipefail\n")) {
					t.Errorf("%s: runbook.sh lacks the shebang or set -euo pipefail", name)
				}
				if !bytes.Contains(a.Data, []byte(c.AsOf)) {
					t.Errorf("%s: runbook.sh does not name the catalog date %s", name, c.AsOf)
				}
			case strings.HasPrefix(a.Path, "values/"):
				var v map[string]any
				if err := yaml.UnmarshalStrict(a.Data, &v); err != nil {
					t.Errorf("%s: %s: %v", name, a.Path, err)
				}
				if !bytes.Contains(runbookOf(arts), []byte("--values "+a.Path)) {
					t.Errorf("%s: %s is not used by the runbook", name, a.Path)
				}
			default:
				t.Errorf("%s: unexpected artifact %s", name, a.Path)
			}
		}
		sort.Strings(paths)
		if d.Spec.Logging.Backend == "cloud-logs" && !containsStr(paths, "values/logs-agent.yaml") {
			t.Errorf("%s: no values/logs-agent.yaml", name)
		}
		if d.Spec.Monitoring.Enabled && !containsStr(paths, "values/monitoring-agent.yaml") {
			t.Errorf("%s: no values/monitoring-agent.yaml", name)
		}
	}
}

func runbookOf(arts []view.Artifact) []byte {
	for _, a := range arts {
		if a.Path == "runbook.sh" {
			return a.Data
		}
	}
	return nil
}

// TestNoSecrets: no artifact and no dry-run output carries a secret. The
// secrets are set in the environment of the render and of the dry run;
// only their names may appear.
func TestNoSecrets(t *testing.T) {
	secrets := map[string]string{
		"IBMCLOUD_API_KEY":      "sEcReT-ibmcloud-0123456789abcdefABCDEF",
		"LOGS_AGENT_API_KEY":    "sEcReT-logs-0123456789abcdefABCDEF",
		"MONITORING_ACCESS_KEY": "sEcReT-monitoring-0123456789abcdef",
		"COS_API_KEY":           "sEcReT-cos-0123456789abcdefABCDEF",
		"KP_TARGET_ADDR":        "https://sEcReT.api.jp-tok.hs-crypto.appdomain.cloud",
	}
	var env []string
	for k, v := range secrets {
		t.Setenv(k, v)
		env = append(env, k+"="+v)
	}
	// An IBM Cloud API key is 44 characters of mixed-case letters, digits,
	// "_" and "-"; resource IDs (r022-…) are lowercase.
	longToken := regexp.MustCompile(`[A-Za-z0-9+/_-]{32,}`)
	mixed := func(b []byte) bool {
		return regexp.MustCompile(`[A-Z]`).Match(b) && regexp.MustCompile(`[a-z]`).Match(b) && regexp.MustCompile(`[0-9]`).Match(b)
	}
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			arts := renderDesign(t, v.design, name)
			for p, data := range arts {
				for _, s := range secrets {
					if bytes.Contains(data, []byte(s)) {
						t.Errorf("%s/%s: %s contains a secret from the environment", name, v.name, p)
					}
				}
				for _, m := range longToken.FindAll(data, -1) {
					if mixed(m) && !bytes.Contains(m, []byte("/")) {
						t.Errorf("%s/%s: %s contains a secret-looking string %q", name, v.name, p, m)
					}
				}
				for _, bad := range []string{"--apikey", "iamAPIKey:", "accessKey:", "secret.iamAPIKey=\"", "--from-literal=api-key"} {
					if bytes.Contains(data, []byte(bad)) {
						t.Errorf("%s/%s: %s passes a key as %s", name, v.name, p, bad)
					}
				}
			}
			if _, err := exec.LookPath("bash"); err != nil {
				continue
			}
			out, errOut := dryRun(t, writeArtifacts(t, arts), env...)
			for k, s := range secrets {
				if strings.Contains(out, s) || strings.Contains(errOut, s) {
					t.Errorf("%s/%s: the dry run printed %s", name, v.name, k)
				}
			}
		}
	}
}
