package ibmcloud

import (
	"fmt"
	"strconv"
	"strings"
)

// The commands change runbooks use. IBM's API calls behind them
// (IBM-Cloud/bluemix-go, snapshot 576d2f8 of 2026-06-24):
//   - resize: containerv1 WorkerPool PATCH /v1/clusters/{c}/workerpools/{p}
//     {"state":"resizing","sizePerZone":N}; containerv2 POST
//     /v2/resizeWorkerPool {cluster, workerpool, size} (ResizeWorkerPoolReq);
//   - worker-pool rm: DELETE /v1/clusters/{c}/workerpools/{p};
//   - zone rm: containerv1 RemoveZone (DELETE …/workerpools/{p}/zones/{z});
//   - master update: containerv1 ClusterUpdateParam {action, force, version}
//     PUT /v1/clusters/{c};
//   - worker replace: containerv2 ReplaceWorker {cluster, update, workerID}
//     POST /v2/vpc/replaceWorker;
//   - worker update (classic): containerv1 UpdateWorkerCommand {action}
//     PUT /v1/clusters/{c}/workers/{w};
//   - operating-system set: containerv2 POST /v2/setWorkerPoolOperatingSystem.
// Prompts: ibm-api-shapes.md ("Has -f / -y"): worker-pool rm, zone rm,
// master update, worker replace/update ask unless -f; resize does not.

// fullVersion is how IKS reports a version: major.minor.patch_build
// (ibm-api-shapes.md A.1, "1.33.4_1530"). The double keeps major.minor
// only; every minor is reported at patch 0, build 1500, a simulated
// number, so scripts must compare major.minor as they would on IBM.
func fullVersion(mm string) string {
	if mm == "" {
		return ""
	}
	return mm + ".0_1500"
}

func minorNumber(v string) (int, bool) {
	maj, rest, ok := strings.Cut(v, ".")
	if !ok || maj != "1" {
		return 0, false
	}
	mi, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(mi)
	return n, err == nil
}

// orderWorkers orders n workers for pool p in zone z: at the master's
// version and the pool's OS, each with a private IP no worker of the
// cluster has.
func orderWorkers(st *State, cl *Cluster, p *Pool, z *PoolZone, n int) {
	used := map[string]bool{}
	pi, zi := 0, 0
	for i, x := range cl.Pools {
		if x == p {
			pi = i
		}
		for j, y := range x.Zones {
			for k := range y.Workers {
				used[workerIP(cl, i, j, k)] = true
			}
		}
	}
	zi = zoneIndex(cl, z.ID)
	prefix := "10.%d.%d.%d"
	base := 240
	if cl.Provider == "classic" {
		base = 190
	}
	host := 4 + len(z.Workers)
	for i := 0; i < n; i++ {
		ip := fmt.Sprintf(prefix, base+zi, pi, host)
		for used[ip] {
			host++
			ip = fmt.Sprintf(prefix, base+zi, pi, host)
		}
		used[ip] = true
		z.Workers = append(z.Workers, Worker{ID: fmt.Sprintf("kube-%s-%s-%s-%08x", cl.ID, sanitize(cl.Name), p.Name, st.Seq*16+i),
			OrderedAt: cl.Polls, Version: cl.Version, OS: p.OS, IP: ip})
	}
	st.Seq++
}

// workerIP is the worker's stored IP, or (state written before IPs were
// stored) the one its position gives.
func workerIP(cl *Cluster, pool, zone, worker int) string {
	if ip := cl.Pools[pool].Zones[zone].Workers[worker].IP; ip != "" {
		return ip
	}
	return nodeIP(cl, pool, zone, worker)
}

// workerVersion is the worker's major.minor (the cluster's for workers
// ordered before versions were stored).
func (cl *Cluster) workerVersion(w Worker) string {
	if w.Version != "" {
		return w.Version
	}
	return cl.Version
}

// dropWorkers deletes workers: their nodes leave the cluster (IKS deletes
// the node object of a deleted worker), in the stand-in's kube state and,
// with a real control plane, there too.
func dropWorkers(env *Env, cl *Cluster, gone map[string]bool) error {
	var names []string
	for pi, p := range cl.Pools {
		for zi, z := range p.Zones {
			for wi, w := range z.Workers {
				if gone[w.ID] && w.Registered {
					names = append(names, workerIP(cl, pi, zi, wi))
				}
			}
		}
	}
	for _, p := range cl.Pools {
		for _, z := range p.Zones {
			keep := z.Workers[:0]
			for _, w := range z.Workers {
				if !gone[w.ID] {
					keep = append(keep, w)
				}
			}
			z.Workers = keep
		}
	}
	return deleteNodes(env, names)
}

