package doc

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// hardware describes the pools: isolation, flavor, OS, purpose.
func (b *builder) hardware() HardwareSection {
	s := b.s
	sec := HardwareSection{Decisions: []Decision{b.isolationDecision(), b.flavorDecision()}}
	t := newTable(b.t("hw.col.pool"), b.t("hw.col.purpose"), b.t("hw.col.isolation"), b.t("hw.col.flavor"), b.t("hw.col.perWorker"),
		b.t("hw.col.os"), b.t("hw.col.perZone"), b.t("hw.col.total"), b.t("hw.col.encryption"))
	for _, pp := range b.c.Plan.Pools {
		p := s.WorkerPools[pp.Index]
		per := b.t("hw.unknownFlavor")
		if pp.FlavorKnown {
			per = fmt.Sprintf("%d vCPU / %d GiB", pp.Flavor.VCPU, pp.Flavor.MemoryGiB)
			if pp.Flavor.GPUs > 0 {
				per += fmt.Sprintf(" / %d GPU", pp.Flavor.GPUs)
			}
		}
		enc := b.t("hw.aes")
		if !p.EncryptsDisk() {
			enc = b.t("hw.encOff")
		}
		t.add(code(p.Name), md(label(b.translator, p.Purpose)), md(b.isolationLabel(p.Isolation)), code(p.Flavor), per,
			md(label(b.translator, p.OperatingSystem)), fmt.Sprint(pp.WorkersPerZone), fmt.Sprint(pp.TotalWorkers), enc)
		if n := b.poolExtras(p); n != "" {
			sec.PoolNotes = append(sec.PoolNotes, b.t("hw.poolNote", "Pool", code(p.Name), "Note", n))
		}
	}
	sec.Pools = t
	hasSpecial := false
	for _, p := range s.WorkerPools {
		if p.Purpose == model.PurposeGPU || p.Purpose == model.PurposeEdge || p.Purpose == model.PurposeStorage {
			hasSpecial = true
		}
	}
	if !hasSpecial {
		sec.PoolNotes = append(sec.PoolNotes, b.t("hw.noSpecial", "GX3", lit("gx3")))
	}
	if s.IsClassic() {
		b.doc(urlClassicFlavors)
	} else {
		b.doc(urlVPCFlavors)
	}
	return sec
}

// poolExtras describes a pool's labels, taints and purpose-specific notes.
func (b *builder) poolExtras(p model.WorkerPool) string {
	var parts []string
	if len(p.Labels) > 0 {
		var ls []string
		for _, k := range sortedKeys(p.Labels) {
			ls = append(ls, code(k+"="+p.Labels[k]))
		}
		parts = append(parts, b.t("hw.labels", "List", strings.Join(ls, ", ")))
	}
	if len(p.Taints) > 0 {
		ts := make([]string, len(p.Taints))
		for i, t := range p.Taints {
			ts[i] = code(t.String())
		}
		sort.Strings(ts)
		parts = append(parts, b.t("hw.taints", "List", strings.Join(ts, ", ")))
	}
	switch p.Purpose {
	case model.PurposeGPU:
		parts = append(parts, b.t("hw.gpu"))
	case model.PurposeEdge:
		parts = append(parts, b.t("hw.edge"))
	case model.PurposeStorage:
		parts = append(parts, b.t("hw.sds"))
	}
	return strings.Join(parts, b.t("hw.sep"))
}

func (b *builder) isolationDecision() Decision {
	s := b.s
	seen := map[model.Isolation]bool{}
	var list []string
	for _, p := range s.WorkerPools {
		list = append(list, code(p.Name)+": "+md(b.isolationLabel(p.Isolation)))
		seen[p.Isolation] = true
	}
	d := Decision{
		Title:     b.t("hw.iso.title"),
		Fixed:     true,
		FixedNote: b.t("hw.iso.fixed"),
		Choice:    strings.Join(list, b.t("hw.sep")) + b.t("end"),
		Seed:      b.t("hw.iso.seed"),
		Runbook:   b.runbook(view.StepCluster, view.StepWorkerPools),
	}
	if s.IsClassic() {
		d.IBM = b.t("hw.iso.classic.ibm", "Flag", lit("--hardware dedicated"))
		d.Alternatives = []Alternative{
			{label(b.translator, model.IsolationShared), b.t("hw.iso.classic.sharedWhy")},
			{label(b.translator, model.IsolationDedicated), b.t("hw.iso.classic.dedicatedWhy")},
			{label(b.translator, model.IsolationBareMetal), b.t("hw.iso.classic.bareMetalWhy")},
		}
	} else {
		d.IBM = b.t("hw.iso.vpc.ibm", "Pool", b.hostPoolCreateExample(),
			"Host", lit("ibmcloud ks dedicated host create"), "Create", lit("cluster create vpc-gen2 --dedicated-host-pool ID"))
		hosts := b.c.HostPools()
		if len(hosts) == 0 {
			d.Alternatives = []Alternative{{b.t("hw.iso.vpc.alt"), b.t("hw.iso.vpc.altWhy", "Classes", b.codes(b.hostClasses()))}}
		} else if len(hosts) < len(s.WorkerPools) || !seen[model.IsolationShared] {
			d.Alternatives = []Alternative{{label(b.translator, model.IsolationShared), b.t("hw.iso.vpc.sharedWhy")}}
		}
		for _, h := range hosts {
			d.Consequences = append(d.Consequences, b.t("hw.iso.vpc.hosts", "Pool", code(s.WorkerPools[h.Pool].Name), "Name", code(h.Name),
				"N", strconv.Itoa(h.PerZone), "Flavor", code(h.Flavor.Name), "VCPU", strconv.Itoa(h.Flavor.VCPU), "Mem", strconv.Itoa(h.Flavor.MemoryGiB), "Metro", code(h.Metro),
				"Class", code(h.Flavor.FlavorClass+".*")))
		}
		d.Docs = append(d.Docs, b.docs(urlDedicatedHosts)...)
	}
	// Keep only the alternatives not chosen.
	var alts []Alternative
	for _, a := range d.Alternatives {
		taken := false
		for iso := range seen {
			if strings.EqualFold(a.Option, label(b.translator, iso)) {
				taken = true
			}
		}
		if !taken {
			alts = append(alts, a)
		}
	}
	d.Alternatives = alts
	if s.IsProduction() && seen[model.IsolationShared] && s.IsClassic() {
		d.Consequences = append(d.Consequences, b.t("hw.iso.sharedProd"))
	}
	if seen[model.IsolationBareMetal] {
		d.Consequences = append(d.Consequences, b.t("hw.iso.bareMetal"))
	}
	d.Consequences = append(d.Consequences, b.t("hw.iso.disks"))
	return d
}

