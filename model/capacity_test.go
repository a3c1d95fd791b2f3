package model

import (
	"math"
	"testing"
)

type flavorMap map[string]FlavorSpec

func (m flavorMap) LookupFlavor(_ Infrastructure, name string) (FlavorSpec, bool) {
	f, ok := m[name]
	return f, ok
}

var testFlavors = flavorMap{
	"b3c.4x16":  {Name: "b3c.4x16", VCPU: 4, MemoryGiB: 16},
	"b3c.8x32":  {Name: "b3c.8x32", VCPU: 8, MemoryGiB: 32},
	"b3c.16x64": {Name: "b3c.16x64", VCPU: 16, MemoryGiB: 64},
	"m3c.8x64":  {Name: "m3c.8x64", VCPU: 8, MemoryGiB: 64},
	"gpu":       {Name: "gpu", VCPU: 32, MemoryGiB: 384, GPUs: 2},
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// The seed's example: D = 40 vCPU / 160 GiB, 3 zones, b3c.8x32 → 3 per
// zone, 9 workers, capacity after losing one zone = 6 × 7.2 = 43.2 vCPU ≥ 40
// (108%). Without IBM's reserve table (this lookup has none) the plan falls
// back to the seed's model, cut into pods.
func TestSeedSizingExample(t *testing.T) {
	s := &Spec{
		Zones:       []string{"tok02", "tok04", "tok05"},
		Sizing:      Sizing{Demand: Demand{40, 160}, OverheadPercent: 10, SurviveZoneLoss: true},
		WorkerPools: []WorkerPool{{Name: "default", Flavor: "b3c.8x32"}},
	}
	p := PlanCapacity(s, testFlavors)
	if got := p.Pools[0].WorkersPerZone; got != 3 {
		t.Fatalf("workers per zone = %d, want 3", got)
	}
	if p.TotalWorkers != 9 {
		t.Fatalf("total workers = %d, want 9", p.TotalWorkers)
	}
	// Whole MiB per worker: 28.8 GiB is 29491 MiB, so 172.799 GiB.
	if !near(p.Resilience.Capacity.CPU, 43.2) || math.Abs(p.Resilience.Capacity.MemoryGiB-172.8) > 0.01 {
		t.Fatalf("capacity after a zone loss = %+v, want 43.2 vCPU / 172.8 GiB", p.Resilience.Capacity)
	}
	if math.Abs(p.Resilience.Percent-108) > 0.01 || !p.Resilience.Covers() {
		t.Fatalf("coverage = %.2f%%, want 108%%", p.Resilience.Percent)
	}
	if !near(p.ZoneNeed.CPU, 20) || !near(p.ZoneNeed.MemoryGiB, 80) {
		t.Fatalf("zone need = %+v, want 20/80 (50%% per zone)", p.ZoneNeed)
	}
	if p.Resilience.Scenario != "one zone lost" {
		t.Fatalf("scenario %q", p.Resilience.Scenario)
	}
}

func TestSeedWorkersPerZone(t *testing.T) {
	cases := []struct {
		name    string
		demand  Demand
		zones   int
		survive bool
		flavor  string
		want    int
	}{
		{"three zones survive a loss", Demand{40, 160}, 3, true, "b3c.8x32", 3},
		{"three zones without survival", Demand{40, 160}, 3, false, "b3c.8x32", 2},
		{"memory bound", Demand{8, 200}, 3, true, "b3c.8x32", 4},
		{"two zones carry everything each", Demand{20, 40}, 2, true, "b3c.8x32", 3},
		{"single zone adds a spare", Demand{14, 40}, 1, false, "b3c.8x32", 3},
		{"single zone spare above minimum", Demand{30, 40}, 1, false, "b3c.8x32", 6},
		{"tiny demand takes the multizone minimum", Demand{1, 1}, 3, true, "b3c.8x32", 2},
		{"no demand takes the single-zone minimum", Demand{}, 1, false, "b3c.4x16", 3},
		// 21.6 / 7.2 is 3.0000000000000004 in floating point: still 3.
		{"float noise does not add a worker", Demand{43.2, 10}, 3, true, "b3c.8x32", 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := SeedWorkersPerZone(tc.demand, tc.zones, tc.survive, testFlavors[tc.flavor], 0.1)
			if got != tc.want {
				t.Fatalf("got %d, want %d", got, tc.want)
			}
		})
	}
}

func TestSingleZoneResilienceLosesAWorker(t *testing.T) {
	w := NodeModel{HeadroomPercent: 10}.Worker(testFlavors["b3c.8x32"])
	unit := PodUnitFor(Demand{14, 40}, 1, w)
	r := ResilienceOf(Demand{14, 40}, 1, 3, w, unit)
	if r.Scenario != "one worker lost" || !near(r.Capacity.CPU, 14.4) || !r.Covers() || r.PodRoom != 2*unit.PerWorker(w) {
		t.Fatalf("got %+v", r)
	}
}

