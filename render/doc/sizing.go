package doc

import (
	"fmt"
	"math"
	"strconv"
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
		sec.Notes = append(sec.Notes, b.t("size.noDemand"))
	case first < 0:
		sec.Notes = append(sec.Notes, b.t("size.noGeneral"))
	case !plan.Pools[first].FlavorKnown:
		sec.Notes = append(sec.Notes, b.t("size.unknownFlavor", "Flavor", code(s.WorkerPools[plan.Pools[first].Index].Flavor)))
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
		Title:   b.t("size.dec.title"),
		Seed:    b.t("size.dec.seed"),
		IBM:     b.t("size.dec.ibm"),
		Runbook: b.runbook(view.StepCluster, view.StepZones, view.StepWorkerPools),
		Docs:    b.docs(urlHA),
	}
	switch {
	case z > 1 && s.Sizing.SurviveZoneLoss:
		d.Choice = b.t("size.dec.survive.choice", "Z", strconv.Itoa(z), "Z1", strconv.Itoa(z-1), "Pct", pct(float64(z)/float64(z-1)*100))
		d.Alternatives = []Alternative{
			{b.t("size.dec.survive.altDZ"), b.t("size.dec.survive.altDZWhy", "Pct", pct(float64(z-1)/float64(z)*100))},
			{b.t("size.dec.survive.altAutoscaler"), b.t("size.dec.survive.altAutoscalerWhy")},
		}
		d.Consequences = []string{b.t("size.dec.survive.pay", "Pct", pct(float64(z)/float64(z-1)*100))}
	case z > 1:
		d.Choice = b.t("size.dec.spread.choice", "Z", strconv.Itoa(z))
		d.Alternatives = []Alternative{{b.t("size.dec.spread.alt"), b.t("size.dec.spread.altWhy")}}
		d.Consequences = []string{b.t("size.dec.spread.outage")}
	default:
		d.Choice = b.t("size.dec.one.choice")
		d.Alternatives = []Alternative{{b.t("size.dec.one.alt"), b.t("size.dec.one.altWhy")}}
		d.Consequences = []string{b.t("size.dec.one.outage")}
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
	it := strconv.Itoa
	i64 := func(v int64) string { return strconv.FormatInt(v, 10) }
	dMilli := milli(int64(math.Ceil(D.CPU*1000 - 1e-9)))
	dMiB := mib(int64(math.Ceil(D.MemoryGiB*1024 - 1e-9)))
	var m []string
	m = append(m,
		b.t("maths.demand", "CPU", num(D.CPU), "Mem", num(D.MemoryGiB), "Milli", dMilli, "MiB", dMiB, "Z", it(z)),
		b.t("maths.flavor", "Flavor", code(f.Name), "VCPU", it(f.VCPU), "Milli", milli(w.RawMilliCPU), "GiB", it(f.MemoryGiB), "MiB", mib(w.RawMiB)),
	)
	if nm.IBM {
		m = append(m,
			b.t("maths.reserve",
				"CPUTerms", b.tierTerms(nm.Reserves.CPU, float64(f.VCPU), 1000, "m", "cores"), "CPU", milli(w.ReserveMilliCPU),
				"MemTerms", b.tierTerms(nm.Reserves.Memory, float64(f.MemoryGiB), 1024, " MiB", "GiB"), "Eviction", mib(int64(nm.Reserves.EvictionMiB)), "Mem", mib(w.ReserveMiB),
				"AllocCPU", milli(w.AllocMilliCPU), "AllocMem", mib(w.AllocMiB)),
			b.t("maths.agents", "Terms", b.agentTerms(nm.Agents), "CPU", milli(w.AgentsMilliCPU), "Mem", mib(w.AgentsMiB)),
		)
	}
	h := nm.HeadroomPercent
	if nm.IBM {
		m = append(m, b.t("maths.headroom", "H", it(h), "AllocCPU", i64(w.AllocMilliCPU), "AgentsCPU", i64(w.AgentsMilliCPU), "Factor", num2(1-float64(h)/100),
			"UsableCPU", milli(w.UsableMilliCPU), "AllocMem", i64(w.AllocMiB), "AgentsMem", i64(w.AgentsMiB), "UsableMem", mib(w.UsableMiB)))
	} else {
		m = append(m, b.t("maths.seedModel", "H", it(h), "CPU", milli(w.UsableMilliCPU), "Mem", mib(w.UsableMiB)))
	}
	if !unit.IsZero() {
		step := max(z*(z-1), 1)
		m = append(m, b.t("maths.pods", "R", it(unit.Replicas), "UnitCPU", milli(unit.MilliCPU), "UnitMem", mib(unit.MemoryMiB),
			"DCPU", strings.TrimSuffix(dMilli, "m")+"m", "DMem", strings.TrimSuffix(dMiB, "Mi")+"Mi",
			"Step", it(step), "Zones", b.n("count.zone", z), "Target", it(model.PodsPerWorkerTarget),
			"UsableCPU", i64(w.UsableMilliCPU), "UCPU", i64(unit.MilliCPU), "UsableMem", i64(w.UsableMiB), "UMem", i64(unit.MemoryMiB), "PPW", it(fp.PodsPerWorker)))
	}
	others := b.otherGeneralPools(first)
	switch {
	case z > 1 && s.Sizing.SurviveZoneLoss:
		m = append(m, b.t("maths.perZoneSurvive", "R", it(unit.Replicas), "Z1", it(z-1), "P", it(plan.PodsPerZone), "Left", b.n("count.zone", z-1)))
	case z > 1:
		m = append(m, b.t("maths.perZone", "R", it(unit.Replicas), "Z", it(z), "P", it(plan.PodsPerZone)))
	default:
		m = append(m, b.t("maths.single", "P", it(plan.PodsPerZone)))
	}
	if others != "" {
		m = append(m, b.t("maths.others", "Others", others, "Flavor", code(f.Name), "Pool", pool))
	}
	switch {
	case others == "" && z <= 1:
		m = append(m, b.t("maths.workersSingle", "Min", it(minimum), "P", it(plan.PodsPerZone), "PPW", it(fp.PodsPerWorker), "Need", it(ceilInt(plan.PodsPerZone, fp.PodsPerWorker)+1), "Req", it(fp.Required)))
	case others == "":
		m = append(m, b.t("maths.workersPerZone", "Min", it(minimum), "P", it(plan.PodsPerZone), "PPW", it(fp.PodsPerWorker), "Need", it(ceilInt(plan.PodsPerZone, fp.PodsPerWorker)), "Req", it(fp.Required)))
	default:
		m = append(m, b.t("maths.workersPool", "Pool", pool, "Req", it(fp.Required), "Min", it(minimum)))
	}
	if fp.Explicit && fp.WorkersPerZone != fp.Required {
		m = append(m, b.t("maths.explicit", "Pool", pool, "N", it(fp.WorkersPerZone), "Req", it(fp.Required)))
	}
	m = append(m, b.t("maths.total", "N", it(fp.WorkersPerZone), "Zones", b.n("count.zone", z), "Pool", pool, "PoolTotal", it(fp.TotalWorkers), "Total", it(plan.TotalWorkers)))

	res := plan.Resilience
	cpuPct, memPct := b.share(res.Capacity.CPU, D.CPU), b.share(res.Capacity.MemoryGiB, D.MemoryGiB)
	if others == "" {
		left := (z - 1) * fp.WorkersPerZone
		what := b.t("maths.afterZone", "N", it(fp.WorkersPerZone))
		if z <= 1 {
			left = max(fp.WorkersPerZone-1, 0)
			what = b.t("maths.afterWorker", "N", it(fp.WorkersPerZone))
		}
		m = append(m, b.t("maths.after", "What", what, "Left", it(left), "PPW", it(fp.PodsPerWorker), "Room", it(res.PodRoom),
			"PodCmp", cmp(float64(res.PodRoom), float64(res.Pods)), "Pods", it(res.Pods),
			"UsableCPU", milli(w.UsableMilliCPU), "CPU", num(res.Capacity.CPU), "CPUCmp", cmp(res.Capacity.CPU, D.CPU), "DCPU", num(D.CPU), "CPUPct", cpuPct,
			"UsableMem", mib(w.UsableMiB), "Mem", num(res.Capacity.MemoryGiB), "MemCmp", cmp(res.Capacity.MemoryGiB, D.MemoryGiB), "DMem", num(D.MemoryGiB), "MemPct", memPct))
	} else {
		m = append(m, b.t("maths.afterPools", "Scenario", b.scenario(), "Room", it(res.PodRoom), "PodCmp", cmp(float64(res.PodRoom), float64(res.Pods)), "Pods", it(res.Pods),
			"CPU", num(res.Capacity.CPU), "CPUCmp", cmp(res.Capacity.CPU, D.CPU), "DCPU", num(D.CPU), "CPUPct", cpuPct,
			"Mem", num(res.Capacity.MemoryGiB), "MemCmp", cmp(res.Capacity.MemoryGiB, D.MemoryGiB), "DMem", num(D.MemoryGiB), "MemPct", memPct))
	}
	if nm.IBM && others == "" {
		r := plan.Overhead
		seedN := model.SeedWorkersPerZone(D, z, s.Sizing.SurviveZoneLoss, f, r)
		u := model.Usable(f, r)
		seedRes := model.ResilienceOf(D, z, seedN, w, unit)
		m = append(m, b.t("maths.seed", "R", num2(r), "UCPU", num(u.CPU), "UMem", num(u.MemoryGiB), "NeedCPU", num(plan.ZoneNeed.CPU), "NeedMem", num(plan.ZoneNeed.MemoryGiB),
			"N", it(seedN), "SeedPct", pct(model.SeedPercent(D, z, seedN, f, r)), "IBMPct", pct(seedRes.Percent)))
	}
	verdict := b.t("maths.verdict", "Scenario", b.scenario(), "Pct", pct(res.Percent), "Room", it(min(res.PodRoom, res.Pods)), "Pods", it(res.Pods))
	if res.PodRoom >= res.Pods {
		// NB: "room for 60 of its 60 pods" read "60 ポッドのうち 60 ポッド" in Japanese.
		verdict = b.t("maths.verdictAll", "Scenario", b.scenario(), "Pct", pct(res.Percent), "Pods", it(res.Pods))
	}
	if res.Covers() {
		verdict += b.t("maths.verdictOK")
	} else {
		verdict += b.t("maths.verdictShort")
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
func (b *builder) tierTerms(tiers []model.ReserveTier, amount, scale float64, unit, in string) string {
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
		span := b.t("tier.span", "Unit", in, "Lo", num(lo), "Hi", num(lo+part))
		if in == "cores" { // cores are counted, not measured: core 1, cores 2–3
			span = b.t("tier.cores", "Lo", num(lo+1), "Hi", num(lo+part))
			if part == 1 {
				span = b.t("tier.core", "N", num(lo+1))
			}
		}
		parts = append(parts, b.t("tier.term", "Pct", num2trim(t.Percent), "Span", span, "Part", num2trim(part*scale*t.Percent/100), "Unit", unit))
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
func (b *builder) agentTerms(agents []model.NodeAgent) string {
	if len(agents) == 0 {
		return b.t("none")
	}
	var parts []string
	for _, a := range agents {
		if a.Known {
			parts = append(parts, fmt.Sprintf("%s %s/%s", code(a.Name), milli(a.MilliCPU), mib(a.MemoryMiB)))
		} else {
			parts = append(parts, code(a.Name)+b.t("maths.agentUnknown"))
		}
	}
	return strings.Join(parts, " + ")
}

// share is have/want as a percentage, or "n/a" when nothing is wanted.
func (b *builder) share(have, want float64) string {
	if want <= 0 {
		return b.t("na")
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
	scenario := b.t("cmp.afterZone")
	if b.c.Plan.Zones <= 1 {
		scenario = b.t("cmp.afterWorker")
	}
	t := newTable(b.t("cmp.col.flavor"), b.t("cmp.col.raw"), b.t("cmp.col.reserve"), b.t("cmp.col.agents"), b.t("cmp.col.usable"), b.t("cmp.col.pods"),
		b.t("cmp.col.perZone"), b.t("cmp.col.total"), b.t("cmp.col.scenario", "Scenario", scenario))
	if s.Sizing.Demand.IsZero() {
		return t, ""
	}
	for _, o := range model.CompareFlavors(s, b.c.Catalog, cands) {
		name := code(o.Flavor.Name)
		if o.Flavor.Name == pool.Flavor {
			name += b.t("cmp.chosen")
		}
		w := o.Worker
		t.add(name,
			fmt.Sprintf("%d vCPU / %d GiB", o.Flavor.VCPU, o.Flavor.MemoryGiB), // units, the same in every language
			milli(w.ReserveMilliCPU)+" / "+mib(w.ReserveMiB),
			milli(w.AgentsMilliCPU)+" / "+mib(w.AgentsMiB),
			milli(w.UsableMilliCPU)+" / "+mib(w.UsableMiB),
			b.t("cmp.podsOf", "N", strconv.Itoa(o.PodsPerWorker), "CPU", milli(o.Unit.MilliCPU), "Mem", mib(o.Unit.MemoryMiB)),
			fmt.Sprintf("%d → %d", o.SeedWorkersPerZone, o.WorkersPerZone),
			fmt.Sprint(o.TotalWorkers),
			pct(o.SeedPercent)+" → "+pct(o.Resilience.Percent))
	}
	note := b.t("cmp.note", "Infra", md(label(b.translator, s.Infrastructure)), "Region", code(s.Region), "Isolation", md(b.isolationLabel(pool.Isolation)),
		"Pool", code(pool.Name), "H", strconv.Itoa(b.c.Plan.Node.HeadroomPercent))
	if b.s.IsClassic() {
		b.doc(urlClassicFlavors)
	} else {
		b.doc(urlVPCFlavors)
	}
	b.doc(urlReserves)
	return t, note
}
