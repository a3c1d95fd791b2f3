package doc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// badge marks a decision that cannot change after the cluster (or the
// named resource) is created. One style, used everywhere.
const badge = "**🔒 fixed at create**"

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
		Title:     "Infrastructure",
		Fixed:     true,
		FixedNote: "a cluster cannot move between classic and VPC; moving means a new cluster",
		Choice:    md(s.Infrastructure.Label()) + ".",
		Seed: "The seed (2019) knew only classic infrastructure: workers live in your IaaS account and talk to your servers over the private network (slide 36), " +
			"multizone clusters need VRF or VLAN spanning (slide 12), and bare metal is a choice (slide 9).",
		Runbook: b.runbook(view.StepInfrastructure, view.StepCluster),
		Docs:    b.docs(urlLocations),
	}
	if s.IsVPC() {
		d.IBM = "VPC (Gen 2) is IBM's current infrastructure for new clusters: your own VPC and subnets, VPC security groups instead of Calico host policies, " +
			"Secure by Default networking from Kubernetes 1.30 (outbound traffic blocked unless allowed), zone-aware metro block storage, and KMS-encrypted boot volumes."
		d.Alternatives = []Alternative{{"Classic", "the seed's world of VLANs and data centers; needed only for classic bare metal, GPUs of that generation or existing VLAN estates, and it brings VRF, Calico host policies and gateway appliances to run"}}
		d.Consequences = []string{
			"Zones are VPC zones (" + b.zonesText() + "); each needs a subnet in the cluster's VPC.",
			"Network protection is VPC security groups plus context-based restrictions; Calico host policies are not used.",
		}
	} else {
		d.IBM = "Classic infrastructure is still offered and is the only way to run classic bare-metal workers. IBM's newer features (Secure by Default, metro block storage, " +
			"boot-volume KMS) arrive on VPC; classic single-zone data centers are closing (mil01 closed on 2025-10-31), while the multizone metros remain."
		d.Alternatives = []Alternative{{"VPC (Gen 2)", "private by default and IBM's direction, but it offers no classic bare metal and means learning subnets, security groups and VPE gateways"}}
		d.Consequences = []string{
			"Zones are data centers (" + b.zonesText() + ") joined by VLANs; the account must route between VLANs (VRF or VLAN spanning).",
			"Workers are protected by Calico host policies applied with " + lit("calicoctl") + ", optionally behind a gateway appliance.",
		}
	}
	return d
}

func (b *builder) zonesDecision() Decision {
	s := b.s
	d := Decision{
		Title:     "Region and zones",
		Fixed:     true,
		FixedNote: "the region is fixed; zones can be added to or removed from a worker pool later with " + lit("ibmcloud ks zone add") + " / " + lit("zone rm"),
		Seed: "Slide 8: a cluster is single-zone or multizone, and multizone is recommended for availability. Slide 11: in a multizone region (MZR) such as Tokyo, " +
			"three data centers carry three workers each, the master is spread over the three data centers too, and the whole design stays inside one country.",
		IBM: "IBM's HA guidance is unchanged: use three zones of a multizone metro so a zone outage does not stop the cluster. In an MZR the IBM-managed master " +
			"runs three replicas spread across the zones; in a single-zone location the three replicas run on separate hosts of that zone. Use at least two workers per zone.",
		Runbook: b.runbook(view.StepCluster, view.StepZones),
		Docs:    b.docs(urlHA, urlLocations),
	}
	metro := b.metro()
	if s.Multizone() {
		d.Choice = fmt.Sprintf("Region %s, %d zones: %s", b.regionText(), len(s.Zones), b.zonesText())
		if metro != "" {
			d.Choice += " (multizone metro " + md(metro) + ")"
		}
		d.Choice += "."
		d.Alternatives = []Alternative{
			{"A single zone", "cheaper, but a data-center outage stops every workload and the master has no zone to fail over to"},
			{"Two clusters in two regions behind a CIS global load balancer", "survives a region loss, but doubles the cost and the operations work; the seed's MZR already meets in-country availability"},
		}
		d.Consequences = []string{
			"The cluster is created in " + code(s.Zones[0]) + "; the runbook then adds the other zones to every worker pool.",
			"Storage bound to one zone (classic block/file, VPC block) does not survive that zone's loss; see " + secLink(secStorage) + ".",
		}
		if s.IsClassic() {
			d.Consequences = append(d.Consequences, "The account must route between the zones' VLANs (VRF or VLAN spanning); see "+secLink(secNetwork)+".")
		}
	} else {
		zone := "none"
		if len(s.Zones) == 1 {
			zone = code(s.Zones[0])
		}
		d.Choice = fmt.Sprintf("Region %s, one zone: %s.", b.regionText(), zone)
		d.Alternatives = []Alternative{{"Three zones of the metro", "survives a data-center outage and is what production needs; it triples the minimum worker count"}}
		d.Consequences = []string{
			"A data-center outage stops every workload; the sizing keeps one spare worker so a single worker failure is absorbed.",
			"Zones can be added later with " + lit("ibmcloud ks zone add") + " once the design is promoted.",
		}
		if s.IsProduction() {
			d.Consequences = append(d.Consequences, "**A production cluster in one zone goes against the seed and IBM's guidance**; see the rule results.")
		}
	}
	return d
}

