package importer

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Result is an imported design and what import could not know.
type Result struct {
	Design  *model.Design
	Unknown []Unknown
	// Notes are facts IBM returned that the design has no field for but a
	// reader needs (the VPC's ID, the VLAN IDs); they print with the
	// unknown list.
	Notes []string
	// Workers are findings about the running workers (behind the master,
	// not ready, a zone short of its pool size): an assessment, not design
	// fields, so drift and import print them on their own.
	Workers []string
}

// Import reads the cluster named cluster from src.
func Import(src Source, cluster string, cat *catalog.Catalog) (*Result, error) {
	if cat == nil {
		cat = catalog.Default()
	}
	var cl clusterJSON
	if err := get(src, &cl, "ks", "cluster", "get", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}
	var pools []poolJSON
	if err := get(src, &pools, "ks", "worker-pool", "ls", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}
	var albs albListJSON
	if err := get(src, &albs, "ks", "ingress", "alb", "ls", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}
	var addons []addonJSON
	if err := get(src, &addons, "ks", "cluster", "addon", "ls", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}
	var audit auditWebhookJSON
	if err := get(src, &audit, "ks", "cluster", "master", "audit-webhook", "get", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}
	var workers []workerJSON
	if err := get(src, &workers, "ks", "workers", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}
	var logConfigs []logConfigJSON
	if err := get(src, &logConfigs, "ks", "logging", "config", "get", "--cluster", cluster, "--output", "json"); err != nil {
		return nil, err
	}

	r := &Result{}
	d := &model.Design{Metadata: model.Metadata{Name: cl.Name}}
	s := &d.Spec
	// Not an IBM setting: production makes validate judge the cluster by
	// the strictest rules (listed as unknown).
	s.Environment = model.EnvProduction
	s.Infrastructure = model.InfraClassic
	if cl.Provider == string(model.InfraVPC) {
		s.Infrastructure = model.InfraVPC
	}
	s.Region = cl.Region
	s.ResourceGroup = cl.ResourceGroupName
	s.KubernetesVersion = majorMinor(cl.MasterKubeVersion)
	s.Zones = append([]string{}, cl.WorkerZones...)

	priv, pub := cl.PrivateSE, cl.PublicSE
	if cl.ServiceEndpoints != nil {
		priv, pub = cl.ServiceEndpoints.PrivateSE, cl.ServiceEndpoints.PublicSE
	}
	switch {
	case priv && pub:
		s.Network.ServiceEndpoints = model.EndpointsPublicAndPrivate
	case priv:
		s.Network.ServiceEndpoints = model.EndpointsPrivateOnly
	default:
		s.Network.ServiceEndpoints = model.EndpointsPublicOnly
	}
	s.Network.PodSubnet = unlessDefault(cl.PodSubnet, podDefault(s.Infrastructure, cat))
	s.Network.ServiceSubnet = unlessDefault(cl.ServiceSubnet, cat.Networks.ServiceSubnet)

	for _, p := range pools {
		s.WorkerPools = append(s.WorkerPools, importPool(p, s.Infrastructure, cat))
	}
	importIngress(s, albs)
	for _, a := range addons {
		if a.Name == "cluster-autoscaler" {
			s.Operations.Autoscaler.Enabled = true
		}
	}
	kms := cl.KeyProtectEnabled
	if cl.Features != nil {
		kms = cl.Features.KeyProtectEnabled
	}
	if kms {
		s.Security.KMS.Provider = model.KMSKeyProtect
	} else {
		s.Security.KMS.Provider = model.KMSNone
	}
	for _, p := range pools {
		// VPC pools report their boot-volume KMS (containerv2
		// workerVolumeEncryption); the design encrypts all or none.
		if s.IsVPC() && p.VolumeEnc != nil && p.VolumeEnc.KMSInstanceID != "" {
			s.Security.KMS.BootVolumeEncryption = true
		}
	}
	s.Security.ImageSignatureEnforcement = cl.ImageSecurity
	if audit.AuditServer != "" {
		r.Notes = append(r.Notes, fmt.Sprintf("the master sends its audit log to %s (ks cluster master audit-webhook get)", model.Escape(audit.AuditServer)))
	}

	if s.IsVPC() {
		if err := importVPC(src, s, cl, pools, r); err != nil {
			return nil, err
		}
	} else {
		importClassic(s, pools, r)
	}
	r.Workers = workerFindings(cl.MasterKubeVersion, pools, workers, s.Operations.Autoscaler.Enabled)
	syslog := importSyslog(s, logConfigs, r)
	model.ApplyDefaults(d)
	r.Design = d
	r.Unknown = unknownsFor(s.Infrastructure)
	if syslog {
		r.Unknown = withSyslogUnknowns(r.Unknown)
	}
	return r, nil
}

func get(src Source, v any, args ...string) error {
	b, err := src.JSON(args...)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("ibmcloud %s: not the JSON IBM documents: %w", strings.Join(args[:len(args)-4], " "), err)
	}
	return nil
}

