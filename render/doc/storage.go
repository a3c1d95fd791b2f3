package doc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
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
		parts = append(parts, b.t("st.cos", "Name", code(st.ObjectStorage.InstanceName), "Buckets", b.n("count.bucket", len(st.ObjectStorage.Buckets))))
	}
	if len(st.Databases) > 0 {
		var dbs []string
		for _, db := range st.Databases {
			dbs = append(dbs, md(label(b.translator, db.Type)))
		}
		parts = append(parts, "IBM Cloud Databases ("+strings.Join(dbs, b.t("listSep"))+")")
	}
	if st.Cloudant.Enabled {
		parts = append(parts, "Cloudant")
	}
	if st.Portworx.Enabled {
		parts = append(parts, "Portworx")
	}
	if len(st.Volumes) > 0 {
		parts = append(parts, b.n("count.persistentVolume", len(st.Volumes)))
	}
	if st.DatabaseOnIaaS.Enabled {
		parts = append(parts, b.t("st.iaas"))
	}
	choice := b.t("st.stateless")
	if len(parts) > 0 {
		choice = b.t("st.stateIn", "Parts", strings.Join(parts, b.t("listSep")))
	}
	d := Decision{
		Title:  b.t("st.dec.title"),
		Choice: choice,
		Seed:   b.t("st.dec.seed"),
		IBM:    b.t("st.dec.ibm"),
		Alternatives: []Alternative{
			{b.t("st.dec.altInCluster"), b.t("st.dec.altInClusterWhy")},
			{"Portworx", b.t("st.dec.altPortworxWhy")},
		},
		Runbook: b.runbook(view.StepStorage),
		Docs:    b.docs(urlStoragePlan),
	}
	if st.Portworx.Enabled {
		d.Alternatives = d.Alternatives[:1]
	}
	if s.Multizone() {
		d.Consequences = append(d.Consequences, b.t("st.dec.zoneBound"))
	}
	if st.ObjectStorage.Enabled && len(st.ObjectStorage.Buckets) > 0 {
		d.Consequences = append(d.Consequences, b.t("st.dec.bucketFixed", "Badge", b.t("badge")))
	}
	for _, db := range st.Databases {
		if db.BindNamespace != "" {
			d.Consequences = append(d.Consequences, b.t("st.dec.bind", "Name", code(db.Name), "NS", code(db.BindNamespace), "Cmd", lit("ibmcloud ks cluster service bind")))
		}
	}
	return d
}

// storagePlan is one row per service or volume with its zone binding.
func (b *builder) storagePlan() Table {
	s := b.s
	st := s.Storage
	t := newTable(b.t("st.col.what"), b.t("st.col.kind"), b.t("st.col.class"), b.t("st.col.zoneBound"), b.t("st.col.why"))
	yes, no := b.t("st.zbYes"), b.t("no")
	if st.ObjectStorage.Enabled {
		plan := md(b.c.Catalog.MustService("cos").Plan) // Check requires cos and its plan
		t.add("Object Storage "+code(st.ObjectStorage.InstanceName), b.t("st.plan.cosKind"), plan, no, b.t("st.plan.cosWhy"))
		for _, bk := range st.ObjectStorage.Buckets {
			zb, why := no, ""
			switch bk.Resiliency {
			case model.ResiliencyCrossRegion:
				why = b.t("st.plan.crossRegion")
			case model.ResiliencyRegional:
				why = b.t("st.plan.regional")
			case model.ResiliencySingleSite:
				zb, why = yes, b.t("st.plan.singleSite")
			}
			t.add(b.t("st.plan.bucket", "Name", code(bk.Name)), b.t("st.plan.bucketKind", "Resiliency", md(label(b.translator, bk.Resiliency))), md(label(b.translator, bk.Class)), zb, why)
		}
	}
	for _, db := range st.Databases {
		members := b.t("st.plan.members")
		if sv, ok := b.c.Catalog.Database(db.Type); ok && sv.Members > 0 {
			members = b.t("st.plan.membersN", "N", strconv.Itoa(sv.Members))
		}
		ep := b.t("st.plan.public")
		if db.PrivateEndpoint {
			ep = b.t("st.plan.private")
		}
		t.add(code(db.Name), md(label(b.translator, db.Type)), code(db.Plan), no, b.t("st.plan.db", "Members", members, "Endpoint", ep))
	}
	if st.Cloudant.Enabled {
		t.add(code(st.Cloudant.InstanceName), "Cloudant", code(st.Cloudant.Plan), no, b.t("st.plan.cloudant"))
	}
	if st.Portworx.Enabled {
		why := b.t("st.plan.portworx")
		if s.IsClassic() {
			why += b.t("st.plan.portworxClassic")
		}
		t.add("Portworx", b.t("st.plan.sds"), b.t("st.plan.licence"), no, why)
	}
	for _, v := range st.Volumes {
		kind, zb, why := b.t("st.plan.volume"), yes, b.t("st.plan.unknownClass")
		if sc, ok := b.c.Catalog.StorageClass(s.Infrastructure, v.StorageClass); ok {
			kind = b.t("st.plan.kindVolume", "Kind", b.storageKind(sc.Kind))
			switch {
			case !sc.ZoneBound:
				zb, why = no, b.t("st.plan.spans")
			case sc.Metro:
				why = b.t("st.plan.metro")
			case sc.CrossZoneMount:
				why = b.t("st.plan.crossMount")
			default:
				why = b.t("st.plan.pinned")
			}
			if sc.Retain {
				why += b.t("st.plan.retain")
			}
		}
		t.add(code(v.Namespace+"/"+v.Name), kind+fmt.Sprintf(", %d GiB, %s", v.SizeGiB, md(string(v.AccessMode))), code(v.StorageClass), zb, why)
	}
	if st.DatabaseOnIaaS.Enabled {
		engine := b.t("st.plan.selfRun")
		if st.DatabaseOnIaaS.Engine != "" {
			engine = md(st.DatabaseOnIaaS.Engine)
		}
		cidr := b.t("st.plan.privateNetwork")
		if st.DatabaseOnIaaS.PrivateCIDR != "" {
			cidr = code(st.DatabaseOnIaaS.PrivateCIDR)
		}
		t.add(engine, b.t("st.plan.iaasKind"), "—", yes, b.t("st.plan.iaasWhy", "Network", cidr))
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
			notes = append(notes, b.t("st.note.classic"))
		} else {
			notes = append(notes, b.t("st.note.vpc", "Classes", lit("ibmc-vpc-block-metro-*")))
		}
	}
	for _, v := range st.Volumes {
		if sc, ok := b.c.Catalog.StorageClass(s.Infrastructure, v.StorageClass); ok && sc.Plugin != "" {
			notes = append(notes, b.t("st.note.plugin", "Volume", code(v.Name), "Plugin", code(sc.Plugin), "Class", code(sc.Name), "Step", b.stepNumber(view.StepStorage)))
		}
	}
	if st.ObjectStorage.Enabled {
		notes = append(notes, b.t("st.note.cos", "Chart", lit("ibm-object-storage-plugin")))
		b.doc(urlCOSPlugin)
	}
	if st.Portworx.Enabled {
		notes = append(notes, b.t("st.note.portworx"))
	}
	if len(st.Databases) > 0 {
		notes = append(notes, b.t("st.note.restore", "Param", lit(`-p '{"backup_id": "<backup CRN>"}'`), "Cmd", lit("ibmcloud resource service-instance-create")))
		b.doc(b.c.Catalog.Databases.Source)
	}
	return notes
}

