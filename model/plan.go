package model

// PoolPlan is the capacity picture of one worker pool.
type PoolPlan struct {
	// Index is the pool's position in spec.workerPools.
	Index int
	Name  string
	// Flavor is the looked-up flavor; FlavorKnown is false when the catalog
	// does not know it (a rule reports that), and then no maths is done.
	Flavor      FlavorSpec
	FlavorKnown bool
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
	Zones    int
	Overhead float64
	Demand   Demand
	// ZoneNeed is what each zone must carry (D/(Z-1) when surviving a zone
	// loss).
	ZoneNeed     Demand
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
	if first >= 0 {
		plan.sizeFirstGeneral(first, s.Sizing.SurviveZoneLoss)
	}
	// Capacity and resilience of the general pools together.
	var lost Demand
	for i := range plan.Pools {
		pp := &plan.Pools[i]
		pp.TotalWorkers = pp.WorkersPerZone * zones
		plan.TotalWorkers += pp.TotalWorkers
		if !pp.CarriesDemand || !pp.FlavorKnown {
			continue
		}
		u := Usable(pp.Flavor, plan.Overhead)
		plan.Capacity = add(plan.Capacity, u.Scale(float64(pp.TotalWorkers)))
		r := ResilienceOf(s.Sizing.Demand, zones, pp.WorkersPerZone, pp.Flavor, plan.Overhead)
		lost = add(lost, r.Capacity)
	}
	plan.Resilience = Resilience{Scenario: "one zone lost", Capacity: lost, Percent: coverage(lost, s.Sizing.Demand)}
	if zones <= 1 {
		plan.Resilience.Scenario = "one worker lost"
	}
	return plan
}

// sizeFirstGeneral computes the first general pool's need: what each zone
// must carry minus what the other general pools already carry there.
func (plan *CapacityPlan) sizeFirstGeneral(first int, survive bool) {
	pp := &plan.Pools[first]
	if !pp.FlavorKnown {
		return
	}
	rest := plan.Demand
	for i := range plan.Pools {
		o := &plan.Pools[i]
		if i == first || !o.CarriesDemand || !o.FlavorKnown {
			continue
		}
		// Capacity the other pool contributes to the whole cluster, in the
		// same terms as the demand: per zone capacity times the zones that
		// survive the planned failure.
		surviving := plan.Zones
		if survive && plan.Zones > 1 {
			surviving = plan.Zones - 1
		}
		c := Usable(o.Flavor, plan.Overhead).Scale(float64(o.WorkersPerZone * surviving))
		rest = Demand{max(rest.CPU-c.CPU, 0), max(rest.MemoryGiB-c.MemoryGiB, 0)}
	}
	pp.Required = RequiredWorkersPerZone(rest, plan.Zones, survive, pp.Flavor, plan.Overhead)
	if !pp.Explicit {
		pp.WorkersPerZone = pp.Required
	}
}

func add(a, b Demand) Demand { return Demand{a.CPU + b.CPU, a.MemoryGiB + b.MemoryGiB} }
