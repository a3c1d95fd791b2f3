package rules

import (
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// baseVersion is the version the base designs use: the catalog's default,
// so the bases stay valid as the catalog is refreshed.
func baseVersion(t testing.TB) string {
	t.Helper()
	v, ok := catalog.Default().DefaultVersion()
	if !ok {
		t.Fatal("catalog has no default version")
	}
	return v.Version
}

func ptr[T any](v T) *T { return &v }

// classicBase is the seed deck's own picture (slides 10–12), fully passing:
// a production classic cluster over tok02/tok04/tok05, dedicated b3c.8x32
// workers sized for D=40 vCPU / 160 GiB at 150%, VRF, Calico and CIS.
func classicBase(t testing.TB) *model.Design {
	t.Helper()
	return &model.Design{
		APIVersion: model.APIVersion,
		Kind:       model.Kind,
		Metadata:   model.Metadata{Name: "shop-prod", Description: "Online shop production cluster", Owner: "platform-team"},
		Spec: model.Spec{
			Environment:       model.EnvProduction,
			Infrastructure:    model.InfraClassic,
			ResourceGroup:     "shop",
			Region:            "jp-tok",
			Zones:             []string{"tok02", "tok04", "tok05"},
			KubernetesVersion: baseVersion(t),
			Sizing: model.Sizing{
				Demand:          model.Demand{CPU: 40, MemoryGiB: 160},
				OverheadPercent: 10,
				SurviveZoneLoss: true,
			},
			WorkerPools: []model.WorkerPool{{
				Name: "default", Isolation: model.IsolationDedicated, Flavor: "b3c.8x32",
				OperatingSystem: model.OSUbuntu24, Labels: map[string]string{"example.com/tier": "web"},
			}},
			Network: model.Network{
				ServiceEndpoints: model.EndpointsPublicAndPrivate,
				Classic: &model.ClassicNetwork{AccountRouting: model.RoutingVRF,
					ContextBasedRestrictions: model.CBR{Enabled: true, AllowedCIDRs: []string{"203.0.113.0/24"}}},
				Ingress: model.Ingress{Controller: model.IngressTraefik, PublicALB: true},
			},
			Firewall: model.Firewall{
				NetworkPolicies:  true,
				CalicoPolicies:   []model.CalicoPolicySet{model.CalicoPublicIsolation, model.CalicoCISOnlyIngress},
				CIS:              model.CloudInternetServices{Enabled: true, Domain: "shop.example.com", Features: []model.CISFeature{model.CISDDoS, model.CISWAF}},
				GatewayAppliance: model.GatewayNone,
			},
			Storage: model.Storage{
				ObjectStorage: model.ObjectStorage{Enabled: true, Buckets: []model.Bucket{
					{Name: "shop-prod-assets", Resiliency: model.ResiliencyRegional, Class: model.BucketSmart},
					{Name: "shop-prod-backups", Resiliency: model.ResiliencyCrossRegion, Class: model.BucketVault},
				}},
				Databases: []model.DatabaseInstance{
					{Name: "shop-prod-postgresql", Type: model.DBPostgreSQL, Plan: "standard", BindNamespace: "shop", PrivateEndpoint: true},
				},
			},
			Logging: model.Logging{Backend: model.LogCloudLogs, RetentionDays: 30, ActivityTracker: model.ActivityTracker{Enabled: true},
				CloudLogs: model.CloudLogs{Archive: model.LogsArchive{Enabled: true, DataBucket: "shop-prod-logs-data", MetricsBucket: "shop-prod-logs-metrics"}}},
			Monitoring: model.Monitoring{Enabled: true, AlertChannels: []model.AlertChannel{
				{Type: model.AlertEmail, Target: "sre@example.com"},
				{Type: model.AlertSlack, Target: "#shop-alerts"},
			}},
			Security: model.Security{KMS: model.KMS{Provider: model.KMSKeyProtect, InstanceName: "shop-prod-kms", RootKeyName: "shop-prod-root", DualAuthDelete: true}},
			IAM: model.IAM{AccessGroups: []model.AccessGroup{
				{Name: "shop-platform-admins", Members: []string{"lead@example.com"}, PlatformRole: model.PlatformAdministrator, ServiceRole: model.ServiceManager},
				{Name: "shop-developers", Members: []string{"dev1@example.com"}, PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceWriter, Namespaces: []string{"shop"}},
				{Name: "shop-auditors", Members: []string{"audit@example.com"}, PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceReader},
			}},
			CICD: model.CICD{
				Git: model.GitGitLab, Pipeline: model.PipelineTekton,
				Registry:              model.Registry{Region: "jp", Namespace: "shop"},
				VulnerabilityScanning: true,
				Stages: []model.Stage{
					{Name: "staging", Namespace: "shop-staging"},
					{Name: "production", Namespace: "shop", Approval: true},
				},
			},
			Operations: model.Operations{
				Upgrades:   model.UpgradePolicy{MaxMinorsBehind: 1, WorkerPatchDays: 14, MaintenanceWindow: "Sun 02:00-05:00 JST", ALBAutoUpdate: true},
				Autoscaler: model.Autoscaler{Enabled: true, Pools: []model.AutoscaledPool{{Pool: "default", MinPerZone: 4, MaxPerZone: 6}}},
				Backups:    model.Backups{Method: model.BackupBackupAndRecovery, Bucket: "shop-prod-backups", Schedule: "0 3 * * *", RetentionDays: 30},
			},
			Namespaces: []model.Namespace{
				{Name: "shop", PodSecurity: model.PodSecurityRestricted, Quota: model.NamespaceQuota{CPU: 24, MemoryGiB: 96, Pods: 200}},
				{Name: "shop-staging", PodSecurity: model.PodSecurityRestricted, Quota: model.NamespaceQuota{CPU: 8, MemoryGiB: 32, Pods: 60}},
			},
		},
	}
}

// vpcBase is the same cluster on VPC Gen 2 in jp-tok-1..3, fully passing:
// new VPC and subnets, context-based restrictions on the public endpoint,
// Secure by Default egress.
func vpcBase(t testing.TB) *model.Design {
	t.Helper()
	d := classicBase(t)
	s := &d.Spec
	s.Infrastructure = model.InfraVPC
	s.Security.KMS.BootVolumeEncryption = true
	s.Zones = []string{"jp-tok-1", "jp-tok-2", "jp-tok-3"}
	s.WorkerPools[0].Isolation = model.IsolationShared
	s.WorkerPools[0].Flavor = "bx2.8x32"
	s.Network.Classic = nil
	s.Network.VPC = &model.VPCNetwork{
		Subnets: []model.ZoneSubnet{
			{Zone: "jp-tok-1", IPv4AddressCount: 256},
			{Zone: "jp-tok-2", IPv4AddressCount: 256},
			{Zone: "jp-tok-3", IPv4AddressCount: 256},
		},
		ContextBasedRestrictions: model.CBR{Enabled: true, AllowedCIDRs: []string{"203.0.113.0/24", "198.51.100.7"}},
	}
	s.Firewall.CalicoPolicies = nil
	s.Firewall.CIS = model.CloudInternetServices{}
	return d
}

// testCatalog returns a deep copy of the embedded catalog that a test may
// change freely.
func testCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	b, err := yaml.Marshal(catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse(b, "test copy")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// findVersion returns the catalog entry of v, to change in a test copy.
func findVersion(t testing.TB, c *catalog.Catalog, v string) *catalog.Version {
	t.Helper()
	for i := range c.Versions.Items {
		if c.Versions.Items[i].Version == v {
			return &c.Versions.Items[i]
		}
	}
	t.Fatalf("version %s not in catalog", v)
	return nil
}

// findFlavor returns a flavor of the catalog copy, to change in a test.
func findFlavor(t testing.TB, c *catalog.Catalog, infra model.Infrastructure, name string) *catalog.Flavor {
	t.Helper()
	for i := range c.Flavors.Items {
		if f := &c.Flavors.Items[i]; f.Name == name && f.Infrastructure == infra {
			return f
		}
	}
	t.Fatalf("flavor %s not in catalog", name)
	return nil
}

// findZone returns a zone of the catalog copy, to change in a test.
func findZone(t testing.TB, c *catalog.Catalog, infra model.Infrastructure, name string) *catalog.Zone {
	t.Helper()
	for i := range c.Locations.Regions {
		for j := range c.Locations.Regions[i].Zones {
			if z := &c.Locations.Regions[i].Zones[j]; z.Name == name && z.Infrastructure == infra {
				return z
			}
		}
	}
	t.Fatalf("zone %s not in catalog", name)
	return nil
}

// addZone adds a zone to a region of the catalog copy.
func addZone(t testing.TB, c *catalog.Catalog, region string, z catalog.Zone) {
	t.Helper()
	for i := range c.Locations.Regions {
		if c.Locations.Regions[i].Name == region {
			c.Locations.Regions[i].Zones = append(c.Locations.Regions[i].Zones, z)
			return
		}
	}
	t.Fatalf("region %s not in catalog", region)
}

// Test-only storage classes, added to catalog copies so the storage rules
// do not depend on which classes the embedded catalog lists.
var (
	testClassicBlock = catalog.StorageClass{Name: "test-classic-block", Infrastructures: []model.Infrastructure{model.InfraClassic},
		Kind: catalog.StorageBlock, Provisioner: "ibm.io/ibmc-block", ZoneBound: true, AccessModes: []model.AccessMode{model.ReadWriteOnce}}
	testVPCZonal = catalog.StorageClass{Name: "test-vpc-zonal", Infrastructures: []model.Infrastructure{model.InfraVPC},
		Kind: catalog.StorageBlock, Provisioner: "vpc.block.csi.ibm.io", ZoneBound: true, AccessModes: []model.AccessMode{model.ReadWriteOnce}}
	testVPCMetro = catalog.StorageClass{Name: "test-vpc-metro", Infrastructures: []model.Infrastructure{model.InfraVPC},
		Kind: catalog.StorageBlock, Provisioner: "vpc.block.csi.ibm.io", ZoneBound: true, Metro: true, AccessModes: []model.AccessMode{model.ReadWriteOnce}}
	testObject = catalog.StorageClass{Name: "test-object", Infrastructures: []model.Infrastructure{model.InfraClassic, model.InfraVPC},
		Kind: catalog.StorageObject, Provisioner: "ibm.io/ibmc-s3fs", AccessModes: []model.AccessMode{model.ReadWriteMany, model.ReadWriteOnce}}
)

// withTestStorage adds the test storage classes to a catalog copy.
func withTestStorage(c *catalog.Catalog) {
	c.Storage.Items = append(c.Storage.Items, testClassicBlock, testVPCZonal, testVPCMetro, testObject)
}

// volume returns a valid volume in namespace shop.
func volume(class string) model.Volume {
	return model.Volume{Name: "data", Namespace: "shop", StorageClass: class, SizeGiB: 20, AccessMode: model.ReadWriteOnce}
}
