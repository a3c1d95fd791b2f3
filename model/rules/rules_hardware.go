package rules

import (
	"slices"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// MinProductionVCPU is the smallest worker iksplan accepts in production:
// the seed's "4 or 8 cores" (slide 10); IBM's 2-vCPU flavors are for tests.
const MinProductionVCPU = 4

func hardwareRules() []Rule {
	return []Rule{
		{
			ID: "HW001", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].flavor",
			Title: "Flavor unknown for the infrastructure",
			Why: "IBM's 2019 guidance (slide 9): pick bare metal, dedicated or shared virtual workers. Flavors are per infrastructure: classic " +
				"names such as b3c.8x32 or mb4c.20x64, VPC names such as bx2.8x32 (the instance profile bx2-8x32 with a dot). " +
				"`ibmcloud ks flavor ls --zone ZONE` lists what a zone offers.",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Infrastructure.Valid() {
					return nil // BAS001 reports it
				}
				var hits []Hit
				for i, p := range s.WorkerPools {
					if _, ok := flavorOf(c, i); ok {
						continue
					}
					path := pathf("spec.workerPools[%d].flavor", i)
					switch {
					case p.Flavor == "":
						hits = append(hits, hit(path, "pool %s has no flavor; choose one such as %s", p.Name, exampleFlavor(c)))
					case isOtherInfraFlavor(c, p.Flavor):
						hits = append(hits, hit(path, "pool %s: %s is a %s flavor; %s pools use flavors such as %s", p.Name, p.Flavor,
							infraLabel(otherInfra(s.Infrastructure)), infraLabel(s.Infrastructure), exampleFlavor(c)))
					default:
						hits = append(hits, hit(path, "pool %s: flavor %s is not a %s flavor in the catalog", p.Name, p.Flavor, infraLabel(s.Infrastructure)))
					}
				}
				return hits
			},
		},
		{
			ID: "HW002", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].flavor",
			Title: "Flavor not offered in the region",
			Why: "Some flavors exist only in some regions (classic m3c.48x384 and larger memory flavors are listed for Dallas " +
				"only; VPC GPU flavors vary by zone). A pool with a flavor the region does not offer cannot be created.",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					f, ok := flavorOf(c, i)
					if !ok || c.Spec.Region == "" || f.OfferedIn(c.Spec.Region) {
						continue
					}
					hits = append(hits, hit(pathf("spec.workerPools[%d].flavor", i), "pool %s: flavor %s is offered in %s, not %s",
						p.Name, f.Name, commaList(f.Regions), c.Spec.Region))
				}
				return hits
			},
		},
		{
			ID: "HW003", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].isolation",
			Title: "Isolation not available for the flavor",
			Why: "IBM's 2019 guidance (slide 9): bare metal for high performance and GPUs, dedicated virtual for production, shared virtual " +
				"for development or production. Bare-metal flavors are ordered with `--hardware dedicated` and only as bare " +
				"metal; classic virtual flavors are shared or dedicated. On VPC, dedicated means IKS dedicated hosts, and a host runs " +
				"only workers of its family and class (IBM VPC dh-profiles: a bx2 host runs bx2.* instances).",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, p := range s.WorkerPools {
					f, ok := flavorOf(c, i)
					if !ok || f.Allows(p.Isolation) {
						continue
					}
					path := pathf("spec.workerPools[%d].isolation", i)
					switch {
					case f.BareMetal():
						hits = append(hits, hit(path, "pool %s: %s is a bare-metal flavor; set isolation: bare-metal (ordered with --hardware dedicated)", p.Name, f.Name))
					case p.Isolation == model.IsolationBareMetal:
						hits = append(hits, hit(path, "pool %s: isolation bare-metal needs a bare-metal flavor; %s is a virtual server (isolation %s)", p.Name, f.Name, isolationList(f.Isolations)))
					case s.IsVPC():
						hits = append(hits, hit(path, "pool %s: no dedicated host runs VPC flavor %s (hosts run the classes %s); choose such a flavor or isolation shared", p.Name, f.Name, hostClasses(c)))
					default:
						hits = append(hits, hit(path, "pool %s: %s cannot be ordered with isolation %s (isolation %s)", p.Name, f.Name, p.Isolation, isolationList(f.Isolations)))
					}
				}
				return hits
			},
		},
		{
			ID: "HW004", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].flavor",
			Title: "Flavor below 4 vCPU in production",
			Why: "IBM's 2019 guidance (slide 10): production workers are usually 4 or 8 cores, and Kubernetes itself takes about 10% of each. " +
				"IBM's smallest flavors (u3c.2x4, bx2.2x8, cx2.2x4) are meant for quick tests, and 2-vCPU VPC flavors cannot " +
				"have secondary storage.",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() {
					return nil
				}
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					if f, ok := flavorOf(c, i); ok && f.VCPU < MinProductionVCPU {
						hits = append(hits, hit(pathf("spec.workerPools[%d].flavor", i), "pool %s: %s has %d vCPU; production workers need at least %d",
							p.Name, f.Name, f.VCPU, MinProductionVCPU))
					}
				}
				return hits
			},
		},
		{
			ID: "HW005", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].operatingSystem",
			Title: "Operating system not offered for the flavor",
			Why: "IBM's flavor tables list the worker images each flavor supports (for example some edge bare-metal flavors " +
				"only run UBUNTU_20_64). A pool with another image cannot be ordered.",
			DocURL: doc("classic-flavors"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					f, ok := flavorOf(c, i)
					if !ok || len(f.OperatingSystems) == 0 || slices.Contains(f.OperatingSystems, p.OperatingSystem) {
						continue
					}
					var oss []string
					for _, o := range f.OperatingSystems {
						oss = append(oss, string(o))
					}
					hits = append(hits, hit(pathf("spec.workerPools[%d].operatingSystem", i), "pool %s: %s runs %s, not %s",
						p.Name, f.Name, orList(oss), p.OperatingSystem))
				}
				return hits
			},
		},
		{
			ID: "HW006", Severity: Warning, Area: AreaHardware, Path: "spec.workerPools[*].flavor",
			Title: "GPU pool without a GPU flavor",
			Why: "IBM's 2019 guidance (slide 9): GPU workloads need bare-metal GPU servers (classic mg4c.*) or VPC GPU profiles (gx3.*). " +
				"A pool marked gpu gets a GPU taint, so ordinary pods avoid it while GPU pods find no GPU there.",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					if p.Purpose != model.PurposeGPU {
						continue
					}
					if f, ok := flavorOf(c, i); ok && f.GPUs == 0 {
						hits = append(hits, hit(pathf("spec.workerPools[%d].flavor", i), "pool %s has purpose gpu but %s has no GPU", p.Name, f.Name))
					}
				}
				return hits
			},
		},
		{
			ID: "HW007", Severity: Warning, Area: AreaHardware, Path: "spec.workerPools[*].diskEncryption", FixedAtCreate: true,
			Title: "Worker disk encryption disabled",
			Why: "IKS encrypts worker disks with AES-256 by default; `--disable-disk-encrypt` turns it off for the workers of " +
				"the pool when it is created and cannot be undone for them. IBM's 2019 guidance (slide 4) lists encryption among the security baseline.",
			DocURL: doc("encryption"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					if !p.EncryptsDisk() {
						hits = append(hits, hitSev(prodSeverity(c.Spec, Warning, Info), pathf("spec.workerPools[%d].diskEncryption", i),
							"pool %s turns off worker disk encryption", p.Name))
					}
				}
				return hits
			},
		},
		{
			ID: "HW008", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].dedicatedHosts", FixedAtCreate: true,
			Title: "Dedicated hosts cannot hold the pool",
			Why: "IKS places a VPC pool with isolation dedicated on the hosts of its dedicated host pool: the host pool has one " +
				"flavor class and a metro, and every zone of the workers needs hosts (IBM cluster-create-dedicated-hosts). A host " +
				"runs only workers of its class (VPC dh-profiles), and workers that do not fit fail with \"Dedicated host has " +
				"insufficient capacity\" (IBM ts-worker-dedicated).",
			DocURL: doc("cluster-create-dedicated-hosts"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i := range s.WorkerPools {
					p := &s.WorkerPools[i]
					f, ok := flavorOf(c, i)
					if !ok || !p.OnDedicatedHosts(s) || !f.Allows(model.IsolationDedicated) {
						continue // HW001 or HW003 report it
					}
					hp := c.Catalog.HostPlanFor(s, p, poolWorkers(c, i))
					path := pathf("spec.workerPools[%d].dedicatedHosts", i)
					switch {
					case !hp.Known && p.DedicatedHosts != nil && p.DedicatedHosts.HostFlavor != "":
						hits = append(hits, hit(path+".hostFlavor", "pool %s: dedicated host flavor %s is not in the catalog", p.Name, p.DedicatedHosts.HostFlavor))
					case !hp.Known:
						hits = append(hits, hit(path, "pool %s: no dedicated host flavor for class %s is offered in %s", p.Name, catalog.FlavorClass(f.Name), s.Region))
					case hp.Flavor.FlavorClass != catalog.FlavorClass(f.Name):
						hits = append(hits, hit(path+".hostFlavor", "pool %s: host flavor %s runs %s workers, not %s", p.Name, hp.Flavor.Name, hp.Flavor.FlavorClass, f.Name))
					case hp.Metro == "":
						hits = append(hits, hit(path, "pool %s: no dedicated host metro is known for region %s", p.Name, s.Region))
					case hp.Needed == 0:
						hits = append(hits, hit(path+".hostFlavor", "pool %s: one %s worker does not fit on a %s host", p.Name, f.Name, hp.Flavor.Name))
					case hp.PerZone < hp.Needed:
						hits = append(hits, hit(path+".hostsPerZone", "pool %s: %d %s per zone hold fewer than the %d workers per zone; %d are needed",
							p.Name, hp.PerZone, hp.Flavor.Name, poolWorkers(c, i), hp.Needed))
					}
				}
				return hits
			},
		},
		{
			ID: "HW009", Severity: Warning, Area: AreaHardware, Path: "spec.workerPools[*].dedicatedHosts.hostsPerZone",
			Title: "One dedicated host per zone",
			Why: "IBM's tip for dedicated hosts: create more than one host in each zone where workers run, for redundancy " +
				"(IBM dedicated-hosts). With one host per zone, a host failure or maintenance takes every worker of the zone at once.",
			DocURL: doc("dedicated-hosts"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i := range s.WorkerPools {
					p := &s.WorkerPools[i]
					if !p.OnDedicatedHosts(s) {
						continue
					}
					if hp := c.Catalog.HostPlanFor(s, p, poolWorkers(c, i)); hp.Known && hp.PerZone == 1 {
						hits = append(hits, hitSev(prodSeverity(s, Warning, Info), pathf("spec.workerPools[%d].dedicatedHosts.hostsPerZone", i),
							"pool %s has one dedicated host per zone; set hostsPerZone: 2 or more so a host failure does not take the zone's workers", p.Name))
					}
				}
				return hits
			},
		},
	}
}

