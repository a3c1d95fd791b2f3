package view

import "github.com/iksplan/iksplan/model/catalog"

// HostPool is the dedicated host pool of one VPC worker pool with isolation
// dedicated, decided once for the runbook, DESIGN.md and Terraform.
type HostPool struct {
	// Pool is the worker pool's index in spec.workerPools.
	Pool int
	// Name is the host pool's name: cluster-pool-hosts.
	Name string
	catalog.HostPlan
}

// HostPools lists the design's dedicated host pools, in pool order.
func (c *Context) HostPools() []HostPool {
	var out []HostPool
	s := c.Spec
	for i := range s.WorkerPools {
		p := &s.WorkerPools[i]
		if !p.OnDedicatedHosts(s) {
			continue
		}
		out = append(out, HostPool{Pool: i, Name: c.Design.Metadata.Name + "-" + p.Name + "-hosts",
			HostPlan: c.Catalog.HostPlanFor(s, p, p.WorkersPerZone)})
	}
	return out
}

// HostPoolOf returns pool i's dedicated host pool, if it has one.
func (c *Context) HostPoolOf(i int) (HostPool, bool) {
	for _, h := range c.HostPools() {
		if h.Pool == i {
			return h, true
		}
	}
	return HostPool{}, false
}
