package doc

import (
	"fmt"
	"math"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// ceilShown is ⌈a/b⌉ as the capacity engine computes it (tolerant of float
// noise, so 21.6/7.2 stays 3), for printing the intermediate steps; the
// results themselves come from model.
func ceilShown(a, b float64) int {
	if a <= 0 || b <= 0 {
		return 0
	}
	return int(math.Ceil(a/b - 1e-9))
}

// sizing spells out the zone-failure maths with the design's numbers and
// compares candidate flavors.
func (b *builder) sizing() SizingSection {
	s := b.s
	plan := b.c.Plan
	sec := SizingSection{Decision: b.sizingDecision()}
	first := -1
	for i, pp := range plan.Pools {
		if pp.CarriesDemand {
			first = i
			break
		}
	}
	switch {
	case s.Sizing.Demand.IsZero():
		sec.Notes = append(sec.Notes, "The design gives no demand (spec.sizing.demand), so every pool is sized at the HA minimum and no failure maths is possible.")
	case first < 0:
		sec.Notes = append(sec.Notes, "No worker pool carries general workloads, so the demand is not placed on any pool; see the rule results.")
	case !plan.Pools[first].FlavorKnown:
		sec.Notes = append(sec.Notes, fmt.Sprintf("The catalog does not know flavor %s, so the maths cannot run; see the rule results.", code(s.WorkerPools[plan.Pools[first].Index].Flavor)))
	default:
		sec.Maths, sec.Verdict = b.maths(first)
	}
	if first >= 0 {
		sec.Comparison, sec.ComparisonNote = b.comparison(first)
	}
	return sec
}

func (b *builder) sizingDecision() Decision {
	s := b.s
	z := b.c.Plan.Zones
	d := Decision{
		Title: "Capacity to survive a failure",
		Seed: "Slide 10: place the workload so the service keeps 100% when one zone fails — 50% in each of three zones, 150% in all; " +
			"size from the application (4 or 8 cores per worker are common) and keep about 10% of each worker for Kubernetes itself.",
		IBM: "IBM's HA planning asks for spare capacity in the other zones and at least two workers per zone (three in a single-zone cluster here, " +
			"one of them spare), so Ingress replicas and PodDisruptionBudgets can spread and a worker update never empties a zone.",
		Runbook: b.runbook(view.StepCluster, view.StepZones, view.StepWorkerPools),
		Docs:    b.docs(urlHA),
	}
	switch {
	case z > 1 && s.Sizing.SurviveZoneLoss:
		d.Choice = fmt.Sprintf("Survive the loss of one zone: each of the %d zones carries D/(Z−1) = 1/%d of the demand, %s of it in all.", z, z-1, pct(float64(z)/float64(z-1)*100))
		d.Alternatives = []Alternative{
			{"Size for D/Z per zone (no spare zone)", fmt.Sprintf("a third cheaper for three zones, but losing a zone leaves %s of the capacity and pods stay pending", pct(float64(z-1)/float64(z)*100))},
			{"Rely on the cluster autoscaler after a zone loss", "new workers take minutes to provision and the surviving zones may lack quota; the autoscaler complements the spare capacity, it does not replace it"},
		}
		d.Consequences = []string{fmt.Sprintf("You pay for %s of the demand in steady state; in exchange a zone outage costs no capacity.", pct(float64(z)/float64(z-1)*100))}
	case z > 1:
		d.Choice = fmt.Sprintf("Spread the demand over %d zones without spare capacity: each zone carries D/Z.", z)
		d.Alternatives = []Alternative{{"Survive a zone loss (D/(Z−1) per zone)", "the seed's 150% rule; costs more but keeps 100% when a zone fails"}}
		d.Consequences = []string{"A zone outage leaves (Z−1)/Z of the capacity until workers are added; some pods stay pending."}
	default:
		d.Choice = "One zone: the zone carries the whole demand plus one spare worker, so the loss of one worker is absorbed."
		d.Alternatives = []Alternative{{"Three zones", "survives a data-center outage; the seed's and IBM's production choice"}}
		d.Consequences = []string{"A data-center outage stops the cluster; acceptable for development, not for production."}
	}
	return d
}

// maths writes the numbered steps of the calculation for the pools that
// carry the demand, and the verdict.
func (b *builder) maths(first int) ([]string, string) {
	s := b.s
	plan := b.c.Plan
	z := plan.Zones
	r := plan.Overhead
	D := plan.Demand
	need := plan.ZoneNeed
	fp := plan.Pools[first]
	f := fp.Flavor
	u := model.Usable(f, r)
	minimum := model.MinWorkersPerZone(z)
	var m []string
	m = append(m,
		fmt.Sprintf("Demand **D** = %s vCPU and %s GiB, what the workloads request at peak.", num(D.CPU), num(D.MemoryGiB)),
		fmt.Sprintf("Zones **Z** = %d; Kubernetes overhead **r** = %s (the seed's \"about 10%%\").", z, pct(r*100)),
		fmt.Sprintf("Flavor %s: **C** = %d vCPU, **M** = %d GiB. Usable per worker = C × (1 − r) = %d × %s = **%s vCPU** and M × (1 − r) = %d × %s = **%s GiB**.",
			code(f.Name), f.VCPU, f.MemoryGiB, f.VCPU, num2(1-r), num(u.CPU), f.MemoryGiB, num2(1-r), num(u.MemoryGiB)),
	)
	switch {
	case z > 1 && s.Sizing.SurviveZoneLoss:
		m = append(m, fmt.Sprintf("Each zone must carry D / (Z − 1) = %s / %d = **%s vCPU** and %s / %d = **%s GiB**, so the %s left after a zone loss carry everything.",
			num(D.CPU), z-1, num(need.CPU), num(D.MemoryGiB), z-1, num(need.MemoryGiB), plural(z-1, "zone", "zones")))
	case z > 1:
		m = append(m, fmt.Sprintf("Each zone carries D / Z = %s / %d = **%s vCPU** and %s / %d = **%s GiB** (surviveZoneLoss is off).",
			num(D.CPU), z, num(need.CPU), num(D.MemoryGiB), z, num(need.MemoryGiB)))
	default:
		m = append(m, fmt.Sprintf("The single zone carries all of D: **%s vCPU** and **%s GiB**, plus one spare worker.", num(need.CPU), num(need.MemoryGiB)))
	}
	others := b.otherGeneralPools(first)
	if others != "" {
		m = append(m, "The other general pools ("+others+") already carry part of that; the rest falls to "+code(f.Name)+" workers of pool "+code(s.WorkerPools[fp.Index].Name)+".")
	}
	cc, cm := ceilShown(need.CPU, u.CPU), ceilShown(need.MemoryGiB, u.MemoryGiB)
	switch {
	case others == "" && z <= 1:
		m = append(m, fmt.Sprintf("Workers = max(HA minimum %d, max(⌈%s / %s⌉ = %d, ⌈%s / %s⌉ = %d) + 1 spare = %d) = **%d**.",
			minimum, num(need.CPU), num(u.CPU), cc, num(need.MemoryGiB), num(u.MemoryGiB), cm, max(cc, cm)+1, fp.Required))
	case others == "":
		m = append(m, fmt.Sprintf("Workers per zone = max(HA minimum %d, ⌈%s / %s⌉ = %d, ⌈%s / %s⌉ = %d) = **%d**.",
			minimum, num(need.CPU), num(u.CPU), cc, num(need.MemoryGiB), num(u.MemoryGiB), cm, fp.Required))
	default:
		m = append(m, fmt.Sprintf("Workers per zone of pool %s = **%d** (at least the HA minimum of %d).", code(s.WorkerPools[fp.Index].Name), fp.Required, minimum))
	}
	if fp.Explicit && fp.WorkersPerZone != fp.Required {
		m = append(m, fmt.Sprintf("The design sets pool %s to **%d per zone** explicitly (the maths asks for %d).", code(s.WorkerPools[fp.Index].Name), fp.WorkersPerZone, fp.Required))
	}
	m = append(m, fmt.Sprintf("Workers in total = %d per zone × %s = **%d** in pool %s; **%d** in the whole cluster.",
		fp.WorkersPerZone, plural(z, "zone", "zones"), fp.TotalWorkers, code(s.WorkerPools[fp.Index].Name), plan.TotalWorkers))

	res := plan.Resilience
	cpuOK, memOK := "≥", "≥"
	if res.Capacity.CPU+1e-9 < D.CPU {
		cpuOK = "<"
	}
	if res.Capacity.MemoryGiB+1e-9 < D.MemoryGiB {
		memOK = "<"
	}
	cpuPct, memPct := share(res.Capacity.CPU, D.CPU), share(res.Capacity.MemoryGiB, D.MemoryGiB)
	if others == "" {
		left := (z - 1) * fp.WorkersPerZone
		what := "After losing one zone: (Z − 1) × " + fmt.Sprint(fp.WorkersPerZone)
		if z <= 1 {
			left = max(fp.WorkersPerZone-1, 0)
			what = fmt.Sprintf("After losing one worker: %d − 1", fp.WorkersPerZone)
		}
		m = append(m, fmt.Sprintf("%s = %d workers × %s = **%s vCPU %s %s (%s)**, and %d × %s = **%s GiB %s %s (%s)**.",
			what, left, num(u.CPU), num(res.Capacity.CPU), cpuOK, num(D.CPU), cpuPct,
			left, num(u.MemoryGiB), num(res.Capacity.MemoryGiB), memOK, num(D.MemoryGiB), memPct))
	} else {
		m = append(m, fmt.Sprintf("With %s, the general pools keep **%s vCPU %s %s (%s)** and **%s GiB %s %s (%s)**.",
			res.Scenario, num(res.Capacity.CPU), cpuOK, num(D.CPU), cpuPct, num(res.Capacity.MemoryGiB), memOK, num(D.MemoryGiB), memPct))
	}
	verdict := fmt.Sprintf("**Verdict:** with %s, the cluster keeps %s of the demand — ", res.Scenario, pct(res.Percent))
	if res.Covers() {
		verdict += "the design carries the whole workload through the failure it plans for."
	} else {
		verdict += "**not enough**; raise the workers per zone or choose a larger flavor (see the rule results)."
	}
	for i := range m {
		m[i] = fmt.Sprintf("%d. %s", i+1, m[i])
	}
	return m, verdict
}

// share is have/want as a percentage, or "n/a" when nothing is wanted.
func share(have, want float64) string {
	if want <= 0 {
		return "n/a"
	}
	return pct(have / want * 100)
}

// num2 prints a factor with two decimals: 0.90.
func num2(f float64) string { return fmt.Sprintf("%.2f", f) }

// otherGeneralPools lists the general pools other than first, or "".
func (b *builder) otherGeneralPools(first int) string {
	var names []string
	for i, pp := range b.c.Plan.Pools {
		if i != first && pp.CarriesDemand && pp.FlavorKnown {
			names = append(names, code(b.s.WorkerPools[pp.Index].Name))
		}
	}
	return strings.Join(names, ", ")
}

// comparison sizes the same demand with every catalog flavor of the first
// general pool's isolation, via model.CompareFlavors.
func (b *builder) comparison(first int) (Table, string) {
	s := b.s
	pool := s.WorkerPools[b.c.Plan.Pools[first].Index]
	var cands []model.FlavorSpec
	for _, f := range b.c.Catalog.FlavorsFor(s.Infrastructure, pool.Isolation, s.Region) {
		if f.GPUs > 0 {
			continue // GPU machines are sized by hand, not for general demand
		}
		cands = append(cands, f.Spec())
	}
	scenario := "With one zone lost"
	if b.c.Plan.Zones <= 1 {
		scenario = "With one worker lost"
	}
	t := newTable("Flavor", "Per worker", "Workers per zone", "Workers in total", "Total raw capacity", scenario, "Headroom")
	if s.Sizing.Demand.IsZero() {
		return t, ""
	}
	for _, o := range model.CompareFlavors(s.Sizing, b.c.Plan.Zones, cands) {
		name := code(o.Flavor.Name)
		if o.Flavor.Name == pool.Flavor {
			name += " **(chosen)**"
		}
		t.add(name,
			fmt.Sprintf("%d vCPU / %d GiB", o.Flavor.VCPU, o.Flavor.MemoryGiB),
			fmt.Sprint(o.WorkersPerZone),
			fmt.Sprint(o.TotalWorkers),
			demand(o.Total),
			demand(o.Resilience.Capacity)+" ("+pct(o.Resilience.Percent)+")",
			signedPct(o.HeadroomPercent))
	}
	note := fmt.Sprintf("Candidates: every %s flavor the catalog offers in %s with %s hardware (the isolation of pool %s), GPU flavors left out. "+
		"Each is sized for the same demand with the same rules, cheapest shape first; headroom is how far the capacity left after the failure exceeds the demand.",
		md(s.Infrastructure.Label()), code(s.Region), md(pool.Isolation.Label()), code(pool.Name))
	if b.s.IsClassic() {
		b.doc(urlClassicFlavors)
	} else {
		b.doc(urlVPCFlavors)
	}
	return t, note
}
