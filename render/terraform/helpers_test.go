package terraform

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// design is one design the tests render: a preset or a variant of one.
type design struct {
	name string
	d    *model.Design
}

// designs returns every preset and variants that reach the renderer's
// other branches: extra pools with labels and taints, existing VPC and
// subnets or VLANs, public gateways, a private-only master, Hyper Protect
// Crypto Services, single-site buckets, add-ons, image signing.
func designs(t testing.TB) []design {
	t.Helper()
	var out []design
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, design{p.Name, d})
		v := d.Clone()
		s := &v.Spec
		extra := s.WorkerPools[0]
		extra.Name = "edge"
		extra.WorkersPerZone = 2
		extra.Purpose = model.PurposeEdge
		extra.Labels = map[string]string{"dedicated": "edge", "example.com/team": "net"}
		extra.Taints = []model.Taint{{Key: "dedicated", Value: "edge", Effect: model.TaintNoExecute}}
		no := false
		extra.DiskEncryption = &no
		s.WorkerPools = append(s.WorkerPools, extra)
		s.WorkerPools[0].Labels = map[string]string{"role": "general"}
		s.Network.PodSubnet = "172.30.0.0/16"
		s.Network.ServiceSubnet = "172.21.0.0/16"
		s.Network.ServiceEndpoints = model.EndpointsPrivateOnly
		s.Network.Ingress.TLSSecretsManager = "crn:v1:bluemix:public:secrets-manager:jp-tok:a/1234:5678::"
		s.Security.KMS = model.KMS{Provider: model.KMSHyperProtect, InstanceName: "hpcs-1", RootKeyName: "root-1", BootVolumeEncryption: true, DualAuthDelete: true}
		s.Security.ImageSignatureEnforcement = true
		s.Storage.Cloudant = model.Cloudant{Enabled: true, InstanceName: "cl-1", Plan: "standard"}
		s.Storage.ObjectStorage.Enabled = true
		s.Storage.ObjectStorage.Buckets = append(s.Storage.ObjectStorage.Buckets, model.Bucket{Name: v.Metadata.Name + "-site", Resiliency: model.ResiliencySingleSite, Class: model.BucketCold})
		s.Logging.Backend = model.LogSyslog
		s.Logging.Syslog = model.Syslog{Host: "logs.example.com", Port: 6514, Protocol: model.SyslogTLS}
		if s.IsVPC() {
			if s.Network.VPC == nil {
				s.Network.VPC = &model.VPCNetwork{}
			}
			vp := *s.Network.VPC
			vp.PublicGateway = true
			off := false
			vp.OutboundTrafficProtection = &off
			vp.ContextBasedRestrictions = model.CBR{Enabled: true, AllowedCIDRs: []string{"198.51.100.0/24", "192.0.2.0/28"}}
			s.Network.VPC = &vp
			s.Storage.Volumes = append(s.Storage.Volumes, model.Volume{Name: "files", Namespace: "default", StorageClass: fileClass(t, s), SizeGiB: 20, AccessMode: model.ReadWriteMany})
			reuse := v.Clone()
			rs := &reuse.Spec
			rv := *rs.Network.VPC
			rv.VPCID = "r022-11111111-2222-3333-4444-555555555555"
			rv.VPCName = ""
			rv.Subnets = nil
			for i, z := range rs.Zones {
				rv.Subnets = append(rv.Subnets, model.ZoneSubnet{Zone: z, SubnetID: "02e7-0000000" + string(rune('1'+i)) + "-aaaa-bbbb-cccc-dddddddddddd"})
			}
			rs.Network.VPC = &rv
			out = append(out, design{p.Name + "/existing-vpc", reuse})
		} else {
			cn := model.ClassicNetwork{AccountRouting: model.RoutingVRF}
			if s.Network.Classic != nil {
				cn = *s.Network.Classic
			}
			cn.VLANs = nil
			for i, z := range s.Zones {
				cn.VLANs = append(cn.VLANs, model.ZoneVLANs{Zone: z, PrivateVLAN: "298765" + string(rune('1'+i)), PublicVLAN: "298766" + string(rune('1'+i))})
			}
			s.Network.Classic = &cn
		}
		out = append(out, design{p.Name + "/all-branches", v})
	}
	// Montreal, where Cloud Logs' private ingestion is reached only through
	// a VPE gateway (the rehearsal variant; logsagent.go's logsVPE).
	const vpe = "../../rehearse/testdata/variants/vpc-ca-mon-logs-vpe.yaml"
	b, err := os.ReadFile(vpe)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := model.Load(b, vpe)
	if err != nil {
		t.Fatal(err)
	}
	return append(out, design{"vpc-ca-mon-logs-vpe", d})
}

// fileClass picks a catalog storage class of the design's infrastructure
// that needs a managed add-on, so the add-on branch is reached.
func fileClass(t testing.TB, s *model.Spec) string {
	cat := catalog.Default()
	for _, sc := range cat.StorageClassesFor(s.Infrastructure) {
		if sc.Plugin != "" && sc.Plugin != view.VPCBlockAddon && !strings.Contains(sc.Plugin, "/") && sc.Provisioner != cat.ObjectStorage.S3FSProvisioner {
			return sc.Name
		}
	}
	t.Fatalf("the catalog has no %s storage class with a managed add-on", s.Infrastructure)
	return ""
}

// buildModule renders a design's module.
func buildModule(t testing.TB, d design) *module {
	t.Helper()
	c := view.New(d.d, catalog.Default(), strings.ReplaceAll(d.name, "/", "-")+".yaml")
	m, err := build(c)
	if err != nil {
		t.Fatalf("%s: %v", d.name, err)
	}
	return m
}

// parsed is one .tf file parsed by hcl/v2.
type parsed struct {
	name string
	src  []byte
	body *hclsyntax.Body
}

// parseModule parses every .tf artifact, failing on any diagnostic.
func parseModule(t testing.TB, name string, m *module) []parsed {
	t.Helper()
	var out []parsed
	for _, a := range m.artifacts() {
		if !strings.HasSuffix(a.Path, ".tf") {
			continue
		}
		f, diags := hclsyntax.ParseConfig(a.Data, a.Path, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s does not parse: %s", name, a.Path, diags.Error())
		}
		out = append(out, parsed{a.Path, a.Data, f.Body.(*hclsyntax.Body)})
	}
	return out
}

// topBlocks returns the top-level blocks of the given type across files.
func topBlocks(files []parsed, typ string) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, f := range files {
		for _, b := range f.body.Blocks {
			if b.Type == typ {
				out = append(out, b)
			}
		}
	}
	return out
}

// findBlock returns the resource or data block with these labels.
func findBlock(files []parsed, typ string, labels ...string) *hclsyntax.Block {
	for _, b := range topBlocks(files, typ) {
		if strings.Join(b.Labels, ".") == strings.Join(labels, ".") {
			return b
		}
	}
	return nil
}
