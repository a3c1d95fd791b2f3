package wizard

import (
	"errors"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
)

// Step 10, CI/CD and operations: how code becomes a running container (seed
// slides 16–17: Plan → Code → Build → Test → Release → Operate → Monitor),
// how images are kept safe (Vulnerability Advisor, signatures, your own key
// for the cluster's Secrets — seed slide 4), and day two: upgrades (seed
// slide 13), the cluster autoscaler and backups.

const (
	docRegistry   = "https://cloud.ibm.com/docs/Registry?topic=Registry-registry_overview"
	docVA         = "https://cloud.ibm.com/docs/Registry?topic=Registry-va_index"
	docEncryption = "https://cloud.ibm.com/docs/containers?topic=containers-encryption"
	docVersions   = "https://cloud.ibm.com/docs/containers?topic=containers-cs_versions"
	docUpdate     = "https://cloud.ibm.com/docs/containers?topic=containers-update"
	docAutoscaler = "https://cloud.ibm.com/docs/containers?topic=containers-ca"
	docUtilities  = "https://cloud.ibm.com/docs/containers?topic=containers-utilities"
	docCD         = "https://cloud.ibm.com/docs/ContinuousDelivery"
)

func registerOperations() {
	pages := []Page{{
		ID:    "pipeline",
		Title: "Pipeline",
		Description: "IBM's 2019 guidance (slides 16–17): Plan → Code → Build → Test → Release → Operate → Monitor. A commit " +
			"builds an image, tests it, pushes it to the registry and deploys it stage by stage.",
		Fields: func(c *Ctx) []huh.Field {
			ci := &c.D.Spec.CICD
			return []huh.Field{
				Choose(c, "spec.cicd.git", "Where is the code?", &ci.Git, model.GitProvider("").Choices()),
				Choose(c, "spec.cicd.pipeline", "What runs the pipelines?", &ci.Pipeline, model.PipelineTool("").Choices()),
			}
		},
	}, {
		ID:          "registry",
		Title:       "Container Registry",
		Description: "IBM Cloud Container Registry keeps the images next to the cluster; the cluster pulls them privately.",
		Fields: func(c *Ctx) []huh.Field {
			ci := &c.D.Spec.CICD
			return []huh.Field{
				Pick(c, "spec.cicd.registry.region", "Registry region", "the regional registry the images live in",
					&ci.Registry.Region, registryOpts(c)).Height(8),
				Suggest(c, Input(c, "spec.cicd.registry.namespace", "Registry namespace",
					"4–30 lowercase letters, digits, hyphens and underscores; e.g. the application's name",
					&ci.Registry.Namespace, model.ValidateRegistryNamespace), registryNSSuggestion(c)),
				YesNo(c, "spec.cicd.vulnerabilityScanning", "Block releases with known vulnerabilities?",
					"Vulnerability Advisor v4 scans every pushed image; the pipeline stops on findings", &ci.VulnerabilityScanning),
			}
		},
		Live: registryLive,
	}}
	pages = append(pages, stageList().Pages()...)
	pages = append(pages, Page{
		ID:    "deployer",
		Title: "Deployer",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{Input(c, "spec.cicd.deployerServiceAccount", "Deployer service account",
				"the Kubernetes service account the pipeline deploys with", &c.D.Spec.CICD.DeployerServiceAccount,
				model.ValidateDNSLabel)}
		},
		Live: func(c *Ctx) string {
			var ns []string
			for _, s := range c.D.Spec.CICD.Stages {
				if s.Namespace != "" && !slices.Contains(ns, s.Namespace) {
					ns = append(ns, s.Namespace)
				}
			}
			if len(ns) == 0 {
				return wrapTo(liveMuted(c, c.tr("no stages yet: the account gets no Role")), c.Width)
			}
			return wrapTo(c.trf("a Role to deploy in %s and nothing else — not cluster-admin", strings.Join(ns, ", ")), c.Width)
		},
	}, Page{
		ID:    "upgrades",
		Title: "Upgrades",
		Description: "IBM's 2019 guidance (slide 13): when version n is released IBM supports n, n-1 and n-2; older versions are " +
			"deprecated, then unsupported. Updates are yours to schedule.",
		Fields: func(c *Ctx) []huh.Field {
			u := &c.D.Spec.Operations.Upgrades
			return []huh.Field{
				Pick(c, "spec.operations.upgrades.maxMinorsBehind", "How far behind the newest version may the master fall?",
					"the runbook and rules hold the cluster to it", &u.MaxMinorsBehind, []Opt[int]{
						{Value: 0, Label: "0: always the newest (n)", Help: "newest features; update soon after each release"},
						{Value: 1, Label: "1: one minor behind (n-1)", Help: "time to test each release first, and a minor of slack before support ends"},
						{Value: 2, Label: "2: two behind (n-2)", Help: "the oldest supported minor: no slack when n+1 arrives and n-2 is deprecated"},
					}),
				Number(c, "spec.operations.upgrades.workerPatchDays", "Apply worker fix packs every … days",
					"IBM releases worker fix packs every 14 days", &u.WorkerPatchDays, 1, 90, false),
				Example(c, Input(c, "spec.operations.upgrades.maintenanceWindow", "Maintenance window",
					"free text, e.g. Sun 02:00-05:00 JST; empty: none agreed yet", &u.MaintenanceWindow, model.ValidateFreeText), "Sun 02:00-05:00 JST"),
				YesNo(c, "spec.operations.upgrades.albAutoUpdate", "Let IBM update the Ingress ALBs automatically?",
					"IBM rolls out ALB fixes; no: you pin and update versions yourself", &u.ALBAutoUpdate),
			}
		},
		Live: upgradesLive,
	}, Page{
		ID:    "autoscaler",
		Title: "Cluster autoscaler",
		Description: "The managed cluster-autoscaler add-on adds workers when pods cannot be scheduled and removes " +
			"idle ones, between a minimum and a maximum per zone for each pool.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{YesNo(c, "spec.operations.autoscaler.enabled", "Use the cluster autoscaler?",
				"for load that changes over the day or week", &c.D.Spec.Operations.Autoscaler.Enabled)}
		},
	})
	pages = append(pages, autoscaledPoolList().Pages()...)
	pages = append(pages, Page{
		ID:    "backups",
		Title: "Backups",
		Description: "IBM's 2019 guidance (slides 11 and 23): Cloud Databases back themselves up to cross-region Object Storage. " +
			"Volumes in the cluster need a backup of their own.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{Choose(c, "spec.operations.backups.method", "How are volumes backed up?",
				&c.D.Spec.Operations.Backups.Method, model.BackupMethod("").Choices())}
		},
		Live: func(c *Ctx) string {
			n := len(c.D.Spec.Storage.Volumes)
			if c.D.Spec.Operations.Backups.Method == model.BackupNone && n > 0 {
				return wrapTo(liveWarn(c, c.trf("%d %s in the design and no backup", n, c.tr(plural(n, "volume")))), c.Width)
			}
			return ""
		},
	}, Page{
		ID:    "backup-details",
		Title: "Backup target and schedule",
		Skip:  func(c *Ctx) bool { return c.D.Spec.Operations.Backups.Method == model.BackupNone },
		Fields: func(c *Ctx) []huh.Field {
			b := &c.D.Spec.Operations.Backups
			var bucket huh.Field
			if opts := backupBucketOpts(c); len(opts) > 0 {
				bucket = Pick(c, "spec.operations.backups.bucket", "Bucket", "the Object Storage bucket that receives the backups",
					&b.Bucket, opts)
			} else {
				bucket = Suggest(c, Input(c, "spec.operations.backups.bucket", "Bucket",
					"no bucket in Storage yet: name one here and add it there", &b.Bucket, model.ValidateBucketName), suggestName(c, "backups"))
			}
			return []huh.Field{
				bucket,
				// Empty is refused (validateCronIn), so 03:00 daily is an
				// answer to take, not a sample.
				Suggest(c, Input(c, "spec.operations.backups.schedule", "Schedule (cron)",
					"minute hour day month weekday, e.g. 0 3 * * * for 03:00 daily", &b.Schedule, func(s string) error { return validateCronIn(c, s) }),
					"0 3 * * *"),
				Number(c, "spec.operations.backups.retentionDays", "Keep backups for … days",
					"long enough to notice a mistake and restore before it", &b.RetentionDays, 1, 3650, false),
			}
		},
		Live: func(c *Ctx) string {
			for _, bk := range c.D.Spec.Storage.ObjectStorage.Buckets {
				if bk.Name == c.D.Spec.Operations.Backups.Bucket && bk.Resiliency != model.ResiliencyCrossRegion {
					return wrapTo(liveWarn(c, c.trf("%s is %s: IBM's 2019 guidance (slide 11) keeps backups cross-region", bk.Name, c.tr(bk.Resiliency.Label()))), c.Width)
				}
			}
			return ""
		},
	})

	Register(Step{ID: StepOperations, Title: "CI/CD and operations", Areas: []string{"operations"}, Pages: pages})
	RegisterWhy(operationsWhys()...)
}

