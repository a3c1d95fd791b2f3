package wizard

import (
	"errors"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Step 6, Storage: where persistent data lives. The seed deck's advice
// (slides 21–23) still holds: keep state in services that span zones —
// Object Storage, Cloud Databases, Cloudant, Portworx — and treat block and
// file volumes as bound to one zone. Backups are asked in Operations.

// zoneBoundCaveat is what a zone-bound storage class means for a pod (seed
// slides 21–22), shown as the class is highlighted.
const zoneBoundCaveat = "zone-bound: a pod using this volume cannot move to another zone; " +
	"in a multizone cluster prefer metro classes / COS / Cloud Databases / Portworx"

func registerStorage() {
	pages := []Page{{
		ID:    "objects",
		Title: "Object Storage",
		Description: "IBM's 2019 guidance (slides 21–22): in a multizone cluster keep state in services that span zones — " +
			"Object Storage, Cloud Databases, Cloudant or Portworx. Block and file volumes stay in one zone.",
		Fields: func(c *Ctx) []huh.Field {
			cos := &c.D.Spec.Storage.ObjectStorage
			return []huh.Field{
				YesNo(c, "spec.storage.objectStorage.enabled", "Use IBM Cloud Object Storage?",
					"buckets spread over the region's zones; the usual place for files, assets and backups", &cos.Enabled),
			}
		},
		Live: storageOverview,
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}, {
		ID:          "objects-instance",
		Title:       "Object Storage instance",
		Description: "One Cloud Object Storage instance holds every bucket of the cluster.",
		Skip:        func(c *Ctx) bool { return !c.D.Spec.Storage.ObjectStorage.Enabled },
		Fields: func(c *Ctx) []huh.Field {
			cos := &c.D.Spec.Storage.ObjectStorage
			return []huh.Field{
				Input(c, "spec.storage.objectStorage.instanceName", "Instance name",
					"the Cloud Object Storage service instance to create or reuse", &cos.InstanceName, model.ValidateInstanceName),
			}
		},
	}}
	pages = append(pages, bucketList().Pages()...)
	pages = append(pages, databaseList().Pages()...)
	pages = append(pages, Page{
		ID:    "cloudant",
		Title: "Cloudant",
		Description: "IBM's 2019 guidance (slide 22) names Cloudant among the multizone database services: a JSON document " +
			"store with the CouchDB API, replicated across the region's zones.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{
				YesNo(c, "spec.storage.cloudant.enabled", "Use IBM Cloudant?",
					"document data the application reads and writes over HTTP", &c.D.Spec.Storage.Cloudant.Enabled),
			}
		},
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}, Page{
		ID:    "cloudant-details",
		Title: "Cloudant instance",
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Storage.Cloudant.Enabled },
		Fields: func(c *Ctx) []huh.Field {
			cl := &c.D.Spec.Storage.Cloudant
			return []huh.Field{
				Input(c, "spec.storage.cloudant.instanceName", "Instance name", "the Cloudant service instance",
					&cl.InstanceName, model.ValidateInstanceName),
				Pick(c, "spec.storage.cloudant.plan", "Plan", "the Cloudant service plan", &cl.Plan, cloudantPlans(c)),
				Input(c, "spec.storage.cloudant.bindNamespace", "Bind credentials into namespace",
					"a Secret with the credentials in this namespace; empty: no binding", &cl.BindNamespace,
					Optional(model.ValidateNamespace)),
			}
		},
	}, Page{
		ID:    "portworx",
		Title: "Portworx",
		Description: "IBM's 2019 guidance (slide 22): software-defined storage that replicates volumes across zones, so a pod can " +
			"move to another zone with its data. It needs a licence and, on classic, bare-metal storage workers.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{
				YesNo(c, "spec.storage.portworx.enabled", "Use Portworx?",
					"a licensed add-on from the IBM Cloud catalog; for databases you run yourself in the cluster",
					&c.D.Spec.Storage.Portworx.Enabled),
			}
		},
		Live: portworxLive,
	})
	pages = append(pages, volumeList().Pages()...)
	pages = append(pages, Page{
		ID:    "iaas",
		Title: "Database on IaaS",
		Description: "IBM's 2019 guidance (slide 21): a database you install yourself on virtual or bare-metal servers, " +
			"reached from the cluster over the private network.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{
				YesNo(c, "spec.storage.databaseOnIaaS.enabled", "Does the cluster use a database you run on servers?",
					"e.g. an existing Oracle or Db2 on bare metal; you own its HA, backups and patches",
					&c.D.Spec.Storage.DatabaseOnIaaS.Enabled),
			}
		},
	}, Page{
		ID:    "iaas-details",
		Title: "Database on IaaS",
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Storage.DatabaseOnIaaS.Enabled },
		Fields: func(c *Ctx) []huh.Field {
			db := &c.D.Spec.Storage.DatabaseOnIaaS
			return []huh.Field{
				Input(c, "spec.storage.databaseOnIaaS.engine", "Which database?",
					"one line, e.g. \"Oracle 19c on bare metal\"", &db.Engine, requiredText),
				Example(c, Input(c, "spec.storage.databaseOnIaaS.privateCIDR", "Its private network",
					"the IPv4 CIDR of its private subnet, e.g. 10.130.0.0/24; empty: not known yet", &db.PrivateCIDR,
					Optional(validateCIDR)), "10.130.0.0/24"),
			}
		},
	})

	Register(Step{ID: StepStorage, Title: "Storage", Areas: []string{"storage"}, Pages: pages})
	RegisterWhy(storageWhys()...)
}

