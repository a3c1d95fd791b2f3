package importer

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/iksplan/iksplan/model"
)

// workerJSON reads both worker bodies of `ibmcloud ks workers --output
// json`: classic's flat v1 Worker (state, status, kubeVersion and
// targetVersion strings, poolid) and VPC's v2 Worker (health,
// lifecycle, kubeVersion {actual, target}, poolID). Sources: IBM-Cloud/
// bluemix-go 576d2f8 api/container/containerv1/workers.go Worker and
// containerv2/workers.go Worker, KubeDetails, HealthStatus,
// WorkerLifeCycle; ibm-api-shapes.md A.2.
type workerJSON struct {
	ID       string `json:"id"`
	Location string `json:"location"`
	PoolName string `json:"poolName"`
	// v1 (classic)
	State         string `json:"state"`
	Status        string `json:"status"`
	TargetVersion string `json:"targetVersion"`
	// v1 a string, v2 an object (KubeDetails has no json tag: its keys
	// are actual, desired, target, eos, masterEos)
	KubeVersion json.RawMessage `json:"kubeVersion"`
	// v2 (VPC)
	Health *struct {
		State   string `json:"state"`
		Message string `json:"message"`
	} `json:"health"`
	Lifecycle *struct {
		ActualState  string `json:"actualState"`
		DesiredState string `json:"desiredState"`
		Message      string `json:"message"`
	} `json:"lifecycle"`
}

// version is the Kubernetes version the worker runs ("1.35.2_1540").
func (w workerJSON) version() string {
	var s string
	if json.Unmarshal(w.KubeVersion, &s) == nil {
		return s
	}
	var v struct {
		Actual string `json:"actual"`
	}
	_ = json.Unmarshal(w.KubeVersion, &v)
	return v.Actual
}

// healthy: a classic worker is ready when its state is normal and its
// status Ready; a VPC worker when health.state is normal and the
// lifecycle has reached deployed (ibm-api-shapes.md A.2, "Classic
// workers ready" and VPCCREATE: a new worker is ready when State is
// normal and Status is Ready).
func (w workerJSON) healthy() bool {
	if w.Health != nil || w.Lifecycle != nil {
		return w.Health != nil && w.Health.State == "normal" &&
			w.Lifecycle != nil && w.Lifecycle.ActualState == "deployed"
	}
	return w.State == "normal" && w.Status == "Ready"
}

// condition says what an unhealthy worker reports.
func (w workerJSON) condition() string {
	var parts []string
	if w.Health != nil || w.Lifecycle != nil {
		if w.Lifecycle != nil {
			parts = append(parts, w.Lifecycle.ActualState, w.Lifecycle.Message)
		}
		if w.Health != nil {
			parts = append(parts, w.Health.State, w.Health.Message)
		}
	} else {
		parts = append(parts, w.State, w.Status)
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
			out = append(out, model.Escape(p))
		}
	}
	if len(out) == 0 {
		return "no state"
	}
	return strings.Join(out, ", ")
}

// listedWorkers is at most how many unhealthy workers a finding names.
const listedWorkers = 5

// workerFindings is what the running workers say about the cluster that
// its design cannot hold: workers behind the master's Kubernetes minor
// (IBM updates the master, never the workers: each is updated or
// replaced by the user), workers that are not ready, and pool zones whose
// worker count differs from the pool's size (a worker being provisioned,
// deleted or failed; worker-pool rebalance restores it). Sources: IBM
// Cloud Docs containers-update (2026-07-30: workers never run a later
// major.minor than the master and at most two behind, n-2),
// containers-update-workers-vpc (2026-11-05: VPC workers take `worker
// replace --update`, `worker update` is classic only) and
// containers-ca_update_worker_node_pool (an autoscaled pool is taken out
// of iks-ca-configmap before it is resized or rebalanced).
func workerFindings(master string, pools []poolJSON, workers []workerJSON, autoscaler bool) []string {
	var out []string
	mm := majorMinor(master)

	behind := map[string]int{}
	for _, w := range workers {
		if v := majorMinor(w.version()); v != "" && v != mm {
			behind[v]++
		}
	}
	for _, v := range slices.Sorted(maps.Keys(behind)) {
		out = append(out, fmt.Sprintf("%d of %d workers run Kubernetes %s while the master runs %s: update them one worker per zone at a time (classic: ibmcloud ks worker update; VPC: ibmcloud ks worker replace --update); IBM allows workers at most two minors behind",
			behind[v], len(workers), model.Escape(v), model.Escape(mm)))
	}

	var sick []string
	for _, w := range workers {
		if !w.healthy() {
			sick = append(sick, fmt.Sprintf("%s (pool %s, %s): %s", model.Escape(w.ID), model.Escape(w.PoolName), model.Escape(w.Location), w.condition()))
		}
	}
	if len(sick) > 0 {
		shown := sick
		more := ""
		if len(shown) > listedWorkers {
			shown, more = shown[:listedWorkers], fmt.Sprintf("; and %d more", len(sick)-listedWorkers)
		}
		out = append(out, fmt.Sprintf("%d of %d workers are not ready: %s%s (ibmcloud ks worker get --cluster C --worker ID)", len(sick), len(workers), strings.Join(shown, "; "), more))
	}

	count := map[[2]string]int{}
	for _, w := range workers {
		count[[2]string{w.PoolName, w.Location}]++
	}
	for _, p := range pools {
		for _, z := range p.Zones {
			want, have := p.size(), count[[2]string{p.name(), z.ID}]
			if have == want {
				continue
			}
			fix := "ibmcloud ks worker-pool rebalance restores it once no worker is being provisioned or deleted"
			if autoscaler {
				fix = "the cluster-autoscaler add-on is on: it may have scaled the zone; to rebalance, take the pool out of iks-ca-configmap first"
			}
			out = append(out, fmt.Sprintf("pool %s has %d workers in %s, its size is %d per zone: %s", model.Escape(p.name()), have, model.Escape(z.ID), want, fix))
		}
	}
	return out
}