// majorMinor turns IBM's "1.35.2_1540" into the design's "1.35".
func majorMinor(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	mi, _, _ := strings.Cut(parts[1], "_")
	return parts[0] + "." + mi
}

func podDefault(infra model.Infrastructure, cat *catalog.Catalog) string {
	if infra == model.InfraVPC {
		return cat.Networks.VPCPodSubnet
	}
	return cat.Networks.ClassicPodSubnet
}

// unlessDefault keeps a range only when it is not IBM's default: the
// design leaves defaults empty.
func unlessDefault(v, def string) string {
	if v == def {
		return ""
	}
	return v
}

func importPool(p poolJSON, infra model.Infrastructure, cat *catalog.Catalog) model.WorkerPool {
	wp := model.WorkerPool{
		Name: p.name(), Flavor: p.flavor(), WorkersPerZone: p.size(),
		OperatingSystem: model.OperatingSystem(p.OS), Isolation: model.IsolationShared,
	}
	// v1 isolation: "public" shared, "private" dedicated hardware; v2:
	// a dedicated host pool. Bare metal shows in the flavor.
	if p.Isolation == "private" || p.HostPoolID != "" {
		wp.Isolation = model.IsolationDedicated
	}
	if f, ok := cat.Flavor(infra, wp.Flavor); ok && f.Allows(model.IsolationBareMetal) && !f.Allows(model.IsolationShared) && !f.Allows(model.IsolationDedicated) {
		wp.Isolation = model.IsolationBareMetal
	}
	if len(p.Labels) > 0 {
		wp.Labels = p.Labels
	}
	keys := make([]string, 0, len(p.Taints))
	for k := range p.Taints {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, eff, _ := strings.Cut(p.Taints[k], ":")
		wp.Taints = append(wp.Taints, model.Taint{Key: k, Value: v, Effect: model.TaintEffect(eff)})
	}
	return wp
}

// importIngress reads the ALB list: which ALB types are enabled, and the
// controller from the enabled ALBs' build (Traefik builds are 3.x, the
// Kubernetes Ingress builds 1.x: INFERRED from `ingress alb versions`).
func importIngress(s *model.Spec, albs albListJSON) {
	in := &s.Network.Ingress
	in.Controller = model.IngressNone
	for _, a := range albs.ALB {
		if !a.Enable {
			continue
		}
		switch a.ALBType {
		case "public":
			in.PublicALB = true
		case "private":
			in.PrivateALB = true
		}
		if strings.HasPrefix(a.ALBBuild, "1.") {
			in.Controller = model.IngressNGINX
		} else if a.ALBBuild != "" {
			in.Controller = model.IngressTraefik
		}
	}
}

func importVPC(src Source, s *model.Spec, cl clusterJSON, pools []poolJSON, r *Result) error {
	vn := &model.VPCNetwork{}
	s.Network.VPC = vn
	if len(cl.VPCs) > 0 && cl.VPCs[0] != "" {
		var v vpcJSON
		if err := get(src, &v, "is", "vpc", cl.VPCs[0], "--output", "json"); err != nil {
			return err
		}
		// Both: a re-rendered runbook then uses this VPC (vpcID), and
		// the document names it.
		vn.VPCID, vn.VPCName = v.ID, v.Name
	}
	seen := map[string]bool{}
	for _, p := range pools {
		for _, z := range p.Zones {
			for _, sn := range z.Subnets {
				if sn.ID == "" || seen[z.ID] {
					continue
				}
				seen[z.ID] = true
				var sj subnetJSON
				if err := get(src, &sj, "is", "subnet", sn.ID, "--output", "json"); err != nil {
					return err
				}
				vn.Subnets = append(vn.Subnets, model.ZoneSubnet{Zone: z.ID, SubnetID: sj.ID, IPv4AddressCount: sj.TotalIPv4AddressCount})
				if sj.PublicGateway != nil && sj.PublicGateway.ID != "" {
					vn.PublicGateway = true
				}
			}
		}
	}
	sort.Slice(vn.Subnets, func(i, j int) bool { return vn.Subnets[i].Zone < vn.Subnets[j].Zone })
	return nil
}

func importClassic(s *model.Spec, pools []poolJSON, r *Result) {
	cn := &model.ClassicNetwork{AccountRouting: model.RoutingUnknown}
	s.Network.Classic = cn
	privateOnly, any := true, false
	seen := map[string]bool{}
	for _, p := range pools {
		for _, z := range p.Zones {
			any = true
			if z.PublicVLAN != "" {
				privateOnly = false
			}
			if !seen[z.ID] {
				seen[z.ID] = true
				r.Notes = append(r.Notes, fmt.Sprintf("zone %s uses private VLAN %s and public VLAN %s", model.Escape(z.ID), orNone(z.PrivateVLAN), orNone(z.PublicVLAN)))
			}
		}
	}
	cn.PrivateOnlyWorkers = any && privateOnly
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return model.Escape(s)
}
