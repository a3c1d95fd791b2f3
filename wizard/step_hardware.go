package wizard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Step 4, Hardware: the worker pools. Each pool has a purpose, a hardware
// isolation (bare metal, dedicated or shared: seed slide 9), a flavor the
// catalog offers for the infrastructure, isolation and region, and an
// operating system. Pools are added, edited and removed with the list
// pattern (a GPU or an edge pool next to the default one).

var poolList = List[model.WorkerPool]{
	ID: "pools",
	Texts: ListTexts{
		Add:          "Add a worker pool",
		Remove:       "Remove a worker pool",
		RemoveOption: "Remove a worker pool…",
		Which:        "Which worker pool?",
		Help:         "edit, add or remove a worker pool; done when the list is right",
		TooFew:       "at least 1 worker pool needed",
		Unfinished:   "finish worker pool first: %s",
	},
	Title:       "Worker pools",
	Description: "The first pool is the cluster's default pool; add a GPU, edge or storage pool next to it.",
	Items:       func(d *model.Design) *[]model.WorkerPool { return &d.Spec.WorkerPools },
	Label: func(c *Ctx, p *model.WorkerPool) string {
		fl := p.Flavor
		if fl == "" {
			fl = c.tr("no flavor yet")
		}
		return c.trf("%s (%s, %s, %s)", p.Name, c.tr(p.Purpose.Label()), c.tr(p.Isolation.LabelOn(c.Spec().Infrastructure)), fl)
	},
	Incomplete: func(p *model.WorkerPool) bool { return p.Flavor == "" },
	New: func(c *Ctx) model.WorkerPool {
		p := model.WorkerPool{Name: nextPoolName(c.D), Purpose: model.PurposeGeneral,
			Isolation: model.IsolationShared, OperatingSystem: model.OSUbuntu24}
		if len(c.D.Spec.WorkerPools) > 0 {
			p.Isolation = c.D.Spec.WorkerPools[0].Isolation
		}
		return p
	},
	Min:  1,
	Live: poolsLive,
	ItemPages: []ItemPage[model.WorkerPool]{{
		ID:          "pool",
		Title:       "Worker pool",
		Description: "What the pool is for and on which kind of hardware it runs.",
		Fields: func(c *Ctx, p *model.WorkerPool, _ int) []huh.Field {
			return []huh.Field{
				Input(c, "spec.workerPools[*].name", "Pool name", "becomes a node label: letters, digits, - _ .", &p.Name, model.ValidatePoolName),
				Choose(c, "spec.workerPools[*].purpose", "Purpose", &p.Purpose, model.PoolPurpose("").Choices()),
				Pick(c, "spec.workerPools[*].isolation", "Hardware isolation", "", &p.Isolation, isolationOpts(c)),
			}
		},
		Validate: func(c *Ctx, p *model.WorkerPool, i int) error {
			for j, o := range c.D.Spec.WorkerPools {
				if j != i && o.Name == p.Name {
					return fmt.Errorf("another pool is already called %q", p.Name)
				}
			}
			return nil
		},
	}, {
		ID:          "flavor",
		Title:       "Flavor",
		Description: "Offered for this infrastructure, isolation and region. The sizing step compares them for your demand.",
		Fields: func(c *Ctx, p *model.WorkerPool, _ int) []huh.Field {
			opts := flavorOpts(c, p.Isolation)
			_, known := c.Cat.Flavor(c.Spec().Infrastructure, p.Flavor)
			offered := slices.ContainsFunc(opts, func(o Opt[string]) bool { return o.Value == p.Flavor })
			if p.Flavor == "" || known && !offered {
				// A flavor of another isolation or region: pick again.
				p.Flavor = defaultFlavor(c, p, opts)
			}
			return []huh.Field{Pick(c, "spec.workerPools[*].flavor", "Flavor", "", &p.Flavor, opts).Height(12)}
		},
		Live: func(c *Ctx, p *model.WorkerPool) string {
			f, ok := c.Cat.Flavor(c.Spec().Infrastructure, p.Flavor)
			if !ok {
				return ""
			}
			if extra := flavorExtra(c, f); extra != "" {
				return wrapTo(c.trf("%s: %d vCPU, %d GiB (%s); %s", f.Name, f.VCPU, f.MemoryGiB, c.tr(f.Class), extra), c.Width)
			}
			return wrapTo(c.trf("%s: %d vCPU, %d GiB (%s)", f.Name, f.VCPU, f.MemoryGiB, c.tr(f.Class)), c.Width)
		},
	}, {
		ID:          "hosts",
		Title:       "Dedicated hosts",
		Description: "The pool's dedicated host pool: how many hosts each zone gets.",
		Skip:        func(c *Ctx, p *model.WorkerPool) bool { return !p.OnDedicatedHosts(c.Spec()) },
		Fields: func(c *Ctx, p *model.WorkerPool, i int) []huh.Field {
			return []huh.Field{PickFunc(c, "spec.workerPools[*].dedicatedHosts.hostsPerZone", "Dedicated hosts per zone", "",
				func() int {
					if p.DedicatedHosts == nil {
						return 0
					}
					return p.DedicatedHosts.HostsPerZone
				},
				func(n int) {
					switch {
					case n > 0 && p.DedicatedHosts == nil:
						p.DedicatedHosts = &model.DedicatedHosts{HostsPerZone: n}
					case p.DedicatedHosts != nil:
						p.DedicatedHosts.HostsPerZone = n
						if n == 0 && p.DedicatedHosts.HostFlavor == "" {
							p.DedicatedHosts = nil
						}
					}
				}, hostCountOpts(c, p, i))}
		},
	}, {
		ID:    "os",
		Title: "Operating system",
		Skip: func(c *Ctx, p *model.WorkerPool) bool {
			return len(osOpts(c, p)) <= 1 && slices.ContainsFunc(osOpts(c, p), func(o Opt[model.OperatingSystem]) bool { return o.Value == p.OperatingSystem })
		},
		Fields: func(c *Ctx, p *model.WorkerPool, _ int) []huh.Field {
			return []huh.Field{Pick(c, "spec.workerPools[*].operatingSystem", "Operating system", "", &p.OperatingSystem, osOpts(c, p))}
		},
	}},
}

