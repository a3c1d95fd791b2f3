package doc

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// topology is the infrastructure and zone decisions, the diagram and the
// zones × pools grid.
func (b *builder) topology() TopologySection {
	return TopologySection{
		Decisions: []Decision{b.infraDecision(), b.zonesDecision(), b.nameDecision()},
		Mermaid:   b.mermaid(),
		Grid:      b.grid(),
	}
}

func (b *builder) infraDecision() Decision {
	s := b.s
	d := Decision{
		Title:     b.t("topo.infra.title"),
		Fixed:     true,
		FixedNote: b.t("topo.infra.fixed"),
		Choice:    md(label(b.translator, s.Infrastructure)) + b.t("end"),
		Seed:      b.t("topo.infra.seed"),
		Runbook:   b.runbook(view.StepInfrastructure, view.StepCluster),
		Docs:      b.docs(urlLocations),
	}
	if s.IsVPC() {
		d.IBM = b.t("topo.infra.vpc.ibm")
		d.Alternatives = []Alternative{{b.t("topo.infra.vpc.alt"), b.t("topo.infra.vpc.altWhy")}}
		d.Consequences = []string{
			b.t("topo.infra.vpc.zones", "Zones", b.zonesText()),
			b.t("topo.infra.vpc.protection"),
		}
	} else {
		d.IBM = b.t("topo.infra.classic.ibm")
		d.Alternatives = []Alternative{{b.t("topo.infra.classic.alt"), b.t("topo.infra.classic.altWhy")}}
		d.Consequences = []string{
			b.t("topo.infra.classic.zones", "Zones", b.zonesText()),
			b.t("topo.infra.classic.protection", "Cmd", lit("calicoctl")),
		}
	}
	return d
}

func (b *builder) zonesDecision() Decision {
	s := b.s
	d := Decision{
		Title:     b.t("topo.zones.title"),
		Fixed:     true,
		FixedNote: b.t("topo.zones.fixed", "Add", lit("ibmcloud ks zone add"), "Rm", lit("zone rm")),
		Seed:      b.t("topo.zones.seed"),
		IBM:       b.t("topo.zones.ibm"),
		Runbook:   b.runbook(view.StepCluster, view.StepZones),
		Docs:      b.docs(urlHA, urlLocations),
	}
	metro := b.metro()
	if s.Multizone() {
		d.Choice = b.t("topo.zones.multi.choice", "Region", b.regionText(), "N", strconv.Itoa(len(s.Zones)), "Zones", b.zonesText())
		if metro != "" {
			d.Choice += b.t("topo.zones.multi.metro", "Metro", md(metro))
		}
		d.Choice += b.t("end")
		d.Alternatives = []Alternative{
			{b.t("topo.zones.multi.altSingle"), b.t("topo.zones.multi.altSingleWhy")},
			{b.t("topo.zones.multi.altTwo"), b.t("topo.zones.multi.altTwoWhy")},
		}
		d.Consequences = []string{
			b.t("topo.zones.multi.first", "Zone", code(s.Zones[0])),
			b.t("topo.zones.multi.storage", "Link", b.secLink(secStorage)),
		}
		if s.IsClassic() {
			d.Consequences = append(d.Consequences, b.t("topo.zones.multi.vlans", "Link", b.secLink(secNetwork)))
		}
	} else {
		zone := b.t("none")
		if len(s.Zones) == 1 {
			zone = code(s.Zones[0])
		}
		d.Choice = b.t("topo.zones.single.choice", "Region", b.regionText(), "Zone", zone)
		d.Alternatives = []Alternative{{b.t("topo.zones.single.alt"), b.t("topo.zones.single.altWhy")}}
		d.Consequences = []string{
			b.t("topo.zones.single.outage"),
			b.t("topo.zones.single.later", "Cmd", lit("ibmcloud ks zone add")),
		}
		if s.IsProduction() {
			d.Consequences = append(d.Consequences, b.t("topo.zones.single.production"))
		}
	}
	return d
}

func (b *builder) nameDecision() Decision {
	m := b.c.Design.Metadata
	return Decision{
		Title:        b.t("topo.name.title"),
		Fixed:        true,
		FixedNote:    b.t("topo.name.fixed"),
		Choice:       b.t("topo.name.choice", "Name", code(m.Name), "Group", code(b.s.ResourceGroup)),
		IBM:          b.t("topo.name.ibm"),
		Consequences: []string{b.t("topo.name.rename")},
		Runbook:      b.runbook(view.StepPreflight, view.StepCluster),
	}
}

