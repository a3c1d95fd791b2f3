package runbook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// runScript runs bash runbook.sh ARGS in dir with env and returns its
// output and exit status.
func runScript(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not on PATH")
	}
	cmd := exec.Command(bash, append([]string{"runbook.sh"}, args...)...)
	cmd.Dir = dir
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// TestListFromOnly: --list prints every step; --only and --from run the
// preflight and the steps asked for; bad numbers are usage errors.
func TestListFromOnly(t *testing.T) {
	const name = "tokyo-vpc-production"
	d := presetDesigns(t)[name]
	steps := view.New(d, catalog.Default(), name).Steps
	dir := writeArtifacts(t, renderDesign(t, d, name))
	empty := t.TempDir()
	env := []string{"PATH=" + empty, "HOME=" + empty}

	out, _, code := runScript(t, dir, env, "--list")
	if code != 0 {
		t.Fatalf("--list: exit %d", code)
	}
	var want strings.Builder
	for _, st := range steps {
		fmt.Fprintf(&want, "%d\t%s\n", st.Number, st.Title)
	}
	if out != want.String() {
		t.Errorf("--list printed\n%s\nwant\n%s", out, want.String())
	}

	banners := regexp.MustCompile(`==== Step (\d+):`)
	ran := func(stderr string) string {
		var nums []string
		for _, m := range banners.FindAllStringSubmatch(stderr, -1) {
			nums = append(nums, m[1])
		}
		return strings.Join(nums, ",")
	}
	dryEnv := append([]string{"DRY_RUN=1"}, env...)
	last := steps[len(steps)-1].Number
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--only", "5"}, "1,5"},
		{[]string{"--from", fmt.Sprint(last - 1)}, fmt.Sprintf("1,%d,%d", last-1, last)},
		{[]string{"--only", "1"}, "1"},
	} {
		_, stderr, code := runScript(t, dir, dryEnv, tc.args...)
		if code != 0 {
			t.Errorf("%v: exit %d\n%s", tc.args, code, stderr)
		}
		if got := ran(stderr); got != tc.want {
			t.Errorf("%v ran steps %s, want %s", tc.args, got, tc.want)
		}
	}
	for _, bad := range [][]string{{"--only", "0"}, {"--from", fmt.Sprint(last + 1)}, {"--only"}, {"--from", "x"}, {"--bogus"}, {"--from", "2", "--only", "3"}} {
		_, stderr, code := runScript(t, dir, dryEnv, bad...)
		if code != 2 || !strings.Contains(stderr, "usage: ./runbook.sh") || strings.Contains(stderr, "==== Step") {
			t.Errorf("%v: exit %d, want 2 with the usage and no step run:\n%s", bad, code, stderr)
		}
	}
}

// TestFailureMessageAndLog runs a real (not dry) runbook whose ibmcloud
// answers nothing: the preflight's version check fails, and the runbook
// names the step, how to resume, and writes a timestamped log without the
// secrets of its environment.
func TestFailureMessageAndLog(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not on PATH")
	}
	const name = "tokyo-vpc-production"
	d := presetDesigns(t)[name]
	dir := writeArtifacts(t, renderDesign(t, d, name))
	bin := t.TempDir()
	for _, tool := range []string{"ibmcloud", "kubectl", "helm"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(jq, filepath.Join(bin, "jq")); err != nil {
		t.Fatal(err)
	}
	const secret = "sEcReT-logs-0123456789abcdefABCDEF"
	env := []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + t.TempDir(), "LOGS_AGENT_API_KEY=" + secret,
		"MONITORING_ACCESS_KEY=" + secret, "IBMCLOUD_API_KEY=" + secret}
	_, stderr, code := runScript(t, dir, env)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, stderr)
	}
	want := "step 1 (Preflight: tools, login, target and account checks) failed: IKS does not offer Kubernetes " +
		d.Spec.KubernetesVersion + " today: pick one from ibmcloud ks versions; fix it and rerun — steps are idempotent — or ./runbook.sh --from 1\n"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks the failure line %q:\n%s", want, stderr)
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "logs", "runbook-*.log"))
	if len(logs) != 1 {
		t.Fatalf("%d logs, want 1", len(logs))
	}
	if !strings.Contains(stderr, "log: logs/"+filepath.Base(logs[0])) {
		t.Errorf("stderr does not name the log:\n%s", stderr)
	}
	data, err := os.ReadFile(logs[0])
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	stamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ `)
	for _, line := range strings.Split(strings.TrimSuffix(log, "\n"), "\n") {
		if !stamp.MatchString(line) {
			t.Errorf("log line without a UTC timestamp: %q", line)
		}
	}
	for _, must := range []string{"==== Step 1: Preflight", "run: ibmcloud login -r jp-tok -g shop", "check: ibmcloud ks versions --output json",
		"ERROR: IKS does not offer", want[:len(want)-1], "runbook.sh ended with exit status 1"} {
		if !strings.Contains(log, must) {
			t.Errorf("the log lacks %q:\n%s", must, log)
		}
	}
	if strings.Contains(log, secret) || strings.Contains(stderr, secret) {
		t.Errorf("a secret from the environment reached the log or stderr")
	}
}

// TestFailedCommandNamesItsStatus: a command that fails inside `run`
// stops the runbook with its own exit status and names it.
func TestFailedCommandNamesItsStatus(t *testing.T) {
	const name = "dev-single-zone"
	dir := writeArtifacts(t, renderDesign(t, presetDesigns(t)[name], name))
	bin := t.TempDir()
	// ibmcloud fails with status 3 on login, as on a wrong API key.
	stub := "#!/bin/sh\nif [ \"$1\" = login ]; then echo 'FAILED' >&2; exit 3; fi\nexit 0\n"
	for tool, body := range map[string]string{"ibmcloud": stub, "jq": "#!/bin/sh\nexit 0\n", "kubectl": "#!/bin/sh\nexit 0\n", "helm": "#!/bin/sh\nexit 0\n"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + t.TempDir(), "IBMCLOUD_API_KEY=x", "LOGS_AGENT_API_KEY=x", "MONITORING_ACCESS_KEY=x"}
	_, stderr, code := runScript(t, dir, env)
	if code != 3 {
		t.Fatalf("exit %d, want the command's 3:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "failed: exit status 3 of: ibmcloud login -r ") || !strings.Contains(stderr, "or ./runbook.sh --from 1") {
		t.Errorf("the failure line does not name the command and its status:\n%s", stderr)
	}
}
