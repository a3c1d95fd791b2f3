package runbook

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

// TestAppNamespaceGetsThePullSecret runs the manifests and verify steps of
// a real (not dry) runbook against stand-ins: ibmcloud answers the
// preflight, kubectl keeps IBM's all-icr-io in default only (as IKS does)
// and records what it is asked. The runbook must copy the secret into the
// application template's namespace, whose service account names it, and
// wait only for the deployments of that namespace (issue 7 item 5).
func TestAppNamespaceGetsThePullSecret(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not on PATH")
	}
	const name = "dev-single-zone"
	d := presetDesigns(t)[name]
	arts := renderDesign(t, d, name)
	dir := writeArtifacts(t, arts)
	if err := os.MkdirAll(filepath.Join(dir, "manifests"), 0o755); err != nil {
		t.Fatal(err)
	}
	vars := assignments(t, parseScript(t, name, arts["runbook.sh"]))
	appNS := vars["APP_NAMESPACE"]
	if appNS == "" || appNS == "default" {
		t.Fatalf("APP_NAMESPACE is %q", appNS)
	}
	bin, rec := t.TempDir(), t.TempDir()
	ibmcloud := `#!/bin/sh
case "$*" in
"ks versions --output json") echo '{"kubernetes":[{"major":` + strings.Split(d.Spec.KubernetesVersion, ".")[0] + `,"minor":` + strings.Split(d.Spec.KubernetesVersion, ".")[1] + `,"patch":0}]}' ;;
"ks flavor ls "*) echo '[{"name":"` + d.Spec.WorkerPools[0].Flavor + `"}]' ;;
esac
exit 0
`
	// kubectl: all-icr-io exists in default only, with the server fields
	// a real GET returns; create records the object it is given.
	kubectl := `#!/bin/sh
echo "$*" >>"` + rec + `/kubectl.calls"
case "$*" in
"get secret all-icr-io -n default -o json") echo '{"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson",
  "metadata":{"name":"all-icr-io","namespace":"default","uid":"7e0b","resourceVersion":"4711","creationTimestamp":"2026-12-01T00:00:00Z"},
  "data":{".dockerconfigjson":"eyJhdXRocyI6e319"}}' ;;
"get secret all-icr-io -n "*) exit 1 ;;
"get nodes -o json") echo '{"items":[` + strings.Repeat(`{"status":{"conditions":[{"type":"Ready","status":"True"}]}},`, 8) + `{"status":{}}]}' ;;
"create -n "*) cat >"` + rec + `/created.json" ;;
esac
exit 0
`
	for tool, body := range map[string]string{"ibmcloud": ibmcloud, "kubectl": kubectl, "helm": "#!/bin/sh\nexit 0\n"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(jq, filepath.Join(bin, "jq")); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + t.TempDir(), "LOGS_AGENT_API_KEY=x", "MONITORING_ACCESS_KEY=x", "RUNBOOK_POLL_SECONDS=0"}
	manifestsStep := ""
	for _, line := range strings.Split(string(arts["runbook.sh"]), "\n") {
		if strings.HasPrefix(line, "  printf '%s\\t%s\\n' ") && strings.HasSuffix(line, "'Apply the Kubernetes manifests'") {
			manifestsStep = strings.Fields(line)[2]
		}
	}
	if manifestsStep == "" {
		t.Fatal("no manifests step in --list")
	}
	_, stderr, code := runScript(t, dir, env, "--from", manifestsStep)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(rec, "created.json"))
	if err != nil {
		t.Fatalf("the runbook created no secret: %v\n%s", err, stderr)
	}
	var sec struct {
		Kind     string            `json:"kind"`
		Type     string            `json:"type"`
		Data     map[string]string `json:"data"`
		Metadata map[string]any    `json:"metadata"`
	}
	if err := json.Unmarshal(data, &sec); err != nil {
		t.Fatalf("created object: %v\n%s", err, data)
	}
	if sec.Kind != "Secret" || sec.Type != "kubernetes.io/dockerconfigjson" || sec.Data[".dockerconfigjson"] != "eyJhdXRocyI6e319" {
		t.Errorf("the copy is not IBM's pull secret: %s", data)
	}
	if sec.Metadata["namespace"] != appNS || sec.Metadata["name"] != "all-icr-io" || len(sec.Metadata) != 2 {
		t.Errorf("the copy's metadata is %v, want name all-icr-io and namespace %s only", sec.Metadata, appNS)
	}
	calls, _ := os.ReadFile(filepath.Join(rec, "kubectl.calls"))
	if !strings.Contains(string(calls), "create -n "+appNS+" -f -") {
		t.Errorf("no kubectl create in %s:\n%s", appNS, calls)
	}
	for _, line := range strings.Split(string(calls), "\n") {
		if strings.HasPrefix(line, "wait ") && (strings.Contains(line, "--all-namespaces") || !strings.Contains(line, "-n "+appNS)) {
			t.Errorf("the verify step waits beyond the application template's namespace: kubectl %s", line)
		}
	}
	if !strings.Contains(string(calls), "wait --for=condition=Available deployment --all -n "+appNS) {
		t.Errorf("the verify step does not wait for the application template:\n%s", calls)
	}
	// The application template's service account names the copy.
	var sa struct {
		Kind             string `json:"kind"`
		ImagePullSecrets []struct {
			Name string `json:"name"`
		} `json:"imagePullSecrets"`
	}
	found := false
	for p, data := range renderAllManifests(t, name) {
		for _, doc := range strings.Split(string(data), "\n---\n") {
			if err := yaml.Unmarshal([]byte(doc), &sa); err != nil || sa.Kind != "ServiceAccount" || !strings.Contains(p, "app-template") {
				continue
			}
			for _, s := range sa.ImagePullSecrets {
				found = found || s.Name == "all-icr-io"
			}
		}
	}
	if !found {
		t.Error("the application template's service account does not name all-icr-io")
	}
}

// renderAllManifests renders the preset's manifests/ (the manifests
// renderer, which the runbook applies).
func renderAllManifests(t *testing.T, name string) map[string][]byte {
	t.Helper()
	c := view.New(presetDesigns(t)[name], catalog.Default(), name+".yaml")
	arts, err := manifests.Render(c)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, a := range arts {
		out[a.Path] = a.Data
	}
	return out
}