// mermaid draws the cluster as a Mermaid flowchart. Node IDs come from
// indexes (z0, z0p1, db2); every label goes through mermaidLabel.
func (b *builder) mermaid() string {
	s := b.s
	var w strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&w, format+"\n", args...) }
	line("flowchart TB")
	public := s.Network.Ingress.Controller != model.IngressNone && s.Network.Ingress.PublicALB
	cis := s.Firewall.CIS
	if public || cis.Enabled {
		line("  users([%q])", b.t("mm.users"))
	}
	if cis.Enabled {
		text := "Cloud Internet Services"
		if cis.Domain != "" {
			text += ": " + cis.Domain
		}
		var feats []string
		for _, f := range cis.Features {
			feats = append(feats, label(b.translator, f))
		}
		if len(feats) > 0 {
			text += " — " + strings.Join(feats, b.t("listSep"))
		}
		line("  cis{{\"%s\"}}", mermaidLabel(text))
		line("  users --> cis")
	}
	regionLabel := b.t("mm.region", "Region", s.Region)
	if m := b.metro(); m != "" && s.Multizone() {
		regionLabel += b.t("mm.metro", "Metro", m)
	}
	line("  subgraph region[\"%s\"]", mermaidLabel(regionLabel))
	line("    direction TB")
	masterLabel := b.t("mm.master.multi")
	if !s.Multizone() {
		masterLabel = b.t("mm.master.single")
	}
	switch s.Network.ServiceEndpoints {
	case model.EndpointsPrivateOnly:
		masterLabel += b.t("mm.master.private")
	case model.EndpointsPublicAndPrivate:
		masterLabel += b.t("mm.master.both")
	case model.EndpointsPublicOnly:
		masterLabel += b.t("mm.master.public")
	}
	line("    master[\"%s\"]", mermaidLabel(masterLabel))
	var zoneIDs []string
	for zi, z := range s.Zones {
		id := "z" + strconv.Itoa(zi)
		zoneIDs = append(zoneIDs, id)
		line("    subgraph %s[\"%s\"]", id, mermaidLabel(b.t("mm.zone", "Zone", z)))
		for _, pp := range b.c.Plan.Pools {
			p := s.WorkerPools[pp.Index]
			line("      %sp%d[\"%s\"]", id, pp.Index, mermaidLabel(fmt.Sprintf("%s: %d × %s", p.Name, pp.WorkersPerZone, p.Flavor)))
		}
		line("    end")
	}
	var svc []string
	st := s.Storage
	for i, db := range st.Databases {
		text := label(b.translator, db.Type) + ": " + db.Name
		if sv, ok := b.c.Catalog.Database(db.Type); ok && sv.Members > 0 {
			text += b.t("mm.members", "N", strconv.Itoa(sv.Members))
		}
		svc = append(svc, fmt.Sprintf("      db%d[(\"%s\")]", i, mermaidLabel(text)))
	}
	if st.Cloudant.Enabled {
		svc = append(svc, fmt.Sprintf("      cloudant[(\"%s\")]", mermaidLabel("Cloudant: "+st.Cloudant.InstanceName)))
	}
	if st.ObjectStorage.Enabled {
		text := "Object Storage: " + st.ObjectStorage.InstanceName
		for _, bk := range st.ObjectStorage.Buckets {
			if bk.Resiliency == model.ResiliencyCrossRegion {
				text += b.t("mm.crossRegion", "Name", bk.Name)
			}
		}
		svc = append(svc, fmt.Sprintf("      cos[(\"%s\")]", mermaidLabel(text)))
	}
	if len(svc) > 0 {
		line("    subgraph svc[\"%s\"]", mermaidLabel(b.t("mm.services")))
		for _, l := range svc {
			line("%s", l)
		}
		line("    end")
	}
	line("  end")
	if len(zoneIDs) > 0 {
		all := strings.Join(zoneIDs, " & ")
		switch {
		case cis.Enabled:
			line("  cis --> %s", all)
		case public:
			line("  users --> %s", all)
		}
		line("  master -.-> %s", all)
		if len(svc) > 0 {
			line("  %s --> svc", all)
		}
	}
	return strings.TrimRight(w.String(), "\n")
}

// grid is the zones × pools table, padded so it also reads aligned in a
// terminal.
func (b *builder) grid() Table {
	s := b.s
	header := []string{b.t("grid.zone")}
	for _, pp := range b.c.Plan.Pools {
		header = append(header, b.t("grid.pool", "Name", code(s.WorkerPools[pp.Index].Name)))
	}
	header = append(header, b.t("grid.workers"))
	t := newTable(header...)
	perZone := 0
	for _, pp := range b.c.Plan.Pools {
		perZone += pp.WorkersPerZone
	}
	for _, z := range s.Zones {
		row := []string{code(z)}
		for _, pp := range b.c.Plan.Pools {
			row = append(row, fmt.Sprintf("%d × %s", pp.WorkersPerZone, code(s.WorkerPools[pp.Index].Flavor)))
		}
		row = append(row, strconv.Itoa(perZone))
		t.add(row...)
	}
	row := []string{b.t("grid.total")}
	for _, pp := range b.c.Plan.Pools {
		row = append(row, strconv.Itoa(pp.TotalWorkers))
	}
	row = append(row, "**"+strconv.Itoa(b.c.Plan.TotalWorkers)+"**")
	t.add(row...)
	return pad(t)
}

// pad widens every cell of a table to its column's width, so the Markdown
// source reads as an aligned plain-text table in a terminal. Widths are
// terminal cells (ansi.StringWidth): a Japanese character takes two.
func pad(t Table) Table {
	widths := make([]int, len(t.Header))
	measure := func(row []string) {
		for i, c := range row {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	fill := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = c + strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
		}
		return out
	}
	p := Table{Header: fill(t.Header)}
	for _, r := range t.Rows {
		p.Rows = append(p.Rows, fill(r))
	}
	return p
}
