package change

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// judgeCtx is what a judge may read besides the change itself.
type judgeCtx struct {
	old, new *model.Design
	cat      *catalog.Catalog
}

// judge refines a row's class from the change's direction. It returns
// ok=false to keep the row's class and why.
type judge func(c *Change, x *judgeCtx) (class Class, why, source string, ok bool)

// judges are keyed like the table; the map is made on first use, as
// tableIndex is.
var judges = sync.OnceValue(func() map[string]judge {
	return map[string]judge{
		"spec.zones[*]":                         judgeZone,
		"spec.kubernetesVersion":                judgeVersion,
		"spec.workerPools[*]":                   judgePool,
		"spec.network.serviceEndpoints":         judgeEndpoints,
		"spec.security.kms.provider":            judgeKMS,
		"spec.storage.objectStorage.enabled":    judgeTurnedOff("Object Storage off deletes every bucket and its data"),
		"spec.storage.objectStorage.buckets[*]": judgeRemoved("a removed bucket is deleted with its data"),
		"spec.storage.databases[*]":             judgeRemoved("a removed database is deleted with its data (IBM keeps backups only for a limited time)"),
		"spec.storage.cloudant.enabled":         judgeTurnedOff("Cloudant off deletes the instance and its data"),
		"spec.storage.portworx.enabled":         judgeTurnedOff("removing Portworx loses the data on its volumes"),
		"spec.storage.volumes[*]":               judgeRemoved("a removed claim deletes its volume's data unless the class retains it"),
		"spec.storage.volumes[*].sizeGiB":       judgeShrink,
	}
})

// classify sets the change's class, why and source from the table and its
// judge.
func classify(c *Change, x *judgeCtx) {
	r, ok := Lookup(c.Key)
	if !ok {
		// TestEveryFieldHasARow keeps this unreachable for design fields.
		r = Impact{Key: c.Key, Class: InPlace, Why: "not in the impact table", Source: ""}
	}
	c.Class, c.Why, c.Source = r.Class, r.Why, r.Source
	if j := judges()[c.Key]; j != nil {
		if cl, why, src, ok := j(c, x); ok {
			c.Class, c.Why = cl, why
			if src != "" {
				c.Source = src
			}
		}
	}
}

// judgeZone: removing a zone that holds zone-bound volumes (or Portworx
// data) loses them; otherwise zone rm is in place.
func judgeZone(c *Change, x *judgeCtx) (Class, string, string, bool) {
	if c.Op == Added {
		return InPlace, "zone add puts every pool's workers in the new zone", docs + "kubernetes-service-cli#cs_zone_add", true
	}
	if c.Op != Removed {
		return 0, "", "", false
	}
	if bound := zoneBoundVolumes(x.old, x.cat); len(bound) > 0 {
		return DataRisk, fmt.Sprintf("zone rm deletes the zone's workers; zone-bound volumes there (%s) cannot follow their pods", strings.Join(bound, ", ")), docs + "storage-plan", true
	}
	if x.old.Spec.Storage.Portworx.Enabled {
		return DataRisk, "zone rm deletes the zone's workers and the Portworx replicas on their disks", docs + "portworx", true
	}
	return InPlace, "zone rm drains and deletes the zone's workers; the design has no zone-bound volumes", docs + "kubernetes-service-cli#cs_zone_rm", true
}

// zoneBoundVolumes names the design's volumes whose storage class lives in
// one zone.
func zoneBoundVolumes(d *model.Design, cat *catalog.Catalog) []string {
	var out []string
	for _, v := range d.Spec.Storage.Volumes {
		if sc, ok := cat.StorageClass(d.Spec.Infrastructure, v.StorageClass); ok && sc.ZoneBound && !sc.CrossZoneMount {
			out = append(out, v.Namespace+"/"+v.Name)
		}
	}
	return out
}

