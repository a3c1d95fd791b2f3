package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

func TestDefaultParsesAndChecks(t *testing.T) {
	c := Default()
	if err := c.Check(); err != nil {
		t.Fatalf("embedded catalog fails Check: %v", err)
	}
	if c.AsOf == "" {
		t.Fatal("asOf is empty")
	}
	// Embedded returns the bytes Default parsed.
	again, err := Parse(Embedded(), "copy")
	if err != nil {
		t.Fatalf("Parse(Embedded()): %v", err)
	}
	if again.AsOf != c.AsOf {
		t.Fatalf("re-parsed asOf %q, want %q", again.AsOf, c.AsOf)
	}
}

func TestClassicMultizoneMetros(t *testing.T) {
	c := Default()
	want := []string{"au-syd", "jp-osa", "jp-tok", "eu-de", "eu-gb", "us-south", "us-east"}
	for _, region := range want {
		t.Run(region, func(t *testing.T) {
			metros := map[string]int{}
			for _, z := range c.ZonesIn(model.InfraClassic, region) {
				if z.Multizone() && z.Status == ZoneAvailable {
					metros[z.Metro]++
				}
			}
			if len(metros) != 1 {
				t.Fatalf("want one classic metro in %s, got %v", region, metros)
			}
			for m, n := range metros {
				if n < 3 {
					t.Errorf("metro %s has %d available zones, want 3+", m, n)
				}
			}
		})
	}
	// Every VPC region has zones -1, -2, -3 with a metro.
	for _, r := range c.RegionsFor(model.InfraVPC) {
		zones := c.ZonesIn(model.InfraVPC, r.Name)
		if len(zones) != 3 {
			t.Errorf("VPC region %s has %d zones, want 3", r.Name, len(zones))
		}
		for i, z := range zones {
			if want := r.Name + "-" + string(rune('1'+i)); z.Name != want || z.Metro == "" {
				t.Errorf("VPC zone %d of %s = %q (metro %q), want %s with a metro", i, r.Name, z.Name, z.Metro, want)
			}
		}
	}
}

func TestZoneStatus(t *testing.T) {
	c := Default()
	tests := []struct {
		zone      string
		status    ZoneStatus
		multizone bool
		region    string
	}{
		{"mil01", ZoneClosed, false, "eu-de"},
		{"lon02", ZoneDeprecated, true, "eu-gb"},
		{"lon05", ZoneAvailable, true, "eu-gb"},
		{"che01", ZoneAvailable, false, "jp-tok"},
		{"sao01", ZoneAvailable, false, "us-south"},
		{"tok02", ZoneAvailable, true, "jp-tok"},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			z, r, ok := c.Zone(model.InfraClassic, tt.zone)
			if !ok {
				t.Fatalf("zone %s not found", tt.zone)
			}
			if z.Status != tt.status || z.Multizone() != tt.multizone || r.Name != tt.region {
				t.Errorf("got status %s multizone %v region %s, want %s %v %s",
					z.Status, z.Multizone(), r.Name, tt.status, tt.multizone, tt.region)
			}
			if z.Status != ZoneAvailable && z.Note == "" {
				t.Errorf("zone %s is %s but has no note", tt.zone, z.Status)
			}
		})
	}
	if z, _, _ := c.Zone(model.InfraClassic, "mil01"); !strings.Contains(z.Note, "2025-10-31") {
		t.Errorf("mil01 note %q does not give the closing date", z.Note)
	}
}

func TestFlavorIsolations(t *testing.T) {
	c := Default()
	for _, f := range c.Flavors.Items {
		t.Run(string(f.Infrastructure)+"/"+f.Name, func(t *testing.T) {
			switch {
			case f.Infrastructure == model.InfraVPC:
				// Shared, plus dedicated where a dedicated host flavor runs
				// the flavor's class (Check enforces which).
				if !f.Allows(model.IsolationShared) || f.BareMetal() || len(f.Isolations) > 2 {
					t.Errorf("VPC flavor isolations %v, want shared (and dedicated on hosts)", f.Isolations)
				}
			case f.BareMetal():
				if len(f.Isolations) != 1 {
					t.Errorf("bare-metal flavor isolations %v, want only bare-metal", f.Isolations)
				}
			default:
				if !f.Allows(model.IsolationShared) || !f.Allows(model.IsolationDedicated) {
					t.Errorf("classic VSI isolations %v, want shared and dedicated", f.Isolations)
				}
			}
			if f.GPUs > 0 && f.Class != "gpu" {
				t.Errorf("flavor with %d GPUs has class %q", f.GPUs, f.Class)
			}
		})
	}
}