func (b *builder) backupDecision() Decision {
	s := b.s
	bk := s.Operations.Backups
	d := Decision{
		Title: b.t("st.bk.title"),
		Seed:  b.t("st.bk.seed"),
		IBM:   b.t("st.bk.ibm", "Chart", lit("ibmcloud-backup-restore")),
		Alternatives: []Alternative{
			{b.t("st.bk.altNone"), b.t("st.bk.altNoneWhy")},
			{"Backup and Recovery", b.t("st.bk.altBRWhy")},
			{b.t("st.bk.altChart"), b.t("st.bk.altChartWhy")},
		},
		Runbook: b.runbook(view.StepStorage),
		Docs:    b.docs(urlUtilities),
	}
	var alts []Alternative
	for _, a := range d.Alternatives {
		if a.Option != b.labelAlt(bk.Method) {
			alts = append(alts, a)
		}
	}
	d.Alternatives = alts
	switch bk.Method {
	case model.BackupNone:
		d.Choice = b.t("st.bk.none")
		if len(s.Storage.Volumes) > 0 {
			d.Consequences = append(d.Consequences, b.t("st.bk.volumesNoBackup"))
		}
	default:
		d.Choice = md(label(b.translator, bk.Method))
		if bk.Bucket != "" {
			d.Choice += b.t("st.bk.into", "Bucket", code(bk.Bucket))
		}
		if bk.Schedule != "" {
			d.Choice += b.t("st.bk.schedule", "Schedule", code(bk.Schedule))
		}
		if bk.RetentionDays > 0 {
			d.Choice += b.t("st.bk.kept", "Days", strconv.Itoa(bk.RetentionDays))
		}
		d.Choice += b.t("end")
		if bk.Bucket != "" {
			d.Consequences = append(d.Consequences, b.bucketVerdict(bk.Bucket))
		}
	}
	return d
}

// labelAlt maps a backup method to the option name used in alternatives.
func (b *builder) labelAlt(m model.BackupMethod) string {
	switch m {
	case model.BackupNone:
		return b.t("st.bk.altNone")
	case model.BackupBackupAndRecovery:
		return "Backup and Recovery"
	case model.BackupRestoreChart:
		return b.t("st.bk.altChart")
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
			return b.t("st.bk.crossRegion", "Bucket", code(name))
		case model.ResiliencyRegional:
			return b.t("st.bk.regional", "Bucket", code(name))
		default:
			return b.t("st.bk.singleSite", "Bucket", code(name))
		}
	}
	return b.t("st.bk.unknownBucket", "Bucket", code(name))
}

// storageKind is a storage class family (block, file, object) in the
// document's language.
func (b *builder) storageKind(k catalog.StorageKind) string {
	switch k {
	case catalog.StorageBlock, catalog.StorageFile, catalog.StorageObject:
		return b.t("st.kind." + string(k))
	}
	return md(string(k))
}
