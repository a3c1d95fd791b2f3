package catalog

import (
	"errors"
	"fmt"
	"time"
)

// Check reports inconsistencies inside a catalog: a missing date or source,
// duplicate names, flavors without isolation, versions without status.
func (c *Catalog) Check() error {
	var errs []error
	if _, err := time.Parse(time.DateOnly, c.AsOf); err != nil {
		errs = append(errs, fmt.Errorf("asOf %q is not a YYYY-MM-DD date", c.AsOf))
	}
	for name, s := range map[string]Section{
		"locations": c.Locations.Section, "flavors": c.Flavors.Section,
		"operatingSystems": c.OperatingSystems.Section, "versions": c.Versions.Section,
		"storage": c.Storage.Section, "databases": c.Databases.Section,
		"services": c.Services.Section, "iam": c.IAM.Section,
	} {
		if s.Source == "" {
			errs = append(errs, fmt.Errorf("%s: source URL is missing", name))
		}
	}
	zones := map[string]bool{}
	for _, r := range c.Locations.Regions {
		for _, z := range r.Zones {
			key := string(z.Infrastructure) + "/" + z.Name
			if zones[key] {
				errs = append(errs, fmt.Errorf("locations: zone %s listed twice", key))
			}
			zones[key] = true
			if !z.Infrastructure.Valid() {
				errs = append(errs, fmt.Errorf("locations: zone %s: unknown infrastructure %q", z.Name, z.Infrastructure))
			}
		}
	}
	flavors := map[string]bool{}
	for _, f := range c.Flavors.Items {
		key := string(f.Infrastructure) + "/" + f.Name
		if flavors[key] {
			errs = append(errs, fmt.Errorf("flavors: %s listed twice", key))
		}
		flavors[key] = true
		if f.VCPU <= 0 || f.MemoryGiB <= 0 || len(f.Isolations) == 0 {
			errs = append(errs, fmt.Errorf("flavors: %s needs vcpu, memoryGiB and isolations", key))
		}
	}
	for _, v := range c.Versions.Items {
		switch v.Status {
		case VersionDefault, VersionSupported, VersionDeprecated, VersionUnsupported:
		default:
			errs = append(errs, fmt.Errorf("versions: %s has unknown status %q", v.Version, v.Status))
		}
	}
	if _, ok := c.DefaultVersion(); !ok {
		errs = append(errs, errors.New("versions: no default version"))
	}
	return errors.Join(errs...)
}
