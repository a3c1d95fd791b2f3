package change_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/change"
	"github.com/iksplan/iksplan/model/presets"
)

func preset(t *testing.T, name string) *model.Design {
	t.Helper()
	d, err := presets.Design(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSingleFieldChanges changes one field of a preset at a time and
// checks the one change diff reports and its class.
func TestSingleFieldChanges(t *testing.T) {
	f := false
	tests := []struct {
		name   string
		preset string
		edit   func(d *model.Design)
		path   string
		want   change.Class
	}{
		{"cluster name", "tokyo-vpc-production", func(d *model.Design) { d.Metadata.Name = "shop-vpc-prod2" }, "metadata.name", change.ClusterRecreate},
		{"description", "tokyo-vpc-production", func(d *model.Design) { d.Metadata.Description = "x" }, "metadata.description", change.InPlace},
		{"infrastructure", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Infrastructure = model.InfraClassic }, "spec.infrastructure", change.ClusterRecreate},
		{"resource group", "tokyo-vpc-production", func(d *model.Design) { d.Spec.ResourceGroup = "other" }, "spec.resourceGroup", change.ClusterRecreate},
		{"region", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Region = "jp-osa" }, "spec.region", change.ClusterRecreate},
		{"add a zone", "dev-single-zone", func(d *model.Design) { d.Spec.Zones = append(d.Spec.Zones, "jp-tok-2") }, "spec.zones[jp-tok-2]", change.InPlace},
		{"remove a zone with zone-bound volumes", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Zones = d.Spec.Zones[:2] }, "spec.zones[jp-tok-3]", change.DataRisk},
		{"remove a zone without volumes", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.Zones = d.Spec.Zones[:2]
		}, "spec.zones[jp-tok-3]", change.InPlace},
		{"next minor", "tokyo-vpc-production", func(d *model.Design) { d.Spec.KubernetesVersion = "1.36" }, "spec.kubernetesVersion", change.Rolling},
		{"two minors", "tokyo-vpc-production", func(d *model.Design) { d.Spec.KubernetesVersion = "1.37" }, "spec.kubernetesVersion", change.Rolling},
		{"downgrade", "tokyo-vpc-production", func(d *model.Design) { d.Spec.KubernetesVersion = "1.34" }, "spec.kubernetesVersion", change.ClusterRecreate},
		{"sizing demand", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Sizing.Demand.CPU = 80 }, "spec.sizing.demand.cpu", change.InPlace},
		{"flavor", "tokyo-vpc-production", func(d *model.Design) { d.Spec.WorkerPools[0].Flavor = "bx2.16x64" }, "spec.workerPools[default].flavor", change.PoolReplace},
		{"isolation", "tokyo-vpc-production", func(d *model.Design) { d.Spec.WorkerPools[0].Isolation = model.IsolationDedicated }, "spec.workerPools[default].isolation", change.PoolReplace},
		{"resize", "tokyo-vpc-production", func(d *model.Design) { d.Spec.WorkerPools[0].WorkersPerZone = 5 }, "spec.workerPools[default].workersPerZone", change.InPlace},
		{"pool OS", "tokyo-vpc-production", func(d *model.Design) { d.Spec.WorkerPools[0].OperatingSystem = model.OSUbuntu20 }, "spec.workerPools[default].operatingSystem", change.Rolling},
		{"pool labels", "tokyo-vpc-production", func(d *model.Design) { d.Spec.WorkerPools[0].Labels = map[string]string{"tier": "web"} }, "spec.workerPools[default].labels", change.InPlace},
		{"pool taints", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.WorkerPools[0].Taints = []model.Taint{{Key: "k", Value: "v", Effect: model.TaintNoSchedule}}
		}, "spec.workerPools[default].taints", change.InPlace},
		{"disk encryption off", "tokyo-classic-production", func(d *model.Design) { d.Spec.WorkerPools[0].DiskEncryption = &f }, "spec.workerPools[default].diskEncryption", change.PoolReplace},
		{"add a pool", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.WorkerPools = append(d.Spec.WorkerPools, model.WorkerPool{Name: "gpu"})
		}, "spec.workerPools[gpu]", change.InPlace},
		{"remove a pool", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.WorkerPools = append(d.Spec.WorkerPools, model.WorkerPool{Name: "gpu"})
		}, "", 0}, // built below in reverse: see removePool
		{"pod subnet", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Network.PodSubnet = "172.40.0.0/16" }, "spec.network.podSubnet", change.ClusterRecreate},
		{"service subnet", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Network.ServiceSubnet = "172.41.0.0/16" }, "spec.network.serviceSubnet", change.ClusterRecreate},
		{"VPC", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Network.VPC.VPCName = "other-vpc" }, "spec.network.vpc.vpcName", change.ClusterRecreate},
		{"subnet size", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Network.VPC.Subnets[0].IPv4AddressCount = 512 }, "spec.network.vpc.subnets[jp-tok-1].ipv4AddressCount", change.PoolReplace},
		{"public endpoint off", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.Network.ServiceEndpoints = model.EndpointsPrivateOnly
		}, "spec.network.serviceEndpoints", change.InPlace},
		{"private endpoint off", "tokyo-classic-production", func(d *model.Design) {
			d.Spec.Network.ServiceEndpoints = model.EndpointsPublicOnly
		}, "spec.network.serviceEndpoints", change.ClusterRecreate},
		{"private ALB on", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Network.Ingress.PrivateALB = true }, "spec.network.ingress.privateALB", change.InPlace},
		{"KMS root key rotate", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Security.KMS.RootKeyName = "root-2" }, "spec.security.kms.rootKeyName", change.InPlace},
		{"KMS enable", "dev-single-zone", func(d *model.Design) { d.Spec.Security.KMS.Provider = model.KMSKeyProtect }, "spec.security.kms.provider", change.InPlace},
		{"KMS disable", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Security.KMS.Provider = model.KMSNone }, "spec.security.kms.provider", change.ClusterRecreate},
		{"boot volume encryption", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Security.KMS.BootVolumeEncryption = false }, "spec.security.kms.bootVolumeEncryption", change.PoolReplace},
		{"delete a bucket", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.Storage.ObjectStorage.Buckets = d.Spec.Storage.ObjectStorage.Buckets[:1]
		}, "spec.storage.objectStorage.buckets[shop-vpc-prod-backups]", change.DataRisk},
		{"bucket resiliency", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.Storage.ObjectStorage.Buckets[0].Resiliency = model.ResiliencyCrossRegion
		}, "spec.storage.objectStorage.buckets[shop-vpc-prod-assets].resiliency", change.DataRisk},
		{"delete a database", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Storage.Databases = nil }, "spec.storage.databases[shop-vpc-prod-postgresql]", change.DataRisk},
		{"database plan", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Storage.Databases[0].Plan = "enterprise" }, "spec.storage.databases[shop-vpc-prod-postgresql].plan", change.InPlace},
		{"grow a volume", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Storage.Volumes[0].SizeGiB = 100 }, "spec.storage.volumes[shop-uploads].sizeGiB", change.InPlace},
		{"shrink a volume", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Storage.Volumes[0].SizeGiB = 10 }, "spec.storage.volumes[shop-uploads].sizeGiB", change.DataRisk},
		{"autoscaler off", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Operations.Autoscaler.Enabled = false }, "spec.operations.autoscaler.enabled", change.InPlace},
		{"log retention", "tokyo-vpc-production", func(d *model.Design) { d.Spec.Logging.RetentionDays = 90 }, "spec.logging.retentionDays", change.InPlace},
		{"CBR CIDRs", "tokyo-vpc-production", func(d *model.Design) {
			d.Spec.Network.VPC.ContextBasedRestrictions.AllowedCIDRs = append(d.Spec.Network.VPC.ContextBasedRestrictions.AllowedCIDRs, "198.51.100.0/24")
		}, "spec.network.vpc.contextBasedRestrictions.allowedCIDRs[198.51.100.0/24]", change.InPlace},
	}
	seen := map[change.Class]bool{}
	for _, tt := range tests {
		if tt.path == "" {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			old := preset(t, tt.preset)
			if tt.name == "remove a zone without volumes" {
				old.Spec.Storage.Volumes = nil
			}
			nw := old.Clone()
			tt.edit(nw)
			cs := change.Diff(old, nw, nil)
			// A field other defaults follow (the cluster name names the
			// instances) changes those too; the field itself must be there.
			var c change.Change
			for _, x := range cs {
				if x.Path == tt.path {
					c = x
				}
			}
			if c.Path == "" {
				t.Fatalf("no change at %s: %+v", tt.path, cs)
			}
			if c.Class != tt.want {
				t.Fatalf("%s: got %s, want %s (%s)", c.Path, c.Class, tt.want, c.Why)
			}
			if c.Why == "" || !strings.Contains(c.Source, "http") && !strings.Contains(c.Source, "terraform-provider-ibm") {
				t.Errorf("%s: no why or source: %+v", c.Path, c)
			}
			seen[c.Class] = true
		})
	}
	t.Run("remove a pool", func(t *testing.T) {
		nw := preset(t, "tokyo-vpc-production")
		old := nw.Clone()
		old.Spec.WorkerPools = append(old.Spec.WorkerPools, model.WorkerPool{Name: "gpu"})
		cs := change.Diff(old, nw, nil)
		if len(cs) != 1 || cs[0].Path != "spec.workerPools[gpu]" || cs[0].Op != change.Removed || cs[0].Class != change.PoolReplace {
			t.Fatalf("got %+v", cs)
		}
		seen[cs[0].Class] = true
	})
	for _, c := range change.Classes() {
		if !seen[c] {
			t.Errorf("no case has class %s", c)
		}
	}
}

