package runbook

import (
	"fmt"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

// Object Storage's and Cloudant's catalog names and plans are the
// catalog's services cos and cloudant; the s3fs provisioner is its
// objectStorage.s3fsProvisioner.
const (
	// objectPluginReleaseDir is where `helm fetch --untar` unpacks the
	// Object Storage plug-in chart.
	objectPluginReleaseDir = "./ibm-object-storage-plugin"
	jqActiveByNm           = `[.[]? | select(.name == env.JQ_V)][0].state == "active"`
	dbReadyMins            = 60
)

// storage creates Object Storage and its buckets, installs the volume
// plug-ins the design's storage classes need, and creates and binds Cloud
// Databases and Cloudant (seed slides 21–23).
func (b *builder) storage() {
	bd := b.cur
	s := b.s
	st := s.Storage
	did := false
	if st.ObjectStorage.Enabled {
		b.objectStorage()
		did = true
	}
	if b.storagePlugins() {
		did = true
	}
	for i := range st.Databases {
		bd.blank()
		b.database(i)
		did = true
	}
	if st.Cloudant.Enabled {
		bd.blank()
		b.cloudant()
		did = true
	}
	if st.Portworx.Enabled {
		bd.blank()
		bd.comment("Portworx (software-defined storage across zones) needs a licence and is installed from the IBM")
		bd.comment("Cloud catalog, not with a CLI command: https://cloud.ibm.com/docs/containers?topic=containers-portworx")
		bd.note("install Portworx from the IBM Cloud catalog (it needs a licence); this runbook does not install it")
		did = true
	}
	if st.DatabaseOnIaaS.Enabled {
		bd.blank()
		bd.comment("The self-run database on classic servers is reached over the private network; the network")
		bd.comment("step's Calico policies or security groups allow it. Nothing is created here.")
		did = true
	}
	b.backups()
	if !did && s.IsVPC() {
		bd.comment("VPC Block Storage (add-on %s) is on by default; nothing else to install.", view.VPCBlockAddon)
	}
}

// objectStorage creates the instance and the buckets.
func (b *builder) objectStorage() {
	bd := b.cur
	obj := b.s.Storage.ObjectStorage
	sv := b.catalogService("cos", hStorage)
	inst := b.val("COS_INSTANCE", obj.InstanceName, hStorage, "Object Storage instance")
	bd.comment("Object Storage: data that must survive a zone (cross-region buckets survive a region).")
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"Object Storage instance ", varRef("COS_INSTANCE")}, func() {
		bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, sv.name, sv.plan, sv.location(b), "-g", ref("RESOURCE_GROUP"))...)
	})
	b.readBack("capture", "COS_INSTANCE_ID", view.StepStorage, "GUID of the Object Storage instance",
		cmd("<guid of the Object Storage instance>", jqGUIDByName, inst, "ibmcloud", "resource", "service-instances", "--service-name", sv.name, "--output", "json")...)
	if len(obj.Buckets) > 0 {
		bd.comment("The cos plug-in signs bucket requests for this instance (IAM authentication).")
		bd.run(cmd("ibmcloud", "cos", "config", "crn", "--crn", ref("COS_INSTANCE_ID"), "--force")...)
	}
	for i, bk := range obj.Buckets {
		name := b.val(fmt.Sprintf("BUCKET_%d", i+1), bk.Name, hStorage, "")
		class := b.val(fmt.Sprintf("BUCKET_%d_CLASS", i+1), b.bucketClass(bk.Class), hStorage, "")
		loc := b.bucketLocation(i)
		bd.unlessExists(cmd("ibmcloud", "cos", "bucket-head", "--bucket", name, "--region", loc), []any{"bucket ", varRef(fmt.Sprintf("BUCKET_%d", i+1))}, func() {
			bd.run(cmd("ibmcloud", "cos", "bucket-create", "--bucket", name, "--class", class,
				"--ibm-service-instance-id", ref("COS_INSTANCE_ID"), "--region", loc)...)
		})
	}
}

// bucketClass is the cos plug-in's class keyword (the catalog's
// objectStorage.bucketClasses, which Check requires for every class); the
// plug-in builds the bucket's location constraint from region and class
// ("jp-tok-smart"). Resolve makes an empty class smart.
func (b *builder) bucketClass(c model.BucketClass) string {
	k, _ := b.c.Catalog.COSClass(c)
	return k
}

