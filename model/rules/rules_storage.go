package rules

import (
	"slices"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

const seedStorage = "IBM's 2019 guidance (slide 21): prefer Object Storage or a multizone DBaaS; IaaS block and file storage also work but " +
	"cannot cross zones, so take care in a multizone cluster. Slide 22 lists the multizone options: Object Storage, " +
	"Cloud Databases and Cloudant, and Portworx (licence required). "

func storageRules() []Rule {
	return []Rule{
		{
			ID: "STO001", Severity: Error, Area: AreaStorage, Path: "spec.storage.volumes[*].storageClass",
			Title: "Storage class unknown for the infrastructure",
			Why: "Storage classes differ by infrastructure: classic uses ibmc-block-* (Helm plug-in) and ibmc-file-*, VPC " +
				"uses ibmc-vpc-block-* and ibmc-vpc-file-* (managed add-ons), and Object Storage classes work on both. A PVC " +
				"naming a class the cluster does not have stays Pending.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Infrastructure.Valid() {
					return nil // BAS001 reports it
				}
				var hits []Hit
				for i, v := range s.Storage.Volumes {
					if _, ok := c.Catalog.StorageClass(s.Infrastructure, v.StorageClass); ok {
						continue
					}
					path := pathf("spec.storage.volumes[%d].storageClass", i)
					switch {
					case v.StorageClass == "":
						hits = append(hits, hit(path, "volume %s has no storage class", v.Name))
					case storageOnOther(c, v.StorageClass):
						hits = append(hits, hit(path, "volume %s: %s is a %s storage class, not available on %s", v.Name, v.StorageClass,
							infraLabel(otherInfra(s.Infrastructure)), infraLabel(s.Infrastructure)))
					default:
						hits = append(hits, hit(path, "volume %s: storage class %s is not in the catalog for %s", v.Name, v.StorageClass, infraLabel(s.Infrastructure)))
					}
				}
				return hits
			},
		},
		{
			ID: "STO002", Severity: Warning, Area: AreaStorage, Path: "spec.storage.volumes[*].storageClass",
			Title: "Classic zone-bound volume in a multizone cluster",
			Why: seedStorage + "IBM today: classic block and file volumes live in one zone; when that zone fails, the pods that " +
				"use them cannot start elsewhere. Use Object Storage, Cloud Databases or Portworx, or replicate in the application.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || !s.Multizone() {
					return nil
				}
				var hits []Hit
				for i, v := range s.Storage.Volumes {
					sc, ok := c.Catalog.StorageClass(s.Infrastructure, v.StorageClass)
					if ok && sc.ZoneBound && !sc.Metro {
						hits = append(hits, hit(pathf("spec.storage.volumes[%d].storageClass", i),
							"volume %s uses %s, %s storage bound to one zone, in a %d-zone cluster", v.Name, sc.Name, sc.Kind, len(s.Zones)))
					}
				}
				return hits
			},
		},
		{
			ID: "STO003", Severity: Warning, Area: AreaStorage, Path: "spec.storage.volumes[*].storageClass",
			Title: "VPC volume class not zone-aware in a multizone cluster",
			Why: seedStorage + "IBM today: on VPC use the -metro- block classes (WaitForFirstConsumer), so each volume is " +
				"created in the zone where its pod is scheduled; other zonal block classes may create the volume in a zone the pod cannot use. " +
				"(VPC file shares can be mounted from every zone, so they are not flagged.)",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsVPC() || !s.Multizone() {
					return nil
				}
				var hits []Hit
				for i, v := range s.Storage.Volumes {
					sc, ok := c.Catalog.StorageClass(s.Infrastructure, v.StorageClass)
					if !ok || !sc.ZoneBound || sc.Metro || sc.CrossZoneMount {
						continue // metro classes follow the pod; VPC file shares mount from any zone
					}
					hint := ""
					if m := metroVariant(c.Catalog, sc.Name); m != "" {
						hint = "; use " + m
					}
					hits = append(hits, hit(pathf("spec.storage.volumes[%d].storageClass", i),
						"volume %s uses %s, which is not zone-aware, in a %d-zone cluster%s", v.Name, sc.Name, len(s.Zones), hint))
				}
				return hits
			},
		},
		{
			ID: "STO004", Severity: Error, Area: AreaStorage, Path: "spec.storage.volumes[*].accessMode",
			Title: "Access mode not supported by the storage class",
			Why: "Block storage mounts on one worker at a time (ReadWriteOnce); file storage and Object Storage can be shared " +
				"(ReadWriteMany). A PVC asking for a mode its class lacks never binds.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, v := range c.Spec.Storage.Volumes {
					sc, ok := c.Catalog.StorageClass(c.Spec.Infrastructure, v.StorageClass)
					if !ok || len(sc.AccessModes) == 0 || slices.Contains(sc.AccessModes, v.AccessMode) {
						continue
					}
					var modes []string
					for _, m := range sc.AccessModes {
						modes = append(modes, string(m))
					}
					hits = append(hits, hit(pathf("spec.storage.volumes[%d].accessMode", i), "volume %s: %s supports %s, not %s",
						v.Name, sc.Name, commaList(modes), v.AccessMode))
				}
				return hits
			},
		},
		{
			ID: "STO005", Severity: Error, Area: AreaStorage, Path: "spec.storage.portworx.enabled",
			Title: "Portworx on classic without bare-metal workers",
			Why: "IBM's 2019 guidance (slide 22): Portworx is the software-defined multizone option. IBM's Portworx planning: on classic, run it " +
				"on bare-metal (SDS) workers with local disks; classic virtual servers with 1000 Mbps networking are not " +
				"sufficient for production Portworx.",
			DocURL: doc("storage_portworx_plan"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || !s.Storage.Portworx.Enabled {
					return nil
				}
				for i, p := range s.WorkerPools {
					if f, ok := flavorOf(c, i); ok && f.BareMetal() || p.Isolation == model.IsolationBareMetal {
						return nil
					}
				}
				return []Hit{hit("spec.storage.portworx.enabled", "Portworx is enabled but no worker pool is bare metal; add a storage pool of bare-metal SDS workers")}
			},
		},
		{
			ID: "STO006", Severity: Info, Area: AreaStorage, Path: "spec.storage.portworx.enabled",
			Title: "Portworx needs a licence",
			Why: "IBM's 2019 guidance (slide 22) marks Portworx 要ライセンス (licence required). It is installed from the IBM Cloud catalog with " +
				"its own billing plan; plan the licence, the KVDB or Databases for etcd metadata store and a multizone layout.",
			DocURL: doc("storage_portworx_plan"),
			Check: func(c *Context) []Hit {
				if !c.Spec.Storage.Portworx.Enabled {
					return nil
				}
				return []Hit{hit("spec.storage.portworx.enabled", "Portworx is licensed separately from IKS: choose its plan in the IBM Cloud catalog before installing")}
			},
		},
		{
			ID: "STO007", Severity: Warning, Area: AreaStorage, Path: "spec.storage.databases[*].bindNamespace",
			Title: "Service bound into a namespace the design does not create",
			Why: "`ibmcloud ks cluster service bind --namespace NS` stores the service credentials as a Secret in NS; the " +
				"namespace must exist, and should be one of the design's namespaces so its quota and access rules apply.",
			DocURL: doc("service-binding"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, db := range s.Storage.Databases {
					if db.BindNamespace != "" && !namespaceKnown(s, db.BindNamespace) {
						hits = append(hits, hit(pathf("spec.storage.databases[%d].bindNamespace", i), "database %s binds into namespace %s, but %s",
							db.Name, db.BindNamespace, namespaceList(s)))
					}
				}
				if cl := s.Storage.Cloudant; cl.Enabled && cl.BindNamespace != "" && !namespaceKnown(s, cl.BindNamespace) {
					hits = append(hits, hit("spec.storage.cloudant.bindNamespace", "Cloudant binds into namespace %s, but %s", cl.BindNamespace, namespaceList(s)))
				}
				return hits
			},
		},
		{
			ID: "STO008", Severity: Warning, Area: AreaStorage, Path: "spec.storage.volumes[*].namespace",
			Title: "Volume in a namespace the design does not create",
			Why: "A PersistentVolumeClaim lives in one namespace; the design's manifests create only spec.namespaces, so a " +
				"claim elsewhere has no namespace, quota or access rules to land in.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, v := range s.Storage.Volumes {
					path := pathf("spec.storage.volumes[%d].namespace", i)
					switch {
					case v.Namespace == "":
						hits = append(hits, hit(path, "volume %s has no namespace", v.Name))
					case !namespaceKnown(s, v.Namespace):
						hits = append(hits, hit(path, "volume %s is in namespace %s, but %s", v.Name, v.Namespace, namespaceList(s)))
					}
				}
				return hits
			},
		},
		{
			ID: "STO009", Severity: Error, Area: AreaStorage, Path: "spec.storage.databases[*].type",
			Title: "Database engine or plan not in the catalog",
			Why: "IBM's 2019 guidance (slide 23): IBM Cloud Databases are managed and spread over the region's zones. The runbook creates each " +
				"instance with `ibmcloud resource service-instance-create NAME SERVICE PLAN REGION`, so the catalog must name " +
				"the engine's service and plan.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, db := range c.Spec.Storage.Databases {
					svc, ok := c.Catalog.Database(db.Type)
					if !ok {
						hits = append(hits, hit(pathf("spec.storage.databases[%d].type", i), "database %s: engine %q is not in the catalog", db.Name, db.Type))
						continue
					}
					if len(svc.Plans) > 0 && !slices.Contains(svc.Plans, db.Plan) {
						hits = append(hits, hit(pathf("spec.storage.databases[%d].plan", i), "database %s: %s has no plan %q (plans: %s)",
							db.Name, svc.ServiceName, db.Plan, commaList(svc.Plans)))
					}
				}
				return hits
			},
		},
		{
			ID: "STO010", Severity: Warning, Area: AreaStorage, Path: "spec.storage.databases[*].privateEndpoint",
			Title: "Production database reachable over the public network",
			Why: "IBM's 2019 guidance (slide 21) connects the cluster to its data over the private network. IBM Cloud Databases offer private " +
				"service endpoints (`--service-endpoints private`), which keep database traffic off the internet.",
			DocURL: "https://cloud.ibm.com/docs/cloud-databases?topic=cloud-databases-service-endpoints",
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() {
					return nil
				}
				var hits []Hit
				for i, db := range c.Spec.Storage.Databases {
					if !db.PrivateEndpoint {
						hits = append(hits, hit(pathf("spec.storage.databases[%d].privateEndpoint", i), "database %s uses a public endpoint; use the private service endpoint", db.Name))
					}
				}
				return hits
			},
		},
		{
			ID: "STO011", Severity: Error, Area: AreaStorage, Path: "spec.storage.volumes[*].sizeGiB",
			Title:  "Volume without a size",
			Why:    "A PersistentVolumeClaim must request a size; IBM provisions block and file volumes of that size.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, v := range c.Spec.Storage.Volumes {
					if v.SizeGiB < 1 {
						hits = append(hits, hit(pathf("spec.storage.volumes[%d].sizeGiB", i), "volume %s has size %d GiB; request at least 1", v.Name, v.SizeGiB))
					}
				}
				return hits
			},
		},
	}
}

// storageOnOther reports whether name is a storage class of the other
// infrastructure only.
func storageOnOther(c *Context, name string) bool {
	_, ok := c.Catalog.StorageClass(otherInfra(c.Spec.Infrastructure), name)
	return ok && c.Spec.Infrastructure.Valid()
}

// metroVariant returns the metro class matching a VPC class, e.g.
// ibmc-vpc-block-10iops-tier → ibmc-vpc-block-metro-10iops-tier.
func metroVariant(cat *catalog.Catalog, name string) string {
	for _, prefix := range []string{"ibmc-vpc-block-", "ibmc-vpc-file-"} {
		if strings.HasPrefix(name, prefix) {
			m := prefix + "metro-" + strings.TrimPrefix(name, prefix)
			if sc, ok := cat.StorageClass(model.InfraVPC, m); ok && sc.Metro {
				return m
			}
		}
	}
	return ""
}
