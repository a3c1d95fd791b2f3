package runbook

import (
	"os/exec"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// IBM-shaped `ibmcloud ks cluster get --output json` documents. The keys
// are those of /work/shared/reference/ibm-api-shapes.md A.1: classic is the
// flat v1 ClusterInfo (bluemix-go containerv1, and the real 2022 capture of
// IBM's mas_devops run log), VPC the nested v2 shape (bluemix-go
// containerv2 ClusterInfo, container-services-go-sdk GetClusterResponse:
// serviceEndpoints.*, features.*, lifecycle.*). Values are made up.
// "converged" is a cluster on which every setting a design asks for is
// already made; "fresh" is one on which none is.
var clusterGetJSON = map[string]map[string]string{
	"classic": {
		"converged": `{"id":"c0ffee11d0000000abcd","name":"demo","region":"jp-tok","state":"normal","status":"All Workers Normal",
			"masterStatus":"Ready","masterState":"deployed","masterHealth":"normal",
			"keyProtectEnabled":true,"pullSecretApplied":true,
			"privateServiceEndpointEnabled":true,"privateServiceEndpointURL":"https://c100.private.jp-tok.containers.cloud.ibm.com:30001",
			"publicServiceEndpointEnabled":false,"publicServiceEndpointURL":"",
			"imageSecurityEnabled":true,"type":"kubernetes"}`,
		"fresh": `{"id":"c0ffee11d0000000abcd","name":"demo","region":"jp-tok","state":"normal","status":"All Workers Normal",
			"masterStatus":"Ready","masterState":"deployed","masterHealth":"normal",
			"keyProtectEnabled":false,"pullSecretApplied":true,
			"privateServiceEndpointEnabled":false,"privateServiceEndpointURL":"",
			"publicServiceEndpointEnabled":true,"publicServiceEndpointURL":"https://c100.jp-tok.containers.cloud.ibm.com:30001",
			"imageSecurityEnabled":false,"type":"kubernetes"}`,
	},
	"vpc": {
		"converged": `{"id":"cq1vpc000000000abcd","name":"demo","region":"jp-tok","provider":"vpc-gen2","state":"normal",
			"serviceEndpoints":{"privateServiceEndpointEnabled":true,"privateServiceEndpointURL":"https://c100.private.jp-tok.containers.cloud.ibm.com:30002",
				"publicServiceEndpointEnabled":false,"publicServiceEndpointURL":""},
			"lifecycle":{"masterStatus":"Ready","masterState":"deployed","masterHealth":"normal"},
			"features":{"keyProtectEnabled":true,"pullSecretApplied":true},
			"imageSecurityEnabled":true,"type":"kubernetes"}`,
		"fresh": `{"id":"cq1vpc000000000abcd","name":"demo","region":"jp-tok","provider":"vpc-gen2","state":"normal",
			"serviceEndpoints":{"privateServiceEndpointEnabled":true,"privateServiceEndpointURL":"https://c100.private.jp-tok.containers.cloud.ibm.com:30002",
				"publicServiceEndpointEnabled":true,"publicServiceEndpointURL":"https://c100.jp-tok.containers.cloud.ibm.com:30001"},
			"lifecycle":{"masterStatus":"Ready","masterState":"deployed","masterHealth":"normal"},
			"features":{"keyProtectEnabled":false,"pullSecretApplied":true},
			"imageSecurityEnabled":false,"type":"kubernetes"}`,
	},
}

// jqEval runs the real jq -e with env.JQ_V = value on doc, as the
// runbook's json_has does, and reports whether the filter holds.
func jqEval(t *testing.T, jq, filter, value, doc string) bool {
	t.Helper()
	cmd := exec.Command(jq, "-e", filter)
	cmd.Env = []string{"JQ_V=" + value}
	cmd.Stdin = strings.NewReader(doc)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
			return false
		}
		t.Fatalf("jq %q: %v\n%s", filter, err, out)
	}
	return true
}

// jsonChecks returns the filter and value of every json_has whose command
// starts with prefix, expanded with the variables block.
func jsonChecks(t *testing.T, f *syntax.File, prefix string) [][2]string {
	t.Helper()
	cfg := expandConfig(assignments(t, f))
	var out [][2]string
	for _, c := range commands(f) {
		if c.wrapper != "json_has" {
			continue
		}
		args := expandArgs(t, cfg, c.call.Args)
		if len(args) < 4 || !strings.HasPrefix(strings.Join(args[3:], " "), prefix) {
			continue
		}
		out = append(out, [2]string{args[1], args[2]})
	}
	return out
}

// TestClusterGetChecksReadIBMsShape runs every "is it already done?" check
// the runbook makes on `ks cluster get --output json` with the real jq
// against IBM's shape for the design's infrastructure: each must hold on
// a converged cluster (so a rerun changes nothing) and fail on a fresh one
// (so the first run makes the change).
func TestClusterGetChecksReadIBMsShape(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not on PATH")
	}
	seen := 0
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			f := parseScript(t, name, renderDesign(t, v.design, name)["runbook.sh"])
			shape := "classic"
			if v.design.Spec.IsVPC() {
				shape = "vpc"
			}
			for _, chk := range jsonChecks(t, f, "ibmcloud ks cluster get ") {
				seen++
				if !jqEval(t, jq, chk[0], chk[1], clusterGetJSON[shape]["converged"]) {
					t.Errorf("%s/%s: %q does not hold on a converged %s cluster: every rerun repeats the change", name, v.name, chk[0], shape)
				}
				if jqEval(t, jq, chk[0], chk[1], clusterGetJSON[shape]["fresh"]) {
					t.Errorf("%s/%s: %q holds on a fresh %s cluster: the change is never made", name, v.name, chk[0], shape)
				}
			}
		}
	}
	if seen < 6 {
		t.Errorf("only %d cluster get checks found; the test does not reach the runbook", seen)
	}
}