// bucketLocation is the bucket's --region: the region for regional
// buckets, the cross-region geography (ap, eu, us) for cross-region ones,
// and a data center the engineer picks for single-site ones.
func (b *builder) bucketLocation(i int) word {
	bk := b.s.Storage.ObjectStorage.Buckets[i]
	name := fmt.Sprintf("BUCKET_%d_LOCATION", i+1)
	switch bk.Resiliency {
	case model.ResiliencyCrossRegion:
		geo, _ := b.c.Catalog.CrossRegionFor(b.s.Region)
		comment := b.text("cross-region location (copies in three regions of the geography)")
		if geo == "" {
			comment = b.text("cross-region location: iksplan knows none for this region; set ap, eu or us")
		}
		return b.val(name, geo, hStorage, comment)
	case model.ResiliencySingleSite:
		return b.val(name, "", hStorage, "single data center of the bucket (e.g. sng01 or che01 for Asia Pacific): set it")
	}
	return b.val(name, b.s.Region, hStorage, "regional: copies in the region's three zones")
}

// volumeClasses returns the catalog entries of the design's volumes'
// storage classes (unknown classes get an entry with only the name).
func (b *builder) volumeClasses() []catalog.StorageClass { return b.c.VolumeClasses() }

func (b *builder) isS3FS(sc catalog.StorageClass) bool { return b.c.IsS3FS(sc) }

func (b *builder) isClassicBlock(sc catalog.StorageClass) bool {
	st := b.c.Catalog.Storage
	return sc.Plugin == b.chart(catalog.ChartBlockStoragePlugin).Chart || sc.Provisioner == st.ClassicBlockProvisioner || strings.HasPrefix(sc.Name, st.ClassicBlockPrefix)
}

// wantsBlockPlugin reports whether a classic volume uses a block class,
// whose Helm plug-in IKS does not install by default.
func (b *builder) wantsBlockPlugin() bool {
	if !b.s.IsClassic() {
		return false
	}
	for _, sc := range b.volumeClasses() {
		if b.isClassicBlock(sc) {
			return true
		}
	}
	return false
}

// s3fsNamespaces lists the namespaces of Object Storage (s3fs) volumes,
// which need the plug-in and a credentials secret; nil when there are none.
func (b *builder) s3fsNamespaces() []string {
	var out []string
	for i, sc := range b.volumeClasses() {
		ns := b.s.Storage.Volumes[i].Namespace
		if b.isS3FS(sc) && !containsStr(out, ns) {
			out = append(out, ns)
		}
	}
	sort.Strings(out)
	return out
}

// addons lists the managed add-ons the volumes' classes need, sorted (the
// decision is view's, shared with the Terraform).
func (b *builder) addons() []string { return b.c.StorageAddons() }

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// storagePlugins installs what the volumes' storage classes need, and
// reports whether it wrote anything.
func (b *builder) storagePlugins() bool {
	bd := b.cur
	did := false
	if b.wantsBlockPlugin() {
		did = true
		bd.blank()
		bd.comment("Classic Block Storage: the plug-in is not installed by default. Block volumes are bound to one zone.")
		ch := b.chart(catalog.ChartBlockStoragePlugin)
		version := b.val("BLOCK_STORAGE_PLUGIN_CHART_VERSION", ch.Version, hCharts,
			b.text("iksplan could not confirm a current version; list them with: helm search repo ", textArg(ch.Chart), " --versions"))
		bd.run(cmd("helm", "repo", "add", ch.Repo, ch.RepoURL)...)
		bd.run(cmd("helm", "repo", "update")...)
		bd.run(cmd("helm", "upgrade", "--install", "block-storage-plugin", ch.Chart, "--version", version, "-n", "kube-system")...)
	}
	if ns := b.s3fsNamespaces(); ns != nil {
		did = true
		b.objectStoragePlugin(ns)
	}
	for i, a := range b.addons() {
		did = true
		bd.blank()
		name := b.val(fmt.Sprintf("ADDON_%d", i+1), a, hStorage, "managed add-on a storage class needs")
		bd.ifElse(when("text_has", cmd(ref(fmt.Sprintf("ADDON_%d", i+1)), "ibmcloud", "ks", "cluster", "addon", "ls", "--cluster", b.clusterVar())...), func() {
			bd.say("add-on ", varRef(fmt.Sprintf("ADDON_%d", i+1)), " is already enabled")
		}, func() {
			// -y: enable the add-on's dependencies without asking (CLI26 `cluster addon enable`; IBM's
			// storage docs: vpc-file-csi-driver 2.0 asks to enable ibm-storage-operator).
			bd.run(cmd("ibmcloud", "ks", "cluster", "addon", "enable", name, "--cluster", b.clusterVar(), "-y")...)
		})
	}
	if b.s.IsVPC() && len(b.s.Storage.Volumes) > 0 {
		did = true
		bd.comment("VPC Block Storage (add-on %s) is on by default. Metro classes create the volume in the", view.VPCBlockAddon)
		bd.comment("zone of the first pod that mounts it.")
	}
	return did
}

