package runbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreflightRefusesAutoscalerOn136 runs a real runbook whose design
// enables the cluster-autoscaler add-on on Kubernetes 1.36, which add-on
// 2.0.0 does not support (IBM: >=1.31 <1.36): the preflight stops before
// anything is created. On 1.35 the range check passes.
func TestPreflightRefusesAutoscalerOn136(t *testing.T) {
	for _, tc := range []struct {
		version string
		refused bool
	}{{"1.36", true}, {"1.35", false}} {
		d := presetDesigns(t)["tokyo-vpc-production"].Clone()
		d.Spec.Operations.Autoscaler.Enabled = true
		d.Spec.KubernetesVersion = tc.version
		dir := writeArtifacts(t, renderDesign(t, d, "autoscaler"))
		bin := t.TempDir()
		for _, tool := range []string{"ibmcloud", "kubectl", "helm", "jq"} {
			if err := os.WriteFile(filepath.Join(bin, tool), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		env := []string{"PATH=" + bin + ":/usr/bin:/bin", "HOME=" + t.TempDir(), "LOGS_AGENT_API_KEY=x", "MONITORING_ACCESS_KEY=x"}
		_, stderr, code := runScript(t, dir, env)
		msg := "the cluster-autoscaler add-on 2.0.0 supports Kubernetes >=1.31 <1.36, not " + tc.version
		if got := strings.Contains(stderr, "step 1 (Preflight: tools, login, target and account checks) failed: "+msg); got != tc.refused || code == 0 {
			t.Errorf("%s: refused %v (exit %d), want %v:\n%s", tc.version, got, code, tc.refused, stderr)
		}
	}
}