// poolWorkers is pool i's workers per zone: the design's, or the plan's.
func poolWorkers(c *Context, i int) int {
	if n := c.Spec.WorkerPools[i].WorkersPerZone; n > 0 {
		return n
	}
	if i < len(c.Plan.Pools) {
		return c.Plan.Pools[i].WorkersPerZone
	}
	return 0
}

// hostClasses lists the worker classes the catalog's dedicated hosts run.
func hostClasses(c *Context) list {
	var out []string
	for _, h := range c.Catalog.DedicatedHosts.Items {
		if !slices.Contains(out, h.FlavorClass) {
			out = append(out, h.FlavorClass)
		}
	}
	return commaList(out)
}

func isolationList(is []model.Isolation) list {
	var out []string
	for _, i := range is {
		out = append(out, string(i))
	}
	return orList(out)
}

// isOtherInfraFlavor reports whether name is a flavor of the other
// infrastructure.
func isOtherInfraFlavor(c *Context, name string) bool {
	_, ok := c.Catalog.Flavor(otherInfra(c.Spec.Infrastructure), name)
	return ok && c.Spec.Infrastructure.Valid()
}

// exampleFlavor names a flavor of the design's infrastructure and region.
func exampleFlavor(c *Context) string {
	fs := c.Catalog.FlavorsFor(c.Spec.Infrastructure, "", c.Spec.Region)
	for _, f := range fs {
		if f.VCPU >= 8 && !f.BareMetal() {
			return f.Name
		}
	}
	if len(fs) > 0 {
		return fs[0].Name
	}
	if c.Spec.IsVPC() {
		return "bx2.8x32"
	}
	return "b3c.8x32"
}
