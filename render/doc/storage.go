package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// storage is where persistent data lives, what is bound to a zone and why,
// and how it is backed up.
func (b *builder) storage() StorageSection {
	return StorageSection{
		Decisions: []Decision{b.stateDecision(), b.backupDecision()},
		Plan:      b.storagePlan(),
		Notes:     b.storageNotes(),
	}
}

func (b *builder) stateDecision() Decision {
	s := b.s
	st := s.Storage
	var parts []string
	if st.ObjectStorage.Enabled {
		parts = append(parts, fmt.Sprintf("IBM Cloud Object Storage (%s, %s)", code(st.ObjectStorage.InstanceName), plural(len(st.ObjectStorage.Buckets), "bucket", "buckets")))
	}
	if len(st.Databases) > 0 {
		var dbs []string
		for _, db := range st.Databases {
			dbs = append(dbs, md(label(b.translator, db.Type)))
		}
		parts = append(parts, "IBM Cloud Databases ("+strings.Join(dbs, ", ")+")")
	}
	if st.Cloudant.Enabled {
		parts = append(parts, "Cloudant")
	}
	if st.Portworx.Enabled {
		parts = append(parts, "Portworx")
	}
	if len(st.Volumes) > 0 {
		parts = append(parts, plural(len(st.Volumes), "persistent volume", "persistent volumes"))
	}
	if st.DatabaseOnIaaS.Enabled {
		parts = append(parts, "a self-run database on IaaS")
	}
	choice := "No persistent storage: the workloads are stateless."
	if len(parts) > 0 {
		choice = "State lives in " + strings.Join(parts, ", ") + "."
	}
	d := Decision{
		Title:  "Where state lives",
		Choice: choice,
		Seed: "Slide 21: prefer services that already span zones — a DBaaS or Object Storage; IaaS file and block storage work too, but cannot cross zones, " +
			"so take care in a multizone cluster; a database on IaaS virtual or bare-metal servers, reached over the private network, is also possible. " +
			"Slide 22 lists the multizone options: Object Storage, DBaaS (Cloud Databases, Cloudant) and Portworx (licence needed). " +
			"Slide 23: Cloud Databases are fully managed, spread over the MZR's zones by default (two or three members by engine) and backed up automatically to cross-regional Object Storage.",
		IBM: "The same split holds: Object Storage and Cloud Databases are regional, multizone services; classic block and file volumes and VPC block volumes live in one zone. " +
			"On VPC, the metro storage classes wait until a pod is scheduled and create the volume in that pod's zone. Portworx replicates volumes across zones; " +
			"on classic it needs bare-metal (SDS) workers because 1 Gbps virtual workers are too slow for it.",
		Alternatives: []Alternative{
			{"Databases inside the cluster on block volumes", "the volume stays in one zone, so the database cannot move when its zone fails; replication, backups and upgrades become your job"},
			{"Portworx", "multizone volumes for software that needs a file system, at the price of a licence and, on classic, bare-metal workers"},
		},
		Runbook: b.runbook(view.StepStorage),
		Docs:    b.docs(urlStoragePlan),
	}
	if st.Portworx.Enabled {
		d.Alternatives = d.Alternatives[:1]
	}
	if s.Multizone() {
		d.Consequences = append(d.Consequences, "Anything marked zone-bound in the plan above is lost with its zone unless it is replicated or backed up elsewhere; pods that mount it cannot restart in another zone.")
	}
	if st.ObjectStorage.Enabled && len(st.ObjectStorage.Buckets) > 0 {
		d.Consequences = append(d.Consequences, "Bucket resiliency and location are chosen when a bucket is created "+b.t("badge")+"; changing them means copying the data to a new bucket.")
	}
	for _, db := range st.Databases {
		if db.BindNamespace != "" {
			d.Consequences = append(d.Consequences, fmt.Sprintf("%s credentials reach namespace %s as a Kubernetes Secret through %s (IAM Writer by default).",
				code(db.Name), code(db.BindNamespace), lit("ibmcloud ks cluster service bind")))
		}
	}
	return d
}

