package doc

import (
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// facts are the lines under the title.
func (b *builder) facts() []string {
	m := b.c.Design.Metadata
	var out []string
	if m.Description != "" {
		out = append(out, b.t("sum.purpose", "V", md(m.Description)))
	}
	if m.Owner != "" {
		out = append(out, b.t("sum.owner", "V", md(m.Owner)))
	}
	out = append(out,
		b.t("sum.where", "Env", md(label(b.translator, b.s.Environment)), "Infra", md(label(b.translator, b.s.Infrastructure)), "Region", b.regionText()),
		b.t("sum.asOf", "AsOf", md(b.c.AsOf), "Versions", lit("ibmcloud ks versions"), "Flavors", lit("ibmcloud ks flavor ls --zone ZONE")),
	)
	return out
}

// summary is the one-table overview of the design.
func (b *builder) summary() Table {
	s := b.s
	badge := b.t("badge")
	t := newTable(b.t("sum.col.item"), b.t("sum.col.value"))
	t.add(b.t("sum.cluster"), b.t("sum.clusterValue", "Name", b.clusterName(), "Group", code(s.ResourceGroup)))
	t.add(b.t("sum.environment"), md(label(b.translator, s.Environment)))
	t.add(b.t("sum.infrastructure"), md(label(b.translator, s.Infrastructure))+" "+badge)
	t.add(b.t("sum.region"), b.regionText()+" "+badge)
	zones := b.zonesText()
	switch {
	case !s.Multizone():
		zones += b.t("sum.singleZone")
	case b.metro() != "":
		zones += b.t("sum.metro", "Metro", md(b.metro()))
	}
	t.add(b.t("sum.zones"), zones)
	t.add(b.t("sum.version"), b.versionSummary())
	var pools []string
	for _, pp := range b.c.Plan.Pools {
		p := s.WorkerPools[pp.Index]
		pools = append(pools, b.t("sum.pool", "Name", code(p.Name), "N", strconv.Itoa(pp.WorkersPerZone), "Flavor", code(p.Flavor), "Isolation", md(b.isolationLabel(p.Isolation))))
	}
	t.add(b.t("sum.pools"), strings.Join(pools, b.t("sum.poolSep")))
	t.add(b.t("sum.workers"), b.t("sum.workersValue", "N", strconv.Itoa(b.c.Plan.TotalWorkers), "Zones", b.n("count.zone", b.c.Plan.Zones)))
	t.add(b.t("sum.demand"), demand(s.Sizing.Demand))
	t.add(b.t("sum.capacity", "Scenario", b.scenario()), b.resilienceText())
	t.add(b.t("sum.endpoints"), md(label(b.translator, s.Network.ServiceEndpoints)))
	t.add(b.t("sum.ingress"), b.ingressSummary(s.Network.Ingress))
	t.add(b.t("sum.logging"), b.loggingSummary())
	t.add(b.t("sum.monitoring"), b.monitoringSummary())
	t.add(b.t("sum.findings"), b.countsText())
	t.add(b.t("sum.asOfRow"), md(b.c.AsOf))
	return t
}

// scenario is the capacity plan's failure scenario ("one zone lost") in
// the document's language.
func (b *builder) scenario() string {
	sc := b.c.Plan.Resilience.Scenario
	if !b.ja() {
		return sc
	}
	switch sc {
	case "one zone lost":
		return b.t("scenario.zone")
	case "one worker lost":
		return b.t("scenario.worker")
	}
	return b.t("scenario.unknown", "Scenario", md(sc))
}

// resilienceText is "43.2 vCPU / 172.8 GiB = 108% of the demand".
func (b *builder) resilienceText() string {
	r := b.c.Plan.Resilience
	if b.s.Sizing.Demand.IsZero() {
		return b.t("sum.noDemand")
	}
	verdict := b.t("sum.covers")
	if !r.Covers() {
		verdict = b.t("sum.below")
	}
	return b.t("sum.resilience", "Capacity", demand(r.Capacity), "Pct", pct(r.Percent), "Verdict", verdict)
}

func (b *builder) loggingSummary() string {
	l := b.s.Logging
	all := strconv.Itoa(len(model.LogSource("").Choices()))
	switch l.Backend {
	case model.LogNone:
		return b.t("none")
	case model.LogCloudLogs:
		if len(l.Sources) == len(model.LogSource("").Choices()) {
			// NB: "7 of 7" read "7 ソース中 7 ソース" in Japanese.
			return b.t("sum.cloudLogsAll", "Name", code(l.CloudLogs.InstanceName), "Sources", b.n("count.source", len(l.Sources)), "Days", strconv.Itoa(l.RetentionDays))
		}
		return b.t("sum.cloudLogs", "Name", code(l.CloudLogs.InstanceName), "Sources", b.n("count.source", len(l.Sources)), "All", all, "Days", strconv.Itoa(l.RetentionDays))
	}
	if len(l.Sources) == len(model.LogSource("").Choices()) {
		return b.t("sum.logBackendAll", "Backend", md(label(b.translator, l.Backend)), "Sources", b.n("count.source", len(l.Sources)))
	}
	return b.t("sum.logBackend", "Backend", md(label(b.translator, l.Backend)), "Sources", b.n("count.source", len(l.Sources)), "All", all)
}

func (b *builder) monitoringSummary() string {
	m := b.s.Monitoring
	if !m.Enabled {
		return b.t("none")
	}
	return b.t("sum.monitoringValue", "Name", code(m.InstanceName), "Channels", b.n("count.alertChannel", len(m.AlertChannels)))
}

// countsText is "0 errors, 2 warnings, 3 info (1 waived)".
func (b *builder) countsText() string {
	r := b.c.Report
	waived := 0
	for _, f := range r.Findings {
		if f.Waiver != nil {
			waived++
		}
	}
	return b.t("sum.counts", "Errors", b.n("count.error", r.Count(rules.Error)), "Warnings", b.n("count.warning", r.Count(rules.Warning)),
		"Info", strconv.Itoa(r.Count(rules.Info)), "Waived", strconv.Itoa(waived))
}

// ingressSummary names the controller and the Ingress classes of the ALBs
// the design enables (issue 9: a private-only design showed the public
// class).
func (b *builder) ingressSummary(in model.Ingress) string {
	out := md(label(b.translator, in.Controller))
	var classes []string
	if in.PublicALB {
		if cls := in.Controller.IngressClass(true); cls != "" {
			classes = append(classes, lit(cls))
		}
	}
	if in.PrivateALB {
		if cls := in.Controller.IngressClass(false); cls != "" {
			classes = append(classes, lit(cls))
		}
	}
	switch {
	case len(classes) > 0:
		out += " (" + strings.Join(classes, ", ") + ")"
	case in.Controller.IngressClass(true) != "":
		out += b.t("sum.noALB")
	}
	return out
}
