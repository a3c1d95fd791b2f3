package model

import "strings"

// New returns a blank design with every default applied: the starting point
// of "start blank" in the wizard.
func New(name string) *Design {
	d := &Design{Metadata: Metadata{Name: name}}
	d.Spec.Environment = EnvProduction
	d.Spec.Infrastructure = InfraVPC
	d.Spec.Sizing.SurviveZoneLoss = true
	d.Spec.WorkerPools = []WorkerPool{{Name: "default"}}
	d.Spec.Firewall.NetworkPolicies = true
	d.Spec.Network.Ingress.PublicALB = true
	d.Spec.Monitoring.Enabled = true
	d.Spec.CICD.VulnerabilityScanning = true
	d.Spec.Operations.Upgrades.MaxMinorsBehind = 1
	d.Spec.Operations.Upgrades.ALBAutoUpdate = true
	ApplyDefaults(d)
	return d
}

// ApplyDefaults fills every field the user left empty with iksplan's
// default. It is the one place defaults live; it never overwrites a value
// the user set, and it is idempotent.
func ApplyDefaults(d *Design) {
	if d.APIVersion == "" {
		d.APIVersion = APIVersion
	}
	if d.Kind == "" {
		d.Kind = Kind
	}
	s := &d.Spec
	name := d.Metadata.Name
	// zones and workerPools are always written; keep them non-nil so a
	// design marshals and loads back equal.
	if s.Zones == nil {
		s.Zones = []string{}
	}
	if s.WorkerPools == nil {
		s.WorkerPools = []WorkerPool{}
	}
	if s.ResourceGroup == "" {
		s.ResourceGroup = "Default"
	}
	if s.Sizing.OverheadPercent == 0 {
		s.Sizing.OverheadPercent = DefaultOverheadPercent
	}
	for i := range s.WorkerPools {
		p := &s.WorkerPools[i]
		if p.Isolation == "" {
			p.Isolation = IsolationShared
		}
		if p.OperatingSystem == "" {
			p.OperatingSystem = OSUbuntu24
		}
		if p.Purpose == "" {
			p.Purpose = PurposeGeneral
		}
	}
	defaultNetwork(s, name)
	if s.Firewall.GatewayAppliance == "" {
		s.Firewall.GatewayAppliance = GatewayNone
	}
	if s.Firewall.CIS.Enabled && s.Firewall.CIS.InstanceName == "" {
		s.Firewall.CIS.InstanceName = name + "-cis"
	}
	defaultStorage(&s.Storage, name)
	defaultObservability(s, name)
	if s.Security.KMS.Provider == "" {
		s.Security.KMS.Provider = KMSNone
	}
	defaultCICD(&s.CICD, s.Region)
	if u := &s.Operations.Upgrades; u.WorkerPatchDays == 0 {
		// An upgrades section never filled in: IBM's cadence, and one
		// minor behind the newest (0 is a valid choice once the section is
		// written: "always the newest").
		u.WorkerPatchDays = 14
		if u.MaxMinorsBehind == 0 {
			u.MaxMinorsBehind = 1
		}
	}
	if s.Operations.Backups.Method == "" {
		s.Operations.Backups.Method = BackupNone
	}
	for i := range s.Namespaces {
		if s.Namespaces[i].PodSecurity == "" {
			s.Namespaces[i].PodSecurity = PodSecurityRestricted
		}
	}
}

func defaultNetwork(s *Spec, name string) {
	n := &s.Network
	if n.ServiceEndpoints == "" {
		n.ServiceEndpoints = EndpointsPublicAndPrivate
	}
	switch s.Infrastructure {
	case InfraClassic:
		if n.Classic == nil {
			n.Classic = &ClassicNetwork{}
		}
		if n.Classic.AccountRouting == "" {
			n.Classic.AccountRouting = RoutingUnknown
		}
	case InfraVPC:
		if n.VPC == nil {
			n.VPC = &VPCNetwork{}
		}
		if n.VPC.VPCID == "" && n.VPC.VPCName == "" {
			n.VPC.VPCName = vpcNameFor(name)
		}
	}
	if n.Ingress.Controller == "" {
		n.Ingress.Controller = IngressTraefik
	}
}

func defaultStorage(st *Storage, name string) {
	if st.ObjectStorage.Enabled && st.ObjectStorage.InstanceName == "" {
		st.ObjectStorage.InstanceName = name + "-cos"
	}
	for i := range st.ObjectStorage.Buckets {
		b := &st.ObjectStorage.Buckets[i]
		if b.Resiliency == "" {
			b.Resiliency = ResiliencyRegional
		}
		if b.Class == "" {
			b.Class = BucketSmart
		}
	}
	if st.Cloudant.Enabled && st.Cloudant.InstanceName == "" {
		st.Cloudant.InstanceName = name + "-cloudant"
	}
	for i := range st.Volumes {
		if st.Volumes[i].AccessMode == "" {
			st.Volumes[i].AccessMode = ReadWriteOnce
		}
	}
}

