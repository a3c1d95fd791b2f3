package model

import "math"

// PoolPlan is the capacity picture of one worker pool.
type PoolPlan struct {
	// Index is the pool's position in spec.workerPools.
	Index int
	Name  string
	// Flavor is the looked-up flavor; FlavorKnown is false when the catalog
	// does not know it (a rule reports that), and then no maths is done.
	Flavor      FlavorSpec
	FlavorKnown bool
	// Worker is one worker of the flavor under the plan's node model.
	Worker WorkerCapacity
	// PodsPerWorker is how many replicas of the plan's pod unit fit on one
	// worker (general pools only).
	PodsPerWorker int
	// CarriesDemand is true for general-purpose pools: together they carry
	// the sizing demand. Other pools (GPU, edge, storage) are sized by hand.
	CarriesDemand bool
	// Required is the workers per zone this pool needs: the HA minimum, and
	// for the first general pool enough to carry what the other general
	// pools leave of each zone's need.
	Required int
	// WorkersPerZone is the planned size: the explicit value, or Required.
	WorkersPerZone int
	Explicit       bool
	TotalWorkers   int
}

// CapacityPlan is the capacity picture of the whole design: every pool's
// size and what is left after the failure the design plans for.
type CapacityPlan struct {
	Zones int
	// Overhead is the architect's headroom share (overheadPercent).
	Overhead float64
	Demand   Demand
	// ZoneNeed is what each zone must carry (D/(Z-1) when surviving a zone
	// loss).
	ZoneNeed Demand
	// Node is the model that turns flavors into usable capacity: IBM's
	// reserves and the design's per-node agents.
	Node NodeModel
	// Unit is the demand cut into replicas (sized on the first general
	// pool's flavor); PodsPerZone is how many of them each zone must hold.
	Unit         PodUnit
	PodsPerZone  int
	Pools        []PoolPlan
	TotalWorkers int
	// Capacity is the usable capacity of the general pools with every zone up.
	Capacity Demand
	// Resilience is what the general pools keep after the planned failure.
	Resilience Resilience
}

// isGeneral reports whether a pool carries the general sizing demand.
func (p *WorkerPool) isGeneral() bool {
	return p.Purpose == "" || p.Purpose == PurposeGeneral
}

// FirstGeneral is the index in Pools of the first pool carrying the demand,
// or -1.
func (plan *CapacityPlan) FirstGeneral() int {
	for i, pp := range plan.Pools {
		if pp.CarriesDemand {
			return i
		}
	}
	return -1
}

// PlanCapacity sizes every pool of the spec. The first general pool is
// computed from the demand (unless it has an explicit size); other pools
// take their explicit size or the HA minimum.
func PlanCapacity(s *Spec, flavors FlavorLookup) CapacityPlan {
	zones := max(len(s.Zones), 1)
	plan := CapacityPlan{
		Zones:    zones,
		Overhead: s.Sizing.Overhead(),
		Demand:   s.Sizing.Demand,
		ZoneNeed: ZoneNeed(s.Sizing.Demand, zones, s.Sizing.SurviveZoneLoss),
		Node:     NodeModelFor(s, flavors),
		Pools:    make([]PoolPlan, len(s.WorkerPools)),
	}
	minimum := MinWorkersPerZone(zones)
	first := -1
	for i := range s.WorkerPools {
		p := &s.WorkerPools[i]
		pp := PoolPlan{Index: i, Name: p.Name, CarriesDemand: p.isGeneral(), Required: minimum}
		if flavors != nil {
			pp.Flavor, pp.FlavorKnown = flavors.LookupFlavor(s.Infrastructure, p.Flavor)
		}
		if pp.FlavorKnown {
			pp.Worker = plan.Node.Worker(pp.Flavor)
		}
		if pp.CarriesDemand && first < 0 {
			first = i
		}
		pp.Explicit = p.WorkersPerZone > 0
		pp.WorkersPerZone = p.WorkersPerZone
		if !pp.Explicit {
			pp.WorkersPerZone = minimum
		}
		plan.Pools[i] = pp
	}
	if first >= 0 && plan.Pools[first].FlavorKnown {
		plan.Unit = PodUnitFor(plan.Demand, zones, plan.Pools[first].Worker)
		plan.PodsPerZone = plan.Unit.PodsPerZone(zones, s.Sizing.SurviveZoneLoss)
		for i := range plan.Pools {
			if pp := &plan.Pools[i]; pp.CarriesDemand && pp.FlavorKnown {
				pp.PodsPerWorker = plan.Unit.PerWorker(pp.Worker)
			}
		}
		plan.sizeFirstGeneral(first)
	}
	// Capacity and resilience of the general pools together.
	var shares []poolShare
	for i := range plan.Pools {
		pp := &plan.Pools[i]
		pp.TotalWorkers = pp.WorkersPerZone * zones
		plan.TotalWorkers += pp.TotalWorkers
		if !pp.CarriesDemand || !pp.FlavorKnown {
			continue
		}
		plan.Capacity = add(plan.Capacity, pp.Worker.Usable().Scale(float64(pp.TotalWorkers)))
		shares = append(shares, poolShare{n: pp.WorkersPerZone, w: pp.Worker, perWorker: pp.PodsPerWorker})
	}
	plan.Resilience = resilienceOf(s.Sizing.Demand, zones, plan.Unit, shares)
	return plan
}

// sizeFirstGeneral computes the first general pool's need: the pods each
// zone must hold minus what the other general pools already hold there.
func (plan *CapacityPlan) sizeFirstGeneral(first int) {
	pp := &plan.Pools[first]
	rest := plan.PodsPerZone
	for i := range plan.Pools {
		o := &plan.Pools[i]
		if i == first || !o.CarriesDemand || !o.FlavorKnown {
			continue
		}
		rest = max(rest-o.WorkersPerZone*o.PodsPerWorker, 0)
	}
	pp.Required = WorkersForPods(rest, pp.PodsPerWorker, plan.Zones)
	if pp.Required == math.MaxInt32 {
		pp.Required = MinWorkersPerZone(plan.Zones) // nothing fits: a rule reports the shortfall
	}
	if !pp.Explicit {
		pp.WorkersPerZone = pp.Required
	}
}