func deleteNodes(env *Env, names []string) error {
	if len(names) == 0 {
		return nil
	}
	ks, err := loadKube(env.Dir)
	if err != nil {
		return err
	}
	drop := map[string]bool{}
	for _, n := range names {
		drop[n] = true
	}
	keep := ks.Nodes[:0]
	for _, n := range ks.Nodes {
		if !drop[n.Name] {
			keep = append(keep, n)
		}
	}
	ks.Nodes = keep
	if err := ks.save(env.Dir); err != nil {
		return err
	}
	if env.Config.RealKubectl == "" {
		return nil
	}
	return realKubectl(env, nil, append([]string{"delete", "node", "--ignore-not-found", "--wait=false"}, names...)...)
}

func ksPoolResize(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	p := cl.pool(c.Get("worker-pool"))
	if p == nil {
		return failf("The specified worker pool could not be found. (E0011)")
	}
	// The size must be at least 1 (iks-facts §1.3, CLI23; §3.5: a pool
	// cannot be scaled to 0).
	size, err := positiveInt("size-per-zone", c.Get("size-per-zone"), 0)
	if err != nil {
		return err
	}
	gone := map[string]bool{}
	for _, z := range p.Zones {
		if n := len(z.Workers); n < size {
			orderWorkers(c.env.State, cl, p, z, size-n)
		} else {
			// INFERRED: IKS removes the newest workers of a zone first.
			for _, w := range z.Workers[size:] {
				gone[w.ID] = true
			}
		}
	}
	p.SizePerZone = size
	if err := dropWorkers(c.env, cl, gone); err != nil {
		return err
	}
	return ok(c)
}

func ksPoolRm(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	p := cl.pool(c.Get("worker-pool"))
	if p == nil {
		return failf("The specified worker pool could not be found. (E0011)")
	}
	if len(cl.Pools) == 1 {
		// A cluster needs at least one worker node (iks-facts §3.5, IKS
		// FAQ); IBM's wording for this refusal is not known (INFERRED).
		return failf("The worker pool '%s' is the only worker pool of the cluster. A cluster needs at least one worker node.", p.Name)
	}
	if err := confirm(c, fmt.Sprintf("Removing the worker pool '%s' deletes all of its worker nodes. Continue?", p.Name), "f"); err != nil {
		return err
	}
	gone := map[string]bool{}
	for _, z := range p.Zones {
		for _, w := range z.Workers {
			gone[w.ID] = true
		}
	}
	if err := dropWorkers(c.env, cl, gone); err != nil {
		return err
	}
	keep := cl.Pools[:0]
	for _, x := range cl.Pools {
		if x != p {
			keep = append(keep, x)
		}
	}
	cl.Pools = keep
	return ok(c)
}

func ksZoneRm(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	zone := c.Get("zone")
	var pools []*Pool
	for _, name := range c.All("worker-pool") {
		p := cl.pool(name)
		if p == nil {
			return failf("The specified worker pool could not be found. (E0011)")
		}
		if p.zone(zone) == nil {
			// INFERRED wording: the zone is not attached to the pool.
			return failf("The zone '%s' is not attached to worker pool '%s'.", zone, p.Name)
		}
		pools = append(pools, p)
	}
	left := 0
	for _, p := range cl.Pools {
		for _, z := range p.Zones {
			removed := false
			for _, x := range pools {
				removed = removed || (x == p && z.ID == zone)
			}
			if !removed {
				left += len(z.Workers)
			}
		}
	}
	if left == 0 {
		return failf("Removing zone '%s' would leave the cluster without worker nodes. A cluster needs at least one worker node.", zone)
	}
	if err := confirm(c, fmt.Sprintf("Removing zone '%s' from the worker pools deletes their worker nodes in the zone. Continue?", zone), "f"); err != nil {
		return err
	}
	gone := map[string]bool{}
	for _, p := range pools {
		for _, w := range p.zone(zone).Workers {
			gone[w.ID] = true
		}
	}
	if err := dropWorkers(c.env, cl, gone); err != nil {
		return err
	}
	for _, p := range pools {
		keep := p.Zones[:0]
		for _, z := range p.Zones {
			if z.ID != zone {
				keep = append(keep, z)
			}
		}
		p.Zones = keep
	}
	// The zone's ALBs are left as they are: whether IKS deletes them when
	// the last pool leaves the zone is not found in IBM's docs (UNCONFIRMED).
	return ok(c)
}

