package catalog

import (
	"errors"
	"fmt"
	"time"
)

// Check reports inconsistencies inside a catalog: a missing date or source,
// duplicate names, unknown enum values, flavors without isolation, versions
// without status or with other than exactly one default, and references to
// regions or versions the catalog does not list.
func (c *Catalog) Check() error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }

	if _, err := time.Parse(time.DateOnly, c.AsOf); err != nil {
		add("asOf %q is not a YYYY-MM-DD date", c.AsOf)
	}
	for _, s := range []struct {
		name string
		sec  Section
	}{
		{"locations", c.Locations.Section}, {"flavors", c.Flavors.Section},
		{"operatingSystems", c.OperatingSystems.Section}, {"versions", c.Versions.Section},
		{"storage", c.Storage.Section}, {"databases", c.Databases.Section},
		{"services", c.Services.Section}, {"iam", c.IAM.Section},
	} {
		if s.sec.Source == "" {
			add("%s: source URL is missing", s.name)
		}
	}
	if c.Registries.Source == "" {
		add("registries: source URL is missing")
	}

	regions := c.checkLocations(add)
	c.checkFlavors(add, regions)
	versions := c.checkVersions(add)
	c.checkOperatingSystems(add, versions)
	c.checkStorage(add)
	c.checkServices(add)
	c.checkIAM(add)
	c.checkFacts(add, regions)
	c.checkWorkerNodes(add)
	c.checkDedicatedHosts(add, regions)
	c.checkLogsIngestion(add, regions)
	c.checkMonitoringEndpoints(add)
	for _, r := range c.Registries.Items {
		if !regions[r.Region] {
			add("registries: region %q is not in locations", r.Region)
		}
		if r.Domain == "" {
			add("registries: %s has no domain", r.Region)
		}
	}
	return errors.Join(errs...)
}

type addFunc func(format string, a ...any)

// checkLocations checks regions and zones and returns the region names.
func (c *Catalog) checkLocations(add addFunc) map[string]bool {
	regions := map[string]bool{}
	zones := map[string]bool{}
	for _, r := range c.Locations.Regions {
		if regions[r.Name] {
			add("locations: region %s listed twice", r.Name)
		}
		regions[r.Name] = true
		for _, z := range r.Zones {
			key := string(z.Infrastructure) + "/" + z.Name
			if zones[key] {
				add("locations: zone %s listed twice", key)
			}
			zones[key] = true
			if !z.Infrastructure.Valid() {
				add("locations: zone %s: unknown infrastructure %q", z.Name, z.Infrastructure)
			}
			if !z.Status.Valid() {
				add("locations: zone %s: unknown status %q", z.Name, z.Status)
			}
		}
	}
	return regions
}

func (c *Catalog) checkFlavors(add addFunc, regions map[string]bool) {
	flavors := map[string]bool{}
	for _, f := range c.Flavors.Items {
		key := string(f.Infrastructure) + "/" + f.Name
		if flavors[key] {
			add("flavors: %s listed twice", key)
		}
		flavors[key] = true
		if !f.Infrastructure.Valid() {
			add("flavors: %s: unknown infrastructure %q", f.Name, f.Infrastructure)
		}
		if f.VCPU <= 0 || f.MemoryGiB <= 0 || len(f.Isolations) == 0 {
			add("flavors: %s needs vcpu, memoryGiB and isolations", key)
		}
		for _, i := range f.Isolations {
			if !i.Valid() {
				add("flavors: %s: unknown isolation %q", key, i)
			}
		}
		if f.BareMetal() && len(f.Isolations) > 1 {
			add("flavors: %s: bare-metal cannot be combined with other isolations", key)
		}
		if len(f.OperatingSystems) == 0 {
			add("flavors: %s lists no operating system", key)
		}
		for _, o := range f.OperatingSystems {
			if !o.Valid() {
				add("flavors: %s: unknown operating system %q", key, o)
			}
		}
		for _, r := range f.Regions {
			if !regions[r] {
				add("flavors: %s: region %q is not in locations", key, r)
			}
		}
		if (f.GPUs > 0) != (f.GPUModel != "") {
			add("flavors: %s: gpus and gpuModel must be set together", key)
		}
	}
}

