package ibmcloud

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// changeWorld is an account with one VPC cluster at 1.35: pool default,
// two workers in jp-tok-1, ready; addons as given.
func changeWorld(t *testing.T, addons ...string) string {
	t.Helper()
	dir := t.TempDir()
	st := NewState()
	st.Session.LoggedIn = true
	cl := &Cluster{ID: "cl0000000000000000001", Name: "demo", Provider: "vpc-gen2", Region: "jp-tok", Version: "1.35", Polls: 10, MasterReady: 1, PrivateSE: true}
	p := &Pool{ID: cl.ID + "-p1", Name: "default", Flavor: "bx2.4x16", SizePerZone: 2, OS: "UBUNTU_24_64"}
	cl.Pools = []*Pool{p}
	addZone(st, cl, p, "jp-tok-1", func(z *PoolZone) { z.SubnetID = "sn1" })
	for _, a := range addons {
		cl.Addons = append(cl.Addons, Addon{Name: a, Version: addonVersions[a]})
	}
	st.Clusters = []*Cluster{cl}
	if err := st.Save(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func call(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := func(k string) string {
		if k == EnvState {
			return dir
		}
		return ""
	}
	code := Main("ibmcloud", args, strings.NewReader(stdin), &out, &errb, env, false)
	return code, out.String(), errb.String()
}

func workersOf(t *testing.T, dir string) []map[string]any {
	t.Helper()
	_, out, _ := call(t, dir, "", "ks", "workers", "--cluster", "demo", "--output", "json")
	var ws []map[string]any
	if err := json.Unmarshal([]byte(out), &ws); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return ws
}

// IBM: "Do not update your cluster to version 1.36 if the autoscaler is
// installed" (cs_versions_136.md). The double refuses the master update.
func TestMasterUpdateRefusedWithAutoscaler(t *testing.T) {
	dir := changeWorld(t, "cluster-autoscaler")
	code, _, errs := call(t, dir, "", "ks", "cluster", "master", "update", "--cluster", "demo", "--version", "1.36", "-f")
	if code != 1 || !strings.Contains(errs, "cluster-autoscaler") {
		t.Fatalf("master update to 1.36 with the autoscaler add-on: exit %d, %q; want a refusal naming the add-on", code, errs)
	}
	dir = changeWorld(t)
	if code, _, errs := call(t, dir, "", "ks", "cluster", "master", "update", "--cluster", "demo", "--version", "1.36", "-f"); code != 0 {
		t.Fatalf("master update without the add-on: exit %d: %s", code, errs)
	}
	_, out, _ := call(t, dir, "", "ks", "cluster", "get", "--cluster", "demo", "--output", "json")
	if !strings.Contains(out, `"masterKubeVersion": "1.36.0_1500 (pending)"`) {
		t.Errorf("during the update, masterKubeVersion is not the new version marked pending:\n%s", out)
	}
}

func TestMasterUpdateRules(t *testing.T) {
	dir := changeWorld(t)
	if code, _, errs := call(t, dir, "", "ks", "cluster", "master", "update", "--cluster", "demo", "--version", "1.36"); code != 1 || !strings.Contains(errs, "stdin is not a terminal") {
		t.Errorf("master update without -f and no answer: exit %d, %q; want the prompt to fail", code, errs)
	}
	if code, _, errs := call(t, dir, "", "ks", "cluster", "master", "update", "--cluster", "demo", "--version", "1.34", "-f"); code == 0 {
		t.Errorf("a downgrade to 1.34 was accepted: %s", errs)
	}
}

// Workers keep their version after the master update until replaced;
// replace --update brings a new worker at the master's version.
func TestWorkerReplaceUpdate(t *testing.T) {
	dir := changeWorld(t)
	call(t, dir, "", "ks", "cluster", "master", "update", "--cluster", "demo", "--version", "1.36", "-f")
	ws := workersOf(t, dir)
	if len(ws) != 2 {
		t.Fatalf("%d workers, want 2", len(ws))
	}
	kv := ws[0]["kubeVersion"].(map[string]any)
	if kv["actual"] != "1.35.0_1500" || kv["target"] != "1.36.0_1500" {
		t.Fatalf("after the master update a worker reports %v, want actual 1.35, target 1.36", kv)
	}
	old := ws[0]["id"].(string)
	if code, _, errs := call(t, dir, "", "ks", "worker", "replace", "--cluster", "demo", "--worker", old, "--update", "-f"); code != 0 {
		t.Fatalf("worker replace: %s", errs)
	}
	ws = workersOf(t, dir)
	var ids []string
	for _, w := range ws {
		ids = append(ids, w["id"].(string))
		if w["id"] != old && w["kubeVersion"].(map[string]any)["actual"] == "1.36.0_1500" {
			return
		}
	}
	t.Fatalf("after replace --update no new worker runs 1.36: %v", ids)
}

func TestPoolResizeAndZoneRm(t *testing.T) {
	dir := changeWorld(t)
	if code, _, errs := call(t, dir, "", "ks", "worker-pool", "resize", "--cluster", "demo", "--worker-pool", "default", "--size-per-zone", "1"); code != 0 {
		t.Fatal(errs)
	}
	if n := len(workersOf(t, dir)); n != 1 {
		t.Fatalf("resize to 1: %d workers", n)
	}
	if code, _, _ := call(t, dir, "", "ks", "zone", "rm", "--cluster", "demo", "--worker-pool", "default", "--zone", "jp-tok-1", "-f"); code == 0 {
		t.Fatal("zone rm of the cluster's only zone was accepted")
	}
	if code, _, _ := call(t, dir, "", "ks", "worker-pool", "rm", "--cluster", "demo", "--worker-pool", "default", "-f"); code == 0 {
		t.Fatal("worker-pool rm of the only pool was accepted")
	}
}