// ksMasterUpdate is `cluster master update`. IBM's rules:
//   - one minor version at a time (iks-facts §1.6, CLI23 and the version
//     policy page VER); --force-update is for workers more than two minors
//     behind the new master, not for skipping a minor;
//   - no downgrade (versions only move forward, VER);
//   - "Cluster autoscaler does not yet support version 1.36. Do not update
//     your cluster to version 1.36 if the autoscaler is installed."
//     (ibm-cloud-docs/containers cs_versions_136.md, lastupdated 2026-06-29).
//     The docs give that as advice: whether IKS's API refuses the update,
//     and in which words, is UNCONFIRMED. The double refuses, with the
//     add-on's range from the catalog (cluster-autoscaler belowKube).
func ksMasterUpdate(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	want, err := checkVersion(c.Get("version"))
	if err != nil {
		return err
	}
	to, _ := minorNumber(want)
	from, _ := minorNumber(cl.Version)
	switch {
	case to < from:
		return failf("The version '%s' is lower than the cluster's version %s. Kubernetes versions cannot be downgraded.", c.Get("version"), cl.Version)
	case to > from+1:
		return failf("The cluster master can be updated only one minor version at a time: update from %s to 1.%d first.", cl.Version, from+1)
	}
	if a, found := cat().Addon("cluster-autoscaler"); found && cl.hasAddon("cluster-autoscaler") && a.BelowKube != "" && versionAtLeast(want, a.BelowKube) {
		return failf("The cluster master cannot be updated to version %s while the 'cluster-autoscaler' add-on is installed: add-on version %s supports Kubernetes below %s only. Disable the add-on with 'ibmcloud ks cluster addon disable cluster-autoscaler --cluster %s', or wait for an add-on version that supports %s.", want, a.Version, a.BelowKube, cl.Name, want)
	}
	if !c.Has("force-update") {
		for _, p := range cl.Pools {
			for _, z := range p.Zones {
				for _, w := range z.Workers {
					if m, ok := minorNumber(cl.workerVersion(w)); ok && to-m > 2 {
						return failf("Worker '%s' runs version %s, more than two minor versions behind %s. Update the workers first, or run the command with '--force-update'.", w.ID, cl.workerVersion(w), want)
					}
				}
			}
		}
	}
	if err := confirm(c, fmt.Sprintf("Update the master of cluster '%s' from %s to %s? The workers keep their version until you update them.", cl.Name, cl.Version, want), "f"); err != nil {
		return err
	}
	cl.Version = want
	masterOp(c.env, cl, "Version update")
	return ok(c)
}

// findWorker finds a worker of cl by ID.
func (cl *Cluster) findWorker(id string) (*Pool, *PoolZone, int) {
	for _, p := range cl.Pools {
		for _, z := range p.Zones {
			for i, w := range z.Workers {
				if w.ID == id {
					return p, z, i
				}
			}
		}
	}
	return nil, nil, -1
}

func errNoWorker(id string) error {
	return failf("The specified worker node '%s' could not be found in the cluster. (E0010)", id)
}

// ksWorkerReplace deletes the worker and orders a new one in its zone
// (VPC). With --update the new worker gets the master's major.minor and
// the pool's current OS (CLI v1.0.756, iks-facts §1.6); without it, the
// worker's own version.
func ksWorkerReplace(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	p, z, i := cl.findWorker(c.Get("worker"))
	if p == nil {
		return errNoWorker(c.Get("worker"))
	}
	old := z.Workers[i]
	if err := confirm(c, fmt.Sprintf("Replacing worker '%s' deletes it and creates a new worker in zone %s. Continue?", old.ID, z.ID), "f"); err != nil {
		return err
	}
	if err := dropWorkers(c.env, cl, map[string]bool{old.ID: true}); err != nil {
		return err
	}
	orderWorkers(c.env.State, cl, p, z, 1)
	w := &z.Workers[len(z.Workers)-1]
	if !c.Has("update") {
		w.Version, w.OS = cl.workerVersion(old), old.OS
	}
	return ok(c)
}

// ksWorkerUpdate reimages classic workers in place at the master's
// version (classic only, iks-facts §1.6: "worker update" reimages;
// VPC workers are updated with worker replace --update).
func ksWorkerUpdate(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	if cl.Provider != "classic" {
		return failf("The command 'worker update' is for classic workers. To update VPC workers, run 'ibmcloud ks worker replace --update'.")
	}
	for _, id := range c.All("worker") {
		if p, _, _ := cl.findWorker(id); p == nil {
			return errNoWorker(id)
		}
	}
	if err := confirm(c, "Updating reloads the worker nodes; data that is not stored persistently is lost. Continue?", "f"); err != nil {
		return err
	}
	for _, id := range c.All("worker") {
		p, z, i := cl.findWorker(id)
		w := &z.Workers[i]
		// The worker is reloading until it is ready again.
		w.Version, w.OS, w.OrderedAt = cl.Version, p.OS, cl.Polls
	}
	return ok(c)
}

func ksPoolOS(c *Call) error {
	cl, err := c.cluster()
	if err != nil {
		return err
	}
	p := cl.pool(c.Get("worker-pool"))
	if p == nil {
		return failf("The specified worker pool could not be found. (E0011)")
	}
	os, err := checkOS(c.Get("operating-system"), cl.Version)
	if err != nil {
		return err
	}
	// New and replaced workers get it; existing ones keep theirs until
	// worker replace (VPC) or worker update (classic) (iks-facts §1.3).
	p.OS = os
	return ok(c)
}
