package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// render --change-from writes change-runbook.sh into the set, running the
// runbook.sh beside it; a refused change writes nothing at all.
func TestRenderChangeFrom(t *testing.T) {
	dev := presetText(t, "dev-single-zone")
	old := writeFile(t, "old.yaml", strings.Replace(dev, `kubernetesVersion: "1.36"`, `kubernetesVersion: "1.35"`, 1))
	next := writeFile(t, "new.yaml", dev)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, errs := run(t, "", "render", next, "--out", out, "--change-from", old); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(filepath.Join(out, "change-runbook.sh"))
	if err != nil || !strings.Contains(string(b), "ibmcloud ks cluster master update") || !strings.Contains(string(b), `NEW_RUNBOOK="${NEW_RUNBOOK:-$here/runbook.sh}"`) {
		t.Fatalf("change-runbook.sh: %v\n%s", err, b)
	}
	if _, err := os.Stat(filepath.Join(out, "runbook.sh")); err != nil {
		t.Fatalf("the set lacks NEW's runbook.sh: %v", err)
	}
	prod := writeFile(t, "prod.yaml", presetText(t, "tokyo-vpc-production"))
	refused := filepath.Join(t.TempDir(), "refused")
	code, _, errs := run(t, "", "render", next, "--out", refused, "--change-from", prod)
	if code != ExitFindings || !strings.Contains(errs, "No change runbook") {
		t.Fatalf("a refused change: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(refused); err == nil {
		t.Error("a refused change still wrote the set")
	}
}
