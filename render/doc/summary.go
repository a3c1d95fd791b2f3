package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// facts are the lines under the title.
func (b *builder) facts() []string {
	m := b.c.Design.Metadata
	var out []string
	if m.Description != "" {
		out = append(out, "**Purpose:** "+md(m.Description))
	}
	if m.Owner != "" {
		out = append(out, "**Owner:** "+md(m.Owner))
	}
	out = append(out,
		fmt.Sprintf("**Environment:** %s · **Infrastructure:** %s · **Region:** %s",
			md(b.s.Environment.Label()), md(b.s.Infrastructure.Label()), b.regionText()),
		fmt.Sprintf("**Facts as of %s.** Zones, flavors, Kubernetes versions and end-of-support dates come from iksplan's catalog dated %s. "+
			"The runbook's preflight checks the version and flavors against IBM again (%s, %s) before it creates anything.",
			md(b.c.AsOf), md(b.c.AsOf), lit("ibmcloud ks versions"), lit("ibmcloud ks flavor ls --zone ZONE")),
	)
	return out
}

// summary is the one-table overview of the design.
func (b *builder) summary() Table {
	s := b.s
	t := newTable("Item", "Value")
	t.add("Cluster", b.clusterName()+" (resource group "+code(s.ResourceGroup)+")")
	t.add("Environment", md(s.Environment.Label()))
	t.add("Infrastructure", md(s.Infrastructure.Label())+" "+badge)
	t.add("Region", b.regionText()+" "+badge)
	zones := b.zonesText()
	switch {
	case !s.Multizone():
		zones += " — single zone"
	case b.metro() != "":
		zones += " — multizone metro " + md(b.metro())
	}
	t.add("Zones", zones)
	t.add("Kubernetes version", b.versionSummary())
	var pools []string
	for _, pp := range b.c.Plan.Pools {
		p := s.WorkerPools[pp.Index]
		pools = append(pools, fmt.Sprintf("%s: %s per zone × %s (%s)", code(p.Name), fmt.Sprint(pp.WorkersPerZone), code(p.Flavor), md(p.Isolation.Label())))
	}
	t.add("Worker pools", strings.Join(pools, "; "))
	t.add("Workers in total", fmt.Sprintf("%d across %s", b.c.Plan.TotalWorkers, plural(b.c.Plan.Zones, "zone", "zones")))
	t.add("Demand at peak", demand(s.Sizing.Demand))
	t.add("Capacity with "+b.c.Plan.Resilience.Scenario, b.resilienceText())
	t.add("Service endpoints", md(s.Network.ServiceEndpoints.Label()))
	t.add("Ingress", ingressSummary(s.Network.Ingress))
	t.add("Logging", b.loggingSummary())
	t.add("Monitoring", b.monitoringSummary())
	t.add("Rule results", b.countsText())
	t.add("Catalog as of", md(b.c.AsOf))
	return t
}

// resilienceText is "43.2 vCPU / 172.8 GiB = 108% of the demand".
func (b *builder) resilienceText() string {
	r := b.c.Plan.Resilience
	if b.s.Sizing.Demand.IsZero() {
		return "no demand given, so no failure maths"
	}
	verdict := "covers the demand"
	if !r.Covers() {
		verdict = "**below the demand**"
	}
	return fmt.Sprintf("%s = %s of the demand (%s)", demand(r.Capacity), pct(r.Percent), verdict)
}

func (b *builder) loggingSummary() string {
	l := b.s.Logging
	switch l.Backend {
	case model.LogNone:
		return "none"
	case model.LogCloudLogs:
		return fmt.Sprintf("IBM Cloud Logs %s, %s of %d, kept %d days", code(l.CloudLogs.InstanceName), plural(len(l.Sources), "source", "sources"), len(model.LogSource("").Choices()), l.RetentionDays)
	}
	return fmt.Sprintf("%s, %s of %d", md(l.Backend.Label()), plural(len(l.Sources), "source", "sources"), len(model.LogSource("").Choices()))
}

func (b *builder) monitoringSummary() string {
	m := b.s.Monitoring
	if !m.Enabled {
		return "none"
	}
	return fmt.Sprintf("IBM Cloud Monitoring %s, %s", code(m.InstanceName), plural(len(m.AlertChannels), "alert channel", "alert channels"))
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
	return fmt.Sprintf("%s, %s, %d info (%d waived)",
		plural(r.Count(rules.Error), "error", "errors"), plural(r.Count(rules.Warning), "warning", "warnings"), r.Count(rules.Info), waived)
}

// ingressSummary names the controller and the Ingress classes of the ALBs
// the design enables (issue 9: a private-only design showed the public
// class).
func ingressSummary(in model.Ingress) string {
	out := md(in.Controller.Label())
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
		out += " (no ALB enabled)"
	}
	return out
}
