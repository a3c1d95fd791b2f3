package wizard

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// tokyoVPC is a blank production design in the Tokyo VPC metro.
func tokyoVPC() *model.Design {
	d := model.New("shop-prod")
	d.Spec.Region = "jp-tok"
	d.Spec.Zones = []string{"jp-tok-1", "jp-tok-2", "jp-tok-3"}
	d.Spec.KubernetesVersion = "1.35"
	d.Spec.WorkerPools = []model.WorkerPool{{Name: "default", Flavor: "bx2.8x32"}}
	model.ApplyDefaults(d)
	return d
}

// tokyoClassic is the same on classic infrastructure.
func tokyoClassic() *model.Design {
	d := model.New("shop-prod")
	d.Spec.Infrastructure = model.InfraClassic
	d.Spec.Network.VPC = nil
	d.Spec.Region = "jp-tok"
	d.Spec.Zones = []string{"tok02", "tok04", "tok05"}
	d.Spec.KubernetesVersion = "1.35"
	d.Spec.WorkerPools = []model.WorkerPool{{Name: "default", Flavor: "b3c.8x32", Isolation: model.IsolationDedicated}}
	model.ApplyDefaults(d)
	return d
}

// classIndex is the position of a storage class in the class select.
func classIndex(t *testing.T, d *model.Design, name string) int {
	t.Helper()
	for i, sc := range catalog.Default().StorageClassesFor(d.Spec.Infrastructure) {
		if sc.Name == name {
			return i
		}
	}
	t.Fatalf("no storage class %s", name)
	return -1
}

// moveTo moves a select's cursor from index from to index to.
func (h *harness) moveTo(from, to int) *harness {
	if to > from {
		return h.Down(to - from)
	}
	return h.Up(from - to)
}