func defaultObservability(s *Spec, name string) {
	l := &s.Logging
	if l.Backend == "" {
		l.Backend = LogCloudLogs
	}
	if l.Backend != LogNone && len(l.Sources) == 0 {
		// Every source, kube-audit included on both infrastructures: IBM's
		// audit webhook (cluster master audit-webhook set) also serves VPC
		// clusters (health-audit.md 2026-07-27 has no classic-only tag;
		// terraform-ibm-base-ocp-vpc modules/kube-audit sets it on VPC).
		for _, c := range logSourceChoices {
			l.Sources = append(l.Sources, c.Value)
		}
	}
	if l.Backend == LogCloudLogs && l.CloudLogs.InstanceName == "" {
		l.CloudLogs.InstanceName = name + "-logs"
	}
	if a := &l.CloudLogs.Archive; l.Backend == LogCloudLogs && a.Enabled {
		if a.COSInstanceName == "" {
			a.COSInstanceName = name + "-logs-archive"
		}
		if a.DataBucket == "" {
			a.DataBucket = name + "-logs-data"
		}
		if a.MetricsBucket == "" {
			a.MetricsBucket = name + "-logs-metrics"
		}
	}
	if l.Backend == LogSyslog {
		if l.Syslog.Port == 0 {
			l.Syslog.Port = 514
		}
		if l.Syslog.Protocol == "" {
			l.Syslog.Protocol = SyslogTLS
		}
	}
	if l.Backend != LogNone && l.RetentionDays == 0 {
		l.RetentionDays = 30
	}
	if at := &l.ActivityTracker; at.Enabled {
		if at.TargetName == "" {
			at.TargetName = name + "-logs-target"
		}
		if at.RouteName == "" {
			at.RouteName = name + "-events"
		}
	}
	m := &s.Monitoring
	if m.Enabled {
		if m.InstanceName == "" {
			m.InstanceName = name + "-monitoring"
		}
	}
}

func defaultCICD(c *CICD, region string) {
	if c.Git == "" {
		c.Git = GitGitHub
	}
	if c.Pipeline == "" {
		c.Pipeline = PipelineTekton
	}
	if c.DeployerServiceAccount == "" {
		c.DeployerServiceAccount = "ci-deployer"
	}
}

// RegistryLookup finds the Container Registry region prefix (jp for
// jp.icr.io) that serves an IBM Cloud region. The catalog implements it
// (its registries section is the one place that mapping lives).
type RegistryLookup interface {
	RegistryRegion(region string) (string, bool)
}

// DefaultRegistry sets spec.cicd.registry.region to the registry that
// serves the cluster's region when the design leaves it empty.
func DefaultRegistry(d *Design, l RegistryLookup) {
	s := &d.Spec
	if s.CICD.Registry.Region != "" || s.Region == "" || l == nil {
		return
	}
	if r, ok := l.RegistryRegion(s.Region); ok {
		s.CICD.Registry.Region = r
	}
}

// PlanLookup gives the plan iksplan orders where a design names none. The
// catalog implements it (services.items[].plan, the first of a Cloud
// Databases engine's plans), so plan names live in one place and follow
// --catalog FILE.
type PlanLookup interface {
	ServicePlan(id string) (string, bool)
	DatabasePlan(t DatabaseType) (string, bool)
}

// DefaultPlans sets the Cloud Databases, Cloudant and Monitoring plans the
// design leaves empty to the lookup's (as DefaultRegistry does for the
// registry); a plan the lookup does not know stays empty, for the rules to
// report.
func DefaultPlans(d *Design, l PlanLookup) {
	if l == nil {
		return
	}
	s := &d.Spec
	for i := range s.Storage.Databases {
		db := &s.Storage.Databases[i]
		if db.Plan == "" {
			db.Plan, _ = l.DatabasePlan(db.Type)
		}
	}
	if c := &s.Storage.Cloudant; c.Enabled && c.Plan == "" {
		c.Plan, _ = l.ServicePlan("cloudant")
	}
	if m := &s.Monitoring; m.Enabled && m.Plan == "" {
		m.Plan, _ = l.ServicePlan("monitoring")
	}
}

// vpcNameFor derives a VPC name from a cluster name: VPC names are
// lowercase letters, digits and hyphens, so dots become hyphens.
func vpcNameFor(cluster string) string {
	n := strings.ToLower(strings.ReplaceAll(cluster, ".", "-"))
	return strings.Trim(n, "-") + "-vpc"
}
