package doc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// hardware describes the pools: isolation, flavor, OS, purpose.
func (b *builder) hardware() HardwareSection {
	s := b.s
	sec := HardwareSection{Decisions: []Decision{b.isolationDecision(), b.flavorDecision()}}
	t := newTable("Pool", "Purpose", "Isolation", "Flavor", "Per worker", "OS", "Per zone", "Total", "Disk encryption")
	for _, pp := range b.c.Plan.Pools {
		p := s.WorkerPools[pp.Index]
		per := "unknown flavor"
		if pp.FlavorKnown {
			per = fmt.Sprintf("%d vCPU / %d GiB", pp.Flavor.VCPU, pp.Flavor.MemoryGiB)
			if pp.Flavor.GPUs > 0 {
				per += fmt.Sprintf(" / %d GPU", pp.Flavor.GPUs)
			}
		}
		enc := "AES-256 (IBM default)"
		if !p.EncryptsDisk() {
			enc = "**off**"
		}
		t.add(code(p.Name), md(label(b.translator, p.Purpose)), md(label(b.translator, p.Isolation)), code(p.Flavor), per,
			md(label(b.translator, p.OperatingSystem)), fmt.Sprint(pp.WorkersPerZone), fmt.Sprint(pp.TotalWorkers), enc)
		if n := poolExtras(p); n != "" {
			sec.PoolNotes = append(sec.PoolNotes, "Pool "+code(p.Name)+": "+n)
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
		sec.PoolNotes = append(sec.PoolNotes, "No GPU, edge or storage pools: every worker runs general workloads. Add a GPU pool (bare metal or VPC "+
			lit("gx3")+" flavors) tainted so only GPU pods land on it, or an edge pool that runs only the Ingress and load-balancer pods, when the workload needs it.")
	}
	if s.IsClassic() {
		b.doc(urlClassicFlavors)
	} else {
		b.doc(urlVPCFlavors)
	}
	return sec
}

// poolExtras describes a pool's labels, taints and purpose-specific notes.
func poolExtras(p model.WorkerPool) string {
	var parts []string
	if len(p.Labels) > 0 {
		var ls []string
		for _, k := range sortedKeys(p.Labels) {
			ls = append(ls, code(k+"="+p.Labels[k]))
		}
		parts = append(parts, "labels "+strings.Join(ls, ", "))
	}
	if len(p.Taints) > 0 {
		ts := make([]string, len(p.Taints))
		for i, t := range p.Taints {
			ts[i] = code(t.String())
		}
		sort.Strings(ts)
		parts = append(parts, "taints "+strings.Join(ts, ", "))
	}
	switch p.Purpose {
	case model.PurposeGPU:
		parts = append(parts, "GPU workers; taint them so only pods that request GPUs are scheduled here")
	case model.PurposeEdge:
		parts = append(parts, "edge workers keep public traffic (Ingress and load balancers) off the application workers")
	case model.PurposeStorage:
		parts = append(parts, "software-defined storage on local disks; on classic this needs bare metal")
	}
	return strings.Join(parts, "; ")
}

func (b *builder) isolationDecision() Decision {
	s := b.s
	seen := map[model.Isolation]bool{}
	var list []string
	for _, p := range s.WorkerPools {
		list = append(list, code(p.Name)+": "+md(label(b.translator, p.Isolation)))
		seen[p.Isolation] = true
	}
	d := Decision{
		Title:     "Hardware isolation",
		Fixed:     true,
		FixedNote: "a pool's isolation and flavor cannot change; to change them, create a new pool, move the workloads and delete the old one",
		Choice:    strings.Join(list, "; ") + ".",
		Seed: "Slide 9: choose bare metal, dedicated virtual or shared virtual workers — bare metal for high-performance work and GPUs, " +
			"dedicated virtual for production, shared virtual for development and test (and production where sharing is acceptable).",
		Runbook: b.runbook(view.StepCluster, view.StepWorkerPools),
	}
	if s.IsClassic() {
		d.IBM = "On classic, shared means the hypervisor and hardware are shared with other IBM customers; dedicated means the physical host serves only your account; " +
			"both are billed hourly. Bare metal is single-tenant physical hardware, ordered with " + lit("--hardware dedicated") + "."
		d.Alternatives = []Alternative{
			{"Shared virtual", "cheapest, but other customers' workloads share the host — fine for development and for production that accepts it"},
			{"Dedicated virtual", "the host is yours alone, without bare metal's longer provisioning and larger minimum size"},
			{"Bare metal", "the most performance and isolation, and required for GPUs and Portworx on classic; slower to order and replace"},
		}
	} else {
		d.IBM = "VPC workers are virtual server instances on IBM's shared VPC hosts by default. IKS documents (without a beta tag, 2026-02) clusters on " +
			"VPC dedicated hosts: a dedicated host pool per metro and flavor class (" + lit("ibmcloud ks dedicated pool create --flavor-class bx2d --metro dal") +
			"), hosts in it (" + lit("ibmcloud ks dedicated host create") + "), then " + lit("cluster create vpc-gen2 --dedicated-host-pool ID") +
			" with a flavor of that class. Isolation on VPC otherwise comes from the network: your own VPC, subnets and security groups."
		d.Alternatives = []Alternative{{"VPC dedicated hosts", "single-tenant hosts for compliance, billed per host; not modelled by iksplan yet: create the pool and hosts and add --dedicated-host-pool to the runbook's create commands by hand"}}
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
		d.Consequences = append(d.Consequences, "Shared virtual workers in production: acceptable per the seed, but the host is shared with other IBM customers.")
	}
	if seen[model.IsolationBareMetal] {
		d.Consequences = append(d.Consequences, "Bare-metal workers take longer to provision and to replace; keep spare capacity for worker reloads and fix packs.")
	}
	d.Consequences = append(d.Consequences, "Worker disks stay encrypted with AES-256 unless a pool turns it off (see the table).")
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
		Title: "Flavor and operating system",
		Fixed: true,
		FixedNote: "a pool's flavor is fixed; the OS can be changed with " + lit("ibmcloud ks worker-pool operating-system set") +
			" followed by a worker update or replace",
		Choice: strings.Join(list, "; ") + ". Operating system: " + b.osList() + ".",
		Seed:   "Slide 10: the right size depends on the application, so test it; 4-core or 8-core workers are the usual choice.",
		IBM: "Ubuntu 24.04 (" + lit("UBUNTU_24_64") + ") is the only image IBM lists for Kubernetes 1.31 and later. Larger workers waste less on per-node overhead " +
			"but lose more capacity when one fails; the comparison in " + b.secLink(secSizing) + " shows the trade-off for this demand.",
		Alternatives: []Alternative{{"Smaller workers (2 vCPU)", "too little room once Kubernetes' overhead and the system pods are taken out; rules flag under 4 vCPU in production"},
			{"Much larger workers", "fewer machines to patch, but each worker failure or fix-pack reload removes a bigger share of the capacity"}},
		Runbook: b.runbook(view.StepCluster, view.StepWorkerPools),
	}
	if small && s.IsProduction() {
		d.Consequences = append(d.Consequences, "**A pool uses a flavor under 4 vCPU in production**; see the rule results.")
	}
	d.Consequences = append(d.Consequences, "Worker fix packs replace or reload one worker at a time; with the sizing above the other workers absorb it.")
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
	return strings.Join(out, ", ")
}