func TestStorageStepWalk(t *testing.T) {
	d := tokyoVPC()
	h := newHarness(t, d, StepStorage).ExpectPage("storage/objects")

	// Object Storage on; its instance name defaults from the cluster.
	h.Key("y").ExpectPage("storage/objects-instance").ExpectView("shop-prod-cos").Enter()

	// Buckets: add two, a third with a duplicate name (refused), edit the
	// first, remove the third.
	h.ExpectPage("storage/buckets").Up(1).Enter().ExpectPage("storage/buckets-bucket")
	h.Type("Bad_Name").Enter().ExpectPage("storage/buckets-bucket").ExpectView("lowercase letters")
	h.Clear().Type("shop-prod-assets").Enter().Enter().Enter().ExpectPage("storage/buckets")
	h.Up(2).Enter().Type("shop-prod-backups").Enter()
	h.Up(1) // cross-region
	expectLive(t, h, "survives: the loss of a zone or of the whole region")
	h.Enter().Down(2).Enter().ExpectPage("storage/buckets") // vault
	h.Up(2).Enter().Type("shop-prod-assets").Enter().Enter().Enter()
	h.ExpectPage("storage/buckets-bucket").ExpectView("already exists")
	h.Clear().Type("shop-prod-tmp").Enter().Enter().Enter().ExpectPage("storage/buckets")
	h.Up(5).Enter().Enter().Enter().Down(1).Enter().ExpectPage("storage/buckets") // first: standard class
	h.Up(1).Enter().ExpectPage("storage/buckets-remove").Enter().Key("y").ExpectPage("storage/buckets")
	h.Enter().ExpectPage("storage/databases")

	// Databases: Elasticsearch offers only enterprise; switching the engine
	// to PostgreSQL moves the plan to one PostgreSQL has.
	h.Up(1).Enter().ExpectPage("storage/databases-database")
	h.Type("shop-prod-search").Enter().Down(5).Enter().ExpectPage("storage/databases-plan")
	expectLive(t, h, "databases-for-elasticsearch enterprise")
	h.Enter().Type("shop").Enter().Enter().ExpectPage("storage/databases")
	h.Up(3).Enter().Clear().Type("shop-prod-pg").Enter().Up(5).Enter().ExpectPage("storage/databases-plan")
	expectLive(t, h, "databases-for-postgresql standard", "2 members")
	h.Down(1).Enter().Enter().Key("n").ExpectPage("storage/databases") // standard-gen2, public endpoint
	h.Up(2).Enter().Type("tmp-db").Enter().Enter().Enter().Enter().Enter().ExpectPage("storage/databases")
	h.Up(1).Enter().Enter().Key("y").ExpectPage("storage/databases")
	h.Enter().ExpectPage("storage/cloudant")

	// Cloudant on, lite plan, bound into shop.
	h.Key("y").ExpectPage("storage/cloudant-details").ExpectView("shop-prod-cloudant")
	h.Enter().Down(1).Enter().Type("shop").Enter().ExpectPage("storage/portworx")

	// Portworx: the caveats follow the toggle.
	h.Key("left")
	expectLive(t, h, "licence", "VPC: Portworx creates and attaches its own block volumes", "replicas in 3 zones")
	h.Key("left").Enter().ExpectPage("storage/volumes")

	// Volumes: the class page shows what each class means for zones.
	h.Up(1).Enter().ExpectPage("storage/volumes-volume")
	h.Type("data").Enter().Type("shop").Enter().ExpectPage("storage/volumes-class")
	def := classIndex(t, d, "ibmc-vpc-block-metro-10iops-tier")
	expectLive(t, h, "metro: the volume is created in the zone where its pod is first scheduled")
	h.moveTo(def, classIndex(t, d, "ibmc-vpc-block-10iops-tier"))
	expectLive(t, h, "zone-bound: a pod using this volume cannot move to another zone; in a multizone cluster prefer metro classes / COS / Cloud Databases / Portworx")
	h.moveTo(classIndex(t, d, "ibmc-vpc-block-10iops-tier"), classIndex(t, d, "ibmc-vpc-block-metro-retain-10iops-tier"))
	expectLive(t, h, "retain: the disk and its data stay")
	h.Enter().ExpectPage("storage/volumes-size")
	h.Clear().Type("0").Enter().ExpectPage("storage/volumes-size").ExpectView("between 1 and 16000")
	h.Clear().Type("50").Enter().Enter().ExpectPage("storage/volumes")
	// A file share, read-write-many.
	h.Up(2).Enter().Type("uploads").Enter().Type("shop").Enter()
	h.moveTo(def, classIndex(t, d, "ibmc-vpc-file-metro-500-iops")).Enter()
	h.Enter().Down(1).Enter().ExpectPage("storage/volumes")
	// A third, removed again; then the first edited.
	h.Up(2).Enter().Type("scratch").Enter().Type("shop").Enter().Enter().Enter().Enter().ExpectPage("storage/volumes")
	h.Up(1).Enter().Enter().Key("y").ExpectPage("storage/volumes")
	h.Up(4).Enter().Enter().Enter().Enter().Clear().Type("100").Enter().Enter().ExpectPage("storage/volumes")
	h.Enter().ExpectPage("storage/iaas")

	// A database on IaaS: the CIDR must be a network address.
	h.Key("y").Type("Oracle 19c on bare metal").Enter()
	h.Type("10.130.0.1/24").Enter().ExpectPage("storage/iaas-details").ExpectView("is not a network address")
	h.Clear().Type("10.130.0.0/24").Enter().ExpectPage("network/endpoints")

	st := d.Spec.Storage
	wantBuckets := []model.Bucket{
		{Name: "shop-prod-assets", Resiliency: model.ResiliencyRegional, Class: model.BucketStandard},
		{Name: "shop-prod-backups", Resiliency: model.ResiliencyCrossRegion, Class: model.BucketVault},
	}
	if !st.ObjectStorage.Enabled || st.ObjectStorage.InstanceName != "shop-prod-cos" || !reflect.DeepEqual(st.ObjectStorage.Buckets, wantBuckets) {
		t.Errorf("object storage: %+v", st.ObjectStorage)
	}
	wantDB := []model.DatabaseInstance{{Name: "shop-prod-pg", Type: model.DBPostgreSQL, Plan: "standard-gen2", BindNamespace: "shop"}}
	if !reflect.DeepEqual(st.Databases, wantDB) {
		t.Errorf("databases: %+v", st.Databases)
	}
	if c := st.Cloudant; !c.Enabled || c.Plan != "lite" || c.BindNamespace != "shop" || c.InstanceName != "shop-prod-cloudant" {
		t.Errorf("cloudant: %+v", c)
	}
	if st.Portworx.Enabled {
		t.Error("portworx toggled back off but enabled")
	}
	wantVol := []model.Volume{
		{Name: "data", Namespace: "shop", StorageClass: "ibmc-vpc-block-metro-retain-10iops-tier", SizeGiB: 100, AccessMode: model.ReadWriteOnce},
		{Name: "uploads", Namespace: "shop", StorageClass: "ibmc-vpc-file-metro-500-iops", SizeGiB: 20, AccessMode: model.ReadWriteMany},
	}
	if !reflect.DeepEqual(st.Volumes, wantVol) {
		t.Errorf("volumes:\n got %+v\nwant %+v", st.Volumes, wantVol)
	}
	if db := st.DatabaseOnIaaS; !db.Enabled || db.Engine != "Oracle 19c on bare metal" || db.PrivateCIDR != "10.130.0.0/24" {
		t.Errorf("database on IaaS: %+v", db)
	}
}

