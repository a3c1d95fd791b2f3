package wizard

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
)

// Step 5, Sizing: the demand at peak, the Kubernetes overhead, surviving a
// zone loss; live as the numbers change, the computed workers per zone, the
// capacity left after losing a zone and the flavor comparison — all from
// model.PlanCapacity, model.ZoneNeed and model.CompareFlavors, the one
// place this maths lives. Then an optional explicit size per pool; one
// below the computed need is reported by the rules, not silently fixed.

func registerSizing() {
	Register(Step{
		ID:    StepSizing,
		Title: "Sizing",
		Pages: []Page{{
			ID:          "demand",
			Title:       "Demand",
			Description: "What the workloads request at peak. The numbers below follow as you type.",
			Fields: func(c *Ctx) []huh.Field {
				z := &c.D.Spec.Sizing
				return []huh.Field{
					Number(c, "spec.sizing.demand.cpu", "vCPU at peak", "sum of the pods' CPU requests; empty: not known yet", &z.Demand.CPU, 0, 100000, true),
					Number(c, "spec.sizing.demand.memoryGiB", "Memory at peak (GiB)", "sum of the pods' memory requests", &z.Demand.MemoryGiB, 0, 1000000, true),
					Number(c, "spec.sizing.overheadPercent", "Kubernetes overhead (%)", "share of each worker kept for Kubernetes itself; empty: 10", &z.OverheadPercent, 1, 90, true),
					YesNo(c, "spec.sizing.surviveZoneLoss", "Survive the loss of a zone?", "size each zone so the others carry 100% of the demand", &z.SurviveZoneLoss),
				}
			},
			Live: sizingLive,
		}, {
			ID:          "override",
			Title:       "Workers per zone",
			Description: "Leave empty to use the computed size. A size below the need is a finding, never silently fixed.",
			Fields: func(c *Ctx) []huh.Field {
				plan := model.PlanCapacity(c.Spec(), c.Cat)
				var fields []huh.Field
				for i := range c.D.Spec.WorkerPools {
					p := &c.D.Spec.WorkerPools[i]
					help := "empty: computed"
					if i < len(plan.Pools) {
						help = c.trf("empty: computed (%d); the need is %d", plan.Pools[i].Required, plan.Pools[i].Required)
					}
					// NB: whole formats: the catalogue had the texts of the
					// pool "default" and of 3 and 4 workers only.
					fields = append(fields, Number(c, "spec.workerPools[*].workersPerZone", c.trf("%s: workers per zone", p.Name), help, &p.WorkersPerZone, 1, 500, true))
				}
				return fields
			},
			Live: sizingLive,
		}},
	})
	RegisterWhy(
		Why{
			Key: "spec.sizing.demand.cpu",
			Text: "Size from what the workloads request at peak, measured in a test, not guessed: " +
				"\"the spec depends on the application, so verify it\" (IBM's 2019 guidance, slide 10). iksplan " +
				"divides the demand by the zones that remain after a failure and by what each worker " +
				"offers after overhead.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-strategy#sizing",
		},
		Why{
			Key:  "spec.sizing.demand.memoryGiB",
			Text: "Memory is sized like CPU; the worker count is the larger of the two needs. Memory-heavy workloads fit memory (m) flavors better.",
			Doc:  "https://cloud.ibm.com/docs/containers?topic=containers-strategy#sizing",
		},
		Why{
			Key: "spec.sizing.overheadPercent",
			Text: "Kubernetes itself (kubelet, container runtime, system pods) takes part of every " +
				"worker: the 2019 guidance counts about 10% (slide 10). IKS reserves more on small flavors, so " +
				"raise it for 2- and 4-core workers.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-planning_worker_nodes#resource_limit_node",
		},
		Why{
			Key: "spec.sizing.surviveZoneLoss",
			Text: "IBM's 2019 guidance (slide 10): so that the service continues at 100% when one zone fails, place 50% " +
				"of the workload in each of three zones — 150% in all. In general each zone carries " +
				"D/(Z−1). Without it the cluster is sized for D/Z per zone and runs degraded after a " +
				"zone loss.",
			Alternatives: "Not surviving a zone loss halves the spare capacity of a three-zone cluster: " +
				"acceptable for development, a warning (HA002) in production.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-ha_clusters",
		},
		Why{
			Key: "spec.workerPools[*].workersPerZone",
			Text: "Empty lets iksplan compute the size from the demand (and at least 2 per zone in a " +
				"multizone cluster, 3 in a single zone). An explicit size below the need stays as " +
				"you set it and the rules report it (HA004/HA005), so nothing changes behind your back.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-ha_clusters",
		},
	)
}

