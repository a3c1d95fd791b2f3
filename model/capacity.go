package model

import (
	"math"
	"sort"
)

// This file is the one place the capacity maths lives. The wizard's live
// panel, the rules, the design document and the resolved design all call
// these functions, so every number a user sees agrees.

// FlavorSpec is the part of a worker flavor the capacity maths needs.
type FlavorSpec struct {
	Name      string
	VCPU      int
	MemoryGiB int
	GPUs      int
}

// FlavorLookup finds a flavor by infrastructure and name. The catalog
// implements it; model does not import the catalog.
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

// Usable is what one worker of the flavor offers workloads after the
// Kubernetes overhead.
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

// RequiredWorkersPerZone is how many workers of the flavor each zone needs:
// max(minimum, ⌈cpu need / usable cpu⌉, ⌈memory need / usable memory⌉), and
// one spare worker on top of the need in a single-zone cluster.
func RequiredWorkersPerZone(demand Demand, zones int, surviveZoneLoss bool, f FlavorSpec, overhead float64) int {
	need := ZoneNeed(demand, zones, surviveZoneLoss)
	u := Usable(f, overhead)
	n := max(ceilDiv(need.CPU, u.CPU), ceilDiv(need.MemoryGiB, u.MemoryGiB))
	if zones <= 1 && n > 0 {
		n++ // the single zone's spare worker
	}
	return max(n, MinWorkersPerZone(zones))
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
}

// Covers reports whether the remaining capacity carries the whole demand.
func (r Resilience) Covers() bool { return r.Percent >= 100-1e-9 }

// ResilienceOf computes the capacity left after the planned failure for
// workersPerZone workers of the flavor in each zone.
func ResilienceOf(demand Demand, zones, workersPerZone int, f FlavorSpec, overhead float64) Resilience {
	u := Usable(f, overhead)
	var left int
	r := Resilience{}
	if zones <= 1 {
		r.Scenario = "one worker lost"
		left = max(workersPerZone-1, 0)
	} else {
		r.Scenario = "one zone lost"
		left = (zones - 1) * workersPerZone
	}
	r.Capacity = u.Scale(float64(left))
	r.Percent = coverage(r.Capacity, demand)
	return r
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

// FlavorOption is one row of the flavor comparison: what a design would
// look like with this flavor.
type FlavorOption struct {
	Flavor         FlavorSpec
	WorkersPerZone int
	TotalWorkers   int
	// Total is the raw capacity of all workers (before overhead).
	Total Demand
	// Resilience is the capacity left after the planned failure.
	Resilience Resilience
	// HeadroomPercent is how far the remaining capacity exceeds the demand
	// after the planned failure (Resilience.Percent - 100).
	HeadroomPercent float64
}

// CompareFlavors sizes the demand with each candidate flavor, cheapest
// shape first (fewest total vCPU, then fewest GiB, then name).
func CompareFlavors(s Sizing, zones int, candidates []FlavorSpec) []FlavorOption {
	out := make([]FlavorOption, 0, len(candidates))
	for _, f := range candidates {
		if f.VCPU <= 0 || f.MemoryGiB <= 0 {
			continue
		}
		n := RequiredWorkersPerZone(s.Demand, zones, s.SurviveZoneLoss, f, s.Overhead())
		total := n * max(zones, 1)
		res := ResilienceOf(s.Demand, zones, n, f, s.Overhead())
		out = append(out, FlavorOption{
			Flavor:          f,
			WorkersPerZone:  n,
			TotalWorkers:    total,
			Total:           Demand{float64(f.VCPU * total), float64(f.MemoryGiB * total)},
			Resilience:      res,
			HeadroomPercent: res.Percent - 100,
		})
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