// objectStoragePlugin installs IBM's Object Storage (s3fs) plug-in as IBM
// documents it (helm-ibmc) and creates the credentials secret the
// manifests' volumes mount their bucket with.
func (b *builder) objectStoragePlugin(namespaces []string) {
	bd := b.cur
	bd.blank()
	bd.comment("Object Storage plug-in (s3fs), as IBM's \"Installing the IBM Cloud Object Storage plug-in\" describes.")
	ch := b.chart(catalog.ChartObjectStoragePlugin)
	version := b.val("OBJECT_STORAGE_PLUGIN_CHART_VERSION", ch.Version, hCharts,
		b.text("iksplan could not confirm a current version; list them with: helm search repo ", textArg(ch.Chart), " --versions"))
	bd.run(cmd("helm", "repo", "add", ch.Repo, ch.RepoURL)...)
	bd.run(cmd("helm", "repo", "update")...)
	bd.ifNot(when("exists", cmd("helm", "status", "ibm-object-storage-plugin", "-n", "kube-system")...), func() {
		bd.run(cmd("helm", "fetch", "--untar", ch.Chart, "--version", version)...)
		bd.run(cmd("helm", "plugin", "install", objectPluginReleaseDir+"/helm-ibmc")...)
		bd.run(cmd("helm", "ibmc", "install", "ibm-object-storage-plugin", objectPluginReleaseDir, "--set", "license=true")...)
	})
	if !b.s.Storage.ObjectStorage.Enabled {
		bd.comment("The design has no Object Storage instance: create one, then the secret below by hand.")
		bd.note("Object Storage volumes need an Object Storage instance, which the design does not create")
		return
	}
	bd.comment("The volumes' credentials: Secret %s of type ibm/ibmc-s3fs, from COS_API_KEY (never on disk).", manifests.COSSecretName)
	for i, ns := range namespaces {
		nsv := b.val(fmt.Sprintf("S3FS_NAMESPACE_%d", i+1), ns, hStorage, "namespace of Object Storage volumes")
		b.ensureNamespace(nsv)
		bd.ifNot(when("exists", cmd("kubectl", "get", "secret", manifests.COSSecretName, "-n", nsv)...), func() {
			bd.run(cmd("kubectl", "create", "secret", "generic", manifests.COSSecretName, "--type", "ibm/ibmc-s3fs",
				"--from-file", prefixed("api-key=", procSub("COS_API_KEY")),
				"--from-literal", cat("service-instance-id=", varRef("COS_INSTANCE_ID")), "-n", nsv)...)
		})
	}
}

// ensureNamespace creates a namespace that a binding or secret needs before
// the manifests step applies its labels (--save-config lets that apply
// update it cleanly).
func (b *builder) ensureNamespace(ns word) {
	bd := b.cur
	bd.ifNot(when("exists", cmd("kubectl", "get", "namespace", ns)...), func() {
		bd.run(cmd("kubectl", "create", "namespace", ns, "--save-config")...)
	})
}

