package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWizardWithoutTerminal: no terminal and no accessible mode asked for:
// one line saying how to run non-interactively, exit 2.
func TestWizardWithoutTerminal(t *testing.T) {
	t.Setenv("ACCESSIBLE", "")
	t.Setenv("TERM", "xterm")
	for _, args := range [][]string{nil, {"edit", "missing.yaml"}} {
		var out, errb bytes.Buffer
		dir := t.TempDir()
		file := filepath.Join(dir, "d.yaml")
		if len(args) > 0 {
			if code := Run(BuildInfo{}, []string{"init", "--preset", "dev-single-zone", "-o", file}, strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("init: %d %s", code, errb.String())
			}
			args = []string{"edit", file}
		}
		out.Reset()
		errb.Reset()
		code := Run(BuildInfo{}, args, strings.NewReader(""), &out, &errb)
		if code != ExitUsage {
			t.Fatalf("%v: exit %d, want 2 (stderr %q)", args, code, errb.String())
		}
		msg := errb.String()
		if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "iksplan init --preset NAME -o design.yaml") ||
			!strings.Contains(msg, "iksplan validate") {
			t.Fatalf("%v: stderr %q", args, msg)
		}
		if out.Len() != 0 {
			t.Fatalf("%v: stdout %q", args, out.String())
		}
	}
}

// TestWizardAccessibleOverPipe: --accessible (or ACCESSIBLE=1) asks plain
// prompts even without a terminal; the draft keeps the answers when the
// input ends early.
func TestWizardAccessibleOverPipe(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for _, tc := range []struct {
		env  string
		args []string
	}{{"", []string{"--accessible"}}, {"1", nil}, {"yes", nil}} {
		t.Setenv("ACCESSIBLE", tc.env)
		var out, errb bytes.Buffer
		code := Run(BuildInfo{}, tc.args, strings.NewReader("4\nshop-test\n"), &out, &errb)
		if code != ExitFindings || !strings.Contains(errb.String(), "input ended") {
			t.Fatalf("%v %q: exit %d, stderr %q", tc.args, tc.env, code, errb.String())
		}
		if !strings.Contains(out.String(), "How do you want to start?") || !strings.Contains(out.String(), "== Step 1 of") {
			t.Fatalf("stdout %q", out.String())
		}
	}
	drafts, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "iksplan", "drafts", "*.yaml"))
	if len(drafts) == 0 {
		t.Fatal("no draft saved")
	}
}

func TestEditRefusesABrokenFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(file, []byte("apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nbogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run(BuildInfo{}, []string{"edit", file}, strings.NewReader(""), &out, &errb); code != ExitUsage {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "bogus") {
		t.Fatalf("stderr %q", errb.String())
	}
}
