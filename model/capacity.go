package model

import (
	"math"
	"sort"
)

// This file is the one place the capacity maths lives. The wizard's live
// panel, the rules, the design document, the resolved design and the
// zone-loss drill all call these functions, so every number a user sees
// agrees. Two models live here: the seed's (raw capacity minus about 10%,
// demand as a liquid) for comparison, and IBM's (workerNode.go: allocatable
// by IBM's reserve tiers, minus the agents on every worker, minus the
// architect's headroom, demand packed as whole pods), which the plan uses.

// FlavorSpec is the part of a worker flavor the capacity maths needs.
type FlavorSpec struct {
	Name      string
	VCPU      int
	MemoryGiB int
	GPUs      int
}

// FlavorLookup finds a flavor by infrastructure and name. The catalog
// implements it (and NodeFacts); model does not import the catalog.
type FlavorLookup interface {
	LookupFlavor(infra Infrastructure, name string) (FlavorSpec, bool)
}

// Minimum workers per zone by IBM's HA guidance: two per zone in a multizone
// cluster (so Ingress and PodDisruptionBudgets can spread), three when the
// cluster has one zone.
const (
	MinWorkersPerZoneMultizone = 2
	MinWorkersSingleZone       = 3
)

// MinWorkersPerZone is the HA minimum for a cluster with the given number
// of zones.
func MinWorkersPerZone(zones int) int {
	if zones <= 1 {
		return MinWorkersSingleZone
	}
	return MinWorkersPerZoneMultizone
}

// ZoneNeed is what each zone must carry for a demand spread over zones.
// With surviveZoneLoss and two or more zones, each zone carries D/(Z-1): the
// seed's 50% per zone, 150% in all, for three zones. Otherwise D/Z.
func ZoneNeed(demand Demand, zones int, surviveZoneLoss bool) Demand {
	switch {
	case zones <= 1:
		return demand
	case surviveZoneLoss:
		return demand.Scale(1 / float64(zones-1))
	default:
		return demand.Scale(1 / float64(zones))
	}
}

// Usable is what one worker of the flavor offers workloads by the seed's
// model: raw capacity minus the overhead share.
func Usable(f FlavorSpec, overhead float64) Demand {
	return Demand{float64(f.VCPU) * (1 - overhead), float64(f.MemoryGiB) * (1 - overhead)}
}

// ceilDiv is ⌈a/b⌉ for positive floats, tolerant of float noise so 21.6/7.2
// stays 3 and does not become 4.
func ceilDiv(a, b float64) int {
	if a <= 0 {
		return 0
	}
	if b <= 0 {
		return math.MaxInt32
	}
	return int(math.Ceil(a/b - 1e-9))
}

// SeedWorkersPerZone is the seed's count, kept to show beside IBM's:
// max(minimum, ⌈cpu need / usable cpu⌉, ⌈memory need / usable memory⌉) with
// usable = raw × (1 − overhead), and one spare worker in a single zone.
func SeedWorkersPerZone(demand Demand, zones int, surviveZoneLoss bool, f FlavorSpec, overhead float64) int {
	need := ZoneNeed(demand, zones, surviveZoneLoss)
	u := Usable(f, overhead)
	n := max(ceilDiv(need.CPU, u.CPU), ceilDiv(need.MemoryGiB, u.MemoryGiB))
	if zones <= 1 && n > 0 {
		n++ // the single zone's spare worker
	}
	return max(n, MinWorkersPerZone(zones))
}

// SeedPercent is the seed model's share of the demand left after the
// planned failure with n workers of f per zone.
func SeedPercent(demand Demand, zones, n int, f FlavorSpec, overhead float64) float64 {
	left := (zones - 1) * n
	if zones <= 1 {
		left = max(n-1, 0)
	}
	return coverage(Usable(f, overhead).Scale(float64(left)), demand)
}

// WorkersForPods is how many workers holding perWorker pods each a zone
// needs for pods pods: at least the HA minimum, one spare in a single zone.
// A worker that holds no pod cannot carry any demand: MaxInt32.
func WorkersForPods(pods, perWorker, zones int) int {
	minimum := MinWorkersPerZone(zones)
	if pods <= 0 {
		return minimum
	}
	if perWorker <= 0 {
		return math.MaxInt32
	}
	n := (pods + perWorker - 1) / perWorker
	if zones <= 1 {
		n++ // the single zone's spare worker
	}
	return max(n, minimum)
}

// Resilience is the capacity left when the failure the design plans for
// happens: one zone lost in a multizone cluster, one worker lost in a
// single-zone cluster.
type Resilience struct {
	// Scenario names the failure: "one zone lost" or "one worker lost".
	Scenario string
	// Capacity is the usable capacity that remains.
	Capacity Demand
	// Percent is the remaining capacity as a share of the demand: the lower
	// of the CPU and memory shares. 0 when there is no demand.
	Percent float64
	// Pods is how many replicas of the plan's pod unit must run after the
	// failure (all of them); PodRoom is how many fit on what is left.
	Pods, PodRoom int
}

// Covers reports whether what is left after the failure carries the whole
// demand: every replica of the pod unit finds a worker (when the demand is
// cut into pods), and the capacity is at least the demand.
func (r Resilience) Covers() bool {
	if r.Pods > 0 && r.PodRoom < r.Pods {
		return false
	}
	return r.Percent >= 100-1e-9
}

