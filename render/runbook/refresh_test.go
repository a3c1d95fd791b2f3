package runbook

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefreshSurvivesAFailedRefresh runs the classic network step for real
// against a stand-in ibmcloud whose first master refresh fails, as a
// transient IBM error would. The private endpoint is enabled before the
// failure, so on the rerun its "already on?" check holds; the master must
// still be refreshed, once, and a third run must not refresh again.
func TestRefreshSurvivesAFailedRefresh(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not on PATH")
	}
	const name = "tokyo-classic-production"
	d := presetDesigns(t)[name]
	if !d.Spec.Network.ServiceEndpoints.HasPrivate() {
		t.Fatal("the classic preset has no private service endpoint")
	}
	arts := renderDesign(t, d, name)
	dir := writeArtifacts(t, arts)
	step := ""
	for _, line := range strings.Split(string(arts["runbook.sh"]), "\n") {
		if strings.HasPrefix(line, "  printf '%s\\t%s\\n' ") && strings.Contains(line, "'Network: firewall policies") {
			step = strings.Fields(line)[2]
		}
	}
	if step == "" {
		t.Fatal("no network step")
	}
	var flavors []string
	for _, p := range d.Spec.WorkerPools {
		flavors = append(flavors, `{"name":"`+p.Flavor+`"}`)
	}
	v := strings.SplitN(d.Spec.KubernetesVersion, ".", 2)
	st, bin := t.TempDir(), t.TempDir()
	ibmcloud := `#!/bin/sh
S="` + st + `"
echo "$*" >>"$S/calls"
case "$*" in
"ks versions --output json") echo '{"kubernetes":[{"major":` + v[0] + `,"minor":` + v[1] + `,"patch":0}]}' ;;
"ks flavor ls "*) echo '[` + strings.Join(flavors, ",") + `]' ;;
"account show") printf 'VRF Enabled: true\nService Endpoint Enabled: true\n' ;;
"ks cluster get --cluster "*" --output json")
  if [ -f "$S/pse" ]; then echo '{"state":"normal","privateServiceEndpointEnabled":true}'; else echo '{"state":"normal","privateServiceEndpointEnabled":false}'; fi ;;
"ks cluster master private-service-endpoint enable "*) : >"$S/pse" ;;
"ks cluster master refresh "*)
  if [ ! -f "$S/failed-once" ]; then : >"$S/failed-once"; echo 'FAILED: the master is busy (transient)' >&2; exit 1; fi
  echo refresh >>"$S/refreshes" ;;
"ks ingress alb versions --output json") echo '{"traefik":["3.2.1_1500_iks"]}' ;;
"cbr zone-create "*) : >"$S/cbr-zone" ;;
"cbr zones "*) [ -f "$S/cbr-zone" ] && echo 'id                                 name' && echo '0123456789abcdef0123456789abcdef   allowed' ;;
"cbr rule-create "*"api-type:cluster "*) : >"$S/cbr-cluster" ;;
"cbr rule-create "*"api-type:management "*) : >"$S/cbr-management" ;;
"cbr rules "*)
  [ -f "$S/cbr-cluster" ] && echo "11111111111111111111111111111111   iksplan shop-prod cluster API"
  [ -f "$S/cbr-management" ] && echo "22222222222222222222222222222222   iksplan shop-prod management API"
  : ;;
esac
exit 0
`
	for tool, body := range map[string]string{"ibmcloud": ibmcloud, "kubectl": "#!/bin/sh\nexit 0\n", "helm": "#!/bin/sh\nexit 0\n", "calicoctl": "#!/bin/sh\nexit 0\n"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(jq, filepath.Join(bin, "jq")); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + t.TempDir(), "IBMCLOUD_API_KEY=x", "LOGS_AGENT_API_KEY=x", "MONITORING_ACCESS_KEY=x", "RUNBOOK_POLL_SECONDS=0"}
	refreshes := func() int {
		data, _ := os.ReadFile(filepath.Join(st, "refreshes"))
		return strings.Count(string(data), "refresh")
	}

	_, stderr, code := runScript(t, dir, env, "--only", step)
	if code == 0 || !strings.Contains(stderr, "step "+step+" (Network: firewall policies") || !strings.Contains(stderr, "--from "+step) {
		t.Fatalf("first run: exit %d, want the failed refresh to stop step %s:\n%s", code, step, stderr)
	}
	if _, err := os.Stat(filepath.Join(st, "pse")); err != nil {
		t.Fatal("the private endpoint was not enabled before the refresh")
	}
	if _, stderr, code = runScript(t, dir, env, "--only", step); code != 0 {
		t.Fatalf("rerun: exit %d:\n%s", code, stderr)
	}
	if n := refreshes(); n != 1 {
		t.Errorf("the rerun refreshed the master %d times, want 1: a change made before a failed refresh is never applied", n)
	}
	if _, stderr, code = runScript(t, dir, env, "--only", step); code != 0 || refreshes() != 1 {
		t.Errorf("third run: exit %d, %d refreshes in all, want 1:\n%s", code, refreshes(), stderr)
	}
}
