package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// hostileDesign is the classic preset with a namespace reference and a
// description that try to forge a finding and steer the terminal.
func hostileDesign(t *testing.T) string {
	t.Helper()
	doc := presetText(t, "tokyo-classic-production")
	forged := `"ok\n\nerror    SEC999  spec.forged (line 1)\n\x1b]0;pwned\x07\x1b[2J\u202eevil"`
	if !strings.Contains(doc, "\nspec:\n") {
		t.Fatal("the preset has no spec line")
	}
	doc = strings.Replace(doc, "\nspec:\n", "\nspec:\n  waivers:\n    - {rule: HA001, reason: "+forged+", approvedBy: "+forged+"}\n", 1)
	return strings.Replace(doc, "\nspec:\n", "\nspec:\n  cicd:\n    stages:\n      - {name: "+forged+", namespace: "+forged+"}\n", 1)
}

func TestF2_ValuesEscapedInTextReport(t *testing.T) {
	p := writeFile(t, "hostile.yaml", hostileDesign(t))
	for _, args := range [][]string{{"validate", p}, {"render", p, "--out", filepath.Join(t.TempDir(), "out")}} {
		code, out, errOut := run(t, "", args...)
		all := out + errOut
		if code != ExitFindings && code != ExitUsage {
			t.Fatalf("%v: exit %d\n%s", args, code, all)
		}
		if strings.ContainsAny(all, "\x1b\x07\u202e") {
			t.Errorf("%v: a control character reached the terminal:\n%q", args, all)
		}
		for _, l := range strings.Split(all, "\n") {
			if strings.HasPrefix(l, "error    SEC999") {
				t.Errorf("%v: a value forged a finding line: %q", args, l)
			}
		}
	}
}

func TestF6_NonRegularInputRefused(t *testing.T) {
	for _, p := range []string{"/dev/zero", "/dev/null", t.TempDir()} {
		code, _, errOut := run(t, "", "validate", p)
		if code != ExitUsage || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("validate %s: exit %d, %q", p, code, errOut)
		}
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err == nil {
		if code, _, errOut := run(t, "", "validate", fifo); code != ExitUsage || !strings.Contains(errOut, "named pipe") {
			t.Errorf("validate FIFO: exit %d, %q", code, errOut)
		}
	}
}

func TestF7_InputReadThroughALimit(t *testing.T) {
	big := strings.NewReader(strings.Repeat("# comment line of a very large file\n", 10<<20/36))
	var out, errb strings.Builder
	code := Run(BuildInfo{}, []string{"validate", "-"}, big, &out, &errb)
	if code != ExitUsage || !strings.Contains(errb.String(), "at most 1048576") {
		t.Fatalf("exit %d, %q", code, errb.String())
	}
	if rest := big.Len(); rest == 0 {
		t.Fatal("stdin was read to its end instead of stopping at the limit")
	}
}

func TestF7_RepeatedFindingsCapped(t *testing.T) {
	doc := presetText(t, "tokyo-classic-production")
	var b strings.Builder
	b.WriteString("        namespaces:\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "          - Bad_%d\n", i)
	}
	if !strings.Contains(doc, "\n        namespaces: [shop]\n") {
		t.Fatal("the preset's developers group lost its namespaces line")
	}
	doc = strings.Replace(doc, "\n        namespaces: [shop]\n", "\n"+b.String(), 1)
	code, out, _ := run(t, "", "validate", writeFile(t, "many.yaml", doc), "-o", "text")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	if n := strings.Count(out, "\n"); n > 400 {
		t.Fatalf("%d lines for 2,000 findings of few kinds", n)
	}
	if !strings.Contains(out, "more like this") {
		t.Fatalf("no \"more like this\" line:\n%s", out)
	}
}

func TestMessages_WaivedFindingWithoutSeverity(t *testing.T) {
	var b strings.Builder
	l := &loaded{name: "x.yaml"}
	l.report.Findings = append(l.report.Findings, waivedInfo())
	if err := writeReportText(&b, l, "2026-11-27", i18n.For(i18n.EN)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "waived ()") || !strings.Contains(b.String(), "waived: ") {
		t.Fatalf("got:\n%s", b.String())
	}
}

// TestF12_ExitCodes checks every row of the exit-code table that a test
// can reach in-process; the signal rows (130, 143) run against the built
// binary in package battery.
func TestF12_ExitCodes(t *testing.T) {
	good := writeFile(t, "good.yaml", presetText(t, "tokyo-classic-production"))
	bad := writeFile(t, "bad.yaml", strings.Replace(presetText(t, "tokyo-classic-production"), "name: shop-prod", "name: 1shop", 1))
	multi := writeFile(t, "multi.yaml", presetText(t, "tokyo-classic-production")+"---\na: b\n")
	blocker := writeFile(t, "a-file", "x")
	inWay := t.TempDir()
	if err := os.WriteFile(filepath.Join(inWay, "DESIGN.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	linked := t.TempDir()
	if err := os.Symlink(t.TempDir(), filepath.Join(linked, "manifests")); err != nil {
		t.Fatal(err)
	}
	rows := []struct {
		name string
		want int
		args []string
	}{
		{"validate ok", ExitOK, []string{"validate", good}},
		{"render ok", ExitOK, []string{"render", good, "--out", filepath.Join(t.TempDir(), "out")}},
		{"error findings", ExitFindings, []string{"validate", bad}},
		{"render refuses findings", ExitFindings, []string{"render", bad, "--out", filepath.Join(t.TempDir(), "out")}},
		{"unknown flag", ExitUsage, []string{"validate", "--colour", good}},
		{"unknown command", ExitUsage, []string{"frobnicate"}},
		{"completion tcsh", ExitUsage, []string{"completion", "tcsh"}},
		{"missing file", ExitUsage, []string{"validate", filepath.Join(t.TempDir(), "none.yaml")}},
		{"not a regular file", ExitUsage, []string{"validate", "/dev/zero"}},
		{"second document", ExitUsage, []string{"validate", multi}},
		{"file in the way", ExitIO, []string{"render", good, "--out", inWay}},
		{"symlinked subfolder", ExitIO, []string{"render", good, "--out", linked, "--force"}},
		{"cannot create folder", ExitIO, []string{"render", good, "--out", filepath.Join(blocker, "out")}},
		{"init over a file", ExitIO, []string{"init", "--preset", "dev-single-zone", "-o", good}},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			if code, _, errOut := run(t, "", r.args...); code != r.want {
				t.Fatalf("exit %d, want %d: %s", code, r.want, errOut)
			}
		})
	}
	if code, _, _ := run(t, "", "completion", "bash"); code != ExitOK {
		t.Fatalf("completion bash: exit %d", code)
	}
}

func waivedInfo() rules.Finding {
	return rules.Finding{RuleID: "HA001", Severity: rules.Info, Path: "spec.zones", Message: "m", Waiver: &model.Waiver{Reason: "r", ApprovedBy: "a"}}
}