// storagePlan is one row per service or volume with its zone binding.
func (b *builder) storagePlan() Table {
	s := b.s
	st := s.Storage
	t := newTable("What", "Kind", "Class or plan", "Zone-bound?", "Why")
	if st.ObjectStorage.Enabled {
		plan := "standard"
		if sv, ok := b.c.Catalog.Service("cos"); ok && sv.Plan != "" {
			plan = md(sv.Plan)
		}
		t.add("Object Storage "+code(st.ObjectStorage.InstanceName), "object storage instance", plan, "no", "a global service; each bucket chooses how far its copies spread")
		for _, bk := range st.ObjectStorage.Buckets {
			zb, why := "no", ""
			switch bk.Resiliency {
			case model.ResiliencyCrossRegion:
				why = "copies in three regions: survives a region loss"
			case model.ResiliencyRegional:
				why = "copies in the region's three zones: survives a zone loss"
			case model.ResiliencySingleSite:
				zb, why = "**yes**", "copies in one site: data residency, not availability"
			}
			t.add("Bucket "+code(bk.Name), "bucket, "+md(label(b.translator, bk.Resiliency)), md(label(b.translator, bk.Class)), zb, why)
		}
	}
	for _, db := range st.Databases {
		members := "members spread over the zones"
		if sv, ok := b.c.Catalog.Database(db.Type); ok && sv.Members > 0 {
			members = fmt.Sprintf("%d members spread over the zones", sv.Members)
		}
		ep := "public endpoint"
		if db.PrivateEndpoint {
			ep = "private endpoint only"
		}
		t.add(code(db.Name), md(label(b.translator, db.Type)), code(db.Plan), "no", members+"; "+ep+"; IBM-managed backups")
	}
	if st.Cloudant.Enabled {
		t.add(code(st.Cloudant.InstanceName), "Cloudant", code(st.Cloudant.Plan), "no", "IBM-managed, replicated across the region's zones")
	}
	if st.Portworx.Enabled {
		why := "replicates volumes across zones; needs a licence"
		if s.IsClassic() {
			why += " and bare-metal (SDS) workers"
		}
		t.add("Portworx", "software-defined storage", "licence", "no", why)
	}
	for _, v := range st.Volumes {
		kind, zb, why := "volume", "**yes**", "the catalog does not know this class"
		if sc, ok := b.c.Catalog.StorageClass(s.Infrastructure, v.StorageClass); ok {
			kind = string(sc.Kind) + " volume"
			switch {
			case !sc.ZoneBound:
				zb, why = "no", "the storage spans zones"
			case sc.Metro:
				why = "created in the zone where its pod is first scheduled (metro class), then stays in that zone"
			case sc.CrossZoneMount:
				why = "data in one zone, mountable from pods in other zones"
			default:
				why = "created in one zone; pods that mount it are pinned to that zone"
			}
			if sc.Retain {
				why += "; the volume outlives its claim (retain)"
			}
		}
		t.add(code(v.Namespace+"/"+v.Name), md(kind)+fmt.Sprintf(", %d GiB, %s", v.SizeGiB, md(string(v.AccessMode))), code(v.StorageClass), zb, why)
	}
	if st.DatabaseOnIaaS.Enabled {
		engine := "self-run database"
		if st.DatabaseOnIaaS.Engine != "" {
			engine = md(st.DatabaseOnIaaS.Engine)
		}
		cidr := "the private network"
		if st.DatabaseOnIaaS.PrivateCIDR != "" {
			cidr = code(st.DatabaseOnIaaS.PrivateCIDR)
		}
		t.add(engine, "database on IaaS servers", "—", "**yes**", "reached over "+cidr+"; its availability, backups and patches are the team's job")
	}
	return t
}

