package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The folders under testdata/import hold the IBM double's answers
// (internal/ibmcloud, shaped after IBM's API types) for the clusters the
// tokyo presets' runbooks built in a rehearsal; internal/importer's
// round-trip test re-creates them from a fresh rehearsal every run.

func TestImportFromDirWritesDesignWithUnknowns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "live.yaml")
	code, _, errs := run(t, "", "import", "--cluster", "shop-vpc-prod", "--from-dir", "testdata/import/tokyo-vpc-production", "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"#   spec.sizing:", "#   spec.security.kms.rootKeyName:", "flavor: bx2.8x32", "vpcName: shop-vpc-prod-vpc"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("imported file lacks %q", want)
		}
	}
	// The file loads back, and a second import does not overwrite it.
	if code, _, errs := run(t, "", "validate", out); code == ExitUsage {
		t.Errorf("imported file does not load: %s", errs)
	}
	if code, _, _ := run(t, "", "import", "--cluster", "shop-vpc-prod", "--from-dir", "testdata/import/tokyo-vpc-production", "-o", out); code != ExitIO {
		t.Errorf("second import without --force: exit %d, want 3", code)
	}
}

func TestDriftAgainstRecordedCluster(t *testing.T) {
	same := writeFile(t, "prod.yaml", presetText(t, "tokyo-vpc-production"))
	if code, out, _ := run(t, "", "diff", same, "--live", "shop-vpc-prod", "--from-dir", "testdata/import/tokyo-vpc-production"); code != ExitOK {
		t.Fatalf("the design the cluster was built from drifts: exit %d\n%s", code, out)
	}
	moved := writeFile(t, "moved.yaml", strings.Replace(presetText(t, "tokyo-vpc-production"), "flavor: bx2.8x32", "flavor: bx2.16x64", 1))
	code, out, _ := run(t, "", "diff", moved, "--live", "shop-vpc-prod", "--from-dir", "testdata/import/tokyo-vpc-production")
	if code != ExitFindings || !strings.Contains(out, "spec.workerPools[default].flavor") || !strings.Contains(out, "POOL-REPLACE") {
		t.Fatalf("flavor drift: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"diff", same, "--from-dir", "testdata/import/tokyo-vpc-production"},
		{"diff", same, same, "--live", "shop-vpc-prod"},
		{"import"},
		{"import", "--cluster", "bad name!"},
		{"import", "--cluster", "shop-vpc-prod", "--from-dir", "testdata/nope"},
		{"import", "--cluster", "shop-vpc-prod", "--from-dir", "testdata/import/tokyo-vpc-production", "--record", t.TempDir()},
	} {
		if code, _, errs := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
	// A cluster name IBM's rules refuse is refused by the flag that gave it.
	for flag, args := range map[string][]string{
		"--cluster": {"import", "--cluster", "bad name!", "--from-dir", "testdata/import/tokyo-vpc-production"},
		"--live":    {"diff", same, "--live", "bad name!", "--from-dir", "testdata/import/tokyo-vpc-production"},
	} {
		if code, _, errs := run(t, "", args...); code != ExitUsage || !strings.Contains(errs, flag+": ") {
			t.Errorf("%v: exit %d, want 2 with an error naming %s:\n%s", args, code, flag, errs)
		}
	}
}

// Workers behind the master or not ready are told on stderr, by import
// and by drift, and travel in the imported file's header.
func TestImportAndDriftTellTheWorkers(t *testing.T) {
	dir := t.TempDir()
	src := "testdata/import/tokyo-vpc-production"
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "ks-workers.json" {
			// One worker not yet replaced after a master update, and not ready.
			s := strings.Replace(string(b), `"actual": "1.35.0_1500"`, `"actual": "1.34.9_1600"`, 1)
			s = strings.Replace(s, `"state": "normal"`, `"state": "critical"`, 1)
			if s == string(b) {
				t.Fatal("ks-workers.json no longer has the fields this test edits")
			}
			b = []byte(s)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "live.yaml")
	code, _, errs := run(t, "", "import", "--cluster", "shop-vpc-prod", "--from-dir", dir, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"workers: 1 of 12 workers run Kubernetes 1.34 while the master runs 1.35", "workers: 1 of 12 workers are not ready"} {
		if !strings.Contains(errs, want) {
			t.Errorf("import's stderr lacks %q:\n%s", want, errs)
		}
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "# Workers: 1 of 12 workers run Kubernetes 1.34") {
		t.Errorf("imported file's header lacks the workers:\n%.600s", b)
	}
	same := writeFile(t, "prod.yaml", presetText(t, "tokyo-vpc-production"))
	code, _, errs = run(t, "", "diff", same, "--live", "shop-vpc-prod", "--from-dir", dir)
	if code != ExitOK || !strings.Contains(errs, "workers: 1 of 12 workers are not ready") {
		t.Errorf("drift: exit %d, stderr:\n%s", code, errs)
	}
	// Recorded from a freshly built cluster: nothing to say.
	if _, _, errs := run(t, "", "import", "--cluster", "shop-vpc-prod", "--from-dir", src); strings.Contains(errs, "workers:") {
		t.Errorf("a whole cluster gets worker findings:\n%s", errs)
	}
}