// On classic every block and file class is zone-bound, and Portworx wants
// bare-metal workers.
func TestStorageClassicCaveats(t *testing.T) {
	d := tokyoClassic()
	d.Spec.Storage.Volumes = []model.Volume{{Name: "data", Namespace: "shop", StorageClass: "ibmc-file-gold", SizeGiB: 20, AccessMode: model.ReadWriteMany}}
	h := newHarness(t, d, StepStorage)
	h.Key("n").ExpectPage("storage/databases").Enter() // no COS; databases: done
	h.Key("n").ExpectPage("storage/portworx").Key("left")
	expectLive(t, h, "classic: needs a bare-metal (SDS) worker pool")
	h.Enter().ExpectPage("storage/volumes")
	expectLive(t, h, "1 zone-bound volume")
	h.Up(3).Enter().Enter().Enter().ExpectPage("storage/volumes-class")
	expectLive(t, h, "zone-bound: a pod using this volume cannot move to another zone")
	h.Enter().ExpectPage("storage/volumes-size").ExpectView("ReadWriteMany")
}

func TestStorageStepAccessible(t *testing.T) {
	d := tokyoVPC()
	script := strings.Join([]string{
		"y",                // Object Storage
		"shop-prod-cos",    // instance name (the default, typed: see /tmp/wizard_requests.md 1)
		"1",                // buckets: Add
		"shop-prod-assets", // name
		"2",                // resiliency: regional
		"1",                // class: smart
		"4",                // buckets: Edit, Add, Remove, Done
		"1",                // databases: Add
		"shop-prod-pg",     // name
		"1",                // engine: PostgreSQL
		"1",                // plan: standard
		"shop",             // bind namespace
		"",                 // private endpoint: keep yes
		"4",                // databases: Done
		"n",                // Cloudant
		"y",                // Portworx
		"2",                // volumes: Done
		"n",                // database on IaaS
	}, "\n") + "\n"
	out := runAccessible(t, d, StepStorage, script)
	st := d.Spec.Storage
	if !st.ObjectStorage.Enabled || st.ObjectStorage.InstanceName != "shop-prod-cos" || len(st.ObjectStorage.Buckets) != 1 ||
		st.ObjectStorage.Buckets[0] != (model.Bucket{Name: "shop-prod-assets", Resiliency: model.ResiliencyRegional, Class: model.BucketSmart}) {
		t.Fatalf("object storage %+v\n%s", st.ObjectStorage, out)
	}
	if len(st.Databases) != 1 || st.Databases[0] != (model.DatabaseInstance{Name: "shop-prod-pg", Type: model.DBPostgreSQL, Plan: "standard", BindNamespace: "shop", PrivateEndpoint: true}) {
		t.Fatalf("databases %+v\n%s", st.Databases, out)
	}
	if st.Cloudant.Enabled || !st.Portworx.Enabled || st.DatabaseOnIaaS.Enabled {
		t.Fatalf("storage %+v\n%s", st, out)
	}
	expectOut(t, out, "== Step 6 of 12: Storage ==", "IBM's 2019 guidance (slides 21–22)", "Cross-region — copies in three regions",
		"databases-for-postgresql standard · 2 members")
}