func TestExplicitPoolBelowNeedIsKept(t *testing.T) {
	s := &Spec{
		Zones:       []string{"a", "b", "c"},
		Sizing:      Sizing{Demand: Demand{40, 160}, SurviveZoneLoss: true},
		WorkerPools: []WorkerPool{{Name: "default", Flavor: "b3c.8x32", WorkersPerZone: 1}},
	}
	p := PlanCapacity(s, testFlavors)
	pp := p.Pools[0]
	if pp.WorkersPerZone != 1 || pp.Required != 3 || !pp.Explicit {
		t.Fatalf("explicit size must be kept and the need reported: %+v", pp)
	}
	if p.Resilience.Covers() {
		t.Fatalf("one worker per zone cannot cover the demand: %+v", p.Resilience)
	}
}

func TestSpecialPurposePoolsDoNotCarryDemand(t *testing.T) {
	s := &Spec{
		Zones:  []string{"a", "b", "c"},
		Sizing: Sizing{Demand: Demand{40, 160}, SurviveZoneLoss: true},
		WorkerPools: []WorkerPool{
			{Name: "default", Flavor: "b3c.8x32"},
			{Name: "gpu", Flavor: "gpu", Purpose: PurposeGPU},
		},
	}
	p := PlanCapacity(s, testFlavors)
	if p.Pools[0].WorkersPerZone != 3 || p.Pools[1].WorkersPerZone != MinWorkersPerZoneMultizone || p.Pools[1].CarriesDemand {
		t.Fatalf("got %+v", p.Pools)
	}
	if p.TotalWorkers != 15 {
		t.Fatalf("total = %d, want 15", p.TotalWorkers)
	}
}

func TestSecondGeneralPoolShrinksTheFirst(t *testing.T) {
	s := &Spec{
		Zones:  []string{"a", "b", "c"},
		Sizing: Sizing{Demand: Demand{40, 160}, SurviveZoneLoss: true},
		WorkerPools: []WorkerPool{
			{Name: "default", Flavor: "b3c.8x32"},
			{Name: "big", Flavor: "b3c.16x64", WorkersPerZone: 2},
		},
	}
	p := PlanCapacity(s, testFlavors)
	// The big pool alone leaves 2 zones × 2 × 14.4 = 57.6 vCPU after a zone
	// loss, more than the demand: the default pool only needs the minimum.
	if p.Pools[0].WorkersPerZone != MinWorkersPerZoneMultizone {
		t.Fatalf("default pool = %d, want the minimum", p.Pools[0].WorkersPerZone)
	}
	if !p.Resilience.Covers() {
		t.Fatalf("the pools together must cover the demand: %+v", p.Resilience)
	}
}

func TestUnknownFlavorIsNotSized(t *testing.T) {
	s := &Spec{Zones: []string{"a", "b"}, Sizing: Sizing{Demand: Demand{10, 10}}, WorkerPools: []WorkerPool{{Name: "p", Flavor: "nope"}}}
	p := PlanCapacity(s, testFlavors)
	if p.Pools[0].FlavorKnown || p.Pools[0].WorkersPerZone != MinWorkersPerZoneMultizone {
		t.Fatalf("got %+v", p.Pools[0])
	}
}

func TestCompareFlavorsCheapestFirst(t *testing.T) {
	s := &Spec{Zones: []string{"a", "b", "c"}, Sizing: Sizing{Demand: Demand{40, 160}, OverheadPercent: 10, SurviveZoneLoss: true}}
	opts := CompareFlavors(s, testFlavors, []FlavorSpec{testFlavors["b3c.16x64"], testFlavors["b3c.4x16"], testFlavors["b3c.8x32"], {Name: "broken"}})
	if len(opts) != 3 {
		t.Fatalf("a flavor without cores must be skipped: %d options", len(opts))
	}
	for i := 1; i < len(opts); i++ {
		if opts[i-1].Total.CPU > opts[i].Total.CPU {
			t.Fatalf("not sorted by total vCPU: %v before %v", opts[i-1].Flavor.Name, opts[i].Flavor.Name)
		}
	}
	for _, o := range opts {
		if !o.Resilience.Covers() || o.HeadroomPercent < 0 {
			t.Fatalf("%s does not cover the demand: %+v", o.Flavor.Name, o.Resilience)
		}
		if o.TotalWorkers != o.WorkersPerZone*3 {
			t.Fatalf("%s: total %d != %d × 3", o.Flavor.Name, o.TotalWorkers, o.WorkersPerZone)
		}
	}
}

func TestDefaultOverhead(t *testing.T) {
	if got := (Sizing{}).Overhead(); !near(got, 0.1) {
		t.Fatalf("default overhead %v", got)
	}
	if got := (Sizing{OverheadPercent: 20}).Overhead(); !near(got, 0.2) {
		t.Fatalf("overhead %v", got)
	}
}
