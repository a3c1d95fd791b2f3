package terraform

import (
	"fmt"

	"github.com/iksplan/iksplan/model"
)

// storage.tf: Object Storage and its buckets, Cloud Databases, Cloudant,
// and the managed add-ons the volumes' storage classes need.
func (m *module) storage() {
	f := m.f("storage.tf")
	st := m.s.Storage
	if st.ObjectStorage.Enabled {
		m.objectStorage(f)
	}
	for i := range st.Databases {
		m.database(f, i)
	}
	if st.Cloudant.Enabled {
		m.cloudant(f)
	}
	m.addons(f)
}

// serviceEntry is a catalog service's name, plan and location: the
// catalog's services section, which Catalog.Check requires for every
// service the renderers name (catalog.RequiredServices), so the module
// spells no IBM service name or plan of its own.
func (m *module) serviceEntry(id string) (string, string, string) {
	e := m.c.Catalog.MustService(id)
	return e.ServiceName, e.Plan, e.Location
}

func (m *module) objectStorage(f *file) {
	obj := m.s.Storage.ObjectStorage
	service, plan, loc := m.serviceEntry("cos")
	f.note("Object Storage: data that must survive a zone (cross-region buckets survive a region).")
	r := f.add(newBlock("resource", "ibm_resource_instance", "cos"))
	r.setFrom("name", str(obj.InstanceName), "spec.storage.objectStorage.instanceName")
	r.set("service", str(service))
	r.set("plan", str(plan))
	r.set("location", str(loc))
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	for i, bk := range obj.Buckets {
		path := fmt.Sprintf("spec.storage.objectStorage.buckets[%d]", i)
		b := f.add(newBlock("resource", "ibm_cos_bucket", fmt.Sprintf("bucket_%d", i+1)))
		b.note("%s, %s: resiliency and location are fixed when the bucket is created %s.", bk.Resiliency.Label(), bk.Class.Label(), fixedMark)
		b.setFrom("bucket_name", str(bk.Name), path+".name")
		b.set("resource_instance_id", ref("ibm_resource_instance.cos.id"))
		switch bk.Resiliency {
		case model.ResiliencyCrossRegion:
			if geo, ok := m.c.Catalog.CrossRegionFor(m.s.Region); ok {
				b.setFrom("cross_region_location", str(geo), path+".resiliency")
			} else {
				v := fmt.Sprintf("bucket_%d_cross_region_location", i+1)
				m.variable(v, fmt.Sprintf("cross-region location of bucket %s (ap, eu or us): iksplan knows none for %s", bk.Name, m.s.Region), "", false)
				b.setFrom("cross_region_location", ref("var."+v), path+".resiliency")
			}
		case model.ResiliencySingleSite:
			v := fmt.Sprintf("bucket_%d_single_site_location", i+1)
			m.variable(v, fmt.Sprintf("single data center of bucket %s (for example sng01 or che01 in Asia Pacific)", bk.Name), "", false)
			b.setFrom("single_site_location", ref("var."+v), path+".resiliency")
		default:
			b.setFrom("region_location", str(m.s.Region), path+".resiliency")
		}
		// The design's class names are the provider's storage_class values
		// (smart, standard, vault, cold); Resolve makes an empty one smart.
		b.setFrom("storage_class", str(string(bk.Class)), path+".class")
		b.note("Keep the data if the bucket is removed from this module: a non-empty bucket is not deleted.")
		b.set("force_delete", boolean(false))
	}
}

func (m *module) database(f *file, i int) {
	db := m.s.Storage.Databases[i]
	path := fmt.Sprintf("spec.storage.databases[%d]", i)
	svc, ok := m.c.Catalog.Database(db.Type)
	if !ok || svc.ServiceName == "" {
		f.note("Database %d (%s): iksplan's catalog has no service name for this engine; create it in the console.", i+1, db.Type.Label())
		return
	}
	f.note("%s: managed, spread over the region's zones. The runbook binds its credentials into a namespace.", db.Type.Label())
	r := f.add(newBlock("resource", "ibm_resource_instance", fmt.Sprintf("database_%d", i+1)))
	r.setFrom("name", str(db.Name), path+".name")
	r.setFrom("service", str(svc.ServiceName), path+".type")
	r.setFrom("plan", str(db.Plan), path+".plan")
	r.setFrom("location", str(m.s.Region), "spec.region")
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	if db.PrivateEndpoint {
		r.setFrom("service_endpoints", str("private"), path+".privateEndpoint")
	}
}

func (m *module) cloudant(f *file) {
	cl := m.s.Storage.Cloudant
	service, _, _ := m.serviceEntry("cloudant")
	f.note("Cloudant: a managed document database replicated across the region's zones.")
	r := f.add(newBlock("resource", "ibm_resource_instance", "cloudant"))
	r.setFrom("name", str(cl.InstanceName), "spec.storage.cloudant.instanceName")
	r.set("service", str(service))
	r.setFrom("plan", str(cl.Plan), "spec.storage.cloudant.plan")
	r.setFrom("location", str(m.s.Region), "spec.region")
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
}

// addons enables the add-ons the volumes' storage classes need (view's
// StorageAddons: the runbook's storage step enables the same ones).
// manage_all_addons = false leaves add-ons this module does not name (such
// as VPC Block Storage) alone instead of removing them.
func (m *module) addons(f *file) {
	names := m.c.StorageAddons()
	if len(names) == 0 {
		return
	}
	f.note("Managed add-ons the volumes' storage classes need.")
	a := f.add(newBlock("resource", "ibm_container_addons", "storage"))
	a.set("cluster", m.clusterID())
	a.set("manage_all_addons", boolean(false))
	for _, n := range names {
		a.add("addons").set("name", str(n))
	}
}