// storageNotes are the multizone caveats and plug-in needs of this design.
func (b *builder) storageNotes() []string {
	s := b.s
	st := s.Storage
	var notes []string
	if s.Multizone() {
		if s.IsClassic() {
			notes = append(notes, "Multizone caveat (classic): block and file volumes are created in one data center. Keep them for data that can be rebuilt, or replicate it at the application level; put the system of record in Cloud Databases or Object Storage.")
		} else {
			notes = append(notes, "Multizone caveat (VPC): a block volume lives in one zone. Use the "+lit("ibmc-vpc-block-metro-*")+" classes so the volume is created where the pod lands (WaitForFirstConsumer); after that the pod stays in that zone.")
		}
	}
	for _, v := range st.Volumes {
		if sc, ok := b.c.Catalog.StorageClass(s.Infrastructure, v.StorageClass); ok && sc.Plugin != "" {
			notes = append(notes, fmt.Sprintf("Volume %s needs the %s plug-in (class %s); the runbook's storage step (%s) takes care of plug-ins.", code(v.Name), code(sc.Plugin), code(sc.Name), b.stepNumber(view.StepStorage)))
		}
	}
	if st.ObjectStorage.Enabled {
		notes = append(notes, "Pods reach Object Storage through its S3 API with credentials from a service key; mounting buckets as volumes needs the "+
			lit("ibm-object-storage-plugin")+" Helm chart (s3fs storage classes).")
		b.doc(urlCOSPlugin)
	}
	if st.Portworx.Enabled {
		notes = append(notes, "Portworx: install it from the IBM Cloud catalog with its licence; keep its metadata in the internal KVDB or in Databases for etcd, and encrypt volumes with Key Protect or Hyper Protect Crypto Services.")
	}
	if len(st.Databases) > 0 {
		notes = append(notes, "Cloud Databases take their own backups, which IBM manages; restore one into a new instance with "+lit(`-p '{"backup_id": "<backup CRN>"}'`)+" on "+lit("ibmcloud resource service-instance-create")+".")
		b.doc(b.c.Catalog.Databases.Source)
	}
	return notes
}

func (b *builder) backupDecision() Decision {
	s := b.s
	bk := s.Operations.Backups
	d := Decision{
		Title: "Backups",
		Seed:  "Slide 11 and slide 23: the master and Cloud Databases are backed up automatically to cross-regional Object Storage.",
		IBM: "IBM manages the master's etcd backups and the Cloud Databases backups. Data in the cluster's own volumes is yours to back up: " +
			"with IBM Cloud Backup and Recovery (a data source connector Helm chart in the cluster) or the " + lit("ibmcloud-backup-restore") + " Helm chart, which copies block and file volumes to Object Storage.",
		Alternatives: []Alternative{
			{"No volume backups", "right only when every piece of state lives in Cloud Databases and Object Storage"},
			{"Backup and Recovery", "IBM's backup service with policies and restore points across namespaces and volumes"},
			{"ibmcloud-backup-restore Helm chart", "simple scheduled copies of volumes to Object Storage, with less management"},
		},
		Runbook: b.runbook(view.StepStorage),
		Docs:    b.docs(urlUtilities),
	}
	var alts []Alternative
	for _, a := range d.Alternatives {
		if a.Option != labelAlt(bk.Method) {
			alts = append(alts, a)
		}
	}
	d.Alternatives = alts
	switch bk.Method {
	case model.BackupNone:
		d.Choice = "No volume backups; the design relies on the managed services' own backups."
		if len(s.Storage.Volumes) > 0 {
			d.Consequences = append(d.Consequences, "**The design has persistent volumes but no backup method**: their data is lost with the volume.")
		}
	default:
		d.Choice = md(label(b.translator, bk.Method))
		if bk.Bucket != "" {
			d.Choice += " into bucket " + code(bk.Bucket)
		}
		if bk.Schedule != "" {
			d.Choice += ", schedule " + code(bk.Schedule)
		}
		if bk.RetentionDays > 0 {
			d.Choice += fmt.Sprintf(", kept %d days", bk.RetentionDays)
		}
		d.Choice += "."
		if bk.Bucket != "" {
			d.Consequences = append(d.Consequences, b.bucketVerdict(bk.Bucket))
		}
	}
	return d
}

// labelAlt maps a backup method to the option name used in alternatives.
func labelAlt(m model.BackupMethod) string {
	switch m {
	case model.BackupNone:
		return "No volume backups"
	case model.BackupBackupAndRecovery:
		return "Backup and Recovery"
	case model.BackupRestoreChart:
		return "ibmcloud-backup-restore Helm chart"
	}
	return ""
}

// bucketVerdict says whether the backup bucket survives a region loss.
func (b *builder) bucketVerdict(name string) string {
	for _, bk := range b.s.Storage.ObjectStorage.Buckets {
		if bk.Name != name {
			continue
		}
		switch bk.Resiliency {
		case model.ResiliencyCrossRegion:
			return "The backup bucket " + code(name) + " is cross-region, as the seed advises: backups survive the loss of the whole region."
		case model.ResiliencyRegional:
			return "The backup bucket " + code(name) + " is regional: backups survive a zone loss but not a region loss; the seed keeps backups cross-regional."
		default:
			return "The backup bucket " + code(name) + " is in a single site: **a site loss takes the backups with it**."
		}
	}
	return "The backup bucket " + code(name) + " is not one of the design's buckets; create it before the first backup runs."
}
