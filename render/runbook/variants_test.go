package runbook

import (
	"github.com/iksplan/iksplan/model"
)

// variant is a design derived from a preset to reach more of the runbook.
type variant struct {
	name   string
	design *model.Design
}

// designVariants returns the preset and variants of it that switch on
// every branch the runbook has: extra pools with labels and taints,
// existing VLANs or VPC IDs, public gateways, private-only masters, the
// volume plug-ins, Cloudant, Portworx, syslog, the retired log backend,
// Hyper Protect Crypto Services.
func designVariants(d *model.Design) []variant {
	out := []variant{{"preset", d}}

	all := d.Clone()
	s := &all.Spec
	extra := s.WorkerPools[0]
	extra.Name = "gpu"
	extra.WorkersPerZone = 2
	extra.Purpose = model.PurposeGPU
	extra.Labels = map[string]string{"workload": "gpu", "example.com/team": "ml"}
	extra.Taints = []model.Taint{{Key: "gpu", Value: "true", Effect: model.TaintNoSchedule}}
	no := false
	extra.DiskEncryption = &no
	s.WorkerPools = append(s.WorkerPools, extra)
	s.WorkerPools[0].Labels = map[string]string{"role": "general"}
	s.Network.Ingress.PrivateALB = true
	s.Network.Ingress.PublicALB = false
	s.Network.Ingress.TLSSecretsManager = "crn:v1:bluemix:public:secrets-manager:jp-tok:a/1234:5678::"
	s.Network.PodSubnet = "172.30.0.0/16"
	s.Network.ServiceSubnet = "172.21.0.0/16"
	s.Operations.Upgrades.ALBAutoUpdate = false
	s.Storage.Cloudant = model.Cloudant{Enabled: true, InstanceName: "shop-cloudant", Plan: "standard", BindNamespace: "shop"}
	s.Storage.Portworx.Enabled = true
	s.Storage.DatabaseOnIaaS = model.DatabaseOnIaaS{Enabled: true, Engine: "Oracle", PrivateCIDR: "10.10.0.0/24"}
	s.Security.ImageSignatureEnforcement = true
	s.Operations.Backups.Method = model.BackupRestoreChart
	if s.IsClassic() {
		s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: s.Zones[0], PrivateVLAN: "2234945", PublicVLAN: "2234947"}}
		s.Storage.Volumes = append(s.Storage.Volumes,
			model.Volume{Name: "db", Namespace: "shop", StorageClass: "ibmc-block-gold", SizeGiB: 20, AccessMode: model.ReadWriteOnce},
			model.Volume{Name: "files", Namespace: "shop", StorageClass: "ibmc-s3fs-standard-regional", SizeGiB: 1, AccessMode: model.ReadWriteMany})
	} else {
		s.Network.VPC.VPCID = "r022-1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809"
		s.Network.VPC.Subnets = []model.ZoneSubnet{{Zone: s.Zones[0], SubnetID: "0757-1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809"}}
		s.Network.VPC.PublicGateway = true
		off := false
		s.Network.VPC.OutboundTrafficProtection = &off
		s.Network.ServiceEndpoints = model.EndpointsPrivateOnly
		s.Network.VPC.ContextBasedRestrictions = model.CBR{Enabled: true}
		s.Security.KMS = model.KMS{Provider: model.KMSHyperProtect, InstanceName: "shop-hpcs", RootKeyName: "shop-root"}
		s.Storage.Volumes = append(s.Storage.Volumes,
			model.Volume{Name: "files", Namespace: "shop", StorageClass: "ibmc-s3fs-standard-regional", SizeGiB: 1, AccessMode: model.ReadWriteMany})
	}
	out = append(out, variant{"everything", all})

	alt := d.Clone()
	s = &alt.Spec
	s.Logging.Backend = model.LogSyslog
	s.Logging.Syslog = model.Syslog{Host: "syslog.example.com", Port: 6514, Protocol: model.SyslogTLS}
	s.Monitoring.Enabled = false
	s.Firewall.CIS.Enabled = false
	s.Security.KMS = model.KMS{Provider: model.KMSNone}
	s.Operations.Autoscaler.Enabled = false
	s.IAM.AccessGroups = nil
	if s.IsClassic() {
		s.Network.Classic.PrivateOnlyWorkers = true
		s.Network.ServiceEndpoints = model.EndpointsPrivateOnly
		s.Firewall.CalicoPolicies = []model.CalicoPolicySet{model.CalicoPrivateIsolation}
	}
	out = append(out, variant{"syslog", alt})

	legacy := d.Clone()
	s = &legacy.Spec
	s.Logging.Backend = model.LogLogAnalysis
	s.Monitoring.Enabled = false
	s.WorkerPools[0].WorkersPerZone = 0
	s.WorkerPools[0].Flavor = "zz9.unknown"
	if s.IsClassic() {
		s.Network.ServiceEndpoints = model.EndpointsPublicOnly
		s.Network.Classic.AccountRouting = model.RoutingVLANSpanning
		s.Storage.ObjectStorage.Buckets[0].Resiliency = model.ResiliencySingleSite
	}
	out = append(out, variant{"legacy", legacy})
	return out
}
