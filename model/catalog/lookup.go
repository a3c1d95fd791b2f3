package catalog

import (
	"github.com/iksplan/iksplan/model"
)

// Region returns the region called name.
func (c *Catalog) Region(name string) (Region, bool) {
	for _, r := range c.Locations.Regions {
		if r.Name == name {
			return r, true
		}
	}
	return Region{}, false
}

// Zone finds a zone by infrastructure and name, with the region it is in.
func (c *Catalog) Zone(infra model.Infrastructure, name string) (Zone, Region, bool) {
	for _, r := range c.Locations.Regions {
		for _, z := range r.Zones {
			if z.Name == name && z.Infrastructure == infra {
				return z, r, true
			}
		}
	}
	return Zone{}, Region{}, false
}

// ZonesIn lists the zones of region for infra, multizone metro zones first,
// in catalog order.
func (c *Catalog) ZonesIn(infra model.Infrastructure, region string) []Zone {
	r, ok := c.Region(region)
	if !ok {
		return nil
	}
	var mz, sz []Zone
	for _, z := range r.Zones {
		if z.Infrastructure != infra {
			continue
		}
		if z.Multizone() {
			mz = append(mz, z)
		} else {
			sz = append(sz, z)
		}
	}
	return append(mz, sz...)
}

// RegionsFor lists the regions that have at least one zone for infra.
func (c *Catalog) RegionsFor(infra model.Infrastructure) []Region {
	var out []Region
	for _, r := range c.Locations.Regions {
		for _, z := range r.Zones {
			if z.Infrastructure == infra {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// Flavor finds a flavor by infrastructure and name.
func (c *Catalog) Flavor(infra model.Infrastructure, name string) (Flavor, bool) {
	for _, f := range c.Flavors.Items {
		if f.Name == name && f.Infrastructure == infra {
			return f, true
		}
	}
	return Flavor{}, false
}

// LookupFlavor implements model.FlavorLookup.
func (c *Catalog) LookupFlavor(infra model.Infrastructure, name string) (model.FlavorSpec, bool) {
	f, ok := c.Flavor(infra, name)
	return f.Spec(), ok
}

// FlavorsFor lists the flavors of infra that allow isolation and are
// offered in region (an empty region or isolation matches all), in catalog
// order.
func (c *Catalog) FlavorsFor(infra model.Infrastructure, isolation model.Isolation, region string) []Flavor {
	var out []Flavor
	for _, f := range c.Flavors.Items {
		if f.Infrastructure != infra {
			continue
		}
		if isolation != "" && !f.Allows(isolation) {
			continue
		}
		if region != "" && !f.OfferedIn(region) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Version finds a Kubernetes version by major.minor.
func (c *Catalog) Version(v string) (Version, bool) {
	for _, x := range c.Versions.Items {
		if x.Version == v {
			return x, true
		}
	}
	return Version{}, false
}

// DefaultVersion returns the version IKS creates when none is given.
func (c *Catalog) DefaultVersion() (Version, bool) {
	for _, x := range c.Versions.Items {
		if x.Status == VersionDefault {
			return x, true
		}
	}
	return Version{}, false
}

// StorageClass finds a storage class offered on infra.
func (c *Catalog) StorageClass(infra model.Infrastructure, name string) (StorageClass, bool) {
	for _, s := range c.Storage.Items {
		if s.Name == name && s.On(infra) {
			return s, true
		}
	}
	return StorageClass{}, false
}

// StorageClassesFor lists the storage classes offered on infra.
func (c *Catalog) StorageClassesFor(infra model.Infrastructure) []StorageClass {
	var out []StorageClass
	for _, s := range c.Storage.Items {
		if s.On(infra) {
			out = append(out, s)
		}
	}
	return out
}

// Database finds the Cloud Databases service of an engine.
func (c *Catalog) Database(t model.DatabaseType) (DatabaseService, bool) {
	for _, d := range c.Databases.Items {
		if d.Type == t {
			return d, true
		}
	}
	return DatabaseService{}, false
}

// Service finds another IBM Cloud service by iksplan's ID (cos, cis, …).
func (c *Catalog) Service(id string) (Service, bool) {
	for _, s := range c.Services.Items {
		if s.ID == id {
			return s, true
		}
	}
	return Service{}, false
}

// RBAC returns the Kubernetes RBAC IKS creates for a service role with the
// given scope.
func (c *Catalog) RBAC(role model.ServiceRole, allNamespaces bool) (RBACMapping, bool) {
	scope := "namespace"
	if allNamespaces {
		scope = "all"
	}
	for _, m := range c.IAM.RBAC {
		if m.ServiceRole == role && m.Scope == scope {
			return m, true
		}
	}
	return RBACMapping{}, false
}

// RegistryFor returns the Container Registry domain that serves region.
func (c *Catalog) RegistryFor(region string) (RegistryDomain, bool) {
	for _, r := range c.Registries.Items {
		if r.Region == region {
			return r, true
		}
	}
	return RegistryDomain{}, false
}

// ServicePlan is the plan the catalog orders service id with
// (services.items[].plan), for model.DefaultPlans.
func (c *Catalog) ServicePlan(id string) (string, bool) {
	s, ok := c.Service(id)
	return s.Plan, ok && s.Plan != ""
}

// DatabasePlan is the first plan the catalog lists for Cloud Databases
// engine t (standard for most; enterprise for Elasticsearch, which has no
// standard plan), for model.DefaultPlans.
func (c *Catalog) DatabasePlan(t model.DatabaseType) (string, bool) {
	d, ok := c.Database(t)
	if !ok || len(d.Plans) == 0 {
		return "", false
	}
	return d.Plans[0], true
}
