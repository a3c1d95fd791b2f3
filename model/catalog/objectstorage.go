package catalog

import "strings"

// ObjectStorage holds the Cloud Object Storage facts the runbook and the
// manifests need beyond the service name: the cross-region geographies
// and the s3fs plug-in's provisioner.
type ObjectStorage struct {
	Section `yaml:",inline" json:",inline"`
	// S3FSProvisioner is the IBM Cloud Object Storage plug-in's provisioner.
	S3FSProvisioner string `yaml:"s3fsProvisioner" json:"s3fsProvisioner"`
	// CrossRegion lists the cross-region geographies and the regions each
	// serves.
	CrossRegion []Geography `yaml:"crossRegion" json:"crossRegion"`
}

// Geography is one cross-region Object Storage location (ap, eu, us).
type Geography struct {
	Name    string   `yaml:"name" json:"name"`
	Regions []string `yaml:"regions" json:"regions"`
}

// CrossRegionFor returns the cross-region geography that serves region.
func (c *Catalog) CrossRegionFor(region string) (string, bool) {
	for _, g := range c.ObjectStorage.CrossRegion {
		for _, r := range g.Regions {
			if r == region {
				return g.Name, true
			}
		}
	}
	return "", false
}

// The service IDs the renderers need; Check requires each.
var RequiredServices = []string{"cos", "cloudant", "cis", "logs", "monitoring", "key-protect", "hpcs"}

// RegistryRegion returns the Container Registry region prefix (jp for
// jp.icr.io) that serves region, and whether the catalog knows one.
func (c *Catalog) RegistryRegion(region string) (string, bool) {
	r, ok := c.RegistryFor(region)
	if !ok {
		return "", false
	}
	p, _, found := strings.Cut(r.Domain, ".")
	return p, found && p != ""
}

// MustService returns the service with id. Check requires every service in
// RequiredServices, so a checked catalog always has it.
func (c *Catalog) MustService(id string) Service {
	s, _ := c.Service(id)
	return s
}
