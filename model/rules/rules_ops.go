package rules

import (
	"github.com/iksplan/iksplan/model"
)

// FixPackDays is how often IBM releases worker fix packs.
const FixPackDays = 14

func opsRules() []Rule {
	autoscalerWhy := "The managed cluster-autoscaler add-on resizes the pools named in the iks-ca-configmap ConfigMap " +
		"(workerPoolsConfig.json: name, minSize, maxSize per zone). IBM recommends minSize of at least 2 per zone so ALB " +
		"pods can spread; do not resize or rebalance an autoscaled pool by hand. "
	return []Rule{
		{
			ID: "OPS001", Severity: Warning, Area: AreaOperations, Path: "spec.operations.autoscaler.pools",
			Title:  "Autoscaler enabled for no pool",
			Why:    autoscalerWhy + "Enabling the add-on scales nothing until a pool is listed.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				a := c.Spec.Operations.Autoscaler
				if !a.Enabled || len(a.Pools) > 0 {
					return nil
				}
				return []Hit{hit("spec.operations.autoscaler.pools", "the autoscaler is enabled but no pool is listed, so nothing scales")}
			},
		},
		{
			ID: "OPS002", Severity: Error, Area: AreaOperations, Path: "spec.operations.autoscaler.pools[*].pool",
			Title:  "Autoscaler names an unknown pool",
			Why:    autoscalerWhy + "An entry for a pool the design does not have is ignored by the add-on.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, ap := range autoscaledPools(c) {
					if poolIndex(c.Spec, ap.Pool) < 0 {
						hits = append(hits, hit(pathf("spec.operations.autoscaler.pools[%d].pool", i), "the autoscaler names pool %q, which is not in spec.workerPools", ap.Pool))
					}
				}
				return hits
			},
		},
		{
			ID: "OPS003", Severity: Error, Area: AreaOperations, Path: "spec.operations.autoscaler.pools[*].maxPerZone",
			Title:  "Autoscaler bounds inverted",
			Why:    autoscalerWhy + "maxSize must be at least minSize and at least 1.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, ap := range autoscaledPools(c) {
					path := pathf("spec.operations.autoscaler.pools[%d].maxPerZone", i)
					switch {
					case ap.MaxPerZone < 1:
						hits = append(hits, hit(path, "pool %s: maxPerZone %d must be at least 1", ap.Pool, ap.MaxPerZone))
					case ap.MaxPerZone < ap.MinPerZone:
						hits = append(hits, hit(path, "pool %s: maxPerZone %d is below minPerZone %d", ap.Pool, ap.MaxPerZone, ap.MinPerZone))
					}
				}
				return hits
			},
		},
		{
			ID: "OPS004", Severity: Error, Area: AreaOperations, Path: "spec.operations.autoscaler.pools[*].minPerZone",
			Title:  "Autoscaler minimum below the HA minimum",
			Why:    autoscalerWhy + "A lower minimum lets the autoscaler shrink a zone below the HA minimum the design keeps elsewhere.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				minimum := model.MinWorkersPerZone(len(s.Zones))
				var hits []Hit
				for i, ap := range autoscaledPools(c) {
					if ap.MinPerZone < minimum {
						hits = append(hits, hitSev(prodSeverity(s, Error, Warning), pathf("spec.operations.autoscaler.pools[%d].minPerZone", i),
							"pool %s: minPerZone %d lets the autoscaler go below %d workers per zone", ap.Pool, ap.MinPerZone, minimum))
					}
				}
				return hits
			},
		},
		{
			ID: "OPS005", Severity: Warning, Area: AreaOperations, Path: "spec.operations.autoscaler.pools[*].minPerZone",
			Title: "Autoscaler minimum below the zone-loss sizing",
			Why: autoscalerWhy + "IBM's 2019 guidance (slide 10) sizes each zone at 50% of the load (150% in all) so a zone loss costs nothing. " +
				"The autoscaler removes workers that look idle, so a minimum below that size gives the spare capacity back; " +
				"after a zone outage pods wait for new workers.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Sizing.SurviveZoneLoss || s.Sizing.Demand.IsZero() {
					return nil
				}
				minimum := model.MinWorkersPerZone(len(s.Zones))
				var hits []Hit
				for i, ap := range autoscaledPools(c) {
					pi := poolIndex(s, ap.Pool)
					if pi < 0 || ap.MinPerZone < minimum {
						continue // OPS002 and OPS004 report these
					}
					pp := c.Plan.Pools[pi]
					if pp.CarriesDemand && pp.FlavorKnown && ap.MinPerZone < pp.Required {
						hits = append(hits, hit(pathf("spec.operations.autoscaler.pools[%d].minPerZone", i),
							"pool %s: minPerZone %d is below the %d per zone sized to survive %s; the autoscaler can remove that headroom",
							ap.Pool, ap.MinPerZone, pp.Required, c.Plan.Resilience.Scenario))
					}
				}
				return hits
			},
		},
		{
			ID: "OPS006", Severity: Warning, Area: AreaOperations, Path: "spec.operations.autoscaler.pools[*].maxPerZone",
			Title: "Autoscaler maximum below the planned pool size",
			Why: autoscalerWhy + "A maximum below the planned workers per zone makes the autoscaler shrink the pool the " +
				"capacity plan sized (IBM's 2019 guidance, slide 10).",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, ap := range autoscaledPools(c) {
					pi := poolIndex(s, ap.Pool)
					if pi < 0 || ap.MaxPerZone < ap.MinPerZone {
						continue
					}
					if pp := c.Plan.Pools[pi]; ap.MaxPerZone < pp.WorkersPerZone {
						hits = append(hits, hit(pathf("spec.operations.autoscaler.pools[%d].maxPerZone", i), "pool %s: maxPerZone %d is below the planned %d workers per zone",
							ap.Pool, ap.MaxPerZone, pp.WorkersPerZone))
					}
				}
				return hits
			},
		},
		{
			ID: "OPS007", Severity: Error, Area: AreaOperations, Path: "spec.operations.autoscaler.pools[*].pool",
			Title:  "Pool autoscaled twice",
			Why:    autoscalerWhy + "workerPoolsConfig.json has one entry per pool.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				var names []string
				for _, ap := range autoscaledPools(c) {
					names = append(names, ap.Pool)
				}
				return dupHits("autoscaled pool", names, func(i int) string { return pathf("spec.operations.autoscaler.pools[%d].pool", i) })
			},
		},
		{
			ID: "OPS008", Severity: Error, Area: AreaOperations, Path: "spec.operations.backups.bucket",
			Title: "Backups without an Object Storage bucket",
			Why: "IBM's 2019 guidance (slide 11) backs up to Object Storage. Both IBM Cloud Backup and Recovery and the ibmcloud-backup-restore " +
				"chart write volume backups to a bucket, which must be one of the design's Object Storage buckets.",
			DocURL: doc("utilities"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				b := s.Operations.Backups
				if b.Method == model.BackupNone {
					return nil
				}
				cos := s.Storage.ObjectStorage
				switch {
				case !cos.Enabled:
					return []Hit{hit("spec.operations.backups.bucket", "backups use %s but Object Storage is not enabled", b.Method)}
				case b.Bucket == "":
					return []Hit{hit("spec.operations.backups.bucket", "backups use %s but no bucket is named", b.Method)}
				case !bucketExists(s, b.Bucket):
					return []Hit{hit("spec.operations.backups.bucket", "backup bucket %s is not among spec.storage.objectStorage.buckets", b.Bucket)}
				}
				return nil
			},
		},
		{
			ID: "OPS009", Severity: Warning, Area: AreaOperations, Path: "spec.operations.backups.bucket",
			Title: "Backups in a single-site bucket",
			Why: "IBM's 2019 guidance (slides 11 and 23) keeps backups in cross-regional Object Storage so they survive the loss of the cluster's " +
				"site or region; a single-site bucket fails with the data center it protects against.",
			DocURL: doc("utilities"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if s.Operations.Backups.Method == model.BackupNone {
					return nil
				}
				for _, b := range s.Storage.ObjectStorage.Buckets {
					if b.Name == s.Operations.Backups.Bucket && b.Resiliency == model.ResiliencySingleSite {
						return []Hit{hit("spec.operations.backups.bucket", "backup bucket %s is single-site; use a cross-region bucket", b.Name)}
					}
				}
				return nil
			},
		},
		{
			ID: "OPS010", Severity: Warning, Area: AreaOperations, Path: "spec.operations.upgrades.workerPatchDays",
			Title: "Worker fix packs applied less often than IBM ships them",
			Why: "IBM releases worker fix packs (security patches for the OS and Kubernetes) every two weeks, and you apply " +
				"them yourself with `worker update` or `worker reload` (classic) or `worker replace --update` (VPC).",
			DocURL: doc("update"),
			Check: func(c *Context) []Hit {
				d := c.Spec.Operations.Upgrades.WorkerPatchDays
				if d <= FixPackDays {
					if d < 0 {
						return []Hit{hit("spec.operations.upgrades.workerPatchDays", "workerPatchDays %d is negative", d)}
					}
					return nil
				}
				return []Hit{hitSev(prodSeverity(c.Spec, Warning, Info), "spec.operations.upgrades.workerPatchDays",
					"workers are patched every %d days; IBM ships fix packs every %d", d, FixPackDays)}
			},
		},
		{
			ID: "OPS011", Severity: Info, Area: AreaOperations, Path: "spec.operations.upgrades.albAutoUpdate",
			Title: "Ingress ALB automatic updates off",
			Why: "IBM updates the managed Ingress ALBs automatically unless autoupdate is disabled; with it off, the team must " +
				"track `ibmcloud ks ingress alb versions` and update the ALBs itself.",
			DocURL: doc("update"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if s.Operations.Upgrades.ALBAutoUpdate || s.Network.Ingress.Controller == model.IngressNone {
					return nil
				}
				return []Hit{hit("spec.operations.upgrades.albAutoUpdate", "ALB autoupdate is off; schedule ALB updates with the worker fix packs")}
			},
		},
		{
			ID: "OPS012", Severity: Warning, Area: AreaOperations, Path: "spec.cicd.stages[*].namespace",
			Title: "CI/CD stage deploys to a namespace the design does not create",
			Why: "IBM's 2019 guidance (slides 16–17): each pipeline stage (dev, stage, production) deploys into its own place. The deployer " +
				"gets a Role only in the design's namespaces, so a stage elsewhere cannot deploy.",
			DocURL: doc("registry"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, st := range s.CICD.Stages {
					if !namespaceKnown(s, st.Namespace) {
						hits = append(hits, hit(pathf("spec.cicd.stages[%d].namespace", i), "stage %s deploys to namespace %q, but %s", st.Name, st.Namespace, namespaceList(s)))
					}
				}
				return hits
			},
		},
		{
			ID: "OPS013", Severity: Warning, Area: AreaOperations, Path: "spec.cicd.vulnerabilityScanning",
			Title: "No vulnerability scanning in production",
			Why: "IBM's 2019 guidance (slide 4): Vulnerability Advisor checks container images for known vulnerabilities. IBM Cloud Container " +
				"Registry's Vulnerability Advisor v4 is the current default (v3 was deprecated in 2023).",
			DocURL: doc("registry"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() || c.Spec.CICD.VulnerabilityScanning {
					return nil
				}
				return []Hit{hit("spec.cicd.vulnerabilityScanning", "production images are not scanned for vulnerabilities before release")}
			},
		},
		{
			ID: "OPS014", Severity: Info, Area: AreaOperations, Path: "spec.cicd.registry.region",
			Title: "Registry in another geography than the cluster",
			Why: "Container Registry is regional (jp.icr.io, us.icr.io, de.icr.io, …). Pulling images from another geography " +
				"adds latency and moves images across borders, which the in-country design of IBM's 2019 guidance (slide 11) avoids.",
			DocURL: doc("registry"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				want, known := c.Catalog.RegistryRegion(s.Region)
				if !known || s.Region == "" || s.CICD.Registry.Region == "" || s.CICD.Registry.Region == want || s.CICD.Registry.Region == "global" {
					return nil
				}
				return []Hit{hit("spec.cicd.registry.region", "images come from %s.icr.io but the cluster is in %s (%s.icr.io)", s.CICD.Registry.Region, s.Region, want)}
			},
		},
		{
			ID: "OPS016", Severity: Error, Area: AreaOperations, Path: "spec.kubernetesVersion",
			Title: "Kubernetes version the cluster-autoscaler add-on does not support",
			Why: autoscalerWhy + "Each add-on version supports a range of Kubernetes versions: cluster-autoscaler 2.0.0 " +
				"supports >=1.31 <1.36, and IBM's 1.36 page says not to update a cluster to 1.36 while the add-on is " +
				"installed. Stay below the add-on's range limit until IBM ships an add-on version for it, or do without " +
				"the autoscaler.",
			DocURL: doc("ca"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				a, ok := c.Catalog.Addon("cluster-autoscaler")
				if !s.Operations.Autoscaler.Enabled || !ok {
					return nil
				}
				if minorLess(s.KubernetesVersion, a.MinKube) || !minorLess(s.KubernetesVersion, a.BelowKube) {
					return []Hit{hit("spec.kubernetesVersion", "the cluster-autoscaler add-on %s supports Kubernetes >=%s <%s, not %s",
						a.Version, a.MinKube, a.BelowKube, s.KubernetesVersion)}
				}
				return nil
			},
		},
		{
			ID: "OPS015", Severity: Warning, Area: AreaOperations, Path: "spec.operations.backups.method",
			Title: "Production volumes without backups",
			Why: "IBM's 2019 guidance (slide 23): Cloud Databases back themselves up, but block, file and Portworx volumes do not. IBM Cloud " +
				"Backup and Recovery or the ibmcloud-backup-restore chart copies them to Object Storage.",
			DocURL: doc("utilities"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || s.Operations.Backups.Method != model.BackupNone {
					return nil
				}
				if len(s.Storage.Volumes) == 0 && !s.Storage.Portworx.Enabled {
					return nil
				}
				return []Hit{hit("spec.operations.backups.method", "the design has persistent volumes but no backup method")}
			},
		},
	}
}

func bucketExists(s *model.Spec, name string) bool {
	for _, b := range s.Storage.ObjectStorage.Buckets {
		if b.Name == name {
			return true
		}
	}
	return false
}

// autoscaledPools is the autoscaler's pool list, or nil when the autoscaler
// is off (its entries are then ignored, so no rule judges them).
func autoscaledPools(c *Context) []model.AutoscaledPool {
	if a := c.Spec.Operations.Autoscaler; a.Enabled {
		return a.Pools
	}
	return nil
}

// minorLess reports whether major.minor version a is older than b; an
// unparsable version is never older.
func minorLess(a, b string) bool {
	am, an, ok1 := parseMinor(a)
	bm, bn, ok2 := parseMinor(b)
	if !ok1 || !ok2 {
		return false
	}
	return am < bm || am == bm && an < bn
}
