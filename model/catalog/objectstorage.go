package catalog

import (
	"strings"

	"github.com/iksplan/iksplan/model"
)

// ObjectStorage holds the Cloud Object Storage facts the runbook and the
// manifests need beyond the service name: the cross-region geographies
// and the s3fs plug-in's provisioner.
type ObjectStorage struct {
	Section `yaml:",inline" json:",inline"`
	// S3FSProvisioner is the IBM Cloud Object Storage plug-in's provisioner.
	S3FSProvisioner string `yaml:"s3fsProvisioner" json:"s3fsProvisioner"`
	// S3FSPrefix is the name prefix of the plug-in's classes (ibmc-s3fs-),
	// which recognises a class the catalog does not list.
	S3FSPrefix string `yaml:"s3fsPrefix" json:"s3fsPrefix"`
	// DirectEndpoint is the bucket endpoint over IBM's network, with
	// {region} for the bucket's region (IBM COS endpoints: "Direct").
	DirectEndpoint string `yaml:"directEndpoint" json:"directEndpoint"`
	// CrossRegion lists the cross-region geographies and the regions each
	// serves.
	CrossRegion []Geography `yaml:"crossRegion" json:"crossRegion"`
	// BucketClasses map the design's bucket classes to the cos plug-in's
	// --class keyword; Check requires one per model.BucketClass.
	BucketClasses []BucketClass `yaml:"bucketClasses" json:"bucketClasses"`
}

// BucketClass is one bucket storage class: the design's name and the cos
// plug-in's keyword.
type BucketClass struct {
	Class    string `yaml:"class" json:"class"`
	COSClass string `yaml:"cosClass" json:"cosClass"`
}

// COSClass is the cos plug-in's --class keyword for the design's bucket
// class c.
func (c *Catalog) COSClass(class model.BucketClass) (string, bool) {
	for _, b := range c.ObjectStorage.BucketClasses {
		if b.Class == string(class) {
			return b.COSClass, b.COSClass != ""
		}
	}
	return "", false
}

// Geography is one cross-region Object Storage location (ap, eu, us).
type Geography struct {
	Name    string   `yaml:"name" json:"name"`
	Regions []string `yaml:"regions" json:"regions"`
}

// DirectEndpointFor is the direct endpoint of a regional bucket in region.
func (c *Catalog) DirectEndpointFor(region string) string {
	return strings.ReplaceAll(c.ObjectStorage.DirectEndpoint, "{region}", region)
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
var RequiredServices = []string{"cos", "cloudant", "cis", "logs", "monitoring", "key-protect", "hpcs", ServiceSecretsManager}

// TrialPlanServices are the services whose free plan the wizard offers
// next to the production plan; Check requires their trialPlan.
var TrialPlanServices = []string{"cloudant", "monitoring"}

// ServiceSecretsManager is the catalog ID of IBM Cloud Secrets Manager,
// whose instance holds the Ingress certificates.
const ServiceSecretsManager = "secrets-manager"

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

// RegistryHost returns the registry domain for a registry region prefix
// (jp: jp.icr.io) as the design stores it; "global" or empty is the global
// registry. A prefix the catalog does not list yields prefix + "." + the
// global domain, IBM's naming for every regional registry.
func (c *Catalog) RegistryHost(prefix string) string {
	g := c.Registries.Global
	if prefix == "" || prefix == "global" {
		return g
	}
	for _, r := range c.Registries.Items {
		if p, _, _ := strings.Cut(r.Domain, "."); p == prefix {
			return r.Domain
		}
	}
	return prefix + "." + g
}

// MustService returns the service with id. Check requires every service in
// RequiredServices, so a checked catalog always has it.
func (c *Catalog) MustService(id string) Service {
	s, _ := c.Service(id)
	return s
}