// TestNoChange: a design against its own clone has no change.
func TestNoChange(t *testing.T) {
	for _, p := range presets.Names() {
		d := preset(t, p)
		if cs := change.Diff(d, d.Clone(), nil); len(cs) != 0 {
			t.Errorf("%s: %+v", p, cs)
		}
	}
}

// TestMostSevereFirst: two presets differ in many classes; the list runs
// from the most severe down.
func TestMostSevereFirst(t *testing.T) {
	cs := change.Diff(preset(t, "dev-single-zone"), preset(t, "tokyo-vpc-production"), nil)
	if len(cs) < 5 {
		t.Fatalf("only %d changes", len(cs))
	}
	for i := 1; i < len(cs); i++ {
		if cs[i].Class > cs[i-1].Class {
			t.Fatalf("%s (%s) after %s (%s)", cs[i].Path, cs[i].Class, cs[i-1].Path, cs[i-1].Class)
		}
	}
}

// TestEveryFieldHasARow: every field of the design type resolves to a row
// of the table that is not the catch-all root.
func TestEveryFieldHasARow(t *testing.T) {
	var walk func(t reflect.Type, p string)
	var keys []string
	walk = func(ty reflect.Type, p string) {
		for ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		switch ty.Kind() {
		case reflect.Struct:
			for i := range ty.NumField() {
				n, _, _ := strings.Cut(ty.Field(i).Tag.Get("yaml"), ",")
				if n == "" || n == "-" {
					continue
				}
				q := n
				if p != "" {
					q = p + "." + n
				}
				walk(ty.Field(i).Type, q)
			}
		case reflect.Slice:
			walk(ty.Elem(), p+"[*]")
		default:
			keys = append(keys, p)
		}
	}
	walk(reflect.TypeOf(model.Design{}), "")
	for _, k := range keys {
		r, ok := change.Lookup(k)
		if !ok || r.Key == "spec" {
			t.Errorf("%s has no row of its own section in the impact table", k)
		}
		if r.Source == "" || r.Why == "" {
			t.Errorf("%s: row %s has no why or source", k, r.Key)
		}
	}
}

// TestTableRowsAreFields: every row names a field or section of the design,
// so a renamed field cannot leave a stale row behind.
func TestTableRowsAreFields(t *testing.T) {
	for _, r := range change.Table() {
		if !fieldExists(reflect.TypeOf(model.Design{}), r.Key) {
			t.Errorf("impact table row %q names no design field", r.Key)
		}
	}
}

func fieldExists(ty reflect.Type, key string) bool {
	for _, step := range strings.Split(key, ".") {
		step, isList := strings.CutSuffix(step, "[*]")
		for ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct {
			return false
		}
		found := false
		for i := range ty.NumField() {
			n, _, _ := strings.Cut(ty.Field(i).Tag.Get("yaml"), ",")
			if n == step {
				ty, found = ty.Field(i).Type, true
				break
			}
		}
		if !found {
			return false
		}
		if isList {
			if ty.Kind() != reflect.Slice {
				return false
			}
			ty = ty.Elem()
		}
	}
	return true
}