// storageOverview is the live picture of where the design keeps its data.
func storageOverview(c *Ctx) string {
	st := &c.D.Spec.Storage
	var on []string
	if st.ObjectStorage.Enabled {
		on = append(on, "Object Storage")
	}
	if n := len(st.Databases); n > 0 {
		on = append(on, c.trn(n, "%d Cloud Database", "%d Cloud Databases", n))
	}
	if st.Cloudant.Enabled {
		on = append(on, "Cloudant")
	}
	if st.Portworx.Enabled {
		on = append(on, "Portworx")
	}
	var b strings.Builder
	if len(on) > 0 {
		b.WriteString(c.trf("multizone: %s", strings.Join(on, c.tr(", "))))
	} else {
		b.WriteString(liveMuted(c, c.tr("no multizone storage service chosen yet")))
	}
	zb := 0
	for _, v := range st.Volumes {
		if sc, ok := c.Cat.StorageClass(c.D.Spec.Infrastructure, v.StorageClass); ok && sc.ZoneBound && !sc.Metro && !sc.CrossZoneMount {
			zb++
		}
	}
	if zb > 0 {
		b.WriteString("\n" + liveWarn(c, c.trn(zb, "%d zone-bound volume", "%d zone-bound volumes", zb)))
	}
	if c.D.Spec.Multizone() {
		b.WriteString("\n" + liveMuted(c, c.trf("%d zones: a zone-bound volume and its pod stop when their zone does", len(c.D.Spec.Zones))))
	}
	return wrapTo(b.String(), c.Width)
}

// ---- Object Storage buckets ------------------------------------------------

func bucketList() List[model.Bucket] {
	return List[model.Bucket]{
		ID: "buckets",
		Texts: ListTexts{
			Add:          "Add a bucket",
			Remove:       "Remove a bucket",
			RemoveOption: "Remove a bucket…",
			Which:        "Which bucket?",
			Help:         "edit, add or remove a bucket; done when the list is right",
		},
		Title: "Object Storage buckets",
		Description: "Bucket names are global across IBM Cloud. IBM's 2019 guidance (slide 11): backups go to a cross-region " +
			"bucket, so they survive the loss of the whole region.",
		Items: func(d *model.Design) *[]model.Bucket { return &d.Spec.Storage.ObjectStorage.Buckets },
		Label: func(c *Ctx, b *model.Bucket) string {
			return c.tr(orUnnamed(b.Name)) + " · " + c.tr(b.Resiliency.Label()) + " · " + c.tr(b.Class.Label())
		},
		New: func(*Ctx) model.Bucket {
			return model.Bucket{Resiliency: model.ResiliencyRegional, Class: model.BucketSmart}
		},
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Storage.ObjectStorage.Enabled },
		After: "databases",
		ItemPages: []ItemPage[model.Bucket]{{
			ID:    "bucket",
			Title: "Bucket",
			Fields: func(c *Ctx, b *model.Bucket, _ int) []huh.Field {
				return []huh.Field{
					Suggest(c, Input(c, "spec.storage.objectStorage.buckets[*].name", "Bucket name",
						"3–63 lowercase letters, digits, dots and hyphens; unique across all of IBM Cloud",
						&b.Name, model.ValidateBucketName), bucketNameSuggestion(c, b)),
					Choose(c, "spec.storage.objectStorage.buckets[*].resiliency", "Resiliency", &b.Resiliency,
						model.BucketResiliency("").Choices()),
					Choose(c, "spec.storage.objectStorage.buckets[*].class", "Storage class", &b.Class,
						model.BucketClass("").Choices()),
				}
			},
			Validate: func(c *Ctx, b *model.Bucket, i int) error {
				return uniqueName(c.D.Spec.Storage.ObjectStorage.Buckets, i, "a bucket named %s already exists", func(x model.Bucket) string { return x.Name })
			},
			Live: func(c *Ctx, b *model.Bucket) string {
				s := c.tr(map[model.BucketResiliency]string{
					model.ResiliencyCrossRegion: "survives: the loss of a zone or of the whole region",
					model.ResiliencyRegional:    "survives: the loss of one zone of the region",
					model.ResiliencySingleSite:  "survives: a disk or server failure only; one site",
				}[b.Resiliency])
				if b.Resiliency == model.ResiliencySingleSite && c.D.Spec.Multizone() {
					s = liveWarn(c, s+c.tr("; the multizone cluster outlives it"))
				}
				return wrapTo(s, c.Width)
			},
		}},
	}
}