// judgeVersion: IBM updates the master one minor at a time and never
// downgrades.
func judgeVersion(c *Change, _ *judgeCtx) (Class, string, string, bool) {
	o, okO := minor(c.Old)
	n, okN := minor(c.New)
	if !okO || !okN {
		return 0, "", "", false
	}
	switch {
	case n < o:
		return ClusterRecreate, "IBM does not downgrade a master: a new cluster at the older version", docs + "cs_versions", true
	case n-o > 1:
		return Rolling, fmt.Sprintf("%d master updates, one minor at a time, each followed by replacing every worker", n-o), docs + "update", true
	}
	return 0, "", "", false
}

// minor reads the minor of "1.33" (the major is 1 for every IKS version).
func minor(v string) (int, bool) {
	maj, mi, ok := strings.Cut(v, ".")
	if !ok || maj != "1" {
		return 0, false
	}
	mi, _, _ = strings.Cut(mi, ".")
	n, err := strconv.Atoi(mi)
	return n, err == nil
}

func judgePool(c *Change, _ *judgeCtx) (Class, string, string, bool) {
	switch c.Op {
	case Added:
		return InPlace, "worker-pool create, then zone add in every zone", docs + "add-workers-vpc", true
	case Removed:
		return PoolReplace, "the pool's workers are drained through the PDBs, then worker-pool rm deletes them", docs + "kubernetes-service-cli#cs_worker_pool_rm", true
	}
	return 0, "", "", false
}

func judgeEndpoints(c *Change, x *judgeCtx) (Class, string, string, bool) {
	o, n := model.ServiceEndpoints(c.Old), model.ServiceEndpoints(c.New)
	if o.HasPrivate() && !n.HasPrivate() {
		return ClusterRecreate, "the private service endpoint cannot be disabled once enabled", docs + "kubernetes-service-cli#cs_cluster_create", true
	}
	if !o.HasPrivate() && n.HasPrivate() {
		return Rolling, "private-service-endpoint enable, then a master refresh and a reload of every worker", docs + "kubernetes-service-cli#cs_cluster_feature_enable_private_service_endpoint", true
	}
	return InPlace, "public-service-endpoint enable or disable, then a master refresh", docs + "kubernetes-service-cli#cs_cluster_feature_disable", true
}

func judgeKMS(c *Change, _ *judgeCtx) (Class, string, string, bool) {
	if !(model.KMS{Provider: model.KMSProvider(c.New)}).Enabled() {
		if (model.KMS{Provider: model.KMSProvider(c.Old)}).Enabled() {
			return ClusterRecreate, "KMS provider encryption cannot be disabled once enabled: only a new cluster is without it", docs + "encryption#kms-keyprotect-features", true
		}
	}
	return 0, "", "", false
}

func judgeTurnedOff(why string) judge {
	return func(c *Change, _ *judgeCtx) (Class, string, string, bool) {
		if c.Old == "true" && c.New == "false" {
			return DataRisk, why, "", true
		}
		return 0, "", "", false
	}
}

func judgeRemoved(why string) judge {
	return func(c *Change, _ *judgeCtx) (Class, string, string, bool) {
		if c.Op == Removed {
			return DataRisk, why, "", true
		}
		return 0, "", "", false
	}
}

func judgeShrink(c *Change, _ *judgeCtx) (Class, string, string, bool) {
	o, err1 := strconv.Atoi(c.Old)
	n, err2 := strconv.Atoi(c.New)
	if err1 == nil && err2 == nil && n < o {
		return DataRisk, "a claim can never shrink: a new, smaller volume and a copy of the data", "https://kubernetes.io/docs/concepts/storage/persistent-volumes/#expanding-persistent-volumes-claims", true
	}
	return 0, "", "", false
}

// judgeNewInstance: naming an instance where there was none creates it;
// nothing is left behind.
func judgeNewInstance(c *Change, _ *judgeCtx) (Class, string, string, bool) {
	if c.Old == "" {
		return InPlace, "a new instance is created", "", true
	}
	return 0, "", "", false
}
