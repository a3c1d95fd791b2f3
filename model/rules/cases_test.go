package rules

import (
	"math"
	"testing"
	"time"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// mutator changes a base design and its private catalog copy.
type mutator func(t testing.TB, d *model.Design, c *catalog.Catalog)

// ruleCase is one row of the rule table: a change to a passing base design
// that makes rule id fire at path, and optionally a change that keeps it
// quiet (nil: the unchanged base must not trigger the rule).
type ruleCase struct {
	id   string
	vpc  bool
	fail mutator
	path string
	pass mutator
}

func spec(f func(s *model.Spec)) mutator {
	return func(_ testing.TB, d *model.Design, _ *catalog.Catalog) { f(&d.Spec) }
}

func design(f func(d *model.Design)) mutator {
	return func(_ testing.TB, d *model.Design, _ *catalog.Catalog) { f(d) }
}

func cat(f func(t testing.TB, d *model.Design, c *catalog.Catalog)) mutator { return f }

var ruleCases = []ruleCase{
	// cluster-autoscaler add-on range (catalog addons: 2.0.0 supports >=1.31 <1.36)
	{id: "OPS016", fail: spec(func(s *model.Spec) { s.Operations.Autoscaler.Enabled = true; s.KubernetesVersion = "1.36" }), path: "spec.kubernetesVersion",
		pass: spec(func(s *model.Spec) { s.Operations.Autoscaler.Enabled = false; s.KubernetesVersion = "1.36" })},
	// basics
	{id: "BAS001", fail: spec(func(s *model.Spec) { s.Infrastructure = "" }), path: "spec.infrastructure"},
	{id: "BAS002", fail: spec(func(s *model.Spec) { s.Environment = "" }), path: "spec.environment"},
	{id: "SEC003", fail: spec(func(s *model.Spec) { s.Namespaces[1].PodSecurity = model.PodSecurityPrivileged }), path: "spec.namespaces[1].podSecurity",
		pass: spec(func(s *model.Spec) {
			s.Environment = model.EnvStaging
			s.Namespaces[1].PodSecurity = model.PodSecurityPrivileged
		})},
	// HA and sizing
	{id: "HA001", fail: spec(func(s *model.Spec) { s.Zones = []string{"tok02"} }), path: "spec.zones",
		pass: spec(func(s *model.Spec) { s.Environment = model.EnvDevelopment; s.Zones = []string{"tok02"} })},
	{id: "HA002", fail: spec(func(s *model.Spec) { s.Sizing.SurviveZoneLoss = false }), path: "spec.sizing.surviveZoneLoss"},
	{id: "HA003", fail: spec(func(s *model.Spec) { s.WorkerPools[0].WorkersPerZone = 2 }), path: "spec.sizing"},
	{id: "HA004", fail: spec(func(s *model.Spec) { s.WorkerPools[0].WorkersPerZone = 1 }), path: "spec.workerPools[0].workersPerZone",
		pass: spec(func(s *model.Spec) { s.WorkerPools[0].WorkersPerZone = 2 })},
	{id: "HA005", fail: spec(func(s *model.Spec) { s.WorkerPools[0].WorkersPerZone = 2 }), path: "spec.workerPools[0].workersPerZone",
		pass: spec(func(s *model.Spec) { s.WorkerPools[0].WorkersPerZone = 1 })}, // below the minimum: HA004's finding
	{id: "HA006", fail: spec(func(s *model.Spec) { s.WorkerPools = nil }), path: "spec.workerPools"},
	{id: "HA007", fail: spec(func(s *model.Spec) { s.WorkerPools[0].Purpose = model.PurposeEdge }), path: "spec.workerPools[0].purpose"},
	{id: "HA008", fail: spec(func(s *model.Spec) { s.Sizing.Demand = model.Demand{} }), path: "spec.sizing.demand"},
	{id: "HA009", fail: spec(func(s *model.Spec) { s.WorkerPools[0].WorkersPerZone = 200 }), path: "spec.workerPools"},
	{id: "HA010", fail: spec(func(s *model.Spec) { s.Sizing.OverheadPercent = 95 }), path: "spec.sizing.overheadPercent"},

	// zones
	{id: "ZON001", fail: spec(func(s *model.Spec) { s.Region = "xx-nowhere" }), path: "spec.region"},
	{id: "ZON002", fail: spec(func(s *model.Spec) { s.Zones[2] = "jp-tok-3" }), path: "spec.zones[2]"},
	{id: "ZON003", fail: spec(func(s *model.Spec) { s.Zones[2] = "dal10" }), path: "spec.zones[2]"},
	{id: "ZON004", fail: cat(func(t testing.TB, _ *model.Design, c *catalog.Catalog) {
		findZone(t, c, model.InfraClassic, "tok05").Status = catalog.ZoneClosed
	}), path: "spec.zones[2]"},
	{id: "ZON005", fail: spec(func(s *model.Spec) { s.Zones = []string{"tok02", "tok04", "tok02"} }), path: "spec.zones[2]"},
	{id: "ZON006", fail: spec(func(s *model.Spec) { s.Zones = nil }), path: "spec.zones"},
	{id: "ZON007", fail: cat(func(t testing.TB, d *model.Design, c *catalog.Catalog) {
		addZone(t, c, "jp-tok", catalog.Zone{Name: "tst01", Infrastructure: model.InfraClassic, Status: catalog.ZoneAvailable})
		d.Spec.Zones[2] = "tst01"
	}), path: "spec.zones[2]"},

	// versions
	{id: "VER001", fail: spec(func(s *model.Spec) { s.KubernetesVersion = "1.9" }), path: "spec.kubernetesVersion"},
	{id: "VER002", fail: cat(func(t testing.TB, d *model.Design, c *catalog.Catalog) {
		findVersion(t, c, d.Spec.KubernetesVersion).Status = catalog.VersionDeprecated
	}), path: "spec.kubernetesVersion"},
	{id: "VER003", fail: cat(func(t testing.TB, d *model.Design, c *catalog.Catalog) {
		findVersion(t, c, d.Spec.KubernetesVersion).Status = catalog.VersionUnsupported
	}), path: "spec.kubernetesVersion"},
	{id: "VER004", fail: cat(func(_ testing.TB, _ *model.Design, c *catalog.Catalog) {
		c.Versions.Items = append(c.Versions.Items, catalog.Version{Version: "1.99", Status: catalog.VersionSupported})
	}), path: "spec.kubernetesVersion"},
	{id: "VER005", fail: spec(func(s *model.Spec) { s.Operations.Upgrades.MaxMinorsBehind = 3 }), path: "spec.operations.upgrades.maxMinorsBehind"},
	{id: "VER006", fail: cat(func(t testing.TB, d *model.Design, c *catalog.Catalog) {
		findVersion(t, c, d.Spec.KubernetesVersion).EndOfSupport = "2000-01-01"
	}), path: "spec.kubernetesVersion", pass: noEndOfSupport},
	{id: "VER007", fail: cat(func(t testing.TB, d *model.Design, c *catalog.Catalog) {
		asOf, _ := time.Parse(time.DateOnly, c.AsOf)
		findVersion(t, c, d.Spec.KubernetesVersion).EndOfSupport = asOf.AddDate(0, 0, 30).Format(time.DateOnly)
	}), path: "spec.kubernetesVersion", pass: noEndOfSupport},
	{id: "VER008", fail: cat(func(_ testing.TB, _ *model.Design, c *catalog.Catalog) {
		c.OperatingSystems.Items = []catalog.OperatingSystem{{Name: model.OSUbuntu24, Label: "Ubuntu 24.04", Versions: []string{"0.1"}}}
	}), path: "spec.workerPools[0].operatingSystem"},
	{id: "VER009", fail: spec(func(s *model.Spec) { s.KubernetesVersion = "" }), path: "spec.kubernetesVersion"},

	// hardware
	{id: "HW001", fail: spec(func(s *model.Spec) { s.WorkerPools[0].Flavor = "bx2.8x32" }), path: "spec.workerPools[0].flavor"},
	{id: "HW002", fail: cat(func(t testing.TB, _ *model.Design, c *catalog.Catalog) {
		findFlavor(t, c, model.InfraClassic, "b3c.8x32").Regions = []string{"us-south"}
	}), path: "spec.workerPools[0].flavor"},
	{id: "HW003", fail: spec(func(s *model.Spec) { s.WorkerPools[0].Isolation = model.IsolationBareMetal }), path: "spec.workerPools[0].isolation"},
	{id: "HW003", vpc: true, fail: spec(func(s *model.Spec) {
		s.WorkerPools[0].Isolation = model.IsolationDedicated
		s.WorkerPools[0].Flavor = "ox2.8x64" // no dedicated host runs ox2
	}), path: "spec.workerPools[0].isolation",
		pass: spec(func(s *model.Spec) {
			s.WorkerPools[0].Isolation = model.IsolationDedicated
			s.WorkerPools[0].Flavor = "bx2.8x32"
		})},
	{id: "HW008", vpc: true, fail: spec(func(s *model.Spec) {
		s.WorkerPools[0].Isolation = model.IsolationDedicated
		s.WorkerPools[0].Flavor = "bx2.8x32"
		s.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{HostFlavor: "cx2.host.152x304", HostsPerZone: 2}
	}), path: "spec.workerPools[0].dedicatedHosts.hostFlavor"},
	{id: "HW008", vpc: true, fail: spec(func(s *model.Spec) {
		s.WorkerPools[0].Isolation = model.IsolationDedicated
		s.WorkerPools[0].Flavor = "bx2.8x32"
		s.WorkerPools[0].WorkersPerZone = 40 // 19 bx2.8x32 per 152-vCPU host: 3 hosts
		s.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{HostsPerZone: 2}
	}), path: "spec.workerPools[0].dedicatedHosts.hostsPerZone",
		pass: spec(func(s *model.Spec) {
			s.WorkerPools[0].Isolation = model.IsolationDedicated
			s.WorkerPools[0].Flavor = "bx2.8x32"
			s.WorkerPools[0].WorkersPerZone = 40
			s.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{HostsPerZone: 3}
		})},
	{id: "HW009", vpc: true, fail: spec(func(s *model.Spec) {
		s.WorkerPools[0].Isolation = model.IsolationDedicated
		s.WorkerPools[0].Flavor = "bx2.8x32"
		s.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{HostsPerZone: 1}
	}), path: "spec.workerPools[0].dedicatedHosts.hostsPerZone",
		pass: spec(func(s *model.Spec) {
			s.WorkerPools[0].Isolation = model.IsolationDedicated
			s.WorkerPools[0].Flavor = "bx2.8x32"
			s.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{HostsPerZone: 2}
		})},
	{id: "HW004", fail: cat(func(_ testing.TB, d *model.Design, c *catalog.Catalog) {
		c.Flavors.Items = append(c.Flavors.Items, catalog.Flavor{Name: "tst.2x4", Infrastructure: model.InfraClassic, Class: "compute", VCPU: 2, MemoryGiB: 4,
			Isolations: []model.Isolation{model.IsolationShared, model.IsolationDedicated}, OperatingSystems: []model.OperatingSystem{model.OSUbuntu24}})
		d.Spec.WorkerPools = append(d.Spec.WorkerPools, model.WorkerPool{Name: "edge", Isolation: model.IsolationDedicated, Flavor: "tst.2x4", Purpose: model.PurposeEdge})
	}), path: "spec.workerPools[1].flavor"},
	{id: "HW005", fail: cat(func(t testing.TB, _ *model.Design, c *catalog.Catalog) {
		findFlavor(t, c, model.InfraClassic, "b3c.8x32").OperatingSystems = []model.OperatingSystem{model.OSUbuntu20}
	}), path: "spec.workerPools[0].operatingSystem"},
	{id: "HW006", fail: spec(func(s *model.Spec) {
		s.WorkerPools = append(s.WorkerPools, model.WorkerPool{Name: "gpu", Isolation: model.IsolationDedicated, Flavor: "b3c.8x32", Purpose: model.PurposeGPU})
	}), path: "spec.workerPools[1].flavor"},
	{id: "HW007", fail: spec(func(s *model.Spec) { s.WorkerPools[0].DiskEncryption = ptr(false) }), path: "spec.workerPools[0].diskEncryption",
		pass: spec(func(s *model.Spec) { s.WorkerPools[0].DiskEncryption = ptr(true) })},

	// storage
	{id: "STO001", fail: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-vpc-metro")} }), path: "spec.storage.volumes[0].storageClass",
		pass: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-object")} })},
	{id: "STO002", fail: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-classic-block")} }), path: "spec.storage.volumes[0].storageClass",
		pass: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-object")} })},
	{id: "STO003", vpc: true, fail: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-vpc-zonal")} }), path: "spec.storage.volumes[0].storageClass",
		pass: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-vpc-metro")} })},
	{id: "STO004", fail: spec(func(s *model.Spec) {
		v := volume("test-classic-block")
		v.AccessMode = model.ReadWriteMany
		s.Storage.Volumes = []model.Volume{v}
	}), path: "spec.storage.volumes[0].accessMode", pass: spec(func(s *model.Spec) { s.Storage.Volumes = []model.Volume{volume("test-classic-block")} })},
	{id: "STO005", fail: spec(func(s *model.Spec) { s.Storage.Portworx.Enabled = true }), path: "spec.storage.portworx.enabled",
		pass: spec(func(s *model.Spec) {
			s.Storage.Portworx.Enabled = true
			s.WorkerPools = append(s.WorkerPools, model.WorkerPool{Name: "sds", Isolation: model.IsolationBareMetal, Flavor: "mb4c.20x64", Purpose: model.PurposeStorage})
		})},
	{id: "STO006", fail: spec(func(s *model.Spec) { s.Storage.Portworx.Enabled = true }), path: "spec.storage.portworx.enabled"},
	{id: "STO007", fail: spec(func(s *model.Spec) { s.Storage.Databases[0].BindNamespace = "billing" }), path: "spec.storage.databases[0].bindNamespace",
		pass: spec(func(s *model.Spec) { s.Storage.Databases[0].BindNamespace = "default" })},
	{id: "STO007", fail: spec(func(s *model.Spec) {
		s.Storage.Cloudant = model.Cloudant{Enabled: true, BindNamespace: "billing"}
	}), path: "spec.storage.cloudant.bindNamespace"},
	{id: "STO008", fail: spec(func(s *model.Spec) {
		v := volume("test-object")
		v.Namespace = "billing"
		s.Storage.Volumes = []model.Volume{v}
	}), path: "spec.storage.volumes[0].namespace"},
	{id: "STO009", fail: cat(func(_ testing.TB, _ *model.Design, c *catalog.Catalog) { c.Databases.Items = nil }), path: "spec.storage.databases[0].type"},
	{id: "STO009", fail: spec(func(s *model.Spec) { s.Storage.Databases[0].Plan = "no-such-plan" }), path: "spec.storage.databases[0].plan"},
	{id: "STO010", fail: spec(func(s *model.Spec) { s.Storage.Databases[0].PrivateEndpoint = false }), path: "spec.storage.databases[0].privateEndpoint"},
	{id: "STO011", fail: spec(func(s *model.Spec) {
		v := volume("test-object")
		v.SizeGiB = 0
		s.Storage.Volumes = []model.Volume{v}
	}), path: "spec.storage.volumes[0].sizeGiB"},

	// network
	{id: "NET001", fail: spec(func(s *model.Spec) { s.Network.Classic.AccountRouting = model.RoutingNone }), path: "spec.network.classic.accountRouting",
		pass: spec(func(s *model.Spec) { s.Network.Classic.AccountRouting = model.RoutingVLANSpanning })},
	{id: "NET002", fail: spec(func(s *model.Spec) { s.Network.Classic.AccountRouting = model.RoutingVLANSpanning }), path: "spec.network.classic.accountRouting",
		pass: spec(func(s *model.Spec) {
			s.Network.Classic.AccountRouting = model.RoutingVLANSpanning
			s.Network.ServiceEndpoints = model.EndpointsPublicOnly
		})},
	{id: "NET003", fail: spec(func(s *model.Spec) { s.Network.ServiceEndpoints = model.EndpointsPublicOnly }), path: "spec.network.serviceEndpoints"},
	{id: "NET004", vpc: true, fail: spec(func(s *model.Spec) { s.Network.ServiceEndpoints = model.EndpointsPublicOnly }), path: "spec.network.serviceEndpoints"},
	{id: "NET005", fail: spec(func(s *model.Spec) {
		s.Network.ServiceEndpoints = model.EndpointsPublicOnly
		s.Network.Classic.PrivateOnlyWorkers = true
	}), path: "spec.network.classic.privateOnlyWorkers", pass: spec(func(s *model.Spec) { s.Network.Classic.PrivateOnlyWorkers = true })},
	{id: "NET006", fail: spec(func(s *model.Spec) { s.Network.PodSubnet = "10.0.0.0/16" }), path: "spec.network.podSubnet",
		pass: spec(func(s *model.Spec) { s.Network.PodSubnet = "172.24.0.0/16" })},
	{id: "NET006", fail: spec(func(s *model.Spec) { s.Network.PodSubnet = "172.30.0.0/24" }), path: "spec.network.podSubnet"},
	{id: "NET006", vpc: true, fail: spec(func(s *model.Spec) { s.Network.PodSubnet = "172.18.0.0/16" }), path: "spec.network.podSubnet"},
	{id: "NET007", fail: spec(func(s *model.Spec) { s.Network.ServiceSubnet = "172.21.0.0/25" }), path: "spec.network.serviceSubnet",
		pass: spec(func(s *model.Spec) { s.Network.ServiceSubnet = "192.168.10.0/24" })},
	{id: "NET008", fail: spec(func(s *model.Spec) { s.Network.ServiceSubnet = "172.30.0.0/16" }), path: "spec.network.serviceSubnet"},
	{id: "NET008", fail: spec(func(s *model.Spec) {
		s.Network.PodSubnet = "198.18.0.0/16"
		s.Storage.DatabaseOnIaaS = model.DatabaseOnIaaS{Enabled: true, Engine: "Oracle", PrivateCIDR: "198.18.4.0/24"}
	}), path: "spec.storage.databaseOnIaaS.privateCIDR"},
	{id: "NET009", fail: spec(func(s *model.Spec) {
		s.Storage.DatabaseOnIaaS = model.DatabaseOnIaaS{Enabled: true, Engine: "Oracle", PrivateCIDR: "10.1.2.3/24"}
	}), path: "spec.storage.databaseOnIaaS.privateCIDR", pass: spec(func(s *model.Spec) {
		s.Storage.DatabaseOnIaaS = model.DatabaseOnIaaS{Enabled: true, Engine: "Oracle", PrivateCIDR: "10.1.2.0/24"}
	})},
	{id: "NET010", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.ContextBasedRestrictions = model.CBR{} }), path: "spec.network.vpc.contextBasedRestrictions.enabled",
		pass: spec(func(s *model.Spec) {
			s.Network.VPC.ContextBasedRestrictions = model.CBR{}
			s.Network.ServiceEndpoints = model.EndpointsPrivateOnly
		})},
	{id: "NET011", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.ContextBasedRestrictions.AllowedCIDRs = []string{"office"} }),
		path: "spec.network.vpc.contextBasedRestrictions.allowedCIDRs[0]"},
	{id: "NET011", fail: spec(func(s *model.Spec) { s.Network.Classic.ContextBasedRestrictions.AllowedCIDRs = []string{"office"} }),
		path: "spec.network.classic.contextBasedRestrictions.allowedCIDRs[0]"},
	{id: "NET021", fail: spec(func(s *model.Spec) { s.Network.Classic.ContextBasedRestrictions = model.CBR{} }), path: "spec.network.classic.contextBasedRestrictions.enabled",
		pass: spec(func(s *model.Spec) {
			s.Network.Classic.ContextBasedRestrictions = model.CBR{}
			s.Network.ServiceEndpoints = model.EndpointsPrivateOnly
		})},
	{id: "NET022", fail: spec(func(s *model.Spec) { s.Network.Classic.ContextBasedRestrictions.AllowedCIDRs = nil }),
		path: "spec.network.classic.contextBasedRestrictions.allowedCIDRs"},
	{id: "NET012", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.ContextBasedRestrictions.AllowedCIDRs = nil }),
		path: "spec.network.vpc.contextBasedRestrictions.allowedCIDRs"},
	{id: "NET013", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.OutboundTrafficProtection = ptr(false) }), path: "spec.network.vpc.outboundTrafficProtection",
		pass: spec(func(s *model.Spec) { s.Network.VPC.OutboundTrafficProtection = ptr(true) })},
	{id: "NET014", fail: spec(func(s *model.Spec) { s.Network.Ingress.Controller = model.IngressNGINX }), path: "spec.network.ingress.controller"},
	{id: "NET015", fail: spec(func(s *model.Spec) {
		s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "dal10", PrivateVLAN: "123", PublicVLAN: "456"}}
	}), path: "spec.network.classic.vlans[0].zone", pass: spec(func(s *model.Spec) {
		s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "tok02", PrivateVLAN: "123", PublicVLAN: "456"}}
	})},
	{id: "NET015", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.Subnets[0].Zone = "jp-tok-9" }), path: "spec.network.vpc.subnets[0].zone"},
	{id: "NET016", fail: spec(func(s *model.Spec) { s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "tok02", PublicVLAN: "456"}} }),
		path: "spec.network.classic.vlans[0]", pass: spec(func(s *model.Spec) {
			s.Network.Classic.PrivateOnlyWorkers = true
			s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "tok02", PrivateVLAN: "123"}}
		})},
	{id: "NET016", fail: spec(func(s *model.Spec) { s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "tok02", PrivateVLAN: "123"}} }),
		path: "spec.network.classic.vlans[0]"},
	{id: "NET017", fail: spec(func(s *model.Spec) {
		s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "tok02", PrivateVLAN: "1", PublicVLAN: "2"}, {Zone: "tok02", PrivateVLAN: "3", PublicVLAN: "4"}}
	}), path: "spec.network.classic.vlans[1].zone"},
	{id: "NET018", fail: spec(func(s *model.Spec) { s.Network.VPC = &model.VPCNetwork{VPCName: "x"} }), path: "spec.network.vpc"},
	{id: "NET018", vpc: true, fail: spec(func(s *model.Spec) { s.Network.Classic = &model.ClassicNetwork{AccountRouting: model.RoutingVRF} }), path: "spec.network.classic"},
	{id: "NET019", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.Subnets[0].SubnetID = "r022-0a1b2c3d" }), path: "spec.network.vpc.vpcID",
		pass: spec(func(s *model.Spec) {
			s.Network.VPC.Subnets[0].SubnetID = "r022-0a1b2c3d"
			s.Network.VPC.VPCID = "r022-9f8e7d6c"
		})},
	{id: "NET020", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.Subnets[0].IPv4AddressCount = 100 }), path: "spec.network.vpc.subnets[0].ipv4AddressCount"},
	{id: "NET020", vpc: true, fail: spec(func(s *model.Spec) {
		s.Network.VPC.Subnets[1].IPv4AddressCount = 16 // 11 usable
		s.Operations.Autoscaler.Pools[0].MaxPerZone = 12
	}), path: "spec.network.vpc.subnets[1].ipv4AddressCount",
		pass: spec(func(s *model.Spec) {
			s.Network.VPC.Subnets[1].IPv4AddressCount = 16
			s.Operations.Autoscaler.Pools[0].MaxPerZone = 11
		})},

	// firewall
	{id: "FW001", fail: spec(func(s *model.Spec) { s.Firewall.NetworkPolicies = false }), path: "spec.firewall.networkPolicies"},
	{id: "FW002", fail: spec(func(s *model.Spec) { s.Firewall.CalicoPolicies = []model.CalicoPolicySet{model.CalicoCISOnlyIngress} }), path: "spec.firewall.calicoPolicies",
		pass: spec(func(s *model.Spec) {
			s.Firewall.CalicoPolicies = []model.CalicoPolicySet{model.CalicoCISOnlyIngress}
			s.Network.Classic.PrivateOnlyWorkers = true
		})},
	{id: "FW003", fail: spec(func(s *model.Spec) { s.Firewall.CalicoPolicies = []model.CalicoPolicySet{model.CalicoPublicIsolation} }), path: "spec.firewall.calicoPolicies"},
	{id: "FW004", vpc: true, fail: spec(func(s *model.Spec) {
		s.Firewall.CIS = model.CloudInternetServices{Enabled: true, Domain: "shop.example.com"}
	}), path: "spec.firewall.cis.enabled"},
	{id: "FW005", vpc: true, fail: spec(func(s *model.Spec) { s.Firewall.CalicoPolicies = []model.CalicoPolicySet{model.CalicoPublicIsolation} }), path: "spec.firewall.calicoPolicies"},
	{id: "FW006", vpc: true, fail: spec(func(s *model.Spec) { s.Firewall.GatewayAppliance = model.GatewayFortiGate }), path: "spec.firewall.gatewayAppliance"},
	{id: "FW007", fail: spec(func(s *model.Spec) { s.Firewall.CIS.Enabled = false }), path: "spec.firewall.calicoPolicies"},
	{id: "FW008", fail: spec(func(s *model.Spec) { s.Firewall.CIS.Domain = "" }), path: "spec.firewall.cis.domain"},
	{id: "FW009", fail: spec(func(s *model.Spec) { s.Firewall.GatewayAppliance = model.GatewayVRA }), path: "spec.firewall.gatewayAppliance"},

	// logging and monitoring
	{id: "LOG001", fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogLogAnalysis }), path: "spec.logging.backend"},
	{id: "LOG002", fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogNone }), path: "spec.logging.backend"},
	{id: "LOG003", fail: spec(func(s *model.Spec) { s.Monitoring.Enabled = false }), path: "spec.monitoring.enabled"},
	{id: "LOG004", vpc: true, fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogNone
		s.Logging.Sources = []model.LogSource{model.SourceContainer, model.SourceKubeAudit}
	}), path: "spec.logging.sources[1]"},
	{id: "LOG005", fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogSyslog }), path: "spec.logging.syslog.host",
		pass: spec(func(s *model.Spec) { s.Logging.Backend = model.LogSyslog; s.Logging.Syslog.Host = "logs.example.com" })},
	{id: "LOG006", fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Protocol: model.SyslogUDP}
	}), path: "spec.logging.syslog.protocol", pass: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com"}
	})},
	{id: "LOG007", fail: spec(func(s *model.Spec) { s.Monitoring.AlertChannels = nil }), path: "spec.monitoring.alertChannels"},
	{id: "LOG008", fail: spec(func(s *model.Spec) { s.Monitoring.AlertChannels[0].Target = "sre at example" }), path: "spec.monitoring.alertChannels[0].target"},
	{id: "LOG011", fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogCloudLogs; s.Logging.RetentionDays = 45 }), path: "spec.logging.retentionDays",
		pass: spec(func(s *model.Spec) { s.Logging.Backend = model.LogCloudLogs; s.Logging.RetentionDays = 60 })},
	{id: "LOG012", vpc: true, fail: spec(func(s *model.Spec) { s.Logging.CloudLogs.Archive.Enabled = false }), path: "spec.logging.cloudLogs.archive.enabled"},
	// Cloud Logs in ca-mon (private ingestion only through a VPE) from a
	// classic cluster; a VPC cluster gets the VPE from the runbook.
	{id: "LOG015", fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Protocol: model.SyslogTCP, CACertSecret: "syslog-ca"}
	}), path: "spec.logging.syslog.caCertSecret", pass: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Protocol: model.SyslogTLS, CACertSecret: "syslog-ca"}
	})},
	{id: "LOG015", fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Protocol: model.SyslogTLS, CACertSecret: "Syslog_CA"}
	}), path: "spec.logging.syslog.caCertSecret"},
	{id: "LOG016", fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Protocol: model.SyslogTLS}
	}), path: "spec.logging.syslog.caCertSecret", pass: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Protocol: model.SyslogTLS, CACertSecret: "syslog-ca"}
	})},
	// TLS chosen, host not given yet (the wizard's order): the message names
	// the server by its role.
	{id: "LOG016", fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Protocol: model.SyslogTLS}
	}), path: "spec.logging.syslog.caCertSecret"},
	// A VPC cluster in jp-tok whose Cloud Logs instance is in ca-mon, where
	// private ingestion is only through a VPE: a cross-region VPE.
	{id: "LOG017", vpc: true, fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogCloudLogs; s.Logging.CloudLogs.Region = "ca-mon" }),
		path: "spec.logging.cloudLogs.region", pass: spec(func(s *model.Spec) { s.Logging.Backend = model.LogCloudLogs; s.Logging.CloudLogs.Region = "jp-osa" })},
	{id: "LOG014", fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogCloudLogs; s.Logging.CloudLogs.Region = "ca-mon" }),
		path: "spec.logging.cloudLogs.region", pass: spec(func(s *model.Spec) { s.Logging.Backend = model.LogCloudLogs; s.Logging.CloudLogs.Region = "jp-tok" })},
	{id: "LOG013", vpc: true, fail: spec(func(s *model.Spec) {
		s.Logging.CloudLogs.Archive.MetricsBucket = s.Logging.CloudLogs.Archive.DataBucket
	}),
		path: "spec.logging.cloudLogs.archive.metricsBucket"},
	{id: "LOG013", vpc: true, fail: spec(func(s *model.Spec) { s.Logging.CloudLogs.Archive.DataBucket = "Logs_Data" }),
		path: "spec.logging.cloudLogs.archive.dataBucket"},
	{id: "LOG009", fail: spec(func(s *model.Spec) { s.Logging.Sources = []model.LogSource{model.SourceContainer} }), path: "spec.logging.sources"},
	{id: "LOG009", vpc: true, fail: spec(func(s *model.Spec) { s.Logging.Sources = []model.LogSource{model.SourceContainer} }), path: "spec.logging.sources"},
	{id: "LOG010", fail: spec(func(s *model.Spec) { s.Logging.ActivityTracker.Enabled = false }), path: "spec.logging.activityTracker.enabled"},
	{id: "LOG010", fail: spec(func(s *model.Spec) { s.Logging.Backend = model.LogSyslog; s.Logging.Syslog.Host = "logs.example.com" }),
		path: "spec.logging.activityTracker.enabled"},

	// IAM and security
	{id: "IAM001", fail: spec(func(s *model.Spec) {
		s.IAM.AccessGroups[1].ServiceRole = model.ServiceManager
		s.IAM.AccessGroups[1].Namespaces = nil
	}), path: "spec.iam.accessGroups[1].serviceRole", pass: spec(func(s *model.Spec) { s.IAM.AccessGroups[1].ServiceRole = model.ServiceManager })},
	{id: "IAM002", fail: spec(func(s *model.Spec) { s.IAM.AccessGroups[1].Namespaces = []string{"shop", "billing"} }), path: "spec.iam.accessGroups[1].namespaces[1]"},
	{id: "IAM003", fail: spec(func(s *model.Spec) { s.IAM.AccessGroups[2].PlatformRole = model.PlatformAdministrator }), path: "spec.iam.accessGroups[2].platformRole"},
	{id: "IAM004", fail: spec(func(s *model.Spec) { s.IAM.AccessGroups = nil }), path: "spec.iam.accessGroups"},
	{id: "IAM005", fail: spec(func(s *model.Spec) { s.IAM.AccessGroups[2].PlatformRole, s.IAM.AccessGroups[2].ServiceRole = "", "" }), path: "spec.iam.accessGroups[2]"},
	{id: "SEC001", fail: spec(func(s *model.Spec) { s.Security.KMS = model.KMS{Provider: model.KMSNone} }), path: "spec.security.kms.provider"},
	{id: "SEC002", fail: spec(func(s *model.Spec) { s.Security.KMS.RootKeyName = "" }), path: "spec.security.kms.rootKeyName"},
	{id: "SEC004", vpc: true, fail: spec(func(s *model.Spec) { s.Security.KMS.BootVolumeEncryption = false }), path: "spec.security.kms.bootVolumeEncryption"},
	{id: "SEC005", fail: spec(func(s *model.Spec) { s.Security.KMS.BootVolumeEncryption = true }), path: "spec.security.kms.bootVolumeEncryption"},
	{id: "SEC005", vpc: true, fail: spec(func(s *model.Spec) { s.Security.KMS = model.KMS{Provider: model.KMSNone, BootVolumeEncryption: true} }),
		path: "spec.security.kms.bootVolumeEncryption"},
	{id: "SEC006", fail: spec(func(s *model.Spec) { s.Security.KMS.DualAuthDelete = false }), path: "spec.security.kms.dualAuthDelete"},
	{id: "SEC007", vpc: true, fail: spec(func(s *model.Spec) {
		s.Security.KMS.Provider = model.KMSHyperProtect
		s.Region = "jp-osa"
	}), path: "spec.security.kms.provider", pass: spec(func(s *model.Spec) { s.Security.KMS.Provider = model.KMSHyperProtect })},

	// names
	{id: "NAM001", fail: design(func(d *model.Design) { d.Metadata.Name = "1shop" }), path: "metadata.name"},
	{id: "NAM002", fail: spec(func(s *model.Spec) { s.ResourceGroup = " shop" }), path: "spec.resourceGroup"},
	{id: "NAM003", fail: spec(func(s *model.Spec) { s.WorkerPools[0].Name = "my pool" }), path: "spec.workerPools[0].name"},
	{id: "NAM003", fail: spec(func(s *model.Spec) {
		s.WorkerPools = append(s.WorkerPools, model.WorkerPool{Name: "default", Isolation: model.IsolationDedicated, Flavor: "b3c.8x32", Purpose: model.PurposeEdge})
	}), path: "spec.workerPools[1].name"},
	{id: "NAM004", fail: spec(func(s *model.Spec) { s.Namespaces[1].Name = "Shop_Staging" }), path: "spec.namespaces[1].name"},
	{id: "NAM004", fail: spec(func(s *model.Spec) { s.Namespaces[1].Name = "shop" }), path: "spec.namespaces[1].name"},
	{id: "NAM005", fail: spec(func(s *model.Spec) { s.IAM.AccessGroups[2].Name = "shop-developers" }), path: "spec.iam.accessGroups[2].name"},
	{id: "NAM006", fail: spec(func(s *model.Spec) { s.IAM.AccessGroups[0].Members = []string{"Lead <lead@example.com>"} }), path: "spec.iam.accessGroups[0].members[0]"},
	{id: "NAM007", fail: spec(func(s *model.Spec) { s.Storage.ObjectStorage.Buckets[0].Name = "Shop_Assets" }), path: "spec.storage.objectStorage.buckets[0].name"},
	{id: "NAM008", fail: spec(func(s *model.Spec) { s.CICD.Registry.Namespace = "ab" }), path: "spec.cicd.registry.namespace"},
	{id: "NAM009", fail: spec(func(s *model.Spec) {
		s.Storage.Databases = append(s.Storage.Databases, s.Storage.Databases[0])
	}), path: "spec.storage.databases[1].name"},
	{id: "NAM010", fail: spec(func(s *model.Spec) {
		s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: "tok02", PrivateVLAN: "bcr01a.tok02", PublicVLAN: "456"}}
	}), path: "spec.network.classic.vlans[0].privateVLAN"},
	{id: "NAM011", vpc: true, fail: spec(func(s *model.Spec) { s.Network.VPC.VPCID = "My VPC" }), path: "spec.network.vpc.vpcID"},
	{id: "NAM012", fail: spec(func(s *model.Spec) { s.Firewall.CIS.Domain = "https://shop.example.com" }), path: "spec.firewall.cis.domain"},
	{id: "NAM013", fail: spec(func(s *model.Spec) { s.WorkerPools[0].Labels = map[string]string{"tier!": "web"} }), path: "spec.workerPools[0].labels.tier!"},
	{id: "NAM013", fail: spec(func(s *model.Spec) {
		s.WorkerPools[0].Taints = []model.Taint{{Key: "dedicated=", Value: "gpu", Effect: model.TaintNoSchedule}}
	}), path: "spec.workerPools[0].taints[0]"},
	{id: "NAM014", fail: spec(func(s *model.Spec) {
		v := volume("test-object")
		v.Name = "Data_1"
		s.Storage.Volumes = []model.Volume{v}
	}), path: "spec.storage.volumes[0].name"},
	{id: "NAM015", fail: design(func(d *model.Design) { d.Metadata.Description = "line one\nline two" }), path: "metadata.description"},
	{id: "NAM016", vpc: true, fail: design(func(d *model.Design) { d.Spec.Network.VPC.VPCName = "Shop.Prod-vpc" }), path: "spec.network.vpc.vpcName",
		pass: design(func(d *model.Design) { d.Metadata.Name = "Shop.Prod"; d.Spec.Network.VPC.VPCName = "shop-prod-vpc" })},
	{id: "NAM017", fail: spec(func(s *model.Spec) { s.CICD.Stages[1].Name = "staging" }), path: "spec.cicd.stages[1].name"},
	{id: "NAM018", fail: spec(func(s *model.Spec) { s.Logging.CloudLogs.Region = "mars-1" }), path: "spec.logging.cloudLogs.region",
		pass: spec(func(s *model.Spec) { s.Logging.CloudLogs.Region = "jp-osa" })},
	{id: "NAM018", fail: spec(func(s *model.Spec) { s.Monitoring.Plan = "Graduated Tier" }), path: "spec.monitoring.plan"},
	{id: "NAM018", fail: spec(func(s *model.Spec) {
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com; id", Port: 514, Protocol: model.SyslogTLS}
	}), path: "spec.logging.syslog.host"},
	{id: "NAM018", fail: spec(func(s *model.Spec) { s.Network.Ingress.TLSSecretsManager = "not a crn" }), path: "spec.network.ingress.tlsSecretsManager"},
	{id: "NAM019", fail: spec(func(s *model.Spec) { s.WorkerPools[0].Name = "workers" }), path: "spec.workerPools[0].name"},
	{id: "NAM020", fail: spec(func(s *model.Spec) {
		s.Storage.Databases = append(s.Storage.Databases, model.DatabaseInstance{Name: "orders", BindNamespace: "$(touch /tmp/PWNED)"})
	}), path: "spec.storage.databases[1].bindNamespace"},
	{id: "NAM020", fail: spec(func(s *model.Spec) { s.CICD.Stages[0].Namespace = "Shop Dev" }), path: "spec.cicd.stages[0].namespace"},
	{id: "NAM020", fail: spec(func(s *model.Spec) {
		s.IAM.AccessGroups[0].Namespaces = []string{"shop", "bad;name"}
	}), path: "spec.iam.accessGroups[0].namespaces[1]"},
	{id: "NAM020", fail: spec(func(s *model.Spec) {
		s.Waivers = append(s.Waivers, model.Waiver{Rule: "HA001\nerror SEC999", Reason: "r", ApprovedBy: "a"})
	}),
		path: "spec.waivers[0].rule"},
	{id: "DES002", fail: spec(func(s *model.Spec) { s.Logging.RetentionDays = -1 }), path: "spec.logging.retentionDays"},
	{id: "DES003", fail: design(func(d *model.Design) { d.Metadata.Owner = "\xff\xfe" }), path: "metadata.owner"},
	{id: "DES003", fail: design(func(d *model.Design) { d.Metadata.Description = "a\x00b" }), path: "metadata.description"},
	{id: "DES002", fail: spec(func(s *model.Spec) { s.Namespaces[0].Quota.CPU = math.Inf(1) }), path: "spec.namespaces[0].quota.cpu"},

	// operations
	{id: "OPS001", fail: spec(func(s *model.Spec) { s.Operations.Autoscaler.Pools = nil }), path: "spec.operations.autoscaler.pools",
		pass: spec(func(s *model.Spec) { s.Operations.Autoscaler = model.Autoscaler{} })},
	{id: "OPS002", fail: spec(func(s *model.Spec) { s.Operations.Autoscaler.Pools[0].Pool = "workers" }), path: "spec.operations.autoscaler.pools[0].pool"},
	{id: "OPS003", fail: spec(func(s *model.Spec) { s.Operations.Autoscaler.Pools[0].MaxPerZone = 2 }), path: "spec.operations.autoscaler.pools[0].maxPerZone"},
	{id: "OPS004", fail: spec(func(s *model.Spec) { s.Operations.Autoscaler.Pools[0].MinPerZone = 1 }), path: "spec.operations.autoscaler.pools[0].minPerZone"},
	{id: "OPS005", fail: spec(func(s *model.Spec) { s.Operations.Autoscaler.Pools[0].MinPerZone = 2 }), path: "spec.operations.autoscaler.pools[0].minPerZone"},
	{id: "OPS006", fail: spec(func(s *model.Spec) {
		s.Operations.Autoscaler.Pools[0] = model.AutoscaledPool{Pool: "default", MinPerZone: 2, MaxPerZone: 2}
	}), path: "spec.operations.autoscaler.pools[0].maxPerZone"},
	{id: "OPS007", fail: spec(func(s *model.Spec) {
		s.Operations.Autoscaler.Pools = append(s.Operations.Autoscaler.Pools, s.Operations.Autoscaler.Pools[0])
	}), path: "spec.operations.autoscaler.pools[1].pool"},
	{id: "OPS008", fail: spec(func(s *model.Spec) { s.Operations.Backups.Bucket = "shop-prod-archive" }), path: "spec.operations.backups.bucket"},
	{id: "OPS008", fail: spec(func(s *model.Spec) { s.Storage.ObjectStorage.Enabled = false }), path: "spec.operations.backups.bucket"},
	{id: "OPS009", fail: spec(func(s *model.Spec) { s.Storage.ObjectStorage.Buckets[1].Resiliency = model.ResiliencySingleSite }), path: "spec.operations.backups.bucket"},
	{id: "OPS010", fail: spec(func(s *model.Spec) { s.Operations.Upgrades.WorkerPatchDays = 30 }), path: "spec.operations.upgrades.workerPatchDays"},
	{id: "OPS011", fail: spec(func(s *model.Spec) { s.Operations.Upgrades.ALBAutoUpdate = false }), path: "spec.operations.upgrades.albAutoUpdate",
		pass: spec(func(s *model.Spec) {
			s.Operations.Upgrades.ALBAutoUpdate = false
			s.Network.Ingress = model.Ingress{Controller: model.IngressNone}
		})},
	{id: "OPS012", fail: spec(func(s *model.Spec) { s.CICD.Stages[0].Namespace = "staging" }), path: "spec.cicd.stages[0].namespace"},
	{id: "OPS013", fail: spec(func(s *model.Spec) { s.CICD.VulnerabilityScanning = false }), path: "spec.cicd.vulnerabilityScanning"},
	{id: "OPS014", fail: spec(func(s *model.Spec) { s.CICD.Registry.Region = "us" }), path: "spec.cicd.registry.region"},
	{id: "OPS015", fail: spec(func(s *model.Spec) {
		s.Operations.Backups = model.Backups{Method: model.BackupNone}
		s.Storage.Volumes = []model.Volume{volume("test-object")}
	}), path: "spec.operations.backups.method", pass: spec(func(s *model.Spec) { s.Operations.Backups = model.Backups{Method: model.BackupNone} })},

	// waivers
	{id: "WVR001", fail: spec(func(s *model.Spec) { s.Waivers = []model.Waiver{{Rule: "HA999", Reason: "r", ApprovedBy: "a"}} }), path: "spec.waivers[0].rule"},
	{id: "WVR002", fail: spec(func(s *model.Spec) {
		s.Sizing.SurviveZoneLoss = false
		s.Waivers = []model.Waiver{{Rule: "HA002"}}
	}), path: "spec.waivers[0]"},
	{id: "WVR003", fail: spec(func(s *model.Spec) { s.Waivers = []model.Waiver{{Rule: "HA001", Reason: "r", ApprovedBy: "a"}} }), path: "spec.waivers[0].rule",
		pass: spec(func(s *model.Spec) {
			s.Zones = []string{"tok02"}
			s.Waivers = []model.Waiver{{Rule: "HA001", Reason: "r", ApprovedBy: "a"}}
		})},
	{id: "WVR004", fail: spec(func(s *model.Spec) {
		s.Sizing.SurviveZoneLoss = false
		s.Waivers = []model.Waiver{{Rule: "HA002", Reason: "r", ApprovedBy: "a"}, {Rule: "ha002", Reason: "r", ApprovedBy: "b"}}
	}), path: "spec.waivers[1].rule"},
}

// noEndOfSupport clears the end of support of the base version, so the
// end-of-support rules stay quiet whatever the embedded catalog says.
var noEndOfSupport = cat(func(t testing.TB, d *model.Design, c *catalog.Catalog) {
	findVersion(t, c, d.Spec.KubernetesVersion).EndOfSupport = ""
})
