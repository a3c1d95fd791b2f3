package terraform

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// literal evaluates a literal attribute of a parsed block: "" and false
// when it is missing or not a literal.
func literal(t *testing.T, b *hclsyntax.Block, name string) (cty.Value, bool) {
	t.Helper()
	if b == nil {
		return cty.NilVal, false
	}
	a, ok := b.Body.Attributes[name]
	if !ok {
		return cty.NilVal, false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	return v, true
}

func literalString(t *testing.T, b *hclsyntax.Block, name string) string {
	v, ok := literal(t, b, name)
	if !ok || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

func literalInt(t *testing.T, b *hclsyntax.Block, name string) int {
	v, ok := literal(t, b, name)
	if !ok || v.Type() != cty.Number {
		return -1
	}
	n, _ := v.AsBigFloat().Int64()
	return int(n)
}

// zoneNames lists the name of every nested zones block.
func zoneNames(t *testing.T, b *hclsyntax.Block) []string {
	var out []string
	for _, nb := range b.Body.Blocks {
		if nb.Type == "zones" {
			out = append(out, literalString(t, nb, "name"))
		}
	}
	return out
}

// TestTerraformEqualsDesign reads the rendered HCL back and compares the
// worker counts, zones, flavors, Kubernetes version and KMS with the
// resolved design.
func TestTerraformEqualsDesign(t *testing.T) {
	for _, d := range designs(t) {
		m := buildModule(t, d)
		s := m.s
		files := parseModule(t, d.name, m)
		fail := func(format string, args ...any) { t.Errorf("%s: %s", d.name, fmt.Sprintf(format, args...)) }
		var cluster *hclsyntax.Block
		if s.IsVPC() {
			cluster = findBlock(files, "resource", "ibm_container_vpc_cluster", "cluster")
		} else {
			cluster = findBlock(files, "resource", "ibm_container_cluster", "cluster")
		}
		if cluster == nil {
			t.Fatalf("%s: no cluster resource", d.name)
		}
		if got := literalString(t, cluster, "kube_version"); got != s.KubernetesVersion {
			fail("kube_version %q, design %q", got, s.KubernetesVersion)
		}
		if got := literalString(t, cluster, "name"); got != d.d.Metadata.Name {
			fail("cluster name %q, design %q", got, d.d.Metadata.Name)
		}
		for i, p := range s.WorkerPools {
			var pool *hclsyntax.Block
			var count, flavor string
			if s.IsVPC() {
				pool = findBlock(files, "resource", "ibm_container_vpc_worker_pool", poolLabel(i))
				count, flavor = "worker_count", "flavor"
			} else {
				pool = findBlock(files, "resource", "ibm_container_worker_pool", poolLabel(i))
				count, flavor = "size_per_zone", "machine_type"
			}
			if pool == nil {
				fail("no resource for pool %d", i+1)
				continue
			}
			if got := literalInt(t, pool, count); got != p.WorkersPerZone {
				fail("pool %d %s %d, design %d", i+1, count, got, p.WorkersPerZone)
			}
			if got := literalString(t, pool, flavor); got != p.Flavor {
				fail("pool %d %s %q, design %q", i+1, flavor, got, p.Flavor)
			}
			if got := literalString(t, pool, "operating_system"); got != string(p.OperatingSystem) {
				fail("pool %d operating_system %q, design %q", i+1, got, p.OperatingSystem)
			}
			if s.IsVPC() {
				if got := zoneNames(t, pool); !slices.Equal(got, s.Zones) {
					fail("pool %d zones %v, design %v", i+1, got, s.Zones)
				}
				continue
			}
			var zones []string
			if i == 0 {
				zones = append(zones, literalString(t, cluster, "datacenter"))
			}
			for _, a := range topBlocks(files, "resource") {
				if a.Labels[0] == "ibm_container_worker_pool_zone_attachment" && len(a.Labels[1]) > len(poolLabel(i)) && a.Labels[1][:len(poolLabel(i))+1] == poolLabel(i)+"_" {
					zones = append(zones, literalString(t, a, "zone"))
				}
			}
			if !slices.Equal(zones, s.Zones) {
				fail("pool %d zones %v, design %v", i+1, zones, s.Zones)
			}
		}
		p0 := s.WorkerPools[0]
		if s.IsVPC() {
			if got := literalInt(t, cluster, "worker_count"); got != p0.WorkersPerZone {
				fail("cluster worker_count %d, design %d", got, p0.WorkersPerZone)
			}
			if got := zoneNames(t, cluster); !slices.Equal(got, s.Zones) {
				fail("cluster zones %v, design %v", got, s.Zones)
			}
		} else if got := literalInt(t, cluster, "default_pool_size"); got != p0.WorkersPerZone {
			fail("cluster default_pool_size %d, design %d", got, p0.WorkersPerZone)
		}
		checkKMS(t, d, files, cluster)
	}
}

func checkKMS(t *testing.T, d design, files []parsed, cluster *hclsyntax.Block) {
	k := d.d.Spec.Security.KMS
	var cfg *hclsyntax.Block
	for _, nb := range cluster.Body.Blocks {
		if nb.Type == "kms_config" {
			cfg = nb
		}
	}
	want := k.Provider == model.KMSKeyProtect || k.Provider == model.KMSHyperProtect
	if (cfg != nil) != want {
		t.Errorf("%s: kms_config present %v, design KMS %q", d.name, cfg != nil, k.Provider)
		return
	}
	if !want {
		return
	}
	kind := "resource"
	if k.Provider == model.KMSHyperProtect {
		kind = "data"
	}
	inst := findBlock(files, kind, "ibm_resource_instance", "kms")
	key := findBlock(files, kind, "ibm_kms_key", "root")
	if got := literalString(t, inst, "name"); got != k.InstanceName {
		t.Errorf("%s: KMS instance %q, design %q", d.name, got, k.InstanceName)
	}
	if got := literalString(t, key, "key_name"); got != k.RootKeyName {
		t.Errorf("%s: root key %q, design %q", d.name, got, k.RootKeyName)
	}
	wantSvc := catalog.Default().MustService(k.Provider.CatalogID()).ServiceName
	if got := literalString(t, inst, "service"); got != wantSvc {
		t.Errorf("%s: KMS service %q, design's provider %q needs %q", d.name, got, k.Provider, wantSvc)
	}
}
