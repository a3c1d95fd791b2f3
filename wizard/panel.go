package wizard

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// The live side panel (shown at 100 columns or more): the zones × pools ×
// workers picture, the capacity left after the planned failure, the counts
// of findings, and an excerpt of the artifact the current step affects. It
// is a pure function of its input, so it is tested with goldens; every
// number comes from model.PlanCapacity (through the app's cached plan) and
// rules.Evaluate, never from maths of its own.

type panelData struct {
	D      *model.Design
	Plan   model.CapacityPlan
	Report rules.Report
	Step   StepID
	// Areas are the rule areas of the current step.
	Areas []string
	// Reached are the rule areas of the steps the user has reached (done,
	// or at or before the current one): the counts show their findings
	// only, so the first screen does not greet the user with the errors
	// of questions not asked yet. Nil counts every area.
	Reached      []string
	PreviewTitle string
	Preview      string
	// Why, when set, is shown first (the why panel at wide sizes).
	Why    string
	Width  int
	Height int
	S      *Styles
	// Lang is the language the panel speaks.
	Lang i18n.Lang
}

// tr is s in the panel's language.
func (p panelData) tr(s string) string { return trIn(p.Lang, s) }

// trf formats format in the panel's language.
func (p panelData) trf(format string, args ...any) string { return trfIn(p.Lang, format, args...) }

// panelKey is what the cached side panel was drawn for.
type panelKey struct {
	rev, step, width, height int
	why                      string
}

func (m *App) sidePanel(l layout) string {
	why := ""
	if l.whyInPanel {
		why = m.whyText(l.pnlW - 4)
	}
	k := panelKey{m.panelRev, m.flow.cur.Step, l.pnlW, l.bodyH, why}
	if k == m.panelKey && m.panelCache != "" {
		return m.panelCache
	}
	p := panelData{
		D: m.ctx.D, Plan: m.plan, Report: m.report, Step: m.flow.step().ID, Areas: m.flow.step().areas(), Reached: m.flow.reachedAreas(),
		PreviewTitle: m.previewT, Preview: m.previewX, Width: l.pnlW, Height: l.bodyH, S: m.styles, Lang: m.lang,
	}
	p.Why = why
	m.panelKey, m.panelCache = k, renderPanel(p)
	return m.panelCache
}

// renderPanel draws the side panel.
func renderPanel(p panelData) string {
	s := p.S
	inner := p.Width - 4 // border and padding
	if inner < 12 {
		return ""
	}
	var sections []string
	if p.Why != "" {
		sections = append(sections, s.Why.Width(p.Width-2).Render(p.Why))
	}
	var b strings.Builder
	b.WriteString(topology(p, inner))
	b.WriteString("\n\n")
	b.WriteString(capacity(p, inner))
	b.WriteString("\n\n")
	b.WriteString(findingCounts(p, inner))
	if p.Preview != "" {
		b.WriteString("\n\n")
		b.WriteString(s.PanelTitle.Render(ansi.Truncate(p.PreviewTitle, inner, "…")))
		for _, line := range strings.Split(p.Preview, "\n") {
			for i, part := range strings.Split(wrapCode(line, inner-2), "\n") {
				if i > 0 {
					part = "  " + part
				}
				b.WriteString("\n" + s.Code.Render(part))
			}
		}
	}
	sections = append(sections, s.Panel.Width(p.Width-2).Render(b.String()))
	return strings.Join(sections, "\n")
}

