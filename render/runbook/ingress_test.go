package runbook

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// albLsVPC is `ingress alb ls --output json` for a new VPC cluster: the API
// body of ibm-api-shapes.md A.3 (SDK VpcClusterALB), with IBM's default
// Ingress-NGINX build (1.X.X_XXXX_iks) on the public ALB and the private
// ALB disabled.
const albLsVPC = `{"id":"cq1vpc000000000abcd","region":"jp-tok","dataCenter":"tok02","isPaid":true,
 "publicIngressHostname":"demo-abc123-0000.jp-tok.containers.appdomain.cloud","publicIngressSecretName":"demo-abc123-0000",
 "alb":[
  {"albID":"public-crcq1vpc000000000abcd-alb1","albType":"public","enable":true,"state":"enabled","status":"healthy",
   "zone":"jp-tok-1","albBuild":"1.12.1_1234_iks","authBuild":"","loadBalancerHostname":"abcd1234-jp-tok.lb.appdomain.cloud",
   "numOfInstances":"2","resize":false,"disableDeployment":false,"createdDate":"2026-01-10T02:05:00+0000","name":"","cluster":"cq1vpc000000000abcd"},
  {"albID":"private-crcq1vpc000000000abcd-alb1","albType":"private","enable":false,"state":"disabled","status":"-",
   "zone":"jp-tok-1","albBuild":"","loadBalancerHostname":"","numOfInstances":"2","resize":false,"disableDeployment":false,
   "createdDate":"","name":"","cluster":"cq1vpc000000000abcd"}]}`

// albLsTraefik is the same cluster after the runbook: both ALBs enabled
// with a Traefik build (3.X.X_XXXX_iks).
var albLsTraefik = strings.NewReplacer(`"albBuild":"1.12.1_1234_iks"`, `"albBuild":"3.2.1_1500_iks"`,
	`"enable":false,"state":"disabled","status":"-",`, `"enable":true,"state":"enabled","status":"healthy",`,
	`"albBuild":"",`, `"albBuild":"3.2.1_1500_iks",`).Replace(albLsVPC)

// jqRun runs jq -r FILTER with env.JQ_V = value on doc.
func jqRun(t *testing.T, filter, value, doc string) string {
	t.Helper()
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not on PATH")
	}
	cmd := exec.Command(jq, "-r", filter)
	cmd.Env = []string{"JQ_V=" + value}
	cmd.Stdin = strings.NewReader(doc)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jq %s: %v\n%s", filter, err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestTraefikFilters runs the ALB filters with the real jq on IBM's ALB
// shape: a new cluster's Ingress-NGINX ALBs are found, a converged
// cluster's Traefik ALBs are not.
func TestTraefikFilters(t *testing.T) {
	if got := jqRun(t, jqALBsToTraefik, "public", albLsVPC); got != "public-crcq1vpc000000000abcd-alb1 true" {
		t.Errorf("public ALBs to move to Traefik: %q", got)
	}
	if got := jqRun(t, jqALBsToTraefik, "private", albLsVPC); got != "private-crcq1vpc000000000abcd-alb1 false" {
		t.Errorf("private ALBs to move to Traefik: %q", got)
	}
	for _, typ := range []string{"public", "private"} {
		if got := jqRun(t, jqALBsToTraefik, typ, albLsTraefik); got != "" {
			t.Errorf("converged cluster: %s ALBs still to change: %q", typ, got)
		}
		if got := jqRun(t, jqALBsToEnable, typ, albLsTraefik); got != "" {
			t.Errorf("converged cluster: %s ALBs still to enable: %q", typ, got)
		}
	}
	if got := jqRun(t, jqALBsToEnable, "private", albLsVPC); got != "private-crcq1vpc000000000abcd-alb1 false" {
		t.Errorf("private ALBs to enable: %q", got)
	}
	if got := jqRun(t, jqALBsToDisable, "public", albLsVPC); got != "public-crcq1vpc000000000abcd-alb1" {
		t.Errorf("public ALBs to disable: %q", got)
	}
	// `ingress alb versions`: the API's {defaultK8sVersion, supportedK8sVersions}
	// (A.3) plus Traefik versions under a key IBM does not document.
	versions := `{"defaultK8sVersion":"1.12.1_1234_iks","supportedK8sVersions":["1.12.1_1234_iks","1.11.3_1200_iks"],
		"traefikVersions":["3.2.1_1500_iks","3.10.0_1600_iks","3.2.1_1499_iks"]}`
	if got := jqRun(t, jqTraefikVersion, "", versions); got != "3.10.0_1600_iks" {
		t.Errorf("newest Traefik version %q, want 3.10.0_1600_iks", got)
	}
	if got := jqRun(t, jqBackendsTraefik, "publicbackend,privatebackend", `{"publicBackend":"traefik","privateBackend":"traefik"}`); got != "true" {
		t.Errorf("backends set: %q", got)
	}
	if got := jqRun(t, jqBackendsTraefik, "publicbackend", `{"publicBackend":"nginx","privateBackend":"traefik"}`); got != "false" {
		t.Errorf("public backend nginx counted as traefik: %q", got)
	}
}

// TestTraefikDesignsEnableTraefik: a design with Managed Traefik enables
// its ALBs with a Traefik version and, on VPC, points the load balancer at
// Traefik (issue 7 item 6); Ingress-NGINX designs do neither.
func TestTraefikDesignsEnableTraefik(t *testing.T) {
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			in := v.design.Spec.Network.Ingress
			script := string(renderDesign(t, v.design, name)["runbook.sh"])
			wantTraefik := in.Controller == model.IngressTraefik && (in.PublicALB || in.PrivateALB)
			enable := "ibmcloud ks ingress alb enable " + map[bool]string{true: "vpc-gen2", false: "classic"}[v.design.Spec.IsVPC()]
			hasVersion := strings.Contains(script, `--version "$TRAEFIK_VERSION"`) && strings.Contains(script, enable)
			if hasVersion != wantTraefik {
				t.Errorf("%s/%s: ALBs enabled with a Traefik version: %v, want %v", name, v.name, hasVersion, wantTraefik)
			}
			backend := strings.Contains(script, "ingress load-balancer backend set --cluster \"$CLUSTER\" --public-backend traefik")
			if want := wantTraefik && in.PublicALB && v.design.Spec.IsVPC(); backend != want {
				t.Errorf("%s/%s: load-balancer backend set to traefik: %v, want %v", name, v.name, backend, want)
			}
		}
	}
}