// database creates one Cloud Databases instance and binds its credentials
// into a namespace.
func (b *builder) database(i int) {
	bd := b.cur
	db := b.s.Storage.Databases[i]
	svc, ok := b.c.Catalog.Database(db.Type)
	if !ok || svc.ServiceName == "" {
		bd.comment("Database %d (%s): iksplan's catalog has no service name for this engine; create it in the console.", i+1, db.Type.Label())
		bd.note("create the database instance by hand: the catalog names no service for this engine")
		return
	}
	p := fmt.Sprintf("DB_%d", i+1)
	name := b.val(p+"_NAME", db.Name, hStorage, productName(db.Type.Label()))
	service := b.val(p+"_SERVICE", svc.ServiceName, hStorage, "")
	plan := b.val(p+"_PLAN", db.Plan, hStorage, "")
	bd.comment("%s: managed, spread over the region's zones, backed up to cross-region Object Storage.", db.Type.Label())
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", name), []any{"database ", varRef(p + "_NAME")}, func() {
		ws := cmd("ibmcloud", "resource", "service-instance-create", name, service, plan, ref("REGION"), "-g", ref("RESOURCE_GROUP"))
		if db.PrivateEndpoint {
			ws = append(ws, cmd("--service-endpoints", "private")...)
		}
		bd.run(ws...)
	})
	if db.BindNamespace == "" {
		return
	}
	ns := b.val(p+"_NAMESPACE", db.BindNamespace, hStorage, "namespace that receives the credentials secret")
	bd.call("wait_for", cmd(bd.msg("database ", varRef(p+"_NAME"), " to be active"), fmt.Sprint(dbReadyMins), jqActiveByNm, name,
		"ibmcloud", "resource", "service-instances", "--service-name", service, "--output", "json")...)
	b.bind(name, ns, p+"_NAME")
}

// bind binds a service instance's credentials into a namespace as a
// Kubernetes secret, unless the namespace already lists the binding.
func (b *builder) bind(name, ns word, nameVar string) {
	bd := b.cur
	b.ensureNamespace(ns)
	bd.ifElse(when("text_has", cmd(name, "ibmcloud", "ks", "cluster", "service", "ls", "--cluster", b.clusterVar(), "--namespace", ns)...), func() {
		bd.say(varRef(nameVar), " is already bound")
	}, func() {
		bd.run(cmd("ibmcloud", "ks", "cluster", "service", "bind", "--cluster", b.clusterVar(), "--namespace", ns, "--service", name, "--role", "Writer")...)
	})
}

// cloudant creates the Cloudant instance and binds it.
func (b *builder) cloudant() {
	bd := b.cur
	cl := b.s.Storage.Cloudant
	serviceName := b.c.Catalog.MustService("cloudant").ServiceName
	name := b.val("CLOUDANT_INSTANCE", cl.InstanceName, hStorage, "Cloudant instance")
	service := b.val("CLOUDANT_SERVICE", serviceName, hStorage, "")
	plan := b.val("CLOUDANT_PLAN", cl.Plan, hStorage, "")
	bd.comment("Cloudant: a managed document database replicated across the region's zones.")
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", name), []any{"Cloudant instance ", varRef("CLOUDANT_INSTANCE")}, func() {
		bd.run(cmd("ibmcloud", "resource", "service-instance-create", name, service, plan, ref("REGION"), "-g", ref("RESOURCE_GROUP"))...)
	})
	if cl.BindNamespace == "" {
		return
	}
	ns := b.val("CLOUDANT_NAMESPACE", cl.BindNamespace, hStorage, "namespace that receives the credentials secret")
	bd.call("wait_for", cmd(bd.msgLit("the Cloudant instance to be active"), fmt.Sprint(dbReadyMins), jqActiveByNm, name,
		"ibmcloud", "resource", "service-instances", "--service-name", service, "--output", "json")...)
	b.bind(name, ns, "CLOUDANT_INSTANCE")
}

// backups says how the design's backup method is set up.
func (b *builder) backups() {
	bd := b.cur
	switch b.s.Operations.Backups.Method {
	case model.BackupBackupAndRecovery:
		bd.blank()
		bd.comment("Backups: IBM Cloud Backup and Recovery. Register this cluster as a data source in the Backup and")
		bd.comment("Recovery console; it gives the Data Source Connector Helm command with a one-time registration token.")
		bd.note("register the cluster in IBM Cloud Backup and Recovery (console) to start volume backups")
	case model.BackupRestoreChart:
		bd.blank()
		bd.comment("Backups: the ibmcloud-backup-restore Helm chart (iks-charts) copies volumes to Object Storage;")
		bd.comment("see https://cloud.ibm.com/docs/containers?topic=containers-utilities#ibmcloud-backup-restore")
		bd.note("install the ibmcloud-backup-restore chart for each volume to back up")
	}
}