func registerHardware() {
	Register(Step{
		ID:    StepHardware,
		Title: "Hardware",
		Pages: poolList.Pages(),
	})
	RegisterWhy(
		Why{
			Key: "list.pools",
			Text: "A worker pool is a set of identical workers spread over every zone. The first pool " +
				"is created with the cluster; others are added afterwards with `worker-pool create` " +
				"and `zone add --worker-pool`. Separate pools let GPU or edge workers carry taints so " +
				"ordinary pods stay off them.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-add-workers-classic",
		},
		Why{
			Key:  "spec.workerPools[*].name",
			Text: "IKS labels every worker with its pool name (ibm-cloud.kubernetes.io/worker-pool-name), so workloads can target a pool with a node selector.",
			Doc:  "https://cloud.ibm.com/docs/containers?topic=containers-add-workers-classic",
		},
		Why{
			Key: "spec.workerPools[*].purpose",
			Text: "General pools carry the sizing demand together. A GPU pool is tainted so only GPU " +
				"pods land there; an edge pool runs only Ingress and load balancer pods, isolating " +
				"public traffic; a storage pool hosts software-defined storage such as Portworx on " +
				"local disks (IBM's 2019 guidance, slide 22).",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-edge",
		},
		Why{
			Key: "spec.workerPools[*].isolation",
			Text: "IBM's 2019 guidance (slide 9): bare metal for high-performance workloads and GPUs; dedicated virtual " +
				"servers for production; shared virtual servers for development and test (and cost-" +
				"sensitive production). Dedicated means the physical host serves only your account; " +
				"bare metal is single-tenant hardware ordered with --hardware dedicated.",
			Alternatives: "On VPC, dedicated means IKS dedicated hosts (documented without a beta tag since 2026): a host " +
				"pool of one flavor class per metro, hosts in every zone, billed per host; a host runs only workers of its " +
				"class (bx2, cx2 or mx2 here). Bare metal is a classic choice.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-planning_worker_nodes",
			FixedAtCreate: true,
		},
		Why{
			Key: "spec.workerPools[*].flavor",
			Text: "IBM's 2019 guidance: most clusters use 4- or 8-core workers, and the right size depends on the " +
				"application — measure it (slide 10). Kubernetes keeps about 10% of each worker for " +
				"itself. Fewer, bigger workers waste less to overhead; more, smaller ones lose less " +
				"capacity when one fails. In production, under 4 vCPU is a finding.",
			Alternatives:  "Compute (c) flavors for CPU-bound services, memory (m) flavors for caches and JVMs.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-classic-flavors",
			FixedAtCreate: true,
		},
		Why{
			Key: "spec.workerPools[*].dedicatedHosts.hostsPerZone",
			Text: "Workers of a dedicated-host pool are placed only on the pool's hosts; each zone needs hosts, and " +
				"workers that do not fit fail with \"Dedicated host has insufficient capacity\". IBM advises more than " +
				"one host per zone, so a host failure does not take all of the zone's workers.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-cluster-create-dedicated-hosts",
			FixedAtCreate: false,
		},
		Why{
			Key:  "spec.workerPools[*].operatingSystem",
			Text: "Ubuntu 24.04 is the only worker image IBM offers for the current Kubernetes versions.",
			Doc:  "https://cloud.ibm.com/docs/containers?topic=containers-cs_versions",
		},
	)
}

