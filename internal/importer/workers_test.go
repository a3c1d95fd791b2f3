package importer

import (
	"encoding/json"
	"strings"
	"testing"
)

// The worker bodies of ibm-api-shapes.md A.2 (VPC from containerv2
// Worker, classic from containerv1 Worker), with the changes each case
// makes.
const vpcWorker = `{"id":"kube-c1-default-000001a2","flavor":"bx2.4x16","location":"jp-tok-1",
  "poolID":"c1-a1b2c3d","poolName":"default",
  "networkInterfaces":[{"cidr":"10.240.0.0/24","ipAddress":"10.240.0.4","primary":true,"subnetID":"0717-aaaa"}],
  "kubeVersion":{"actual":"1.35.4_1530","desired":"1.35.4_1530","target":"1.35.4_1530","eos":"","masterEOS":""},
  "health":{"state":"normal","message":"Ready"},
  "lifecycle":{"desiredState":"deployed","actualState":"deployed","message":"","pendingOperation":"","reasonForDelete":"","actualOperatingSystem":"UBUNTU_24_64"}}`

const classicWorker = `{"id":"kube-tok02-crabc123-w1","state":"normal","status":"Ready","statusDate":"","statusDetails":"",
  "errorMessage":"","pendingOperation":"","machineType":"b3c.4x16.encrypted","isolation":"public",
  "privateIP":"10.1.2.3","publicIP":"169.1.2.3","privateVlan":"2234945","publicVlan":"2234947",
  "location":"tok02","poolid":"crabc123-8c1f","poolName":"default","kubeVersion":"1.35.4_1530",
  "targetVersion":"1.35.4_1530","trustedStatus":"unsupported","billing":"hourly"}`

func worker(t *testing.T, body string, edit map[string]any) workerJSON {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range edit {
		m[k] = v
	}
	b, _ := json.Marshal(m)
	var w workerJSON
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatal(err)
	}
	return w
}

func pool(zone string, size int) poolJSON {
	var p poolJSON
	if err := json.Unmarshal([]byte(`{"id":"c1-a1b2c3d","poolName":"default","workerCount":`+itoa(size)+`,"zones":[{"id":"`+zone+`","workerCount":`+itoa(size)+`}]}`), &p); err != nil {
		panic(err)
	}
	return p
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestWorkerFindings(t *testing.T) {
	vpcOld := map[string]any{"kubeVersion": map[string]string{"actual": "1.34.9_1600", "target": "1.35.4_1530"}}
	vpcSick := map[string]any{"health": map[string]string{"state": "critical", "message": "NotReady"},
		"lifecycle": map[string]string{"actualState": "deployed", "desiredState": "deployed"}}
	vpcProvisioning := map[string]any{"lifecycle": map[string]string{"actualState": "provisioning", "desiredState": "deployed", "message": "Waiting for IBM Cloud infrastructure"},
		"health": map[string]string{"state": "pending", "message": ""}}
	classicOld := map[string]any{"kubeVersion": "1.33.2_1510", "targetVersion": "1.35.4_1530"}
	classicSick := map[string]any{"state": "deploy_failed", "status": "Ordering failed"}
	for _, tc := range []struct {
		name       string
		pools      []poolJSON
		workers    []workerJSON
		autoscaler bool
		want       []string // each a substring of one finding, in order
	}{
		{"vpc whole", []poolJSON{pool("jp-tok-1", 2)}, []workerJSON{worker(t, vpcWorker, nil), worker(t, vpcWorker, nil)}, false, nil},
		{"classic whole", []poolJSON{pool("tok02", 1)}, []workerJSON{worker(t, classicWorker, nil)}, false, nil},
		{"vpc behind", []poolJSON{pool("jp-tok-1", 2)}, []workerJSON{worker(t, vpcWorker, vpcOld), worker(t, vpcWorker, nil)}, false,
			[]string{"1 of 2 workers run Kubernetes 1.34 while the master runs 1.35"}},
		{"classic behind", []poolJSON{pool("tok02", 1)}, []workerJSON{worker(t, classicWorker, classicOld)}, false,
			[]string{"1 of 1 workers run Kubernetes 1.33 while the master runs 1.35"}},
		{"vpc not ready", []poolJSON{pool("jp-tok-1", 2)}, []workerJSON{worker(t, vpcWorker, vpcSick), worker(t, vpcWorker, vpcProvisioning)}, false,
			[]string{"2 of 2 workers are not ready: kube-c1-default-000001a2 (pool default, jp-tok-1): deployed, critical, NotReady; kube-c1-default-000001a2 (pool default, jp-tok-1): provisioning, Waiting for IBM Cloud infrastructure, pending"}},
		{"classic not ready", []poolJSON{pool("tok02", 1)}, []workerJSON{worker(t, classicWorker, classicSick)}, false,
			[]string{"1 of 1 workers are not ready: kube-tok02-crabc123-w1 (pool default, tok02): deploy_failed, Ordering failed"}},
		{"classic normal but not Ready", []poolJSON{pool("tok02", 1)}, []workerJSON{worker(t, classicWorker, map[string]any{"status": "NotReady"})}, false,
			[]string{"1 of 1 workers are not ready: kube-tok02-crabc123-w1 (pool default, tok02): normal, NotReady"}},
		{"zone short", []poolJSON{pool("jp-tok-1", 3)}, []workerJSON{worker(t, vpcWorker, nil), worker(t, vpcWorker, nil)}, false,
			[]string{"pool default has 2 workers in jp-tok-1, its size is 3 per zone: ibmcloud ks worker-pool rebalance"}},
		{"zone scaled", []poolJSON{pool("jp-tok-1", 1)}, []workerJSON{worker(t, vpcWorker, nil), worker(t, vpcWorker, nil)}, true,
			[]string{"pool default has 2 workers in jp-tok-1, its size is 1 per zone: the cluster-autoscaler add-on is on"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := workerFindings("1.35.4_1530", tc.pools, tc.workers, tc.autoscaler)
			if len(got) != len(tc.want) {
				t.Fatalf("%d findings, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("finding %d:\n%s\nwant it to contain\n%s", i, got[i], w)
				}
			}
		})
	}
}

// A long list of unready workers names five and counts the rest.
func TestWorkerFindingsListsFive(t *testing.T) {
	sick := map[string]any{"state": "critical", "status": "NotReady"}
	var ws []workerJSON
	for range 7 {
		ws = append(ws, worker(t, classicWorker, sick))
	}
	got := workerFindings("1.35.4_1530", []poolJSON{pool("tok02", 7)}, ws, false)
	if len(got) != 1 || strings.Count(got[0], "kube-tok02-crabc123-w1") != 5 || !strings.Contains(got[0], "; and 2 more") {
		t.Fatalf("got %q", got)
	}
}