// topology draws pools × zones with one block per worker.
func topology(p panelData, width int) string {
	s := p.S
	sp := &p.D.Spec
	zones := sp.Zones
	title := p.tr("Topology")
	if sp.Region != "" {
		title += " · " + sp.Region
	}
	var b strings.Builder
	b.WriteString(s.PanelTitle.Render(ansi.Truncate(title, width, "…")))
	if len(zones) == 0 {
		b.WriteString("\n" + s.Muted.Render(p.tr("no zones chosen yet")))
		return b.String()
	}
	nameW := 8
	for _, pp := range p.Plan.Pools {
		nameW = max(nameW, min(len(pp.Name), 12))
	}
	labels, prefix := zoneLabels(zones, width, nameW)
	cellW := 4
	for _, z := range labels {
		cellW = max(cellW, ansi.StringWidth(z))
	}
	fitZones := max((width-nameW-1)/(cellW+1), 1)
	shown := labels
	if len(labels) > fitZones {
		shown = labels[:fitZones]
	}
	head := pad(ansi.Truncate(prefix, nameW, "…"), nameW)
	for _, z := range shown {
		head += " " + pad(z, cellW)
	}
	if len(shown) < len(zones) {
		head += " +" + strconv.Itoa(len(zones)-len(shown))
	}
	b.WriteString("\n" + s.Muted.Render(ansi.Truncate(head, width, "")))
	for _, pp := range p.Plan.Pools {
		row := pad(ansi.Truncate(pp.Name, nameW, "…"), nameW)
		cell := strings.Repeat("■", pp.WorkersPerZone)
		if pp.WorkersPerZone > cellW {
			cell = "■×" + strconv.Itoa(pp.WorkersPerZone)
		}
		for range shown {
			row += " " + pad(cell, cellW)
		}
		b.WriteString("\n" + s.Text.Render(ansi.Truncate(row, width, "")))
	}
	for _, pp := range p.Plan.Pools {
		fl := p.tr("flavor ?")
		if pp.Index < len(sp.WorkerPools) && sp.WorkerPools[pp.Index].Flavor != "" {
			fl = sp.WorkerPools[pp.Index].Flavor
		}
		src := p.tr("computed")
		if pp.Explicit {
			src = p.tr("set")
		}
		line := p.trf("%s: %d/zone (%s) · %s", pp.Name, pp.WorkersPerZone, src, fl)
		b.WriteString("\n" + s.Muted.Render(ansi.Truncate(line, width, "…")))
	}
	b.WriteString("\n" + s.Strong.Render(p.trf("%d %s in %d %s", p.Plan.TotalWorkers, p.tr(plural(p.Plan.TotalWorkers, "worker")), len(zones), p.tr(plural(len(zones), "zone")))))
	return b.String()
}