func nextPoolName(d *model.Design) string {
	for i := len(d.Spec.WorkerPools) + 1; ; i++ {
		name := fmt.Sprintf("pool-%d", i)
		if !slices.ContainsFunc(d.Spec.WorkerPools, func(p model.WorkerPool) bool { return p.Name == name }) {
			return name
		}
	}
}

func isolationOpts(c *Ctx) []Opt[model.Isolation] {
	opts := ChoiceOpts(model.Isolation("").Choices())
	if c.Spec().IsVPC() {
		// VPC offers shared hosts and IKS dedicated hosts (the catalog's
		// dedicatedHosts section), no bare-metal workers.
		opts = slices.DeleteFunc(opts, func(o Opt[model.Isolation]) bool { return o.Value == model.IsolationBareMetal })
		for i := range opts {
			if opts[i].Value == model.IsolationDedicated {
				opts[i].Label = model.IsolationDedicated.LabelOn(model.InfraVPC)
				opts[i].Help = c.trf("IKS dedicated hosts: a host pool only your account uses; %s workers", strings.Join(hostClasses(c), c.tr(", ")))
			}
		}
	}
	return opts
}

// flavorOpts lists the catalog's flavors for the design and isolation.
func flavorOpts(c *Ctx, iso model.Isolation) []Opt[string] {
	s := c.Spec()
	flavors := c.Cat.FlavorsFor(s.Infrastructure, iso, s.Region)
	nameW, memW := flavorColumns(c, flavors)
	var out []Opt[string]
	for _, f := range flavors {
		// The family word is prose (locales catalog.flavorClass); the
		// name, sizes and GPU model are data and stay as IBM writes them.
		label := fmt.Sprintf("%-*s %3d vCPU %*d GiB  %s", nameW, f.Name, f.VCPU, memW, f.MemoryGiB, c.tr(f.Class))
		if f.GPUs > 0 {
			label += fmt.Sprintf(" %d×%s", f.GPUs, f.GPUModel)
		}
		out = append(out, Opt[string]{Value: f.Name, Label: label, Help: flavorExtra(c, f)})
	}
	return out
}

// flavorColumns returns the widths of a flavor row's name and memory
// columns: 22 and 5, room for the family word "balanced" (8 cells) in the
// field of a 120-column screen. Family words wider than that (Japanese
// コンピュート, ストレージ: 10–12 cells) get the room the padding had: the
// name column shrinks to the longest name listed, memory to its digits,
// so the word is not cut to "コンピ…".
func flavorColumns(c *Ctx, flavors []catalog.Flavor) (nameW, memW int) {
	nameW, memW = 22, 5
	wide := false
	longest, mem := 0, 0
	for _, f := range flavors {
		wide = wide || ansi.StringWidth(c.tr(f.Class)) > len("balanced")
		longest = max(longest, len(f.Name))
		mem = max(mem, len(strconv.Itoa(f.MemoryGiB)))
	}
	if !wide {
		return nameW, memW
	}
	return min(nameW, longest), min(memW, mem)
}

