package catalog

import (
	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
	"net/netip"
	"strings"
	"time"
)

// checkFacts checks the sections the renderers read IBM facts from
// (networks, charts, objectStorage, registries and the required services):
// each must be present, dated and sourced, and cover every region the
// locations list, so no renderer needs a built-in fallback.
// minorVersion is a Kubernetes major.minor such as 1.36.
var minorVersion = lazyre.New(`^[0-9]+\.[0-9]+$`)

func (c *Catalog) checkFacts(add addFunc, regions map[string]bool) {
	dated := func(name string, s Section) {
		if s.Source == "" {
			add("%s: source URL is missing", name)
		}
		if _, err := time.Parse(time.DateOnly, s.AsOf); err != nil {
			add("%s: asOf %q is not a YYYY-MM-DD date", name, s.AsOf)
		}
	}
	dated("networks", c.Networks.Section)
	dated("networks.cis", c.Networks.CIS.Section)
	dated("networks.classic", c.Networks.Classic.Section)
	dated("networks.akamai", c.Networks.Akamai.Section)
	dated("charts", c.Charts.Section)
	dated("addons", c.Addons.Section)
	for _, a := range c.Addons.Items {
		if a.Name == "" || a.Version == "" || !minorVersion.MatchString(a.MinKube) || !minorVersion.MatchString(a.BelowKube) {
			add("addons: %q needs name, version, minKube and belowKube (major.minor)", a.Name)
		}
	}
	dated("objectStorage", c.ObjectStorage.Section)
	for _, bc := range model.BucketClass("").Choices() {
		if _, ok := c.COSClass(bc.Value); !ok {
			add("objectStorage.bucketClasses: no cos --class keyword for bucket class %s", bc.Value)
		}
	}
	dated("images", c.Images.Section)
	dated("authorizations", c.Authorizations.Section)
	if im := c.MustImage(ImageKubeAudit); im.Repository == "" || im.Tag == "" || im.Source == "" || im.Webhook == "" {
		add("images: %s needs repository, tag, source and webhook", ImageKubeAudit)
	} else if im.Digest != "" && !strings.HasPrefix(im.Digest, "sha256:") {
		add("images: %s: digest %q is not sha256:…", ImageKubeAudit, im.Digest)
	}
	for _, id := range RequiredAuthorizations {
		if a := c.MustAuthorization(id); a.SourceService == "" || a.TargetService == "" || a.Role == "" || a.Source == "" {
			add("authorizations: %s needs sourceService, targetService, role and source", id)
		}
	}

	n := c.Networks
	for _, f := range []struct{ name, v string }{
		{"classicPodSubnet", n.ClassicPodSubnet}, {"vpcPodSubnet", n.VPCPodSubnet},
		{"serviceSubnet", n.ServiceSubnet}, {"serviceEndpoints", n.ServiceEndpoints},
		{"nodeLocalDNS", n.NodeLocalDNS}, {"vpcNextPodSubnet", n.VPCNextPodSubnet},
	} {
		cidrs(add, "networks."+f.name, []string{f.v})
	}
	cidrs(add, "networks.etcdProxy", n.EtcdProxy)
	cidrs(add, "networks.apiServerLocal", n.APIServerLocal)
	cidrs(add, "networks.privateNets", n.PrivateNets)
	if len(n.ClusterRanges) == 0 {
		add("networks.clusterRanges is missing")
	}
	cidrs(add, "networks.cis.ranges", n.CIS.Ranges)
	if len(n.Akamai.Ranges) == 0 {
		add("networks.akamai.ranges is missing")
	}
	cidrs(add, "networks.akamai.ranges", n.Akamai.Ranges)
	if n.CIS.API == "" {
		add("networks.cis: api URL is missing")
	}
	if len(n.Classic.Commit) != 40 {
		add("networks.classic: commit %q is not a 40-digit commit id", n.Classic.Commit)
	}
	seen := map[string]bool{}
	for _, r := range n.Classic.Regions {
		key := "networks.classic " + r.Region
		if seen[r.Region] {
			add("%s listed twice", key)
		}
		seen[r.Region] = true
		if !regions[r.Region] {
			add("%s: region is not in locations", key)
		}
		cidrs(add, key+" publicMaster", r.PublicMaster)
		cidrs(add, key+" privateMaster", r.PrivateMaster)
		cidrs(add, key+" sysMgmtPrivate", r.SysMgmtPrivate)
		cidrs(add, key+" healthCheck", r.HealthCheck)
		if r.MasterLabel == "" || r.HealthCheckFile == "" {
			add("%s needs masterLabel and healthCheckFile", key)
		}
	}
	for _, r := range c.Locations.Regions {
		if c.hasMultizoneClassic(r) && !seen[r.Name] {
			add("networks.classic: classic region %s has no isolation addresses", r.Name)
		}
	}

	for _, id := range RequiredCharts {
		ch, ok := c.Chart(id)
		if !ok {
			add("charts: %s is missing", id)
			continue
		}
		if ch.Chart == "" || ch.Source == "" {
			add("charts: %s needs chart and source", id)
		}
		if !strings.HasPrefix(ch.Chart, "oci://") && (ch.Repo == "" || ch.RepoURL == "") {
			add("charts: %s is not an OCI chart and needs repo and repoURL", id)
		}
	}
	for _, id := range RequiredServices {
		if _, ok := c.Service(id); !ok {
			add("services: %s is missing", id)
		}
	}
	if len(c.MustService("logs").RetentionDays) == 0 {
		add("services: logs needs retentionDays (the retention periods Cloud Logs accepts)")
	}

	if !strings.Contains(c.ObjectStorage.DirectEndpoint, "{region}") {
		add("objectStorage: directEndpoint is required, with {region} (the Cloud Logs archive buckets' endpoint)")
	}
	if c.ObjectStorage.S3FSProvisioner == "" || c.ObjectStorage.S3FSPrefix == "" {
		add("objectStorage: s3fsProvisioner and s3fsPrefix are required")
	}
	if c.Storage.ClassicBlockProvisioner == "" || c.Storage.ClassicBlockPrefix == "" {
		add("storage: classicBlockProvisioner and classicBlockPrefix are required")
	}
	if c.Registries.Global == "" {
		add("registries: global domain is missing")
	}
	for _, r := range c.Locations.Regions {
		if _, ok := c.CrossRegionFor(r.Name); !ok {
			add("objectStorage: region %s has no cross-region geography", r.Name)
		}
		if _, ok := c.RegistryRegion(r.Name); !ok {
			add("registries: region %s has no registry domain", r.Name)
		}
	}
}

// hasMultizoneClassic reports whether region r has classic multizone
// zones (the regions IBM publishes isolation policies for).
func (c *Catalog) hasMultizoneClassic(r Region) bool {
	for _, z := range r.Zones {
		if z.Infrastructure == model.InfraClassic && z.Multizone() {
			return true
		}
	}
	return false
}

// cidrs reports entries of list that are not CIDR prefixes, and an empty list.
func cidrs(add addFunc, name string, list []string) {
	if len(list) == 0 {
		add("%s is missing", name)
	}
	for _, v := range list {
		if _, err := netip.ParsePrefix(v); err != nil {
			add("%s: %q is not a CIDR prefix", name, v)
		}
	}
}
