package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffExitCodesAndOrder(t *testing.T) {
	dev := writeFile(t, "dev.yaml", presetText(t, "dev-single-zone"))
	prod := writeFile(t, "prod.yaml", presetText(t, "tokyo-vpc-production"))

	if code, out, _ := run(t, "", "diff", dev, dev); code != ExitOK || !strings.Contains(out, "no changes") {
		t.Fatalf("same file: exit %d, %q", code, out)
	}
	code, out, _ := run(t, "", "diff", dev, prod)
	if code != ExitFindings {
		t.Fatalf("changes: exit %d", code)
	}
	// The blocks run from the most severe class down.
	last := -1
	for _, h := range []string{"DATA-RISK (", "CLUSTER-RECREATE (", "POOL-REPLACE (", "IN-PLACE ("} {
		i := strings.Index(out, h)
		if i < 0 || i < last {
			t.Fatalf("%s missing or out of order in:\n%s", h, out)
		}
		last = i
	}
	if !strings.Contains(out, "spec.workerPools[default].flavor") || !strings.Contains(out, "Sources:") {
		t.Errorf("flavor change or sources missing:\n%s", out)
	}

	_, js, _ := run(t, "", "diff", dev, prod, "-o", "json")
	var r struct {
		Worst   string `json:"worst"`
		Changes []struct {
			Path, Class, Source string
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatal(err)
	}
	if r.Worst != "data-risk" || len(r.Changes) == 0 || r.Changes[0].Class != "data-risk" {
		t.Errorf("json: worst %q, first %+v", r.Worst, r.Changes[0])
	}
	_, md, _ := run(t, "", "diff", dev, prod, "-o", "markdown")
	if !strings.Contains(md, "| Impact | Field | Change | Why | Source |") {
		t.Errorf("markdown table missing:\n%s", md)
	}
}

func TestDiffUsageErrors(t *testing.T) {
	dev := writeFile(t, "dev.yaml", presetText(t, "dev-single-zone"))
	bad := writeFile(t, "bad.yaml", "apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nspec:\n  zonez: [a]\n")
	for _, args := range [][]string{
		{"diff", dev},
		{"diff", dev, dev, "-o", "yaml"},
		{"diff", dev, "/nonexistent.yaml"},
		{"diff", dev, bad},
	} {
		if code, _, errs := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
}

func TestDiffRunbookWritesOrRefuses(t *testing.T) {
	prod := presetText(t, "tokyo-vpc-production")
	noAuto := strings.Replace(prod, "      enabled: true\n      pools:\n        - {pool: default, minPerZone: 4, maxPerZone: 6}", "      enabled: false", 1)
	if noAuto == prod {
		t.Fatal("preset's autoscaler block changed; update this test")
	}
	old := writeFile(t, "old.yaml", noAuto)
	next := writeFile(t, "new.yaml", strings.Replace(noAuto, `kubernetesVersion: "1.35"`, `kubernetesVersion: "1.36"`, 1))
	out := filepath.Join(t.TempDir(), "change.sh")
	if code, _, errs := run(t, "", "diff", old, next, "--runbook", out); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "ibmcloud ks cluster master update") {
		t.Fatalf("runbook: %v\n%s", err, b)
	}
	// With the autoscaler on, 1.35 → 1.36 is refused and no file is written.
	withAuto := writeFile(t, "auto.yaml", prod)
	autoNext := writeFile(t, "auto-next.yaml", strings.Replace(prod, `kubernetesVersion: "1.35"`, `kubernetesVersion: "1.36"`, 1))
	refused := filepath.Join(t.TempDir(), "refused.sh")
	code, _, errs := run(t, "", "diff", withAuto, autoNext, "--runbook", refused)
	if code != ExitFindings || !strings.Contains(errs, "cluster-autoscaler") {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if _, err := os.Stat(refused); err == nil {
		t.Error("a refused change still wrote a runbook")
	}
}