// coverage is the lower of the CPU and memory shares of have over want, in
// percent; dimensions with no demand are ignored.
func coverage(have, want Demand) float64 {
	p := math.Inf(1)
	if want.CPU > 0 {
		p = min(p, have.CPU/want.CPU*100)
	}
	if want.MemoryGiB > 0 {
		p = min(p, have.MemoryGiB/want.MemoryGiB*100)
	}
	if math.IsInf(p, 1) {
		return 0
	}
	return p
}

// ResilienceOf is what n workers per zone of capacity w keep after the
// planned failure, for the unit's replicas.
func ResilienceOf(demand Demand, zones, n int, w WorkerCapacity, unit PodUnit) Resilience {
	return resilienceOf(demand, zones, unit, []poolShare{{n: n, w: w, perWorker: unit.PerWorker(w)}})
}

// poolShare is one general pool's part in the resilience sum.
type poolShare struct {
	n         int
	w         WorkerCapacity
	perWorker int
}

func resilienceOf(demand Demand, zones int, unit PodUnit, pools []poolShare) Resilience {
	r := Resilience{Scenario: "one zone lost", Pods: unit.Replicas}
	var zoneCap Demand
	zoneRoom := 0
	biggest := -1
	for i, p := range pools {
		zoneCap = add(zoneCap, p.w.Usable().Scale(float64(p.n)))
		zoneRoom += p.n * p.perWorker
		if p.n > 0 && (biggest < 0 || p.perWorker > pools[biggest].perWorker) {
			biggest = i
		}
	}
	if zones <= 1 {
		r.Scenario = "one worker lost"
		r.Capacity, r.PodRoom = zoneCap, zoneRoom
		if biggest >= 0 {
			r.Capacity = sub(zoneCap, pools[biggest].w.Usable())
			r.PodRoom -= pools[biggest].perWorker
		}
	} else {
		r.Capacity = zoneCap.Scale(float64(zones - 1))
		r.PodRoom = zoneRoom * (zones - 1)
	}
	r.Percent = coverage(r.Capacity, demand)
	return r
}

// FlavorOption is one row of the flavor comparison: what a design would
// look like with this flavor alone in its general pool.
type FlavorOption struct {
	Flavor FlavorSpec
	// Worker is one worker under IBM's model; Unit and PodsPerWorker are the
	// demand cut into pods for this flavor.
	Worker         WorkerCapacity
	Unit           PodUnit
	PodsPerWorker  int
	WorkersPerZone int
	TotalWorkers   int
	// Total is the raw capacity of all workers (before any reserve).
	Total Demand
	// Resilience is what is left after the planned failure.
	Resilience Resilience
	// HeadroomPercent is how far the remaining capacity exceeds the demand
	// after the planned failure (Resilience.Percent - 100).
	HeadroomPercent float64
	// SeedWorkersPerZone and SeedPercent are the seed model's answer.
	SeedWorkersPerZone int
	SeedPercent        float64
}

// SizeFlavor sizes the design's demand with flavor f alone: IBM's model and,
// beside it, the seed's.
func SizeFlavor(s *Spec, nm NodeModel, zones int, f FlavorSpec) FlavorOption {
	w := nm.Worker(f)
	unit := PodUnitFor(s.Sizing.Demand, zones, w)
	per := unit.PerWorker(w)
	n := WorkersForPods(unit.PodsPerZone(zones, s.Sizing.SurviveZoneLoss), per, zones)
	total := n * max(zones, 1)
	res := ResilienceOf(s.Sizing.Demand, zones, n, w, unit)
	seed := SeedWorkersPerZone(s.Sizing.Demand, zones, s.Sizing.SurviveZoneLoss, f, s.Sizing.Overhead())
	return FlavorOption{
		Flavor: f, Worker: w, Unit: unit, PodsPerWorker: per,
		WorkersPerZone:     n,
		TotalWorkers:       total,
		Total:              Demand{float64(f.VCPU * total), float64(f.MemoryGiB * total)},
		Resilience:         res,
		HeadroomPercent:    res.Percent - 100,
		SeedWorkersPerZone: seed,
		SeedPercent:        SeedPercent(s.Sizing.Demand, zones, seed, f, s.Sizing.Overhead()),
	}
}

// CompareFlavors sizes the design's demand with each candidate flavor,
// cheapest shape first (fewest total vCPU, then fewest GiB, then name).
// Flavors on which no pod of the demand fits are left out.
func CompareFlavors(s *Spec, lookup FlavorLookup, candidates []FlavorSpec) []FlavorOption {
	zones := max(len(s.Zones), 1)
	nm := NodeModelFor(s, lookup)
	out := make([]FlavorOption, 0, len(candidates))
	for _, f := range candidates {
		if f.VCPU <= 0 || f.MemoryGiB <= 0 {
			continue
		}
		o := SizeFlavor(s, nm, zones, f)
		if o.WorkersPerZone == math.MaxInt32 || (!s.Sizing.Demand.IsZero() && o.Unit.IsZero()) {
			continue
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Total.CPU != b.Total.CPU {
			return a.Total.CPU < b.Total.CPU
		}
		if a.Total.MemoryGiB != b.Total.MemoryGiB {
			return a.Total.MemoryGiB < b.Total.MemoryGiB
		}
		return a.Flavor.Name < b.Flavor.Name
	})
	return out
}

func add(a, b Demand) Demand { return Demand{a.CPU + b.CPU, a.MemoryGiB + b.MemoryGiB} }
func sub(a, b Demand) Demand { return Demand{a.CPU - b.CPU, a.MemoryGiB - b.MemoryGiB} }