// ---- Cloud Databases -------------------------------------------------------

func databaseList() List[model.DatabaseInstance] {
	return List[model.DatabaseInstance]{
		ID: "databases",
		Texts: ListTexts{
			Add:          "Add a Cloud Databases instance",
			Remove:       "Remove a Cloud Databases instance",
			RemoveOption: "Remove a Cloud Databases instance…",
			Which:        "Which Cloud Databases instance?",
			Help:         "edit, add or remove a Cloud Databases instance; done when the list is right",
		},
		Title: "IBM Cloud Databases",
		Description: "IBM's 2019 guidance (slide 23): fully managed databases, spread over the region's three zones by default " +
			"and backed up automatically to cross-region Object Storage.",
		Items: func(d *model.Design) *[]model.DatabaseInstance { return &d.Spec.Storage.Databases },
		Label: func(c *Ctx, db *model.DatabaseInstance) string {
			return c.tr(orUnnamed(db.Name)) + " · " + c.tr(db.Type.Label()) + " " + db.Plan
		},
		New: func(c *Ctx) model.DatabaseInstance {
			db := model.DatabaseInstance{PrivateEndpoint: true}
			if opts := databaseEngines(c); len(opts) > 0 {
				db.Type = opts[0].Value
				if svc, ok := c.Cat.Database(db.Type); ok && len(svc.Plans) > 0 {
					db.Plan = svc.Plans[0]
				}
			}
			return db
		},
		After: "cloudant",
		ItemPages: []ItemPage[model.DatabaseInstance]{{
			ID:    "database",
			Title: "Cloud Databases instance",
			Fields: func(c *Ctx, db *model.DatabaseInstance, _ int) []huh.Field {
				return []huh.Field{
					Suggest(c, Input(c, "spec.storage.databases[*].name", "Instance name",
						"the service instance name", &db.Name, model.ValidateInstanceName),
						databaseNameSuggestion(c, db)),
					Pick(c, "spec.storage.databases[*].type", "Engine", "the database the application speaks",
						&db.Type, databaseEngines(c)).Height(9),
				}
			},
			Validate: func(c *Ctx, db *model.DatabaseInstance, i int) error {
				return uniqueName(c.D.Spec.Storage.Databases, i, "a database named %s already exists", func(x model.DatabaseInstance) string { return x.Name })
			},
		}, {
			ID:    "plan",
			Title: "Plan and binding",
			Fields: func(c *Ctx, db *model.DatabaseInstance, _ int) []huh.Field {
				fitPlanToEngine(c.Cat, db)
				return []huh.Field{
					Pick(c, "spec.storage.databases[*].plan", "Plan", c.trf("the plans the catalog lists for %s", c.tr(db.Type.Label())),
						&db.Plan, databasePlans(c, db.Type)),
					Input(c, "spec.storage.databases[*].bindNamespace", "Bind credentials into namespace",
						"`ibmcloud ks cluster service bind` puts them in a Secret there; empty: no binding",
						&db.BindNamespace, Optional(model.ValidateNamespace)),
					YesNo(c, "spec.storage.databases[*].privateEndpoint", "Private endpoint only?",
						"database traffic stays on IBM's private network", &db.PrivateEndpoint),
				}
			},
			Live: func(c *Ctx, db *model.DatabaseInstance) string {
				svc, ok := c.Cat.Database(db.Type)
				if !ok {
					return ""
				}
				s := liveCode(c, svc.ServiceName) + " " + db.Plan
				if svc.Members > 0 {
					s += c.trf(" · %d members over the region's zones", svc.Members)
				}
				if svc.Note != "" {
					s += "\n" + liveMuted(c, c.tr(svc.Note))
				}
				if !db.PrivateEndpoint {
					s += "\n" + liveWarn(c, c.tr("public endpoint: credentials alone protect the database"))
				}
				return wrapTo(s, c.Width)
			},
		}},
	}
}