func TestNoDuplicateNames(t *testing.T) {
	c := Default()
	seen := map[string]bool{}
	dup := func(kind, name string) {
		t.Helper()
		key := kind + "/" + name
		if seen[key] {
			t.Errorf("%s listed twice", key)
		}
		seen[key] = true
	}
	for _, r := range c.Locations.Regions {
		dup("region", r.Name)
		for _, z := range r.Zones {
			dup("zone", z.Name)
		}
	}
	for _, f := range c.Flavors.Items {
		dup("flavor", string(f.Infrastructure)+"/"+f.Name)
	}
	for _, v := range c.Versions.Items {
		dup("version", v.Version)
	}
	for _, s := range c.Storage.Items {
		dup("storage", s.Name)
	}
	for _, d := range c.Databases.Items {
		dup("database", string(d.Type))
	}
	for _, s := range c.Services.Items {
		dup("service", s.ID)
	}
	for _, r := range c.Registries.Items {
		dup("registry", r.Region)
	}
}

func TestVersions(t *testing.T) {
	c := Default()
	defaults := 0
	for _, v := range c.Versions.Items {
		if v.Status == VersionDefault {
			defaults++
		}
		// A version past its end of support on asOf must say so.
		if v.StatusAsOf(c.AsOf) == VersionUnsupported && v.Status != VersionUnsupported {
			t.Errorf("version %s ended %s before asOf %s but is %s", v.Version, v.EndOfSupport, c.AsOf, v.Status)
		}
	}
	if defaults != 1 {
		t.Fatalf("%d default versions, want exactly 1", defaults)
	}
	for _, v := range []string{"1.31", "1.32", "1.33"} {
		got, ok := c.Version(v)
		if !ok || got.Status != VersionUnsupported {
			t.Errorf("version %s = %+v (found %v), want unsupported", v, got, ok)
		}
	}
	// Every version runs on some operating system.
	for _, v := range c.Versions.Items {
		found := false
		for _, o := range c.OperatingSystems.Items {
			for _, ov := range o.Versions {
				found = found || ov == v.Version
			}
		}
		if !found {
			t.Errorf("version %s runs on no operating system", v.Version)
		}
	}
}

func TestStatusAsOf(t *testing.T) {
	v := Version{Version: "1.35", Status: VersionSupported, EndOfSupport: "2027-04-28"}
	tests := []struct {
		day  string
		want VersionStatus
	}{
		{"2026-11-27", VersionSupported},
		{"2027-04-27", VersionSupported},
		{"2027-04-28", VersionUnsupported},
		{"2028-01-01", VersionUnsupported},
	}
	for _, tt := range tests {
		if got := v.StatusAsOf(tt.day); got != tt.want {
			t.Errorf("StatusAsOf(%s) = %s, want %s", tt.day, got, tt.want)
		}
	}
	if got := (Version{Status: VersionDefault}).StatusAsOf("2099-01-01"); got != VersionDefault {
		t.Errorf("version without end date: got %s, want default", got)
	}
}

func TestRBACMapping(t *testing.T) {
	c := Default()
	tests := []struct {
		role        model.ServiceRole
		all         bool
		clusterRole string
		binding     string
		kind        string
	}{
		{model.ServiceReader, false, "view", "ibm-view", "RoleBinding"},
		{model.ServiceReader, true, "view", "ibm-view", "RoleBinding"},
		{model.ServiceWriter, false, "edit", "ibm-edit", "RoleBinding"},
		{model.ServiceWriter, true, "edit", "ibm-edit", "RoleBinding"},
		{model.ServiceManager, false, "admin", "ibm-operate", "RoleBinding"},
		{model.ServiceManager, true, "cluster-admin", "ibm-admin", "ClusterRoleBinding"},
	}
	for _, tt := range tests {
		m, ok := c.RBAC(tt.role, tt.all)
		if !ok {
			t.Errorf("RBAC(%s, all=%v) not found", tt.role, tt.all)
			continue
		}
		if m.ClusterRole != tt.clusterRole || m.Binding != tt.binding || m.BindingKind != tt.kind {
			t.Errorf("RBAC(%s, all=%v) = %s/%s/%s, want %s/%s/%s", tt.role, tt.all,
				m.ClusterRole, m.Binding, m.BindingKind, tt.clusterRole, tt.binding, tt.kind)
		}
	}
	if c.IAM.ServiceName != "containers-kubernetes" {
		t.Errorf("IAM service name %q", c.IAM.ServiceName)
	}
}