// flavorExtra is what a flavor row's help adds: its GPUs and the
// catalog's note, in the run's language (locales catalog.flavorNote, by
// the note's English; the Japanese joins them with 。, not "; ").
func flavorExtra(c *Ctx, f catalog.Flavor) string {
	var gpu, note string
	if f.GPUs > 0 {
		gpu = fmt.Sprintf("%d × %s GPU", f.GPUs, f.GPUModel)
	}
	if f.Note != "" {
		note = c.tr(f.Note)
	}
	if gpu != "" && note != "" {
		return c.trf("%s; %s", gpu, note)
	}
	return gpu + note
}

// defaultFlavor picks a sensible first flavor: 8 vCPU balanced for general
// production pools (the seed's "4 or 8 cores"), 4 vCPU elsewhere, a GPU
// flavor for GPU pools.
func defaultFlavor(c *Ctx, p *model.WorkerPool, opts []Opt[string]) string {
	want := 4
	if c.Spec().IsProduction() {
		want = 8
	}
	for _, o := range opts {
		f, _ := c.Cat.Flavor(c.Spec().Infrastructure, o.Value)
		if p.Purpose == model.PurposeGPU {
			if f.GPUs > 0 {
				return f.Name
			}
			continue
		}
		if f.Class == "balanced" && f.VCPU == want {
			return f.Name
		}
	}
	if len(opts) > 0 {
		return opts[0].Value
	}
	return ""
}

// osOpts lists the operating systems the pool's flavor runs.
func osOpts(c *Ctx, p *model.WorkerPool) []Opt[model.OperatingSystem] {
	all := ChoiceOpts(model.OperatingSystem("").Choices())
	f, ok := c.Cat.Flavor(c.Spec().Infrastructure, p.Flavor)
	if !ok || len(f.OperatingSystems) == 0 {
		return all
	}
	return slices.DeleteFunc(all, func(o Opt[model.OperatingSystem]) bool { return !slices.Contains(f.OperatingSystems, o.Value) })
}

// poolsLive shows the pools with their planned size.
func poolsLive(c *Ctx) string {
	plan := model.PlanCapacity(c.Spec(), c.Cat)
	var b strings.Builder
	for i, p := range c.D.Spec.WorkerPools {
		n := "?"
		if i < len(plan.Pools) {
			n = fmt.Sprint(plan.Pools[i].WorkersPerZone)
		}
		// NB: English shows the design's values (general, shared), as
		// they are written in the YAML; other languages their labels.
		purpose, isolation := string(p.Purpose), string(p.Isolation)
		if c.Lang != i18n.EN {
			purpose, isolation = c.tr(p.Purpose.Label()), c.tr(p.Isolation.LabelOn(c.Spec().Infrastructure))
		}
		b.WriteString(c.trf("%s · %s · %s · %s · %s/zone\n", p.Name, purpose, isolation, p.Flavor, n))
	}
	z := max(len(c.D.Spec.Zones), 1)
	b.WriteString(c.trf("%d %s in %d %s", plan.TotalWorkers, c.tr(plural(plan.TotalWorkers, "worker")), z, c.tr(plural(z, "zone"))))
	return b.String()
}

// hostCountOpts offers "as many as the workers need" (the plan's count) and
// 1–6 hosts per zone.
func hostCountOpts(c *Ctx, p *model.WorkerPool, i int) []Opt[int] {
	workers := p.WorkersPerZone
	if plan := model.PlanCapacity(c.Spec(), c.Cat); i < len(plan.Pools) {
		workers = plan.Pools[i].WorkersPerZone
	}
	probe := *p
	probe.DedicatedHosts = nil
	hp := c.Cat.HostPlanFor(c.Spec(), &probe, workers)
	auto := "As many as the workers need"
	if hp.Known {
		auto = fmt.Sprintf("As many as the workers need (%d × %s)", hp.Needed, hp.Flavor.Name)
	}
	opts := []Opt[int]{{Value: 0, Label: auto}}
	for n := 1; n <= 6; n++ {
		opts = append(opts, Opt[int]{Value: n, Label: fmt.Sprintf("%d %s per zone", n, plural(n, "host"))})
	}
	return opts
}

// hostClasses are the flavor classes the catalog's dedicated host flavors
// run in the design's region (catalog dedicatedHosts), in catalog order.
func hostClasses(c *Ctx) []string {
	var out []string
	for _, h := range c.Cat.DedicatedHosts.Items {
		if h.OfferedIn(c.Spec().Region) && !slices.Contains(out, h.FlavorClass) {
			out = append(out, h.FlavorClass)
		}
	}
	return out
}
