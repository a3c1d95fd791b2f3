package catalog

import (
	"strings"

	"github.com/iksplan/iksplan/model"
)

// DedicatedHosts is what IKS offers to run VPC workers on hosts that serve
// one account only: the host flavors by flavor class, and the metro a
// region's host pools are created in.
//
// Sources: IBM's IKS page cluster-create-dedicated-hosts (lastupdated
// 2026-02-25, no beta tag) for the workflow `ks dedicated pool create
// --flavor-class --metro --name`, `ks dedicated host create --flavor --pool
// --zone`, `cluster create vpc-gen2 --dedicated-host-pool`; IBM's VPC page
// dh-profiles (lastupdated 2025-12-19) for the host profiles, their vCPU and
// memory, "all instances on the host are from the same family and class" and
// "only the Madrid region supports dedicated host profiles with instance
// storage". The API shapes are bluemix-go containerv2 dedicated_host*.go.
type DedicatedHosts struct {
	Section `yaml:",inline" json:",inline"`
	// Metros maps a region to the metro `--metro` takes (IBM's examples:
	// dal, wdc).
	Metros map[string]string `yaml:"metros" json:"metros"`
	Items  []HostFlavor      `yaml:"items" json:"items"`
}

// HostFlavor is one dedicated host flavor.
type HostFlavor struct {
	// Name is the IKS host flavor, e.g. bx2.host.152x608.
	Name string `yaml:"name" json:"name"`
	// FlavorClass is the family and generation of the workers the host
	// runs (bx2: every bx2.* worker flavor).
	FlavorClass string `yaml:"flavorClass" json:"flavorClass"`
	VCPU        int    `yaml:"vcpu" json:"vcpu"`
	MemoryGiB   int    `yaml:"memoryGiB" json:"memoryGiB"`
	// Regions limits the host flavor; empty means every VPC region.
	Regions []string `yaml:"regions,omitempty" json:"regions,omitempty"`
}

// FlavorClass is the class of a VPC worker flavor: the part of its name
// before the first dot (bx2.8x32 → bx2), which IKS lists as the flavor's
// "Flavor Class" (cluster-create-dedicated-hosts, `ks flavors` output).
func FlavorClass(flavor string) string {
	class, _, _ := strings.Cut(flavor, ".")
	return class
}

// HostFlavorFor returns the dedicated host flavor that runs workers of the
// worker flavor's class in region.
func (c *Catalog) HostFlavorFor(workerFlavor, region string) (HostFlavor, bool) {
	class := FlavorClass(workerFlavor)
	for _, h := range c.DedicatedHosts.Items {
		if h.FlavorClass == class && h.OfferedIn(region) {
			return h, true
		}
	}
	return HostFlavor{}, false
}

// HostFlavor returns the host flavor called name.
func (c *Catalog) HostFlavor(name string) (HostFlavor, bool) {
	for _, h := range c.DedicatedHosts.Items {
		if h.Name == name {
			return h, true
		}
	}
	return HostFlavor{}, false
}

// OfferedIn reports whether the host flavor is offered in region.
func (h HostFlavor) OfferedIn(region string) bool {
	if len(h.Regions) == 0 || region == "" {
		return true
	}
	for _, r := range h.Regions {
		if r == region {
			return true
		}
	}
	return false
}

// HostMetro is the metro for `ks dedicated pool create --metro` in region.
func (c *Catalog) HostMetro(region string) (string, bool) {
	m, ok := c.DedicatedHosts.Metros[region]
	return m, ok && m != ""
}