func (b *builder) nameDecision() Decision {
	m := b.c.Design.Metadata
	return Decision{
		Title:     "Cluster name and resource group",
		Fixed:     true,
		FixedNote: "neither can be changed after creation",
		Choice:    fmt.Sprintf("Cluster %s in resource group %s.", code(m.Name), code(b.s.ResourceGroup)),
		IBM: "The name appears in the cluster's Ingress subdomain and in every command; the resource group scopes IAM policies and, on VPC, " +
			"the cluster API key (one per region and resource group).",
		Consequences: []string{"Renaming or moving means a new cluster; choose the name the customer will see in URLs and bills."},
		Runbook:      b.runbook(view.StepPreflight, view.StepCluster),
	}
}

// secLink is a Markdown link to one of the document's sections.
func secLink(section string) string { return "[" + section + "](#" + anchor(section) + ")" }

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
		line("  users([%q])", "Users")
	}
	if cis.Enabled {
		label := "Cloud Internet Services"
		if cis.Domain != "" {
			label += ": " + cis.Domain
		}
		var feats []string
		for _, f := range cis.Features {
			feats = append(feats, f.Label())
		}
		if len(feats) > 0 {
			label += " — " + strings.Join(feats, ", ")
		}
		line("  cis{{\"%s\"}}", mermaidLabel(label))
		line("  users --> cis")
	}
	regionLabel := "Region " + s.Region
	if m := b.metro(); m != "" && s.Multizone() {
		regionLabel += " — multizone metro " + m
	}
	line("  subgraph region[\"%s\"]", mermaidLabel(regionLabel))
	line("    direction TB")
	masterLabel := "IBM-managed master: 3 replicas, one per zone"
	if !s.Multizone() {
		masterLabel = "IBM-managed master: 3 replicas on separate hosts"
	}
	switch s.Network.ServiceEndpoints {
	case model.EndpointsPrivateOnly:
		masterLabel += ", private endpoint only"
	case model.EndpointsPublicAndPrivate:
		masterLabel += ", public and private endpoints"
	case model.EndpointsPublicOnly:
		masterLabel += ", public endpoint only"
	}
	line("    master[\"%s\"]", mermaidLabel(masterLabel))
	var zoneIDs []string
	for zi, z := range s.Zones {
		id := "z" + strconv.Itoa(zi)
		zoneIDs = append(zoneIDs, id)
		line("    subgraph %s[\"%s\"]", id, mermaidLabel("Zone "+z))
		for _, pp := range b.c.Plan.Pools {
			p := s.WorkerPools[pp.Index]
			line("      %sp%d[\"%s\"]", id, pp.Index, mermaidLabel(fmt.Sprintf("%s: %d × %s", p.Name, pp.WorkersPerZone, p.Flavor)))
		}
		line("    end")
	}
	var svc []string
	st := s.Storage
	for i, db := range st.Databases {
		label := db.Type.Label() + ": " + db.Name
		if sv, ok := b.c.Catalog.Database(db.Type); ok && sv.Members > 0 {
			label += fmt.Sprintf(" — %d members across zones", sv.Members)
		}
		svc = append(svc, fmt.Sprintf("      db%d[(\"%s\")]", i, mermaidLabel(label)))
	}
	if st.Cloudant.Enabled {
		svc = append(svc, fmt.Sprintf("      cloudant[(\"%s\")]", mermaidLabel("Cloudant: "+st.Cloudant.InstanceName)))
	}
	if st.ObjectStorage.Enabled {
		label := "Object Storage: " + st.ObjectStorage.InstanceName
		for _, bk := range st.ObjectStorage.Buckets {
			if bk.Resiliency == model.ResiliencyCrossRegion {
				label += " — cross-region bucket " + bk.Name
			}
		}
		svc = append(svc, fmt.Sprintf("      cos[(\"%s\")]", mermaidLabel(label)))
	}
	if len(svc) > 0 {
		line("    subgraph svc[\"%s\"]", mermaidLabel("IBM Cloud managed services"))
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
	header := []string{"Zone"}
	for _, pp := range b.c.Plan.Pools {
		header = append(header, "Pool "+code(s.WorkerPools[pp.Index].Name))
	}
	header = append(header, "Workers")
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
	row := []string{"**Total**"}
	for _, pp := range b.c.Plan.Pools {
		row = append(row, strconv.Itoa(pp.TotalWorkers))
	}
	row = append(row, "**"+strconv.Itoa(b.c.Plan.TotalWorkers)+"**")
	t.add(row...)
	return pad(t)
}

// pad widens every cell of a table to its column's width, so the Markdown
// source reads as an aligned plain-text table in a terminal.
func pad(t Table) Table {
	widths := make([]int, len(t.Header))
	measure := func(row []string) {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	fill := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = c + strings.Repeat(" ", widths[i]-len([]rune(c)))
		}
		return out
	}
	p := Table{Header: fill(t.Header)}
	for _, r := range t.Rows {
		p.Rows = append(p.Rows, fill(r))
	}
	return p
}