// registryOpts lists the regional registries, the cluster's own first.
func registryOpts(c *Ctx) []Opt[string] {
	own, _ := c.Cat.RegistryRegion(c.D.Spec.Region)
	served := map[string][]string{}
	var order []string
	for _, r := range c.Cat.Registries.Items {
		prefix, _, _ := strings.Cut(r.Domain, ".")
		if _, ok := served[prefix]; !ok {
			order = append(order, prefix)
		}
		served[prefix] = append(served[prefix], r.Region)
	}
	if !slices.Contains(order, own) {
		order = append(order, own)
	}
	opts := []Opt[string]{{Value: own, Label: c.trf("%s (the cluster's region)", c.Cat.RegistryHost(own)),
		Help: "images next to the cluster: fast, private pulls and no cross-region traffic"}}
	for _, p := range order {
		if p == own {
			continue
		}
		help := c.trf("serves %s", strings.Join(served[p], ", "))
		opts = append(opts, Opt[string]{Value: p, Label: c.Cat.RegistryHost(p), Help: help})
	}
	return append(opts, Opt[string]{Value: "global", Label: c.trf("%s (global)", c.Cat.RegistryHost("global")),
		Help: "IBM's global registry: its public images; keep your own images in a regional one"})
}

// registryLive shows where images come from and where they go.
func registryLive(c *Ctx) string {
	s := c.Spec()
	r := s.CICD.Registry
	host := c.Cat.RegistryHost(r.Region)
	ns := r.Namespace
	if ns == "" {
		ns = "NAMESPACE"
	}
	lines := []string{c.trf("images: %s", liveCode(c, host+"/"+ns+"/IMAGE:TAG"))}
	if want, ok := c.Cat.RegistryRegion(s.Region); ok && s.Region != "" && r.Region != "" && r.Region != want && r.Region != "global" {
		lines = append(lines, liveWarn(c, c.trf("images from %s but the cluster is in %s (%s): pulls cross geographies", host, s.Region, c.Cat.RegistryHost(want))))
	}
	if s.IsVPC() && s.Network.VPC.BlocksOutbound() {
		lines = append(lines, liveMuted(c, c.tr("Secure by Default: workers pull from the registry's private endpoint")))
	}
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// registryNSSuggestion derives a registry namespace from the cluster name.
func registryNSSuggestion(c *Ctx) string {
	n := strings.ToLower(c.D.Metadata.Name)
	if i := strings.IndexAny(n, ".-"); i > 3 {
		n = n[:i]
	}
	if model.ValidateRegistryNamespace(n) != nil {
		return "shop"
	}
	return n
}

// upgradesLive compares the design's version with the newest in the catalog.
func upgradesLive(c *Ctx) string {
	s := c.Spec()
	u := s.Operations.Upgrades
	newest := -1
	for _, v := range c.Cat.Versions.Items {
		if m, ok := kubeMinor(v.Version); ok && m > newest {
			newest = m
		}
	}
	cur, ok := kubeMinor(s.KubernetesVersion)
	if !ok || newest < 0 {
		return ""
	}
	behind := newest - cur
	line := c.trf("Kubernetes %s; newest 1.%d: %d %s behind, the policy allows %d",
		s.KubernetesVersion, newest, behind, c.tr(plural(behind, "minor")), u.MaxMinorsBehind)
	if behind > u.MaxMinorsBehind {
		line = liveWarn(c, c.trf("%s: plan the update (one minor at a time)", line))
	}
	lines := []string{line}
	if u.WorkerPatchDays > 14 {
		lines = append(lines, liveWarn(c, c.trf("fix packs every %d days: workers run up to %d days behind IBM's security patches", u.WorkerPatchDays, u.WorkerPatchDays)))
	}
	cmd := "ibmcloud ks worker replace --update"
	if s.IsClassic() {
		cmd = "ibmcloud ks worker update"
	}
	lines = append(lines, liveMuted(c, c.trf("workers are patched with `%s`, one zone at a time", cmd)))
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// ---- release stages --------------------------------------------------------

func stageList() List[model.Stage] {
	return List[model.Stage]{
		ID: "stages",
		Texts: ListTexts{
			Add:          "Add a stage",
			Remove:       "Remove a stage",
			RemoveOption: "Remove a stage…",
			Which:        "Which stage?",
			Help:         "edit, add or remove a stage; done when the list is right",
		},
		Title: "Release stages",
		Description: "IBM's 2019 guidance (slide 16): the CD pipeline deploys to dev and staging, then production. Each stage " +
			"deploys into one namespace; a person approves where it matters.",
		Items: func(d *model.Design) *[]model.Stage { return &d.Spec.CICD.Stages },
		Label: func(c *Ctx, s *model.Stage) string {
			l := c.tr(orUnnamed(s.Name)) + " → " + c.tr(orUnnamed(s.Namespace))
			if s.Approval {
				l += c.tr(" (approval)")
			}
			return l
		},
		New:   func(*Ctx) model.Stage { return model.Stage{} },
		Live:  stagesLive,
		After: "deployer",
		ItemPages: []ItemPage[model.Stage]{{
			ID:    "stage",
			Title: "Stage",
			Fields: func(c *Ctx, s *model.Stage, _ int) []huh.Field {
				return []huh.Field{
					Example(c, Input(c, "spec.cicd.stages[*].name", "Stage name", "e.g. dev, staging, production", &s.Name,
						model.ValidateDNSLabel), "staging"),
					SuggestFunc(c, Input(c, "spec.cicd.stages[*].namespace", "Namespace", "where this stage deploys", &s.Namespace,
						model.ValidateNamespace), func() string { return stageNamespaceSuggestion(c, s) }, &s.Name),
					YesNo(c, "spec.cicd.stages[*].approval", "A person approves before it deploys?",
						"yes for production: the pipeline waits for a sign-off", &s.Approval),
				}
			},
			Validate: func(c *Ctx, s *model.Stage, i int) error {
				return uniqueName(c.D.Spec.CICD.Stages, i, "a stage named %s already exists", func(x model.Stage) string { return x.Name })
			},
		}},
	}
}

// stagesLive draws the seed's pipeline with the design's stages in Release.
func stagesLive(c *Ctx) string {
	var rel []string
	for _, s := range c.D.Spec.CICD.Stages {
		n := c.tr(orUnnamed(s.Name))
		if s.Approval {
			n += "*"
		}
		rel = append(rel, n)
	}
	// The seed's release path (slides 16–17), its Release step naming
	// the design's stages.
	release := c.tr("Release")
	if len(rel) > 0 {
		release = c.trf("Release (%s)", strings.Join(rel, " → "))
	}
	out := c.trf("Plan → Code → Build → Test → %s → Operate → Monitor", release)
	if len(rel) > 0 && strings.Contains(out, "*") {
		out += "\n" + liveMuted(c, c.tr("* a person approves"))
	}
	return wrapTo(out, c.Width)
}

// ---- autoscaled pools ------------------------------------------------------

func autoscaledPoolList() List[model.AutoscaledPool] {
	return List[model.AutoscaledPool]{
		ID: "autoscale",
		Texts: ListTexts{
			Add:          "Add an autoscaled pool",
			Remove:       "Remove an autoscaled pool",
			RemoveOption: "Remove an autoscaled pool…",
			Which:        "Which autoscaled pool?",
			Help:         "edit, add or remove an autoscaled pool; done when the list is right",
		},
		Title: "Autoscaled worker pools",
		Description: "Per pool, the fewest and most workers in each zone. Keep at least 2 per zone so the Ingress " +
			"ALB pods can spread, and never resize or rebalance an autoscaled pool by hand.",
		Items: func(d *model.Design) *[]model.AutoscaledPool { return &d.Spec.Operations.Autoscaler.Pools },
		Label: func(c *Ctx, p *model.AutoscaledPool) string {
			return c.trf("%s · %d–%d per zone", c.tr(orUnnamed(p.Pool)), p.MinPerZone, p.MaxPerZone)
		},
		New: func(c *Ctx) model.AutoscaledPool {
			p := model.AutoscaledPool{MinPerZone: 2, MaxPerZone: 4}
			for _, wp := range c.D.Spec.WorkerPools {
				if !slices.ContainsFunc(c.D.Spec.Operations.Autoscaler.Pools, func(a model.AutoscaledPool) bool { return a.Pool == wp.Name }) {
					p.Pool = wp.Name
					if wp.WorkersPerZone > 2 {
						p.MinPerZone, p.MaxPerZone = wp.WorkersPerZone, 2*wp.WorkersPerZone
					}
					break
				}
			}
			return p
		},
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Operations.Autoscaler.Enabled },
		After: "backups",
		ItemPages: []ItemPage[model.AutoscaledPool]{{
			ID:    "pool",
			Title: "Autoscaled pool",
			Fields: func(c *Ctx, p *model.AutoscaledPool, _ int) []huh.Field {
				var opts []Opt[string]
				for _, wp := range c.D.Spec.WorkerPools {
					size := c.tr("sized by the sizing step")
					if wp.WorkersPerZone > 0 {
						size = c.trf("%d per zone today", wp.WorkersPerZone)
					}
					opts = append(opts, Opt[string]{Value: wp.Name, Label: wp.Name, Help: wp.Flavor + " · " + size})
				}
				return []huh.Field{
					Pick(c, "spec.operations.autoscaler.pools[*].pool", "Worker pool", "a pool of the hardware step", &p.Pool, opts),
					Number(c, "spec.operations.autoscaler.pools[*].minPerZone", "Fewest workers per zone",
						"2 or more keeps two ALB pods apart", &p.MinPerZone, 1, 250, false),
					Number(c, "spec.operations.autoscaler.pools[*].maxPerZone", "Most workers per zone",
						"the cost ceiling; 500 workers per region is IBM's default quota", &p.MaxPerZone, 1, 250, false),
				}
			},
			Validate: func(c *Ctx, p *model.AutoscaledPool, i int) error {
				if p.MinPerZone > p.MaxPerZone {
					return errors.New(c.trf("the minimum (%d) is above the maximum (%d)", p.MinPerZone, p.MaxPerZone))
				}
				return uniqueName(c.D.Spec.Operations.Autoscaler.Pools, i, "an autoscaled pool named %s already exists", func(x model.AutoscaledPool) string { return x.Pool })
			},
			Live: func(c *Ctx, p *model.AutoscaledPool) string {
				zones := max(len(c.D.Spec.Zones), 1)
				line := c.trf("%d zones: %d to %d workers in all", zones, zones*p.MinPerZone, zones*p.MaxPerZone)
				lines := []string{line}
				if p.MinPerZone < 2 && c.D.Spec.Network.Ingress.PublicALB {
					lines = append(lines, liveWarn(c, c.tr("below 2 per zone the public ALB pods cannot spread over two workers")))
				}
				lines = append(lines, liveMuted(c, c.tr("do not run `ibmcloud ks worker-pool resize` or `rebalance` on it: the autoscaler owns its size")))
				return wrapTo(strings.Join(lines, "\n"), c.Width)
			},
		}},
	}
}

// ---- backups ---------------------------------------------------------------

// backupBucketOpts are the design's buckets, cross-region first.
func backupBucketOpts(c *Ctx) []Opt[string] {
	var first, rest []Opt[string]
	for _, b := range c.D.Spec.Storage.ObjectStorage.Buckets {
		o := Opt[string]{Value: b.Name, Label: b.Name, Help: c.tr(b.Resiliency.Label()) + " · " + c.tr(b.Class.Label())}
		if b.Resiliency == model.ResiliencyCrossRegion {
			o.Help += c.tr(" · survives a region loss")
			first = append(first, o)
		} else {
			rest = append(rest, o)
		}
	}
	return append(first, rest...)
}

var cronFieldRE = lazyre.New(`^[0-9A-Za-z*/,?-]+$`)

// validateCronIn accepts a five-field cron expression or a @macro; its
// errors speak the wizard's language.
func validateCronIn(c *Ctx, s string) error {
	s = strings.TrimSpace(s)
	switch s {
	case "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually":
		return nil
	}
	f := strings.Fields(s)
	if len(f) != 5 {
		return errors.New(c.trf("%q is not a cron schedule: five fields, minute hour day month weekday, e.g. 0 3 * * *", s))
	}
	for _, x := range f {
		if !cronFieldRE.MatchString(x) {
			return errors.New(c.trf("%q is not a cron field", x))
		}
	}
	return nil
}

func operationsWhys() []Why {
	return []Why{{
		Key: "spec.cicd.git",
		Text: "IBM's 2019 guidance (slides 16–17): Plan and Code happen in Git (GitLab in 2019): issues, reviews, and the commit " +
			"or pull-request hook that starts the CI pipeline.",
		Doc: docCD,
	}, {
		Key: "spec.cicd.pipeline",
		Text: "IBM's 2019 guidance (slide 17) ran Build, Test and Release in IBM's Delivery Pipeline; today that is IBM Continuous " +
			"Delivery with Tekton pipelines. GitHub Actions or GitLab CI keep pipelines next to the code; the " +
			"runbook's deploy step works with any of them.",
		Alternatives: "Jenkins when a team already runs it.",
		Doc:          docCD,
	}, {
		Key: "spec.cicd.registry.region",
		Text: "IBM's 2019 guidance (slides 15–17) put the Container Registry between Build and Release. A registry in the cluster's own " +
			"region (its host is the first choice below, read from the catalog) keeps pulls fast and private; the cluster's pull secrets for {registry} are " +
			"created automatically.",
		Doc: docRegistry,
	}, {
		Key: "spec.cicd.registry.namespace",
		Text: "A registry namespace groups an application's images (REGISTRY/NAMESPACE/IMAGE) and is where access " +
			"policies and retention apply. Namespace names are unique within a registry region.",
		Doc: docRegistry,
	}, {
		Key: "spec.cicd.vulnerabilityScanning",
		Text: "IBM's 2019 guidance (slide 4): Vulnerability Advisor inspects container images for known vulnerabilities. Version 4 is " +
			"the default since v3 was deprecated in June 2023; the pipeline checks its report and stops a release " +
			"with open findings.",
		Alternatives: "A scanner in the pipeline (Trivy, Grype) does the same outside IBM Cloud.",
		Doc:          docVA,
	}, {
		Key: "spec.cicd.stages[*].name",
		Text: "The CD pipeline of IBM's 2019 guidance (slide 16) releases to Dev and Stage, then Production, with Operate and Monitor " +
			"after. Each stage is an environment the release passes through in order.",
		Doc: docCD,
	}, {
		Key: "spec.cicd.stages[*].namespace",
		Text: "Each stage deploys into its own namespace of this cluster; the deployer's Role is limited to these " +
			"namespaces, and the namespaces get their quotas and policies from the design.",
		Doc: docCD,
	}, {
		Key:  "spec.cicd.stages[*].approval",
		Text: "The \"LGTM!\" of IBM's 2019 guidance (slide 16): a person reviews before production. The pipeline waits for that sign-off.",
		Doc:  docCD,
	}, {
		Key: "spec.cicd.deployerServiceAccount",
		Text: "The pipeline deploys with a Kubernetes service account that may only change its stages' namespaces " +
			"(one Role each), never with a person's cluster-admin credentials.",
		Doc: docCD,
	}, {
		Key: "spec.operations.upgrades.maxMinorsBehind",
		Text: "IBM's 2019 guidance (slide 13): when IBM releases version n it supports n, n-1 and n-2; n-3 is deprecated, then " +
			"unsupported, and an unsupported cluster cannot create or repair workers. The master updates one minor " +
			"at a time, so a cluster that falls behind needs several updates in a row. One behind leaves time to " +
			"test a release and a minor of slack.",
		Alternatives: "0 keeps you on the newest; 2 sits on the oldest supported minor with no slack.",
		Doc:          docVersions,
	}, {
		Key: "spec.operations.upgrades.workerPatchDays",
		Text: "IBM applies master patches itself, but worker fix packs (OS and Kubernetes patches) come every 14 days " +
			"and you apply them: `worker replace --update` on VPC, `worker update` on classic — one zone at a time, " +
			"so a multizone cluster keeps serving.",
		Doc: docUpdate,
	}, {
		Key:  "spec.operations.upgrades.maintenanceWindow",
		Text: "When updates may disrupt: agreed with the application owners and written in the design document.",
		Doc:  docUpdate,
	}, {
		Key: "spec.operations.upgrades.albAutoUpdate",
		Text: "IBM updates the Ingress ALBs automatically by default. Turning it off pins the ALB version: you must " +
			"track and apply ALB updates yourself (`ibmcloud ks ingress alb update`).",
		Doc: docUpdate,
	}, {
		Key: "spec.operations.autoscaler.enabled",
		Text: "The managed cluster-autoscaler add-on (`ibmcloud ks cluster addon enable cluster-autoscaler`) grows a " +
			"pool when pods cannot be scheduled and shrinks it when workers are idle, within the limits you set per " +
			"zone (ConfigMap iks-ca-configmap). Pods need resource requests for it to work.",
		Alternatives: "Fixed pool sizes from the sizing step: predictable cost, no reaction to load.",
		Doc:          docAutoscaler,
	}, {
		Key:  "spec.operations.autoscaler.pools[*].pool",
		Text: "Each autoscaled pool is named in the autoscaler's workerPoolsConfig. Do not `worker-pool resize` or `rebalance` it by hand afterwards: the autoscaler owns its size.",
		Doc:  docAutoscaler,
	}, {
		Key: "spec.operations.autoscaler.pools[*].minPerZone",
		Text: "The fewest workers per zone. IBM advises at least 2 per zone so the ALB pods can spread (unless the " +
			"public ALBs are off); below the sizing step's number, a zone loss may leave too little capacity.",
		Doc: docAutoscaler,
	}, {
		Key:  "spec.operations.autoscaler.pools[*].maxPerZone",
		Text: "The most workers per zone: the cost ceiling. IBM's default quota is 500 workers per region and infrastructure.",
		Doc:  docAutoscaler,
	}, {
		Key: "spec.operations.backups.method",
		Text: "IBM's 2019 guidance (slides 11 and 23): Cloud Databases back up automatically to cross-region Object Storage; data in " +
			"block and file volumes is yours to save. IBM Cloud Backup and Recovery backs up namespaces and volumes " +
			"through a connector in the cluster; the ibmcloud-backup-restore Helm chart copies volumes to Object Storage.",
		Alternatives: "None is right when all state lives in managed services.",
		Doc:          docUtilities,
	}, {
		Key:  "spec.operations.backups.bucket",
		Text: "Backups belong in a cross-region bucket (IBM's 2019 guidance, slide 11), so they survive the loss of the region they protect.",
		Doc:  docUtilities,
	}, {
		Key:  "spec.operations.backups.schedule",
		Text: "A cron schedule in the cluster's time zone (UTC unless set): outside the busiest hours and away from the maintenance window.",
		Doc:  docUtilities,
	}, {
		Key:  "spec.operations.backups.retentionDays",
		Text: "Long enough to notice a bad change or a deletion and restore from before it; weekly and monthly copies cover the rest.",
		Doc:  docUtilities,
	}}
}

// stageNamespaceSuggestion follows the stage's name as it is typed: the
// design's namespace of that name, or one that contains it (shop-dev for
// dev), else <cluster>-<stage>; nothing before a name is typed, and never
// a namespace another stage deploys to.
func stageNamespaceSuggestion(c *Ctx, s *model.Stage) string {
	name := strings.TrimSpace(s.Name)
	if name == "" || model.ValidateDNSLabel(name) != nil {
		return ""
	}
	used := func(ns string) bool {
		for i := range c.D.Spec.CICD.Stages {
			if x := &c.D.Spec.CICD.Stages[i]; x != s && x.Namespace == ns {
				return true
			}
		}
		return false
	}
	var candidates []string
	for _, ns := range c.D.Spec.Namespaces {
		if ns.Name == name {
			candidates = append([]string{ns.Name}, candidates...)
		} else if slices.Contains(strings.Split(ns.Name, "-"), name) {
			candidates = append(candidates, ns.Name)
		}
	}
	for _, ns := range candidates {
		if !used(ns) {
			return ns
		}
	}
	return freeName(used, suggestName(c, name))
}
