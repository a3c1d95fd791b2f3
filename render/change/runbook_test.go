package change

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

func vpcProd(t *testing.T) *model.Design {
	t.Helper()
	d, err := presets.Design("tokyo-vpc-production")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// order returns the positions of each needle in s, failing on a missing one.
func order(t *testing.T, s string, needles ...string) {
	t.Helper()
	last := -1
	for _, n := range needles {
		i := strings.Index(s, n)
		if i < 0 {
			t.Fatalf("runbook lacks %q:\n%s", n, s)
		}
		if i < last {
			t.Fatalf("%q comes before the step it must follow:\n%s", n, s)
		}
		last = i
	}
}

func TestChangeRunbookOrder(t *testing.T) {
	old := vpcProd(t)
	old.Spec.Operations.Autoscaler.Enabled = false
	old.Spec.WorkerPools[0].WorkersPerZone = 3
	old.Spec.WorkerPools = append(old.Spec.WorkerPools, model.WorkerPool{Name: "legacy", Flavor: "bx2.4x16", WorkersPerZone: 2})
	nw := old.Clone()
	nw.Spec.WorkerPools = nw.Spec.WorkerPools[:1]
	nw.Spec.WorkerPools[0].WorkersPerZone = 5
	nw.Spec.Zones = nw.Spec.Zones[:2]
	nw.Spec.Network.VPC.Subnets = nw.Spec.Network.VPC.Subnets[:2]
	nw.Spec.Storage.Volumes = nil
	old.Spec.Storage.Volumes = nil
	nw.Spec.KubernetesVersion = "1.36"
	b, err := Runbook(old, nw, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	order(t, s,
		"ibmcloud ks worker-pool resize",
		`bash "$NEW_RUNBOOK"`,
		`drain "ibm-cloud.kubernetes.io/worker-pool-name=$POOL_`, "ibmcloud ks worker-pool rm",
		"topology.kubernetes.io/zone=", "ibmcloud ks zone rm",
		"ibmcloud ks cluster master update", `wait_for "the master to be Ready"`, "ibmcloud ks worker replace", `zone_normal "$POOL`,
	)
	shellcheck(t, s)
}

func TestChangeRunbookRefusals(t *testing.T) {
	base := vpcProd(t)
	for name, edit := range map[string]func(d *model.Design){
		"recreate: pod subnet":     func(d *model.Design) { d.Spec.Network.PodSubnet = "172.40.0.0/16" },
		"pool-replace in place":    func(d *model.Design) { d.Spec.WorkerPools[0].Flavor = "bx2.16x64" },
		"data-risk: zone-bound":    func(d *model.Design) { d.Spec.Zones = d.Spec.Zones[:2] },
		"1.36 with the autoscaler": func(d *model.Design) { d.Spec.KubernetesVersion = "1.36" },
		"first pool replaced": func(d *model.Design) {
			d.Spec.WorkerPools[0].Name, d.Spec.WorkerPools[0].Flavor = "general", "bx2.16x64"
		},
	} {
		t.Run(name, func(t *testing.T) {
			nw := base.Clone()
			edit(nw)
			_, err := Runbook(base, nw, nil)
			var r *Refusal
			if !errors.As(err, &r) || len(r.Reasons) == 0 {
				t.Fatalf("want a refusal, got %v", err)
			}
			if name == "recreate: pod subnet" && !strings.Contains(err.Error(), "global load balancer") {
				t.Errorf("refusal does not say what to do instead: %v", err)
			}
		})
	}
}

// TestChangeRunbookQuotesNames: a hostile pool name reaches the script only
// shell-quoted in the variables block.
func TestChangeRunbookQuotesNames(t *testing.T) {
	old := vpcProd(t)
	old.Spec.Operations.Autoscaler.Enabled = false
	evil := `x$(touch /tmp/pwned)'"`
	old.Spec.WorkerPools = append(old.Spec.WorkerPools, model.WorkerPool{Name: evil, Flavor: "bx2.4x16", WorkersPerZone: 2})
	nw := old.Clone()
	nw.Spec.WorkerPools = nw.Spec.WorkerPools[:1]
	b, err := Runbook(old, nw, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Count(s, "touch /tmp/pwned") != 1 {
		t.Fatalf("the name appears outside its one quoted assignment:\n%s", s)
	}
	shellcheck(t, s)
}

func shellcheck(t *testing.T, s string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "change.sh")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", "-n", p).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Log("shellcheck not installed; CI runs it")
		return
	}
	if out, err := exec.Command("shellcheck", "-x", p).CombinedOutput(); err != nil {
		t.Fatalf("shellcheck: %v\n%s", err, out)
	}
}

// TestChangeRunbookUsesIKSPoolNames: the design's first pool is IKS's
// "default" whatever the design calls it; the change runbook must name it so.
func TestChangeRunbookUsesIKSPoolNames(t *testing.T) {
	old := vpcProd(t)
	old.Spec.Operations.Autoscaler.Enabled = false
	old.Spec.WorkerPools[0].Name = "general"
	nw := old.Clone()
	nw.Spec.WorkerPools[0].WorkersPerZone++
	b, err := Runbook(old, nw, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, "POOL_1=default\n") || strings.Contains(s, "general") {
		t.Fatalf("the first pool is not called default in the change runbook:\n%s", s)
	}
}