// checkDedicatedHosts checks that every host flavor names a class of
// catalog worker flavors, that a VPC flavor allows isolation dedicated
// exactly when a host flavor runs its class, and that every VPC region has
// a metro.
func (c *Catalog) checkDedicatedHosts(add addFunc, regions map[string]bool) {
	d := c.DedicatedHosts
	if d.Source == "" {
		add("dedicatedHosts: source URL is missing")
	}
	if !isDate(d.AsOf) {
		add("dedicatedHosts: asOf %q is not a YYYY-MM-DD date", d.AsOf)
	}
	if len(d.Items) == 0 {
		add("dedicatedHosts: no host flavors")
	}
	classes := map[string]bool{}
	for _, h := range d.Items {
		if h.Name == "" || h.FlavorClass == "" || h.VCPU <= 0 || h.MemoryGiB <= 0 {
			add("dedicatedHosts: %q needs a name, flavorClass, vcpu and memoryGiB", h.Name)
		}
		classes[h.FlavorClass] = true
		for _, r := range h.Regions {
			if !regions[r] {
				add("dedicatedHosts: %s: region %q is not in locations", h.Name, r)
			}
		}
	}
	for _, f := range c.Flavors.Items {
		if f.Infrastructure != model.InfraVPC {
			continue
		}
		hosted := classes[FlavorClass(f.Name)]
		switch {
		case f.Allows(model.IsolationDedicated) && !hosted:
			add("flavors: %s allows isolation dedicated but no dedicated host flavor runs class %s", f.Name, FlavorClass(f.Name))
		case hosted && !f.Allows(model.IsolationDedicated):
			add("flavors: %s is of class %s, which a dedicated host flavor runs, but does not allow isolation dedicated", f.Name, FlavorClass(f.Name))
		}
	}
	for _, r := range c.Locations.Regions {
		vpc := false
		for _, z := range r.Zones {
			vpc = vpc || z.Infrastructure == model.InfraVPC
		}
		if _, ok := c.HostMetro(r.Name); vpc && !ok {
			add("dedicatedHosts: VPC region %s has no metro", r.Name)
		}
	}
}

// MinHostsPerZone is the default floor of dedicated hosts per zone: two,
// so one host's failure or maintenance leaves the zone's workers a host.
const MinHostsPerZone = 2

// HostPlan is a pool's dedicated host pool as the rules, the runbook, the
// document and Terraform build it: one place decides the host flavor and
// how many hosts each zone gets.
type HostPlan struct {
	// Flavor is the host flavor; Known is false when neither the design
	// nor the catalog gives one for the worker flavor's class and region.
	Flavor HostFlavor
	Known  bool
	// Metro is the region's metro for `--metro`; empty when unknown.
	Metro string
	// Needed is how many hosts per zone the pool's workers need (0 when
	// the host flavor or the worker flavor is unknown); PerZone is the
	// design's hostsPerZone or, when it sets none, Needed but at least
	// MinHostsPerZone: IBM's tip is more than one host in each zone
	// (https://cloud.ibm.com/docs/containers?topic=containers-dedicated-hosts),
	// and rule HW009 warns on one, so a default must not trigger it.
	Needed  int
	PerZone int
}

// HostPlanFor resolves pool p's dedicated hosts for workers per zone.
func (c *Catalog) HostPlanFor(s *model.Spec, p *model.WorkerPool, workers int) HostPlan {
	var hp HostPlan
	hp.Metro, _ = c.HostMetro(s.Region)
	if p.DedicatedHosts != nil && p.DedicatedHosts.HostFlavor != "" {
		hp.Flavor, hp.Known = c.HostFlavor(p.DedicatedHosts.HostFlavor)
	} else {
		hp.Flavor, hp.Known = c.HostFlavorFor(p.Flavor, s.Region)
	}
	if f, ok := c.Flavor(s.Infrastructure, p.Flavor); ok && hp.Known {
		hp.Needed = model.HostsNeeded(workers, f.Spec(), hp.Flavor.VCPU, hp.Flavor.MemoryGiB)
	}
	hp.PerZone = hp.Needed
	if hp.Needed > 0 && hp.Needed < MinHostsPerZone {
		hp.PerZone = MinHostsPerZone
	}
	if p.DedicatedHosts != nil && p.DedicatedHosts.HostsPerZone > 0 {
		hp.PerZone = p.DedicatedHosts.HostsPerZone
	}
	return hp
}
