package cli

import (
	"encoding/json"
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