// zoneLabels are the column heads of the topology: the zone names when
// they all fit, else what follows their common prefix ("jp-tok-1" → "1"),
// which is then returned to head the name column, so three VPC zones fit
// a 35-column panel instead of showing two and "+1".
func zoneLabels(zones []string, width, nameW int) ([]string, string) {
	cellW := 4
	for _, z := range zones {
		cellW = max(cellW, ansi.StringWidth(z))
	}
	if len(zones) < 2 || len(zones) <= (width-nameW-1)/(cellW+1) {
		return zones, ""
	}
	prefix := zones[0]
	for _, z := range zones[1:] {
		for !strings.HasPrefix(z, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	// NB: cut at a separator, so "tok02"/"tok04" keep their digits whole.
	if i := strings.LastIndexAny(prefix, "-_"); i >= 0 {
		prefix = prefix[:i+1]
	} else {
		prefix = ""
	}
	if prefix == "" {
		return zones, ""
	}
	out := make([]string, len(zones))
	for i, z := range zones {
		out[i] = strings.TrimPrefix(z, prefix)
	}
	return out, prefix
}

// capacity draws what is left after the planned failure.
func capacity(p panelData, width int) string {
	s := p.S
	r := p.Plan.Resilience
	var b strings.Builder
	scenario := r.Scenario
	if scenario == "" {
		scenario = "one zone lost"
	}
	b.WriteString(s.PanelTitle.Render(p.trf("After %s", p.tr(scenario))))
	if p.Plan.Demand.IsZero() {
		b.WriteString("\n" + s.Muted.Render(p.tr("no demand given: the sizing step asks")))
		return b.String()
	}
	barW := max(width-7, 4)
	frac := min(r.Percent/100, 1)
	full := int(frac*float64(barW) + 0.5)
	st := s.BarFull
	if !r.Covers() {
		st = s.BarLow
	}
	bar := st.Render(strings.Repeat("█", full)) + s.BarEmpty.Render(strings.Repeat("░", barW-full))
	b.WriteString("\n" + bar + " " + st.Render(fmt.Sprintf("%3.0f%%", r.Percent)))
	line := ofDemand(r.Capacity.CPU, p.Plan.Demand.CPU, "vCPU") + " · " +
		ofDemand(r.Capacity.MemoryGiB, p.Plan.Demand.MemoryGiB, "GiB")
	b.WriteString("\n" + s.Muted.Render(ansi.Truncate(line, width, "…")))
	for _, l := range workerLines(p.Lang, p.Plan) {
		b.WriteString("\n" + s.Muted.Render(ansi.Truncate(l, width, "…")))
	}
	return b.String()
}

// ofDemand is "capacity/demand unit", or "capacity unit" when that part
// of the demand is not given (a "43.2/0 vCPU" reads as a broken plan).
func ofDemand(capacity, demand float64, unit string) string {
	if demand <= 0 {
		return num(capacity) + " " + unit
	}
	return num(capacity) + "/" + num(demand) + " " + unit
}

// workerLines are the per-worker figures of IBM's model for the first
// general pool, as DESIGN.md's sizing maths prints them: IBM's reserve, the
// agents' requests, what is usable, and the room for the plan's pods after
// the failure.
func workerLines(l i18n.Lang, plan model.CapacityPlan) []string {
	i := plan.FirstGeneral()
	if i < 0 || !plan.Pools[i].FlavorKnown || plan.Unit.IsZero() {
		return nil
	}
	w := plan.Pools[i].Worker
	var out []string
	if plan.Node.IBM {
		out = append(out,
			trfIn(l, "IBM reserve %dm · %dMi", w.ReserveMilliCPU, w.ReserveMiB),
			trfIn(l, "agents %dm · %dMi", w.AgentsMilliCPU, w.AgentsMiB))
	}
	out = append(out,
		trfIn(l, "usable/worker %dm · %dMi", w.UsableMilliCPU, w.UsableMiB),
		trfIn(l, "room for %d/%d pods of %dm · %dMi", plan.Resilience.PodRoom, plan.Resilience.Pods, plan.Unit.MilliCPU, plan.Unit.MemoryMiB))
	return out
}

// findingCounts draws the counts of findings and the current step's first
// few messages.
func findingCounts(p panelData, width int) string {
	s := p.S
	var e, w, i, later int
	for _, f := range p.Report.Findings {
		switch {
		case p.Reached != nil && !containsArea(p.Reached, string(f.Area)):
			if f.Severity != rules.Info {
				later++
			}
		case f.Severity == rules.Error:
			e++
		case f.Severity == rules.Warning:
			w++
		default:
			i++
		}
	}
	line := s.Error.Render("✗ "+countIn(p.Lang, e, "%d error", "%d errors")) + "  " +
		s.Warn.Render("! "+countIn(p.Lang, w, "%d warning", "%d warnings")) + "  " + s.Muted.Render("· "+p.trf("%d info", i))
	var b strings.Builder
	b.WriteString(s.PanelTitle.Render(p.tr("Findings")) + "\n" + ansi.Truncate(line, width, "…"))
	if later > 0 {
		b.WriteString("\n" + s.Muted.Render(ansi.Truncate(p.trf("%d more in steps not reached yet", later), width, "…")))
	}
	shown := 0
	for _, f := range p.Report.Findings {
		if f.Severity == rules.Info || !containsArea(p.Areas, string(f.Area)) {
			continue
		}
		if shown == 3 {
			b.WriteString("\n" + s.Muted.Render(p.tr("… more in the review")))
			break
		}
		st := s.Warn
		if f.Severity == rules.Error {
			st = s.Error
		}
		b.WriteString("\n" + st.Render(ansi.Truncate(f.RuleID+" "+model.Escape(f.In(p.Lang).Message), width, "…")))
		shown++
	}
	return b.String()
}

func containsArea(areas []string, a string) bool {
	for _, x := range areas {
		if x == a {
			return true
		}
	}
	return false
}

func pad(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// num prints a number with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*10+0.5))/10, 'f', -1, 64)
}