func TestLookups(t *testing.T) {
	c := Default()
	tests := []struct {
		infra     model.Infrastructure
		name      string
		vcpu, mem int
		gpus      int
	}{
		{model.InfraClassic, "b3c.8x32", 8, 32, 0},
		{model.InfraClassic, "mg4c.48x384.2xv100", 48, 384, 2},
		{model.InfraVPC, "bx2.4x16", 4, 16, 0},
		{model.InfraVPC, "gx3.64x320.4l4", 64, 320, 4},
	}
	for _, tt := range tests {
		spec, ok := c.LookupFlavor(tt.infra, tt.name)
		if !ok || spec.VCPU != tt.vcpu || spec.MemoryGiB != tt.mem || spec.GPUs != tt.gpus {
			t.Errorf("LookupFlavor(%s, %s) = %+v, %v; want %d vCPU %d GiB %d GPUs",
				tt.infra, tt.name, spec, ok, tt.vcpu, tt.mem, tt.gpus)
		}
	}
	if _, ok := c.LookupFlavor(model.InfraVPC, "b3c.8x32"); ok {
		t.Error("classic flavor found as VPC")
	}
	if f, _ := c.Flavor(model.InfraClassic, "m3c.64x512"); f.OfferedIn("eu-de") || !f.OfferedIn("us-south") {
		t.Errorf("m3c.64x512 regions %v, want Dallas/Osaka only", f.Regions)
	}

	storage := []struct {
		infra     model.Infrastructure
		name      string
		kind      StorageKind
		zoneBound bool
		metro     bool
		retain    bool
	}{
		{model.InfraClassic, "ibmc-block-retain-gold", StorageBlock, true, false, true},
		{model.InfraClassic, "ibmc-file-silver-gid", StorageFile, true, false, false},
		{model.InfraVPC, "ibmc-vpc-block-metro-retain-10iops-tier", StorageBlock, true, true, true},
		{model.InfraVPC, "ibmc-vpc-file-regional", StorageFile, false, false, false},
		{model.InfraVPC, "ibmc-s3fs-vault-cross-region", StorageObject, false, false, false},
		{model.InfraClassic, "ibmc-s3fs-standard-regional", StorageObject, false, false, false},
	}
	for _, tt := range storage {
		s, ok := c.StorageClass(tt.infra, tt.name)
		if !ok || s.Kind != tt.kind || s.ZoneBound != tt.zoneBound || s.Metro != tt.metro || s.Retain != tt.retain {
			t.Errorf("StorageClass(%s, %s) = %+v, %v", tt.infra, tt.name, s, ok)
		}
	}
	if _, ok := c.StorageClass(model.InfraClassic, "ibmc-vpc-block-10iops-tier"); ok {
		t.Error("VPC storage class found on classic")
	}

	for _, db := range []model.DatabaseType{model.DBPostgreSQL, model.DBMySQL, model.DBRedis,
		model.DBMongoDB, model.DBEtcd, model.DBElasticsearch, model.DBRabbitMQ} {
		if d, ok := c.Database(db); !ok || d.ServiceName == "" || len(d.Plans) == 0 {
			t.Errorf("Database(%s) = %+v, %v", db, d, ok)
		}
	}
	for _, id := range []string{"cos", "cloudant", "cis", "logs", "monitoring", "key-protect", "hpcs"} {
		if s, ok := c.Service(id); !ok || s.ServiceName == "" || s.Plan == "" {
			t.Errorf("Service(%s) = %+v, %v", id, s, ok)
		}
	}
	if r, ok := c.RegistryFor("jp-osa"); !ok || r.Domain != "jp2.icr.io" {
		t.Errorf("RegistryFor(jp-osa) = %+v, %v", r, ok)
	}
}

