package model

import (
	"math"
	"testing"
)

// ibmReserves is IBM's table as the catalog holds it (containers docs,
// "Worker node resource reserves", 2026-06-25).
var ibmReserves = WorkerReserves{
	Memory:      []ReserveTier{{4, 25}, {4, 20}, {8, 10}, {112, 6}, {0, 2}},
	EvictionMiB: 100,
	CPU:         []ReserveTier{{1, 6}, {2, 1}, {2, 0.5}, {0, 0.25}},
}

// ibmLookup is testFlavors plus IBM's reserves and a logs agent.
type ibmLookup struct{ flavorMap }

func (ibmLookup) Reserves() WorkerReserves { return ibmReserves }
func (ibmLookup) NodeAgents(*Spec) []NodeAgent {
	return []NodeAgent{
		{Name: "calico-node", MilliCPU: 250, MemoryMiB: 80, Known: true},
		{Name: "logs-agent", MilliCPU: 100, MemoryMiB: 1024, Known: true},
		{Name: "konnectivity-agent"},
	}
}

// IBM's own worked examples: b3c.4x16 keeps 0.085 cores and 2.7 GB;
// mg1c.28x256 keeps 0.1475 cores and 11.96 GB (IBM rounds its 2% tier to
// 2.54 GB; the tier gives 2.56).
func TestReservesMatchIBMExamples(t *testing.T) {
	if got := ibmReserves.ReservedMilliCPU(4); got != 85 {
		t.Fatalf("4 cores: %dm, want 85m", got)
	}
	if got := ibmReserves.ReservedMilliCPU(28); got != 148 {
		t.Fatalf("28 cores: %dm, want 148m (147.5 rounded up)", got)
	}
	if got := ibmReserves.ReservedMiB(16); got != 2763 { // 2.6 GiB + 100 MiB = 2762.4
		t.Fatalf("16 GiB: %d MiB, want 2763", got)
	}
	if got := float64(ibmReserves.ReservedMiB(256)) / 1024; math.Abs(got-11.96) > 0.05 {
		t.Fatalf("256 GiB: %.2f GiB, want ≈ 11.96", got)
	}
}

// The recomputation: cx2.2x4 under IBM's reserves alone (no agents,
// 10% headroom) needs more workers than the seed's 10% says.
func TestSmallFlavorNeedsMoreThanTheSeedSays(t *testing.T) {
	f := FlavorSpec{Name: "cx2.2x4", VCPU: 2, MemoryGiB: 4}
	w := NodeModel{IBM: true, Reserves: ibmReserves, HeadroomPercent: 10}.Worker(f)
	// 4 GiB: 1 GiB + 100 MiB reserved → 2972 MiB allocatable; 2 cores → 1930m.
	if w.AllocMilliCPU != 1930 || w.AllocMiB != 2972 {
		t.Fatalf("allocatable %dm / %d MiB", w.AllocMilliCPU, w.AllocMiB)
	}
	d := Demand{40, 160}
	seed := SeedWorkersPerZone(d, 3, true, f, 0.1)
	u := PodUnitFor(d, 3, w)
	ibm := WorkersForPods(u.PodsPerZone(3, true), u.PerWorker(w), 3)
	if ibm <= seed {
		t.Fatalf("IBM's model %d per zone, seed %d: the reserves must cost workers", ibm, seed)
	}
}

func TestWorkerSubtractsAgentsAndHeadroom(t *testing.T) {
	s := &Spec{Sizing: Sizing{OverheadPercent: 10}}
	nm := NodeModelFor(s, ibmLookup{testFlavors})
	if !nm.IBM || len(nm.Agents) != 3 {
		t.Fatalf("node model %+v", nm)
	}
	w := nm.Worker(testFlavors["b3c.8x32"])
	// 8000 − 98 = 7902m allocatable, − 350m agents = 7552m, 90% = 6796m.
	if w.AllocMilliCPU != 7902 || w.AgentsMilliCPU != 350 || w.UsableMilliCPU != 6796 || w.HeadroomMilliCPU != 756 {
		t.Fatalf("cpu %+v", w)
	}
	// 32768 − 3746 = 29022 MiB, − 1104 = 27918, 90% = 25126 (floor).
	if w.AllocMiB != 29022 || w.AgentsMiB != 1104 || w.UsableMiB != 25126 {
		t.Fatalf("memory %+v", w)
	}
}

func TestPodUnitSpreadsEvenlyAndFits(t *testing.T) {
	w := NodeModel{IBM: true, Reserves: ibmReserves, HeadroomPercent: 10}.Worker(testFlavors["b3c.8x32"])
	for _, zones := range []int{1, 2, 3} {
		u := PodUnitFor(Demand{40, 160}, zones, w)
		step := max(zones*(zones-1), 1)
		if u.Replicas%step != 0 || u.Replicas < 2 {
			t.Fatalf("%d zones: %d replicas is not a multiple of %d", zones, u.Replicas, step)
		}
		if u.PerWorker(w) < PodsPerWorkerTarget {
			t.Fatalf("%d zones: only %d pods per worker", zones, u.PerWorker(w))
		}
		if tot := u.Total(); tot.CPU < 40 || tot.MemoryGiB < 160 {
			t.Fatalf("%d zones: replicas request %+v, less than the demand", zones, tot)
		}
	}
	if !PodUnitFor(Demand{}, 3, w).IsZero() {
		t.Fatal("no demand must give no unit")
	}
}

// The plan's count is the smallest that survives: one worker per zone
// fewer leaves pods without a place.
func TestPlanIsTheSmallestSurvivingCount(t *testing.T) {
	s := &Spec{
		Zones:       []string{"a", "b", "c"},
		Sizing:      Sizing{Demand: Demand{40, 160}, OverheadPercent: 10, SurviveZoneLoss: true},
		WorkerPools: []WorkerPool{{Name: "default", Flavor: "b3c.8x32"}},
	}
	lk := ibmLookup{testFlavors}
	p := PlanCapacity(s, lk)
	n := p.Pools[0].WorkersPerZone
	if !p.Resilience.Covers() {
		t.Fatalf("plan does not survive: %+v", p.Resilience)
	}
	s.WorkerPools[0].WorkersPerZone = n - 1
	if q := PlanCapacity(s, lk); q.Resilience.Covers() {
		t.Fatalf("%d per zone also survives, so %d is not the smallest: %+v", n-1, n, q.Resilience)
	}
}

func TestAgentConditions(t *testing.T) {
	vpc := &Spec{Infrastructure: InfraVPC, Logging: Logging{Backend: LogCloudLogs}, Storage: Storage{Volumes: []Volume{{StorageClass: "ibmc-vpc-file-500-iops"}}}}
	classic := &Spec{Infrastructure: InfraClassic, Monitoring: Monitoring{Enabled: true}}
	for _, tc := range []struct {
		c    AgentCondition
		s    *Spec
		want bool
	}{
		{AgentAlways, classic, true}, {AgentClassic, classic, true}, {AgentClassic, vpc, false},
		{AgentVPC, vpc, true}, {AgentCloudLogs, vpc, true}, {AgentCloudLogs, classic, false},
		{AgentMonitoring, classic, true}, {AgentMonitoring, vpc, false},
		{AgentVPCFile, vpc, true}, {AgentVPCFile, classic, false}, {AgentLogAnalysis, vpc, false},
	} {
		if got := tc.c.Holds(tc.s); got != tc.want {
			t.Errorf("%s on %s: %v, want %v", tc.c, tc.s.Infrastructure, got, tc.want)
		}
	}
}