// Every why text of steps 6–10 belongs to a field of their pages, and every
// field of their pages has a why text.
func TestStepsSixToTenWhyKeys(t *testing.T) {
	mine := map[StepID][]Why{
		StepStorage: storageWhys(), StepNetwork: networkWhys(), StepObservability: observabilityWhys(),
		StepIAM: iamWhys(), StepOperations: operationsWhys(),
	}
	full := func(d *model.Design) *model.Design {
		s := &d.Spec
		s.Storage.ObjectStorage.Enabled = true
		s.Storage.ObjectStorage.Buckets = []model.Bucket{{Name: "b"}}
		s.Storage.Databases = []model.DatabaseInstance{{Name: "db", Type: model.DBPostgreSQL}}
		s.Storage.Volumes = []model.Volume{{Name: "v", Namespace: "shop", StorageClass: defaultStorageClassFor(d)}}
		s.Monitoring.AlertChannels = []model.AlertChannel{{Type: model.AlertEmail, Target: "a@example.com"}}
		s.IAM.AccessGroups = []model.AccessGroup{{Name: "g"}}
		s.CICD.Stages = []model.Stage{{Name: "dev", Namespace: "dev"}}
		s.Operations.Autoscaler.Pools = []model.AutoscaledPool{{Pool: "default"}}
		s.Operations.Autoscaler.Enabled = true
		s.Operations.Backups.Method = model.BackupBackupAndRecovery
		s.Storage.Cloudant.Enabled = true
		s.Storage.DatabaseOnIaaS.Enabled = true
		s.Firewall.CIS.Enabled = true
		s.Security.KMS.Provider = model.KMSKeyProtect
		s.Monitoring.Enabled = true
		if s.IsVPC() {
			s.Network.VPC.ContextBasedRestrictions.Enabled = true
		} else {
			s.Logging.Backend = model.LogSyslog
		}
		model.ApplyDefaults(d)
		return d
	}
	cat := catalog.Default()
	used := map[string]bool{}
	fieldKeys := map[StepID]map[string]bool{}
	for _, d := range []*model.Design{full(tokyoVPC()), full(tokyoClassic())} {
		for _, s := range Steps() {
			if _, ok := mine[s.ID]; !ok {
				continue
			}
			c := &Ctx{D: d, Cat: cat, Width: 60}
			for _, p := range s.Pages {
				if p.Fields == nil || p.Skip != nil && p.Skip(c) {
					continue
				}
				for _, f := range p.Fields(c) {
					if _, ok := f.(*huh.Note); ok {
						continue
					}
					k := f.GetKey()
					used[k] = true
					if fieldKeys[s.ID] == nil {
						fieldKeys[s.ID] = map[string]bool{}
					}
					fieldKeys[s.ID][k] = true
				}
			}
		}
	}
	for id, ws := range mine {
		for _, w := range ws {
			if !used[w.Key] {
				t.Errorf("%s: why %s is no field's key", id, w.Key)
			}
			if w.Text == "" {
				t.Errorf("%s: why %s has no text", id, w.Key)
			}
		}
		for k := range fieldKeys[id] {
			if strings.HasPrefix(k, "list.") {
				continue
			}
			if !slices.ContainsFunc(ws, func(w Why) bool { return w.Key == k }) {
				t.Errorf("%s: field %s has no why text", id, k)
			}
		}
	}
}

func defaultStorageClassFor(d *model.Design) string {
	return defaultStorageClass(&Ctx{D: d, Cat: catalog.Default()})
}
