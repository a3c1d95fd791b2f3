package doc

import (
	"fmt"
	"math"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

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
// carry the demand, and the verdict: IBM's model step by step in the units
// kubectl shows (millicores, MiB), so every figure can be checked by hand,
// then the seed's model beside it.
func (b *builder) maths(first int) ([]string, string) {
	s := b.s
	plan := b.c.Plan
	z := plan.Zones
	D := plan.Demand
	fp := plan.Pools[first]
	f := fp.Flavor
	w := fp.Worker
	nm := plan.Node
	unit := plan.Unit
	minimum := model.MinWorkersPerZone(z)
	pool := code(s.WorkerPools[fp.Index].Name)
	var m []string
	m = append(m,
		fmt.Sprintf("Demand **D** = %s vCPU and %s GiB = %s / %s, what the workloads request at peak. Zones **Z** = %d.", num(D.CPU), num(D.MemoryGiB), milli(int64(math.Ceil(D.CPU*1000-1e-9))), mib(int64(math.Ceil(D.MemoryGiB*1024-1e-9))), z),
		fmt.Sprintf("Flavor %s: %d vCPU = %s and %d GiB = %s per worker.", code(f.Name), f.VCPU, milli(w.RawMilliCPU), f.MemoryGiB, mib(w.RawMiB)),
	)
	if nm.IBM {
		m = append(m,
			fmt.Sprintf("IBM's reserve (tiers per worker): CPU %s = **%s**; memory %s + %s eviction = **%s**. Allocatable = %s / %s.",
				tierTerms(nm.Reserves.CPU, float64(f.VCPU), 1000, "m", "cores"), milli(w.ReserveMilliCPU),
				tierTerms(nm.Reserves.Memory, float64(f.MemoryGiB), 1024, " MiB", "GiB"), mib(int64(nm.Reserves.EvictionMiB)), mib(w.ReserveMiB),
				milli(w.AllocMilliCPU), mib(w.AllocMiB)),
			fmt.Sprintf("Agents on every worker (requests): %s = **%s / %s**.", agentTerms(nm.Agents), milli(w.AgentsMilliCPU), mib(w.AgentsMiB)),
		)
	}
	h := nm.HeadroomPercent
	if nm.IBM {
		m = append(m, fmt.Sprintf("Headroom **h** = %d%% (overheadPercent, the architect's margin) of what is left: (%d − %d) × %s = **%s** and (%d − %d) × %s = **%s** usable per worker.",
			h, w.AllocMilliCPU, w.AgentsMilliCPU, num2(1-float64(h)/100), milli(w.UsableMilliCPU), w.AllocMiB, w.AgentsMiB, num2(1-float64(h)/100), mib(w.UsableMiB)))
	} else {
		m = append(m, fmt.Sprintf("The catalog has no IBM reserve table, so the seed's model applies: %d%% of each worker for Kubernetes, **%s / %s** usable per worker.", h, milli(w.UsableMilliCPU), mib(w.UsableMiB)))
	}
	if !unit.IsZero() {
		step := max(z*(z-1), 1)
		m = append(m, fmt.Sprintf("The demand as pods: **R** = %d replicas of **%s / %s** (⌈%s / %d⌉, ⌈%s / %d⌉), the fewest that are a multiple of %d (even over %s, before and after a loss) with each at most 1/%d of a worker. Pods per worker = min(⌊%d / %d⌋, ⌊%d / %d⌋) = **%d**.",
			unit.Replicas, milli(unit.MilliCPU), mib(unit.MemoryMiB),
			strings.TrimSuffix(milli(int64(math.Ceil(D.CPU*1000-1e-9))), "m")+"m", unit.Replicas, strings.TrimSuffix(mib(int64(math.Ceil(D.MemoryGiB*1024-1e-9))), "Mi")+"Mi", unit.Replicas,
			step, plural(z, "zone", "zones"), model.PodsPerWorkerTarget,
			w.UsableMilliCPU, unit.MilliCPU, w.UsableMiB, unit.MemoryMiB, fp.PodsPerWorker))
	}
	others := b.otherGeneralPools(first)
	switch {
	case z > 1 && s.Sizing.SurviveZoneLoss:
		m = append(m, fmt.Sprintf("Each zone must hold ⌈R / (Z − 1)⌉ = ⌈%d / %d⌉ = **%d pods**, so the %s left after a zone loss hold them all.", unit.Replicas, z-1, plan.PodsPerZone, plural(z-1, "zone", "zones")))
	case z > 1:
		m = append(m, fmt.Sprintf("Each zone holds ⌈R / Z⌉ = ⌈%d / %d⌉ = **%d pods** (surviveZoneLoss is off).", unit.Replicas, z, plan.PodsPerZone))
	default:
		m = append(m, fmt.Sprintf("The single zone holds all **%d pods**, plus one spare worker.", plan.PodsPerZone))
	}
	if others != "" {
		m = append(m, "The other general pools ("+others+") already hold part of that; the rest falls to "+code(f.Name)+" workers of pool "+pool+".")
	}
	switch {
	case others == "" && z <= 1:
		m = append(m, fmt.Sprintf("Workers = max(HA minimum %d, ⌈%d / %d⌉ + 1 spare = %d) = **%d**.", minimum, plan.PodsPerZone, fp.PodsPerWorker, ceilInt(plan.PodsPerZone, fp.PodsPerWorker)+1, fp.Required))
	case others == "":
		m = append(m, fmt.Sprintf("Workers per zone = max(HA minimum %d, ⌈%d / %d⌉ = %d) = **%d**.", minimum, plan.PodsPerZone, fp.PodsPerWorker, ceilInt(plan.PodsPerZone, fp.PodsPerWorker), fp.Required))
	default:
		m = append(m, fmt.Sprintf("Workers per zone of pool %s = **%d** (at least the HA minimum of %d).", pool, fp.Required, minimum))
	}
	if fp.Explicit && fp.WorkersPerZone != fp.Required {
		m = append(m, fmt.Sprintf("The design sets pool %s to **%d per zone** explicitly (the maths asks for %d).", pool, fp.WorkersPerZone, fp.Required))
	}
	m = append(m, fmt.Sprintf("Workers in total = %d per zone × %s = **%d** in pool %s; **%d** in the whole cluster.",
		fp.WorkersPerZone, plural(z, "zone", "zones"), fp.TotalWorkers, pool, plan.TotalWorkers))

	res := plan.Resilience
	cpuPct, memPct := share(res.Capacity.CPU, D.CPU), share(res.Capacity.MemoryGiB, D.MemoryGiB)
	if others == "" {
		left := (z - 1) * fp.WorkersPerZone
		what := fmt.Sprintf("After losing one zone: (Z − 1) × %d", fp.WorkersPerZone)
		if z <= 1 {
			left = max(fp.WorkersPerZone-1, 0)
			what = fmt.Sprintf("After losing one worker: %d − 1", fp.WorkersPerZone)
		}
		m = append(m, fmt.Sprintf("%s = %d workers hold %d × %d = **%d pods %s %d**; they offer %d × %s = **%s vCPU %s %s (%s)** and %d × %s = **%s GiB %s %s (%s)**.",
			what, left, left, fp.PodsPerWorker, res.PodRoom, cmp(float64(res.PodRoom), float64(res.Pods)), res.Pods,
			left, milli(w.UsableMilliCPU), num(res.Capacity.CPU), cmp(res.Capacity.CPU, D.CPU), num(D.CPU), cpuPct,
			left, mib(w.UsableMiB), num(res.Capacity.MemoryGiB), cmp(res.Capacity.MemoryGiB, D.MemoryGiB), num(D.MemoryGiB), memPct))
	} else {
		m = append(m, fmt.Sprintf("With %s, the general pools hold **%d pods %s %d** and keep **%s vCPU %s %s (%s)** and **%s GiB %s %s (%s)**.",
			res.Scenario, res.PodRoom, cmp(float64(res.PodRoom), float64(res.Pods)), res.Pods, num(res.Capacity.CPU), cmp(res.Capacity.CPU, D.CPU), num(D.CPU), cpuPct,
			num(res.Capacity.MemoryGiB), cmp(res.Capacity.MemoryGiB, D.MemoryGiB), num(D.MemoryGiB), memPct))
	}
	if nm.IBM && others == "" {
		r := plan.Overhead
		seedN := model.SeedWorkersPerZone(D, z, s.Sizing.SurviveZoneLoss, f, r)
		u := model.Usable(f, r)
		seedRes := model.ResilienceOf(D, z, seedN, w, unit)
		m = append(m, fmt.Sprintf("The seed's model, for comparison: usable = raw × (1 − %s) = %s vCPU / %s GiB per worker, ⌈%s / %s⌉ and ⌈%s / %s⌉ → **%d per zone**, which it says keeps %s; by IBM's reserves and the agents those %d keep **%s**.",
			num2(r), num(u.CPU), num(u.MemoryGiB), num(plan.ZoneNeed.CPU), num(u.CPU), num(plan.ZoneNeed.MemoryGiB), num(u.MemoryGiB), seedN,
			pct(model.SeedPercent(D, z, seedN, f, r)), seedN, pct(seedRes.Percent)))
	}
	verdict := fmt.Sprintf("**Verdict:** with %s, the cluster keeps %s of the demand and room for %d of its %d pods — ", res.Scenario, pct(res.Percent), min(res.PodRoom, res.Pods), res.Pods)
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

// cmp is ≥ or < for a printed comparison.
func cmp(have, want float64) string {
	if have+1e-9 < want {
		return "<"
	}
	return "≥"
}

// ceilInt is ⌈a/b⌉ for counts.
func ceilInt(a, b int) int {
	if b <= 0 {
		return 0
	}
	return (a + b - 1) / b
}

// milli prints millicores the way Kubernetes does: 7902m.
func milli(v int64) string { return fmt.Sprintf("%dm", v) }

// mib prints MiB the way Kubernetes does: 29022Mi.
func mib(v int64) string { return fmt.Sprintf("%dMi", v) }

// tierTerms writes the marginal tiers applied to amount: "6% × 1 + 1% × 2
// + …" with each tier's part in the output unit (scale per input unit).
func tierTerms(tiers []model.ReserveTier, amount, scale float64, unit, in string) string {
	var parts []string
	left := amount
	lo := 0.0
	for _, t := range tiers {
		if left <= 0 {
			break
		}
		part := left
		if t.Size > 0 {
			part = min(left, t.Size)
		}
		span := fmt.Sprintf("%s %s–%s", in, num(lo), num(lo+part))
		if in == "cores" { // cores are counted, not measured: core 1, cores 2–3
			span = fmt.Sprintf("cores %s–%s", num(lo+1), num(lo+part))
			if part == 1 {
				span = "core " + num(lo+1)
			}
		}
		parts = append(parts, fmt.Sprintf("%s%% of %s (%s%s)", num2trim(t.Percent), span, num2trim(part*scale*t.Percent/100), unit))
		lo += part
		left -= part
	}
	return strings.Join(parts, " + ")
}

// num2trim prints up to two decimals without trailing zeros: 0.25, 6, 97.5.
func num2trim(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// agentTerms lists the agents with their requests, "unknown" where IBM
// publishes none.
func agentTerms(agents []model.NodeAgent) string {
	if len(agents) == 0 {
		return "none"
	}
	var parts []string
	for _, a := range agents {
		if a.Known {
			parts = append(parts, fmt.Sprintf("%s %s/%s", code(a.Name), milli(a.MilliCPU), mib(a.MemoryMiB)))
		} else {
			parts = append(parts, code(a.Name)+" unknown (counted 0)")
		}
	}
	return strings.Join(parts, " + ")
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
// general pool's isolation, via model.CompareFlavors: IBM's model per
// flavor, and the seed's count beside it.
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
	scenario := "After one zone lost"
	if b.c.Plan.Zones <= 1 {
		scenario = "After one worker lost"
	}
	t := newTable("Flavor", "Raw per worker", "IBM reserve", "Agents", "Usable per worker", "Pods per worker", "Workers per zone (seed → IBM)", "Workers in total", scenario+" (seed → IBM)")
	if s.Sizing.Demand.IsZero() {
		return t, ""
	}
	for _, o := range model.CompareFlavors(s, b.c.Catalog, cands) {
		name := code(o.Flavor.Name)
		if o.Flavor.Name == pool.Flavor {
			name += " **(chosen)**"
		}
		w := o.Worker
		t.add(name,
			fmt.Sprintf("%d vCPU / %d GiB", o.Flavor.VCPU, o.Flavor.MemoryGiB),
			milli(w.ReserveMilliCPU)+" / "+mib(w.ReserveMiB),
			milli(w.AgentsMilliCPU)+" / "+mib(w.AgentsMiB),
			milli(w.UsableMilliCPU)+" / "+mib(w.UsableMiB),
			fmt.Sprintf("%d of %s / %s", o.PodsPerWorker, milli(o.Unit.MilliCPU), mib(o.Unit.MemoryMiB)),
			fmt.Sprintf("%d → %d", o.SeedWorkersPerZone, o.WorkersPerZone),
			fmt.Sprint(o.TotalWorkers),
			pct(o.SeedPercent)+" → "+pct(o.Resilience.Percent))
	}
	note := fmt.Sprintf("Candidates: every %s flavor the catalog offers in %s with %s hardware (the isolation of pool %s), GPU flavors left out. "+
		"Each is sized for the same demand with the same rules, cheapest shape first. Usable = raw − IBM's reserve − the agents' requests − %d%% headroom; "+
		"the seed's columns use raw × (1 − %d%%) and ignore the agents.",
		md(label(b.translator, s.Infrastructure)), code(s.Region), md(label(b.translator, pool.Isolation)), code(pool.Name), b.c.Plan.Node.HeadroomPercent, b.c.Plan.Node.HeadroomPercent)
	if b.s.IsClassic() {
		b.doc(urlClassicFlavors)
	} else {
		b.doc(urlVPCFlavors)
	}
	b.doc(urlReserves)
	return t, note
}