// databaseEngines are the model's engines the catalog offers.
func databaseEngines(c *Ctx) []Opt[model.DatabaseType] {
	var out []Opt[model.DatabaseType]
	for _, ch := range model.DatabaseType("").Choices() {
		svc, ok := c.Cat.Database(ch.Value)
		if !ok {
			continue
		}
		// NB: translated here, before the count is appended: Pick
		// translates a help only when it is one catalogue text.
		help := c.tr(ch.Help)
		if svc.Members > 0 {
			help += c.trf(" · %d members", svc.Members)
		}
		out = append(out, Opt[model.DatabaseType]{Value: ch.Value, Label: ch.Label, Help: help})
	}
	return out
}

// databasePlans are the catalog's plans of engine t.
func databasePlans(c *Ctx, t model.DatabaseType) []Opt[string] {
	svc, ok := c.Cat.Database(t)
	if !ok {
		return nil
	}
	out := make([]Opt[string], 0, len(svc.Plans))
	for _, p := range svc.Plans {
		// Check requires a note for every plan the catalog lists.
		help, _ := c.Cat.Databases.PlanNote(p)
		out = append(out, Opt[string]{Value: p, Label: p, Help: help})
	}
	return out
}

// fitPlanToEngine sets the first plan of the engine when the plan was
// chosen for another engine (the user changed the engine on the page
// before). A plan the catalog does not know at all is kept: the rules judge
// it.
func fitPlanToEngine(cat *catalog.Catalog, db *model.DatabaseInstance) {
	svc, ok := cat.Database(db.Type)
	if !ok || len(svc.Plans) == 0 || slices.Contains(svc.Plans, db.Plan) {
		return
	}
	known := db.Plan == ""
	for _, other := range cat.Databases.Items {
		if slices.Contains(other.Plans, db.Plan) {
			known = true
		}
	}
	if known {
		db.Plan = svc.Plans[0]
	}
}

// cloudantPlans offers the catalog's Cloudant plan and its free trial plan
// (Check requires both).
func cloudantPlans(c *Ctx) []Opt[string] {
	svc := c.Cat.MustService("cloudant")
	return []Opt[string]{
		{Value: svc.Plan, Label: svc.Plan, Help: "provisioned throughput you size; for production"},
		{Value: svc.TrialPlan, Label: svc.TrialPlan, Help: "free, small and throttled; for trying it out, not for production"},
	}
}