// sizingLive shows the plan as the numbers change.
func sizingLive(c *Ctx) string {
	s := c.Spec()
	plan := model.PlanCapacity(s, c.Cat)
	st := c.S
	var b strings.Builder
	zones := max(len(s.Zones), 1)
	if s.Sizing.Demand.IsZero() {
		b.WriteString(c.trf("No demand yet: pools get the HA minimum (%d per zone).\n", model.MinWorkersPerZone(zones)))
	} else {
		how := c.trf("demand ÷ %d zones", zones)
		if s.Sizing.SurviveZoneLoss && zones > 1 {
			how = c.trf("demand ÷ %d surviving zones", zones-1)
		}
		b.WriteString(c.trf("Each zone carries %s vCPU · %s GiB (%s)\n", num(plan.ZoneNeed.CPU), num(plan.ZoneNeed.MemoryGiB), how))
	}
	for _, pp := range plan.Pools {
		fl := "?"
		if pp.Index < len(s.WorkerPools) {
			fl = s.WorkerPools[pp.Index].Flavor
		}
		src := c.tr("computed")
		if pp.Explicit {
			src = c.tr("set")
		}
		line := c.trf("%s %s: %d per zone (%s) · %d workers", pp.Name, fl, pp.WorkersPerZone, src, pp.TotalWorkers)
		if pp.Explicit && pp.WorkersPerZone < pp.Required {
			line += " " + st.Warn.Render(c.trf("! below the need of %d", pp.Required))
		}
		b.WriteString(line + "\n")
	}
	if !s.Sizing.Demand.IsZero() {
		r := plan.Resilience
		mark := st.OK.Render(c.tr("✓ covers the demand"))
		if !r.Covers() {
			mark = st.Error.Render(c.tr("✗ below the demand"))
		}
		b.WriteString(c.trf("After %s: %s vCPU · %s GiB = %.0f%% %s\n", c.tr(r.Scenario), num(r.Capacity.CPU), num(r.Capacity.MemoryGiB), r.Percent, mark))
		b.WriteString(flavorTable(c, plan))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// flavorTable compares the flavors of the first general pool's isolation.
func flavorTable(c *Ctx, plan model.CapacityPlan) string {
	s := c.Spec()
	var pool *model.WorkerPool
	for i := range s.WorkerPools {
		if p := &s.WorkerPools[i]; p.Purpose == "" || p.Purpose == model.PurposeGeneral {
			pool = p
			break
		}
	}
	if pool == nil {
		return ""
	}
	var cands []model.FlavorSpec
	for _, f := range c.Cat.FlavorsFor(s.Infrastructure, pool.Isolation, s.Region) {
		if f.GPUs == 0 && f.Class != "edge" && f.Class != "storage" {
			cands = append(cands, f.Spec())
		}
	}
	rows := model.CompareFlavors(s, c.Cat, cands)
	var b strings.Builder
	wide := c.Width >= 48
	b.WriteString(c.S.Strong.Render(c.trf("\nFlavor comparison (%s)", c.tr(pool.Isolation.LabelOn(s.Infrastructure)))))
	// The heads are measured in cells (Japanese is double width) and the
	// columns widen to them, so the numbers stay under their heads.
	hFlavor, hZone, hTotal, hAfter := c.tr("flavor"), c.tr("/zone"), c.tr("total"), c.tr("after")
	wZone, wTotal, wAfter := max(5, ansi.StringWidth(hZone)), max(5, ansi.StringWidth(hTotal)), max(6, ansi.StringWidth(hAfter))
	right := func(h string, w int) string { return strings.Repeat(" ", max(w-ansi.StringWidth(h), 0)) + h }
	if wide {
		fmt.Fprintf(&b, "\n%s %s %s %6s %7s %s", pad(hFlavor, 16), right(hZone, wZone), right(hTotal, wTotal), "vCPU", "GiB", right(hAfter, wAfter))
	} else {
		fmt.Fprintf(&b, "\n%s %s %s %s", pad(hFlavor, 16), right(hZone, wZone), right(hTotal, wTotal), right(hAfter, wAfter))
	}
	shown := 0
	for _, r := range rows {
		cur := r.Flavor.Name == pool.Flavor
		if shown >= 4 && !cur {
			continue
		}
		var line string
		if wide {
			line = fmt.Sprintf("%-16s %*d %*d %6.0f %7.0f %*.0f%%", r.Flavor.Name, wZone, r.WorkersPerZone, wTotal, r.TotalWorkers, r.Total.CPU, r.Total.MemoryGiB, wAfter-1, r.Resilience.Percent)
		} else {
			line = fmt.Sprintf("%-16s %*d %*d %*.0f%%", r.Flavor.Name, wZone, r.WorkersPerZone, wTotal, r.TotalWorkers, wAfter-1, r.Resilience.Percent)
		}
		if cur {
			line = c.S.Strong.Render(line + " ←")
		}
		b.WriteString("\n" + line)
		shown++
	}
	return b.String()
}