func (b *builder) flavorDecision() Decision {
	s := b.s
	var list []string
	small := false
	for _, pp := range b.c.Plan.Pools {
		p := s.WorkerPools[pp.Index]
		list = append(list, code(p.Name)+": "+code(p.Flavor))
		if pp.FlavorKnown && pp.Flavor.VCPU < 4 {
			small = true
		}
	}
	d := Decision{
		Title:     b.t("hw.flavor.title"),
		Fixed:     true,
		FixedNote: b.t("hw.flavor.fixed", "Cmd", lit("ibmcloud ks worker-pool operating-system set")),
		Choice:    b.t("hw.flavor.choice", "Flavors", strings.Join(list, b.t("hw.sep")), "OS", b.osList()),
		Seed:      b.t("hw.flavor.seed"),
		IBM:       b.t("hw.flavor.ibm", "Image", lit("UBUNTU_24_64"), "Link", b.secLink(secSizing)),
		Alternatives: []Alternative{{b.t("hw.flavor.altSmall"), b.t("hw.flavor.altSmallWhy")},
			{b.t("hw.flavor.altLarge"), b.t("hw.flavor.altLargeWhy")}},
		Runbook: b.runbook(view.StepCluster, view.StepWorkerPools),
	}
	if small && s.IsProduction() {
		d.Consequences = append(d.Consequences, b.t("hw.flavor.small"))
	}
	d.Consequences = append(d.Consequences, b.t("hw.flavor.fixPacks"))
	return d
}

// osList lists the operating systems the pools use, once each.
func (b *builder) osList() string {
	seen := map[string]bool{}
	var out []string
	for _, p := range b.s.WorkerPools {
		l := md(label(b.translator, p.OperatingSystem)) + " (" + code(string(p.OperatingSystem)) + ")"
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return strings.Join(out, b.t("listSep"))
}

// isolationLabel names an isolation level as the design's infrastructure
// means it: dedicated on VPC is IKS dedicated hosts, not classic's
// dedicated virtual servers.
func (b *builder) isolationLabel(iso model.Isolation) string {
	if !b.translator.ja() {
		return iso.LabelOn(b.s.Infrastructure)
	}
	if iso == model.IsolationDedicated && b.s.IsVPC() {
		return b.t("hw.iso.vpc.dedicatedLabel")
	}
	return label(b.translator, iso)
}

// hostPoolCreateExample is IBM's host pool command with this design's
// values: the flavor class of the design's host pool, or of the first pool
// whose flavor a dedicated host runs, or the catalog's first host class,
// and the region's metro (catalog dedicatedHosts). A fixed example (IBM's
// bx2d/dal) would contradict a design in another class and metro.
func (b *builder) hostPoolCreateExample() string {
	cat := b.c.Catalog
	class := ""
	if hosts := b.c.HostPools(); len(hosts) > 0 && hosts[0].Known {
		class = hosts[0].Flavor.FlavorClass
	}
	for _, p := range b.s.WorkerPools {
		if h, ok := cat.HostFlavorFor(p.Flavor, b.s.Region); class == "" && ok {
			class = h.FlavorClass
		}
	}
	if classes := b.hostClasses(); class == "" && len(classes) > 0 {
		class = classes[0]
	}
	metro, _ := cat.HostMetro(b.s.Region)
	return code("ibmcloud ks dedicated pool create --flavor-class " + class + " --metro " + metro)
}

// hostClasses are the flavor classes the catalog's dedicated host flavors
// run in the design's region, in catalog order.
func (b *builder) hostClasses() []string {
	var out []string
	for _, h := range b.c.Catalog.DedicatedHosts.Items {
		if h.OfferedIn(b.s.Region) && !slices.Contains(out, h.FlavorClass) {
			out = append(out, h.FlavorClass)
		}
	}
	return out
}

// codes prints values as code spans joined by the document's list
// separator.
func (b *builder) codes(vals []string) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = code(v)
	}
	return strings.Join(out, b.t("listSep"))
}