func TestParseStrictUnknownKey(t *testing.T) {
	data := strings.Replace(string(Embedded()), "asOf:", "asof_typo: x\nasOf:", 1)
	_, err := Parse([]byte(data), "typo.yaml")
	if err == nil {
		t.Fatal("Parse accepted an unknown key")
	}
	for _, want := range []string{"asof_typo", "typo.yaml"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestCheckRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Catalog)
		want string
	}{
		{"bad date", func(c *Catalog) { c.AsOf = "27.11.2026" }, "asOf"},
		{"no source", func(c *Catalog) { c.Storage.Source = "" }, "storage: source"},
		{"two defaults", func(c *Catalog) {
			c.Versions.Items = append(c.Versions.Items, Version{Version: "9.99", Status: VersionDefault})
		}, "exactly one"},
		{"duplicate flavor", func(c *Catalog) {
			c.Flavors.Items = append(c.Flavors.Items, c.Flavors.Items[0])
		}, "listed twice"},
		{"mixed bare metal", func(c *Catalog) {
			c.Flavors.Items[0].Isolations = []model.Isolation{model.IsolationShared, model.IsolationBareMetal}
		}, "bare-metal"},
		{"unknown region", func(c *Catalog) { c.Flavors.Items[0].Regions = []string{"mars-1"} }, "mars-1"},
		{"unknown status", func(c *Catalog) { c.Locations.Regions[0].Zones[0].Status = "gone" }, "unknown status"},
		{"unknown os version", func(c *Catalog) {
			c.OperatingSystems.Items[0].Versions = append(c.OperatingSystems.Items[0].Versions, "0.1")
		}, "0.1"},
		{"no classic nets for a region", func(c *Catalog) {
			c.Networks.Classic.Regions = c.Networks.Classic.Regions[1:]
		}, "has no isolation addresses"},
		{"bad master address", func(c *Catalog) {
			c.Networks.Classic.Regions[0].PublicMaster[0] = "104.94.220.125"
		}, "not a CIDR prefix"},
		{"no pod default", func(c *Catalog) { c.Networks.ClassicPodSubnet = "" }, "networks.classicPodSubnet"},
		{"undated section", func(c *Catalog) { c.Charts.AsOf = "" }, "charts: asOf"},
		{"dedicated without a host", func(c *Catalog) { c.DedicatedHosts.Items = c.DedicatedHosts.Items[1:] }, "no dedicated host flavor runs class bx2"},
		{"host class without dedicated", func(c *Catalog) {
			for i, f := range c.Flavors.Items {
				if f.Name == "cx2.8x16" {
					c.Flavors.Items[i].Isolations = []model.Isolation{model.IsolationShared}
				}
			}
		}, "cx2.8x16 is of class cx2"},
		{"no host metro", func(c *Catalog) { delete(c.DedicatedHosts.Metros, "jp-tok") }, "VPC region jp-tok has no metro"},
		{"undated hosts", func(c *Catalog) { c.DedicatedHosts.AsOf = "" }, "dedicatedHosts: asOf"},
		{"chart missing", func(c *Catalog) { c.Charts.Items = c.Charts.Items[1:] }, "charts: logs-agent is missing"},
		{"service missing", func(c *Catalog) { c.Services.Items = c.Services.Items[2:] }, "services: cloudant is missing"},
		{"no geography", func(c *Catalog) { c.ObjectStorage.CrossRegion = c.ObjectStorage.CrossRegion[1:] }, "jp-tok has no cross-region"},
		{"no registry", func(c *Catalog) { c.Registries.Items = c.Registries.Items[1:] }, "jp-tok has no registry"},
		{"no audit image", func(c *Catalog) { c.Images.Items = nil }, "images: kube-audit"},
		{"no boot volume authorization", func(c *Catalog) { c.Authorizations.Items = c.Authorizations.Items[1:] }, "boot-volume-block-storage needs"},
		{"no s3fs provisioner", func(c *Catalog) { c.ObjectStorage.S3FSProvisioner = "" }, "s3fsProvisioner"},
		{"no logs retention", func(c *Catalog) {
			for i := range c.Services.Items {
				if c.Services.Items[i].ID == "logs" {
					c.Services.Items[i].RetentionDays = nil
				}
			}
		}, "logs needs retentionDays"},
		{"no s3fs prefix", func(c *Catalog) { c.ObjectStorage.S3FSPrefix = "" }, "s3fsPrefix"},
		{"no direct endpoint", func(c *Catalog) { c.ObjectStorage.DirectEndpoint = "" }, "directEndpoint"},
		{"no logs-cos authorization", func(c *Catalog) {
			var keep []Authorization
			for _, a := range c.Authorizations.Items {
				if a.ID != AuthLogsCOS {
					keep = append(keep, a)
				}
			}
			c.Authorizations.Items = keep
		}, "logs-cos"},
		{"no classic block provisioner", func(c *Catalog) { c.Storage.ClassicBlockProvisioner = "" }, "classicBlockProvisioner"},
		{"no classic block prefix", func(c *Catalog) { c.Storage.ClassicBlockPrefix = "" }, "classicBlockPrefix"},
		{"no global registry", func(c *Catalog) { c.Registries.Global = "" }, "registries: global"},
		{"no audit webhook", func(c *Catalog) { c.Images.Items[0].Webhook = "" }, "webhook"},
		{"no cloudant trial plan", func(c *Catalog) {
			for i := range c.Services.Items {
				if c.Services.Items[i].ID == "cloudant" {
					c.Services.Items[i].TrialPlan = ""
				}
			}
		}, "cloudant needs a trialPlan"},
		{"monitoring trial plan is the plan", func(c *Catalog) {
			for i := range c.Services.Items {
				if c.Services.Items[i].ID == "monitoring" {
					c.Services.Items[i].TrialPlan = c.Services.Items[i].Plan
				}
			}
		}, "monitoring needs a trialPlan"},
		{"database plan without a note", func(c *Catalog) { c.Databases.PlanNotes = c.Databases.PlanNotes[1:] }, "plan standard has no planNotes"},
		{"no secrets manager", func(c *Catalog) {
			var keep []Service
			for _, sv := range c.Services.Items {
				if sv.ID != ServiceSecretsManager {
					keep = append(keep, sv)
				}
			}
			c.Services.Items = keep
		}, "services: secrets-manager is missing"},
		{"no logs ingestion", func(c *Catalog) { c.LogsIngestion = LogsIngestion{} }, "logsIngestion: source"},
		{"no cse port", func(c *Catalog) { c.LogsIngestion.CSEPort = 0 }, "csePort"},
		{"no private label", func(c *Catalog) { c.LogsIngestion.PrivateLabel = "" }, "privateLabel"},
		{"undated logs ingestion", func(c *Catalog) { c.LogsIngestion.AsOf = "" }, "logsIngestion: asOf"},
		{"vpe-only region unknown", func(c *Catalog) { c.LogsIngestion.VPEOnly = []string{"mars-1"} }, "vpeOnly region \"mars-1\""},
		{"no monitoring endpoints", func(c *Catalog) { c.MonitoringEndpoints = MonitoringEndpoints{} }, "monitoringEndpoints: source"},
		{"no monitoring domain", func(c *Catalog) { c.MonitoringEndpoints.Domain = "" }, "monitoringEndpoints: domain"},
		{"no agent slim image", func(c *Catalog) { c.MonitoringEndpoints.SlimRepository = "" }, "slimRepository"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(Embedded(), "copy")
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(c)
			err = c.Check()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestRegistryHost: the design's registry prefix becomes the catalog's
// domain, global is the global registry.
func TestRegistryHost(t *testing.T) {
	c := Default()
	for in, want := range map[string]string{"jp": "jp.icr.io", "jp2": "jp2.icr.io", "global": "icr.io", "": "icr.io"} {
		if got := c.RegistryHost(in); got != want {
			t.Errorf("RegistryHost(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadFile(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("LoadFile of a missing file succeeded")
	}
	path := filepath.Join(dir, "catalog.yaml")
	if err := os.WriteFile(path, Embedded(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadFile(path)
	if err != nil {
		t.Fatalf("LoadFile of a copy of the embedded catalog: %v", err)
	}
	if c.AsOf != Default().AsOf {
		t.Errorf("asOf %q, want %q", c.AsOf, Default().AsOf)
	}
}