// portworxLive says what Portworx needs in this design.
func portworxLive(c *Ctx) string {
	s := c.Spec()
	if !s.Storage.Portworx.Enabled {
		return ""
	}
	lines := []string{c.tr("licence: Portworx is ordered from the IBM Cloud catalog and needs a licence (IBM's 2019 guidance, slide 22)")}
	if s.IsClassic() {
		bm := false
		for _, p := range s.WorkerPools {
			if p.Isolation == model.IsolationBareMetal {
				bm = true
			}
		}
		if bm {
			lines = append(lines, c.tr("classic: runs on the bare-metal storage workers (local disks, 10 Gbps)"))
		} else {
			lines = append(lines, liveWarn(c, c.tr("classic: needs a bare-metal (SDS) worker pool with local disks; virtual workers are too slow for production")))
		}
	} else {
		lines = append(lines, c.tr("VPC: Portworx creates and attaches its own block volumes (cloud drives)"))
	}
	if s.Multizone() {
		lines = append(lines, c.trf("replicas in %d zones: a volume survives the loss of its zone", len(s.Zones)))
	} else {
		lines = append(lines, liveWarn(c, c.tr("one zone: replicas stay in that zone; plan a multizone cluster")))
	}
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// ---- block and file volumes ------------------------------------------------

func volumeList() List[model.Volume] {
	return List[model.Volume]{
		ID: "volumes",
		Texts: ListTexts{
			Add:          "Add a volume",
			Remove:       "Remove a volume",
			RemoveOption: "Remove a volume…",
			Which:        "Which volume?",
			Help:         "edit, add or remove a volume; done when the list is right",
		},
		Title: "Block and file volumes",
		Description: "Persistent volume claims the applications need. IBM's 2019 guidance (slides 21–22): IaaS block and file " +
			"storage cannot cross zones, so in a multizone cluster use metro classes or a multizone service.",
		Items: func(d *model.Design) *[]model.Volume { return &d.Spec.Storage.Volumes },
		Label: func(c *Ctx, v *model.Volume) string {
			return c.trf("%s in %s · %s · %d GiB", c.tr(orUnnamed(v.Name)), c.tr(orUnnamed(v.Namespace)), v.StorageClass, v.SizeGiB)
		},
		New: func(c *Ctx) model.Volume {
			v := model.Volume{SizeGiB: 20, AccessMode: model.ReadWriteOnce}
			if len(c.D.Spec.Namespaces) > 0 {
				v.Namespace = c.D.Spec.Namespaces[0].Name
			}
			v.StorageClass = defaultStorageClass(c)
			return v
		},
		Live:  storageOverview,
		After: "iaas",
		ItemPages: []ItemPage[model.Volume]{{
			ID:    "volume",
			Title: "Volume",
			Fields: func(c *Ctx, v *model.Volume, _ int) []huh.Field {
				return []huh.Field{
					Example(c, Input(c, "spec.storage.volumes[*].name", "Claim name",
						"the PersistentVolumeClaim's name: lowercase letters, digits and hyphens", &v.Name, model.ValidateDNSLabel), "data"),
					Input(c, "spec.storage.volumes[*].namespace", "Namespace", "where the application using it runs",
						&v.Namespace, model.ValidateNamespace),
				}
			},
			Validate: func(c *Ctx, v *model.Volume, i int) error {
				for j, o := range c.D.Spec.Storage.Volumes {
					if j != i && o.Name == v.Name && o.Namespace == v.Namespace {
						return errors.New(c.trf("a volume %s already exists in namespace %s", v.Name, v.Namespace))
					}
				}
				return nil
			},
		}, {
			ID:    "class",
			Title: "Storage class",
			Description: "What each class means for zones shows as you move; the metro classes create the volume " +
				"in the zone where its pod is first scheduled.",
			Fields: func(c *Ctx, v *model.Volume, _ int) []huh.Field {
				return []huh.Field{
					Pick(c, "spec.storage.volumes[*].storageClass", "Storage class",
						c.trf("the Kubernetes storage classes IKS offers on %s", c.tr(c.D.Spec.Infrastructure.Label())),
						&v.StorageClass, storageClassOpts(c)).Height(10),
				}
			},
			Live: func(c *Ctx, v *model.Volume) string { return storageClassLive(c, v.StorageClass) },
		}, {
			ID:    "size",
			Title: "Size and access",
			Fields: func(c *Ctx, v *model.Volume, _ int) []huh.Field {
				sc, known := c.Cat.StorageClass(c.D.Spec.Infrastructure, v.StorageClass)
				modes := model.AccessMode("").Choices()
				if known && len(sc.AccessModes) > 0 {
					modes = slices.DeleteFunc(slices.Clone(modes), func(ch model.Choice[model.AccessMode]) bool {
						return !slices.Contains(sc.AccessModes, ch.Value)
					})
					if !slices.Contains(sc.AccessModes, v.AccessMode) {
						v.AccessMode = sc.AccessModes[0]
					}
				}
				return []huh.Field{
					Number(c, "spec.storage.volumes[*].sizeGiB", "Size (GiB)",
						"what the data needs now plus growth; block volumes can be expanded later, not shrunk",
						&v.SizeGiB, 1, 16000, false),
					Choose(c, "spec.storage.volumes[*].accessMode", "Access mode", &v.AccessMode, modes),
				}
			},
			Live: func(c *Ctx, v *model.Volume) string { return storageClassLive(c, v.StorageClass) },
		}},
	}
}

// defaultStorageClass is the class a new volume starts with: a metro block
// class where there is one (VPC), else the first class of the catalog.
func defaultStorageClass(c *Ctx) string {
	classes := c.Cat.StorageClassesFor(c.D.Spec.Infrastructure)
	for _, sc := range classes {
		if sc.Kind == catalog.StorageBlock && sc.Metro && !sc.Retain {
			return sc.Name
		}
	}
	for _, sc := range classes {
		if sc.Kind != catalog.StorageObject {
			return sc.Name
		}
	}
	return ""
}

// storageClassOpts lists the infrastructure's storage classes, each with
// what it means for zones.
func storageClassOpts(c *Ctx) []Opt[string] {
	classes := c.Cat.StorageClassesFor(c.D.Spec.Infrastructure)
	out := make([]Opt[string], 0, len(classes))
	for _, sc := range classes {
		out = append(out, Opt[string]{Value: sc.Name, Label: sc.Name, Help: storageClassSummary(c, sc)})
	}
	return out
}

// storageClassSummary is one line on a class: kind, zones, retention, in
// the run's language (the catalog's note too, when the catalogue has it).
func storageClassSummary(c *Ctx, sc catalog.StorageClass) string {
	parts := []string{c.tr(string(sc.Kind))}
	switch {
	case !sc.ZoneBound:
		parts = append(parts, c.tr("not zone-bound"))
	case sc.Metro:
		parts = append(parts, c.tr("metro: created in the pod's zone"))
	case sc.CrossZoneMount:
		parts = append(parts, c.tr("one zone, mountable from every zone"))
	default:
		parts = append(parts, c.tr("zone-bound"))
	}
	if sc.Retain {
		parts = append(parts, c.tr("kept after the claim is deleted"))
	}
	if sc.Note != "" {
		parts = append(parts, c.tr(sc.Note))
	}
	return strings.Join(parts, " · ")
}

// storageClassLive is the multizone caveat of the class, shown as it is
// chosen (seed slides 21–22).
func storageClassLive(c *Ctx, name string) string {
	sc, ok := c.Cat.StorageClass(c.D.Spec.Infrastructure, name)
	if !ok {
		return wrapTo(liveWarn(c, c.trf("%s is not a storage class IKS offers on %s", name, c.tr(c.D.Spec.Infrastructure.Label()))), c.Width)
	}
	mz := c.D.Spec.Multizone()
	var lines []string
	switch {
	case !sc.ZoneBound:
		lines = append(lines, c.tr("not zone-bound: the data survives the loss of a zone and pods may run in any zone"))
	case sc.Metro:
		lines = append(lines, c.tr("metro: the volume is created in the zone where its pod is first scheduled, so pods "+
			"spread over zones; each volume still lives in one zone"))
	case sc.CrossZoneMount:
		lines = append(lines, c.tr("one zone's file share that pods in every zone can mount; its data is lost with that zone"))
	default:
		line := c.tr(zoneBoundCaveat)
		if mz {
			line = liveWarn(c, line)
		} else {
			line += c.tr(" (one zone today; it matters when zones are added)")
		}
		lines = append(lines, line)
	}
	if sc.Retain {
		lines = append(lines, c.tr("retain: the disk and its data stay after the claim is deleted; remove them by hand"))
	}
	if sc.Plugin != "" {
		lines = append(lines, liveMuted(c, c.trf("needs %s", sc.Plugin)))
	}
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// ---- why texts -------------------------------------------------------------

const (
	docStoragePlan = "https://cloud.ibm.com/docs/containers?topic=containers-storage-plan"
	docCOS         = "https://cloud.ibm.com/docs/containers?topic=containers-storage_cos_install"
	docDatabases   = "https://cloud.ibm.com/docs/cloud-databases"
	docBinding     = "https://cloud.ibm.com/docs/containers?topic=containers-service-binding"
)

func storageWhys() []Why {
	return []Why{{
		Key: "spec.storage.objectStorage.enabled",
		Text: "IBM's 2019 guidance (slides 21–22): IBM recommends the multizone services — Cloud Databases and Object Storage — for " +
			"persistent data, because IaaS block and file storage cannot cross zones. Object Storage keeps copies in the " +
			"region's three zones (or across regions); applications use its S3 API or mount buckets through the " +
			"ibm-object-storage-plugin. Slide 11 also makes it the backup target: cross-region, automatic.",
		Alternatives: "Block or file volumes are simpler for one pod but stay in one zone; running MinIO yourself " +
			"repeats what IBM already operates.",
		Doc: docStoragePlan,
	}, {
		Key: "spec.storage.objectStorage.instanceName",
		Text: "One Cloud Object Storage instance (a global service, plan {plan:cos}) holds every bucket; access " +
			"policies and HMAC credentials are per instance, so one instance per application and environment keeps " +
			"access simple.",
		Doc: docCOS,
	}, {
		Key: "spec.storage.objectStorage.buckets[*].name",
		Text: "Bucket names are global across all of IBM Cloud Object Storage: prefix them with the cluster or " +
			"application (shop-prod-assets). They cannot be renamed; a new name means copying the data.",
		Doc: docCOS,
	}, {
		Key: "spec.storage.objectStorage.buckets[*].resiliency",
		Text: "Regional buckets keep copies in the region's three zones and survive a zone loss, like a multizone " +
			"cluster. IBM's 2019 guidance (slides 11 and 23) sends backups to a cross-region bucket so they survive the loss of the " +
			"whole region. Single-site is for data residency, not availability.",
		Alternatives: "Cross-region costs more per GB and is slower to write; keep it for backups and archives.",
		Doc:          docCOS,
	}, {
		Key: "spec.storage.objectStorage.buckets[*].class",
		Text: "The storage class sets the price per GB against the price per read. Smart tier bills by how the data " +
			"is actually used and is a safe default; Vault and Cold vault suit backups and archives that are rarely read.",
		Doc: docCOS,
	}, {
		Key: "spec.storage.databases[*].name",
		Text: "The Cloud Databases service instance name; the runbook creates it with " +
			"`ibmcloud resource service-instance-create NAME SERVICE PLAN REGION`.",
		Doc: docDatabases,
	}, {
		Key: "spec.storage.databases[*].type",
		Text: "IBM's 2019 guidance (slide 23): IBM Cloud Databases is a fully managed database service with many open-source engines, " +
			"spread over the region's three zones by default (two or three members per engine) and backed up " +
			"automatically to cross-region Object Storage. Choose the engine the application already speaks.",
		Alternatives: "A database in the cluster on Portworx, or on your own servers (database on IaaS), gives more " +
			"control and more work: HA, backups and patches are yours.",
		Doc: docDatabases,
	}, {
		Key: "spec.storage.databases[*].plan",
		Text: "The plans the catalog lists for the engine; each choice says what its plan gives (members spread " +
			"over zones with daily backups, IBM's Gen 2 platform, or dedicated resources).",
		Doc: docDatabases,
	}, {
		Key: "spec.storage.databases[*].bindNamespace",
		Text: "`ibmcloud ks cluster service bind --namespace NS` creates service credentials (IAM Writer by default) " +
			"and stores them in a Kubernetes Secret in that namespace, where the application mounts them.",
		Alternatives: "Leave it empty and deliver credentials through Secrets Manager or your pipeline.",
		Doc:          docBinding,
	}, {
		Key: "spec.storage.databases[*].privateEndpoint",
		Text: "With the private endpoint only (`--service-endpoints private`), database traffic stays on IBM's private " +
			"network and the database cannot be reached from the internet at all.",
		Alternatives: "A public endpoint is only for clients outside IBM Cloud; protect it with context-based restrictions.",
		Doc:          docDatabases,
	}, {
		Key: "spec.storage.cloudant.enabled",
		Text: "IBM's 2019 guidance (slide 22) lists Cloudant with Cloud Databases as the DBaaS that handles multizone for you: a JSON " +
			"document store with the CouchDB HTTP API, replicated across the region's zones.",
		Alternatives: "Databases for MongoDB if the application speaks MongoDB rather than CouchDB.",
		Doc:          "https://cloud.ibm.com/docs/Cloudant",
	}, {
		Key:  "spec.storage.cloudant.instanceName",
		Text: "The Cloudant service instance the runbook creates (service {service:cloudant}).",
		Doc:  "https://cloud.ibm.com/docs/Cloudant",
	}, {
		Key: "spec.storage.cloudant.plan",
		Text: "{plan:cloudant} gives provisioned throughput you size and pay for; {trialPlan:cloudant} is free, small and throttled, " +
			"for trying Cloudant out.",
		Doc: "https://cloud.ibm.com/docs/Cloudant",
	}, {
		Key:  "spec.storage.cloudant.bindNamespace",
		Text: "As for Cloud Databases: the credentials land in a Secret in this namespace.",
		Doc:  docBinding,
	}, {
		Key: "spec.storage.portworx.enabled",
		Text: "IBM's 2019 guidance (slide 22): Portworx is the software-defined storage option for multizone clusters (licence " +
			"required). It replicates each volume to workers in other zones, so a database pod can move zones with " +
			"its data. On classic it runs on bare-metal storage workers with local disks — IBM calls 1000 Mbps " +
			"virtual workers insufficient for production; on VPC it uses cloud drives. Its metadata lives in an " +
			"internal KVDB or Databases for etcd; Key Protect can encrypt its volumes.",
		Alternatives: "Cloud Databases and Object Storage handle multizone without a licence or storage workers; " +
			"metro classes are enough when a volume may stay in its zone.",
		Doc: "https://cloud.ibm.com/docs/containers?topic=containers-storage_portworx_plan",
	}, {
		Key:  "spec.storage.volumes[*].name",
		Text: "The PersistentVolumeClaim the manifests create; the application's pod mounts it by this name.",
		Doc:  docStoragePlan,
	}, {
		Key:  "spec.storage.volumes[*].namespace",
		Text: "A claim belongs to one namespace; only pods in that namespace can mount it.",
		Doc:  docStoragePlan,
	}, {
		Key: "spec.storage.volumes[*].storageClass",
		Text: "IBM's 2019 guidance (slides 21–22): IaaS block and file storage is usable but cannot cross zones, so a pod with such a " +
			"volume cannot be rescheduled into another zone. On VPC, the metro classes (WaitForFirstConsumer) create " +
			"the volume where the pod lands, and file shares can be mounted from every zone. Retain classes keep the " +
			"disk after the claim is deleted.",
		Alternatives: "For data that must survive a zone loss: Cloud Databases, Object Storage or Portworx.",
		Doc:          docStoragePlan,
	}, {
		Key:  "spec.storage.volumes[*].sizeGiB",
		Text: "Size for the data plus growth: block volumes can be expanded later but never shrunk, and IOPS tiers scale with size.",
		Doc:  docStoragePlan,
	}, {
		Key: "spec.storage.volumes[*].accessMode",
		Text: "ReadWriteOnce: one worker mounts the volume (block storage). ReadWriteMany: pods on many workers " +
			"share it (file storage). Only the modes the chosen class supports are offered.",
		Doc: docStoragePlan,
	}, {
		Key: "spec.storage.databaseOnIaaS.enabled",
		Text: "IBM's 2019 guidance (slide 21): a database can also run on virtual or bare-metal servers in the same account, reached " +
			"from the cluster over the private network — common when an existing database stays where it is. HA, " +
			"backups and patching are then yours.",
		Alternatives: "Cloud Databases (IBM's 2019 guidance, slide 23) is managed, multizone and backed up by IBM.",
		Doc:          docStoragePlan,
	}, {
		Key:  "spec.storage.databaseOnIaaS.engine",
		Text: "Named in the design document, so operators know what the cluster depends on outside itself.",
	}, {
		Key: "spec.storage.databaseOnIaaS.privateCIDR",
		Text: "The private subnet the cluster must reach: the network policies allow egress to it, and it must not " +
			"overlap the pod or service subnet, or its traffic would never leave the cluster.",
		Doc: "https://cloud.ibm.com/docs/containers?topic=containers-subnets",
	}}
}

// databaseNameSuggestion names a new Cloud Databases instance after the
// cluster and its engine (shop-prod-postgresql), never one the design
// already has: a second PostgreSQL instance is offered shop-prod-postgresql-2.
func databaseNameSuggestion(c *Ctx, db *model.DatabaseInstance) string {
	engine := string(db.Type)
	if engine == "" {
		engine = "db"
	}
	return freeName(func(n string) bool {
		for i := range c.D.Spec.Storage.Databases {
			if x := &c.D.Spec.Storage.Databases[i]; x != db && x.Name == n {
				return true
			}
		}
		return false
	}, suggestName(c, engine))
}

// bucketNameSuggestion offers the assets bucket first, then the backups
// bucket the Operations step looks for (suggestName(c, "backups")), then
// numbered ones: never the name of a bucket the design already has.
func bucketNameSuggestion(c *Ctx, b *model.Bucket) string {
	return freeName(func(n string) bool {
		for i := range c.D.Spec.Storage.ObjectStorage.Buckets {
			if x := &c.D.Spec.Storage.ObjectStorage.Buckets[i]; x != b && x.Name == n {
				return true
			}
		}
		return false
	}, suggestName(c, "assets"), suggestName(c, "backups"))
}
