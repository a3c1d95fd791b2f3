package rules

import (
	"math"

	"github.com/iksplan/iksplan/model"
)

// DefaultWorkerQuota is IBM's default limit of worker nodes per region and
// infrastructure provider.
const DefaultWorkerQuota = 500

func haRules() []Rule {
	return []Rule{
		{
			ID: "HA001", Severity: Error, Area: AreaZones, Path: "spec.zones",
			Title: "Production cluster in a single zone",
			Why: "IBM's 2019 guidance (slide 8): a cluster is single-zone or multizone, and multizone is recommended for availability; " +
				"slide 11 spreads workers and the managed masters over the three Tokyo data centers. IBM's current HA guidance " +
				"is the same: use a multizone metro (MZR) with three zones so a zone outage does not stop the cluster, and avoid " +
				"single-zone data centers, which IBM is closing (mil01 closed on 2025-10-31).",
			DocURL: doc("ha_clusters"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || len(s.Zones) != 1 {
					return nil
				}
				return []Hit{hit("spec.zones", "production cluster runs in one zone (%s): a zone outage stops every workload; use three zones of a multizone metro", s.Zones[0])}
			},
		},
		{
			ID: "HA002", Severity: Warning, Area: AreaSizing, Path: "spec.sizing.surviveZoneLoss",
			Title: "Production multizone cluster not sized to survive a zone loss",
			Why: "IBM's 2019 guidance (slide 10): size each zone so the service keeps 100% of its capacity when one zone fails — 50% of the " +
				"workload per zone, 150% in all, for three zones. Without it, a zone outage leaves only (Z-1)/Z of the capacity " +
				"and pods stay pending until new workers are added. IBM's HA planning asks for the same spare capacity.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || !s.Multizone() || s.Sizing.SurviveZoneLoss {
					return nil
				}
				z := len(s.Zones)
				return []Hit{hit("spec.sizing.surviveZoneLoss", "surviveZoneLoss is false: each of the %d zones carries 1/%d of the demand, so losing one zone leaves %s%% of the needed capacity",
					z, z, num(math.Round(float64(z-1)*100/float64(z))))}
			},
		},
		{
			ID: "HA003", Severity: Error, Area: AreaSizing, Path: "spec.sizing",
			Title: "Capacity after the planned failure is below the demand",
			Why: "IBM's 2019 guidance (slide 10): the cluster must keep serving 100% when one zone is lost (one worker, in a single-zone " +
				"cluster). The capacity plan adds up what the general-purpose pools keep after that failure, minus the " +
				"Kubernetes overhead (about 10%, slide 10); below the demand, the design does not deliver what surviveZoneLoss promises. " +
				"IBM's cluster strategy guide asks for the same: total capacity of at least 150% of the workload across three zones.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Sizing.SurviveZoneLoss || s.Sizing.Demand.IsZero() {
					return nil
				}
				general := false
				for _, pp := range c.Plan.Pools {
					if pp.CarriesDemand {
						general = true
						if !pp.FlavorKnown {
							return nil // HW001 reports the flavor; the maths is incomplete
						}
					}
				}
				r := c.Plan.Resilience
				if !general || r.Covers() {
					return nil
				}
				return []Hit{hitSev(prodSeverity(s, Error, Warning), "spec.sizing",
					"after %s the general pools keep %s, %s%% of the demand (%s)",
					r.Scenario, demandText(r.Capacity), num(r.Percent), demandText(s.Sizing.Demand))}
			},
		},
		{
			ID: "HA004", Severity: Error, Area: AreaSizing, Path: "spec.workerPools[*].workersPerZone",
			Title: "Fewer workers per zone than the HA minimum",
			Why: "IBM's sizing guidance: at least two workers in each zone of a multizone cluster, so Ingress ALB replicas and " +
				"PodDisruptionBudgets can spread and a worker update or reload does not empty a zone; with one worker per zone " +
				"Ingress can fail; a single-zone cluster needs at least three workers plus one spare worker's capacity. IBM's 2019 guidance (slide 11) shows three workers per zone.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				minimum := model.MinWorkersPerZone(len(s.Zones))
				var hits []Hit
				for i, p := range s.WorkerPools {
					if p.WorkersPerZone > 0 && p.WorkersPerZone < minimum {
						hits = append(hits, hitSev(prodSeverity(s, Error, Warning), pathf("spec.workerPools[%d].workersPerZone", i),
							"pool %s has %d worker(s) per zone; a %d-zone cluster needs at least %d per zone", p.Name, p.WorkersPerZone, max(len(s.Zones), 1), minimum))
					}
				}
				return hits
			},
		},
		{
			ID: "HA005", Severity: Error, Area: AreaSizing, Path: "spec.workerPools[*].workersPerZone",
			Title: "Explicit pool size below the computed need",
			Why: "IBM's 2019 guidance (slide 10): size the workers from the workload, plus about 10% Kubernetes overhead, so each zone can " +
				"carry its share (50% each for three zones). A pool with an explicit workersPerZone below the computed need " +
				"is a finding, not silently fixed: either raise it or remove it and let iksplan compute it.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				minimum := model.MinWorkersPerZone(len(s.Zones))
				var hits []Hit
				for _, pp := range c.Plan.Pools {
					if !pp.Explicit || !pp.CarriesDemand || !pp.FlavorKnown || pp.WorkersPerZone < minimum || pp.WorkersPerZone >= pp.Required {
						continue
					}
					hits = append(hits, hitSev(prodSeverity(s, Error, Warning), pathf("spec.workerPools[%d].workersPerZone", pp.Index),
						"pool %s is set to %d workers per zone but the demand needs %d per zone of %s (each zone must carry %s)",
						pp.Name, pp.WorkersPerZone, pp.Required, pp.Flavor.Name, demandText(c.Plan.ZoneNeed)))
				}
				return hits
			},
		},
		{
			ID: "HA006", Severity: Error, Area: AreaSizing, Path: "spec.workerPools",
			Title: "No worker pools",
			Why: "Every IKS cluster is created with a default worker pool, and a pool cannot be scaled to zero; the design " +
				"needs at least one pool to create the cluster with (the worker pool of IBM's 2019 guidance, slide 10).",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				if len(c.Spec.WorkerPools) > 0 {
					return nil
				}
				return []Hit{hit("spec.workerPools", "the design has no worker pools; add at least the default pool")}
			},
		},
		{
			ID: "HA007", Severity: Error, Area: AreaSizing, Path: "spec.workerPools[*].purpose",
			Title: "No general-purpose pool carries the demand",
			Why: "The capacity plan sizes general-purpose pools from the demand; GPU, edge and storage pools are tainted or " +
				"reserved and sized by hand. With a demand but no general pool, nothing is sized to run the applications (IBM's 2019 guidance, slide 10).",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if len(s.WorkerPools) == 0 || s.Sizing.Demand.IsZero() {
					return nil
				}
				for _, p := range s.WorkerPools {
					if p.Purpose == model.PurposeGeneral {
						return nil
					}
				}
				return []Hit{hit("spec.workerPools[0].purpose", "no pool has purpose general, so nothing carries the demand of %s", demandText(s.Sizing.Demand))}
			},
		},
		{
			ID: "HA008", Severity: Info, Area: AreaSizing, Path: "spec.sizing.demand",
			Title: "No demand given: pools sized to the HA minimum only",
			Why: "IBM's 2019 guidance (slide 10): worker specs depend on the application, so measure them. Without a demand iksplan can only " +
				"apply the HA minimum of workers per zone; the design then says nothing about whether the cluster is big enough.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Sizing.Demand.IsZero() {
					return nil
				}
				for _, pp := range c.Plan.Pools {
					if pp.CarriesDemand && !pp.Explicit {
						return []Hit{hit("spec.sizing.demand", "sizing.demand is empty: pool %s gets the HA minimum of %d workers per zone; enter the workloads' peak vCPU and memory to size it",
							pp.Name, pp.WorkersPerZone)}
					}
				}
				return nil
			},
		},
		{
			ID: "HA009", Severity: Warning, Area: AreaSizing, Path: "spec.workerPools",
			Title: "More workers than the default regional quota",
			Why: "IBM's service limits allow 500 worker nodes per region and infrastructure provider by default " +
				"(`ibmcloud ks quota ls`); a larger design fails part-way through unless the quota is raised first.",
			DocURL: doc("limitations"),
			Check: func(c *Context) []Hit {
				if c.Plan.TotalWorkers <= DefaultWorkerQuota {
					return nil
				}
				return []Hit{hit("spec.workerPools", "the design plans %d workers; the default quota is %d per region and infrastructure, so open a support case to raise it first",
					c.Plan.TotalWorkers, DefaultWorkerQuota)}
			},
		},
		{
			ID: "HA010", Severity: Error, Area: AreaSizing, Path: "spec.sizing",
			Title: "Sizing value out of range",
			Why: "The capacity maths (IBM's 2019 guidance, slide 10) needs a non-negative demand and an overhead between 0 and 90%: the " +
				"2019 guidance's rule of thumb is about 10% for kubelet, the runtime and system pods.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				sz := c.Spec.Sizing
				var hits []Hit
				if sz.OverheadPercent < 0 || sz.OverheadPercent > 90 {
					hits = append(hits, hit("spec.sizing.overheadPercent", "overheadPercent %d is outside 0–90 (IBM's 2019 guidance suggests about 10)", sz.OverheadPercent))
				}
				if sz.Demand.CPU < 0 {
					hits = append(hits, hit("spec.sizing.demand.cpu", "demand.cpu %s is negative", num(sz.Demand.CPU)))
				}
				if sz.Demand.MemoryGiB < 0 {
					hits = append(hits, hit("spec.sizing.demand.memoryGiB", "demand.memoryGiB %s is negative", num(sz.Demand.MemoryGiB)))
				}
				return hits
			},
		},
	}
}