// checkVersions checks the version list and returns the listed versions.
func (c *Catalog) checkVersions(add addFunc) map[string]bool {
	versions := map[string]bool{}
	defaults := 0
	for _, v := range c.Versions.Items {
		if versions[v.Version] {
			add("versions: %s listed twice", v.Version)
		}
		versions[v.Version] = true
		switch v.Status {
		case VersionDefault:
			defaults++
		case VersionSupported, VersionDeprecated, VersionUnsupported:
		default:
			add("versions: %s has unknown status %q", v.Version, v.Status)
		}
		for _, d := range []string{v.Released, v.EndOfSupport} {
			if d == "" {
				continue
			}
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				add("versions: %s: %q is not a YYYY-MM-DD date", v.Version, d)
			}
		}
	}
	switch {
	case defaults == 0:
		add("versions: no default version")
	case defaults > 1:
		add("versions: %d versions are marked default; want exactly one", defaults)
	}
	return versions
}

func (c *Catalog) checkOperatingSystems(add addFunc, versions map[string]bool) {
	seen := map[string]bool{}
	for _, o := range c.OperatingSystems.Items {
		if seen[string(o.Name)] {
			add("operatingSystems: %s listed twice", o.Name)
		}
		seen[string(o.Name)] = true
		if !o.Name.Valid() {
			add("operatingSystems: unknown operating system %q", o.Name)
		}
		for _, v := range o.Versions {
			if !versions[v] {
				add("operatingSystems: %s: version %s is not in versions", o.Name, v)
			}
		}
	}
}

func (c *Catalog) checkStorage(add addFunc) {
	seen := map[string]bool{}
	for _, s := range c.Storage.Items {
		if seen[s.Name] {
			add("storage: %s listed twice", s.Name)
		}
		seen[s.Name] = true
		if len(s.Infrastructures) == 0 {
			add("storage: %s lists no infrastructure", s.Name)
		}
		for _, i := range s.Infrastructures {
			if !i.Valid() {
				add("storage: %s: unknown infrastructure %q", s.Name, i)
			}
		}
		if !s.Kind.Valid() {
			add("storage: %s: unknown kind %q", s.Name, s.Kind)
		}
		if s.Provisioner == "" {
			add("storage: %s has no provisioner", s.Name)
		}
		if len(s.AccessModes) == 0 {
			add("storage: %s lists no access mode", s.Name)
		}
		for _, m := range s.AccessModes {
			if !m.Valid() {
				add("storage: %s: unknown access mode %q", s.Name, m)
			}
		}
	}
}

func (c *Catalog) checkServices(add addFunc) {
	dbs := map[string]bool{}
	for _, d := range c.Databases.Items {
		if dbs[string(d.Type)] {
			add("databases: %s listed twice", d.Type)
		}
		dbs[string(d.Type)] = true
		if !d.Type.Valid() {
			add("databases: unknown type %q", d.Type)
		}
		if d.ServiceName == "" || len(d.Plans) == 0 {
			add("databases: %s needs serviceName and plans", d.Type)
		}
		for _, p := range d.Plans {
			if n, ok := c.Databases.PlanNote(p); !ok || n == "" {
				add("databases: %s plan %s has no planNotes entry (what the plan gives)", d.Type, p)
			}
		}
	}
	ids := map[string]bool{}
	for _, s := range c.Services.Items {
		if ids[s.ID] {
			add("services: %s listed twice", s.ID)
		}
		ids[s.ID] = true
		if s.ID == "" || s.ServiceName == "" || s.Plan == "" {
			add("services: %q needs id, serviceName and plan", s.ID)
		}
	}
	for _, id := range TrialPlanServices {
		if s, ok := c.Service(id); ok && (s.TrialPlan == "" || s.TrialPlan == s.Plan) {
			add("services: %s needs a trialPlan other than its plan (the wizard offers both)", id)
		}
	}
}

func (c *Catalog) checkIAM(add addFunc) {
	seen := map[string]bool{}
	for _, m := range c.IAM.RBAC {
		key := string(m.ServiceRole) + "/" + m.Scope
		if seen[key] {
			add("iam: rbac %s listed twice", key)
		}
		seen[key] = true
		if !m.ServiceRole.Valid() {
			add("iam: rbac: unknown service role %q", m.ServiceRole)
		}
		if m.Scope != "namespace" && m.Scope != "all" {
			add("iam: rbac %s: scope must be namespace or all", key)
		}
		if m.BindingKind != "RoleBinding" && m.BindingKind != "ClusterRoleBinding" {
			add("iam: rbac %s: bindingKind must be RoleBinding or ClusterRoleBinding", key)
		}
		if m.ClusterRole == "" || m.Binding == "" {
			add("iam: rbac %s needs clusterRole and binding", key)
		}
	}
}
