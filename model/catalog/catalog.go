// Package catalog is iksplan's dated snapshot of IBM Cloud facts: regions
// and zones, worker flavors, operating systems, Kubernetes versions, storage
// classes, Cloud Databases and other service names, and how IAM service
// roles map to Kubernetes RBAC. The wizard offers its entries as choices and
// the rules judge designs against it.
//
// The snapshot is embedded (catalog.yaml) with an "as of" date and a source
// URL per section; --catalog FILE replaces it, so a user can refresh facts
// without a new iksplan release.
package catalog

import (
	"github.com/iksplan/iksplan/model"
)

// Catalog is the whole snapshot.
type Catalog struct {
	// AsOf is the date the facts were checked, YYYY-MM-DD. Artifacts print
	// it instead of a timestamp.
	AsOf             string           `yaml:"asOf" json:"asOf"`
	Locations        Locations        `yaml:"locations" json:"locations"`
	Flavors          Flavors          `yaml:"flavors" json:"flavors"`
	OperatingSystems OperatingSystems `yaml:"operatingSystems" json:"operatingSystems"`
	Versions         Versions         `yaml:"versions" json:"versions"`
	Storage          StorageClasses   `yaml:"storage" json:"storage"`
	Databases        Databases        `yaml:"databases" json:"databases"`
	Services         Services         `yaml:"services" json:"services"`
	IAM              IAM              `yaml:"iam" json:"iam"`
	// Registries maps regions to IBM Cloud Container Registry domains.
	Registries Registries `yaml:"registries" json:"registries"`
	// Networks are the IP ranges IBM documents (defaults, classic master
	// addresses per region, CIS source ranges).
	Networks Networks `yaml:"networks" json:"networks"`
	// Charts are the Helm charts the runbook installs, pinned.
	Charts Charts `yaml:"charts" json:"charts"`
	// Addons are the managed IKS add-ons whose Kubernetes range limits a
	// design.
	Addons Addons `yaml:"addons" json:"addons"`
	// ObjectStorage holds Cloud Object Storage geographies and the s3fs
	// provisioner.
	ObjectStorage ObjectStorage `yaml:"objectStorage" json:"objectStorage"`
	// WorkerNodes is IBM's reserve table and the per-node agents' requests.
	WorkerNodes WorkerNodes `yaml:"workerNodes" json:"workerNodes"`
	// Images are the container images IBM publishes that the manifests run.
	Images Images `yaml:"images" json:"images"`
	// Authorizations are the IAM service-to-service policies IBM asks for.
	Authorizations Authorizations `yaml:"authorizations" json:"authorizations"`
	// DedicatedHosts are the VPC dedicated host flavors and metros.
	DedicatedHosts DedicatedHosts `yaml:"dedicatedHosts" json:"dedicatedHosts"`
	// LogsIngestion is how the Logs agent reaches a Cloud Logs instance.
	LogsIngestion LogsIngestion `yaml:"logsIngestion" json:"logsIngestion"`
	// MonitoringEndpoints is how the Monitoring agent reaches its instance.
	MonitoringEndpoints MonitoringEndpoints `yaml:"monitoringEndpoints" json:"monitoringEndpoints"`
}

// Section is the provenance every section carries.
type Section struct {
	// Source is the IBM documentation URL the section was checked against.
	Source string `yaml:"source" json:"source"`
	// AsOf is the date the section was last checked against Source,
	// YYYY-MM-DD; required for sections added since 2026-12 (the older
	// ones share the catalog's asOf).
	AsOf string `yaml:"asOf,omitempty" json:"asOf,omitempty"`
	// Notes say what was left out or is tentative.
	Notes string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Locations lists regions and their zones for both infrastructures.
type Locations struct {
	Section `yaml:",inline" json:",inline"`
	Regions []Region `yaml:"regions" json:"regions"`
}

// Region is an IBM Cloud region (jp-tok) with its classic data centers and
// VPC zones.
type Region struct {
	Name  string `yaml:"name" json:"name"`
	Label string `yaml:"label" json:"label"`
	Zones []Zone `yaml:"zones" json:"zones"`
}

// Zone is a place workers can run: a classic data center or a VPC zone.
type Zone struct {
	Name           string               `yaml:"name" json:"name"`
	Infrastructure model.Infrastructure `yaml:"infrastructure" json:"infrastructure"`
	// Metro is the multizone metro the zone belongs to ("Tokyo"); empty for
	// a single-zone data center.
	Metro  string     `yaml:"metro,omitempty" json:"metro,omitempty"`
	Status ZoneStatus `yaml:"status" json:"status"`
	// City is where a single-zone data center is ("Chennai") when that
	// differs from the region it is managed from; empty otherwise.
	City string `yaml:"city,omitempty" json:"city,omitempty"`
	// Note explains a status ("closed 2025-10-31; use tok02").
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Valid reports whether s is a known zone status.
func (s ZoneStatus) Valid() bool {
	switch s {
	case ZoneAvailable, ZoneDeprecated, ZoneClosed:
		return true
	}
	return false
}

// Multizone reports whether the zone is in a multizone metro.
func (z Zone) Multizone() bool { return z.Metro != "" }

// ZoneStatus is whether new clusters can use a zone.
type ZoneStatus string

// The zone statuses.
const (
	ZoneAvailable  ZoneStatus = "available"
	ZoneDeprecated ZoneStatus = "deprecated"
	ZoneClosed     ZoneStatus = "closed"
)

// Flavors lists worker flavors.
type Flavors struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Flavor `yaml:"items" json:"items"`
}

// Flavor is a worker machine type.
type Flavor struct {
	Name           string               `yaml:"name" json:"name"`
	Infrastructure model.Infrastructure `yaml:"infrastructure" json:"infrastructure"`
	// Class is the family: balanced, compute, memory, storage, gpu, edge.
	Class     string `yaml:"class" json:"class"`
	VCPU      int    `yaml:"vcpu" json:"vcpu"`
	MemoryGiB int    `yaml:"memoryGiB" json:"memoryGiB"`
	GPUs      int    `yaml:"gpus,omitempty" json:"gpus,omitempty"`
	GPUModel  string `yaml:"gpuModel,omitempty" json:"gpuModel,omitempty"`
	// Isolations are the hardware isolation levels the flavor can be
	// ordered with: classic VSIs shared or dedicated, bare metal only
	// bare-metal, VPC VSIs shared.
	Isolations       []model.Isolation       `yaml:"isolations" json:"isolations"`
	OperatingSystems []model.OperatingSystem `yaml:"operatingSystems" json:"operatingSystems"`
	// Regions limits the flavor to these regions; empty means every region
	// of its infrastructure.
	Regions []string `yaml:"regions,omitempty" json:"regions,omitempty"`
	Note    string   `yaml:"note,omitempty" json:"note,omitempty"`
}

// Spec is the part of the flavor the capacity maths needs.
func (f Flavor) Spec() model.FlavorSpec {
	return model.FlavorSpec{Name: f.Name, VCPU: f.VCPU, MemoryGiB: f.MemoryGiB, GPUs: f.GPUs}
}

// Allows reports whether the flavor can be ordered with isolation i.
func (f Flavor) Allows(i model.Isolation) bool {
	for _, x := range f.Isolations {
		if x == i {
			return true
		}
	}
	return false
}

// BareMetal reports whether the flavor is a bare-metal server.
func (f Flavor) BareMetal() bool { return f.Allows(model.IsolationBareMetal) }

// OfferedIn reports whether the flavor is offered in region.
func (f Flavor) OfferedIn(region string) bool {
	if len(f.Regions) == 0 {
		return true
	}
	for _, r := range f.Regions {
		if r == region {
			return true
		}
	}
	return false
}

// OperatingSystems lists worker images.
type OperatingSystems struct {
	Section `yaml:",inline" json:",inline"`
	Items   []OperatingSystem `yaml:"items" json:"items"`
}

// OperatingSystem is a worker image and the versions that run on it.
type OperatingSystem struct {
	Name  model.OperatingSystem `yaml:"name" json:"name"`
	Label string                `yaml:"label" json:"label"`
	// Versions lists the Kubernetes minors IBM offers on this image.
	Versions []string `yaml:"versions" json:"versions"`
}

// Versions lists Kubernetes versions with their support status.
type Versions struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Version `yaml:"items" json:"items"`
}

// Version is one Kubernetes minor version on IKS.
type Version struct {
	Version  string        `yaml:"version" json:"version"`
	Status   VersionStatus `yaml:"status" json:"status"`
	Released string        `yaml:"released,omitempty" json:"released,omitempty"`
	// EndOfSupport is the date IBM stops supporting the version; Tentative
	// marks a date IBM has not fixed yet.
	EndOfSupport string `yaml:"endOfSupport,omitempty" json:"endOfSupport,omitempty"`
	Tentative    bool   `yaml:"tentative,omitempty" json:"tentative,omitempty"`
	// Note says what is inferred or what to watch for with this version.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// StatusAsOf returns the version's status on day (YYYY-MM-DD): unsupported
// once day reaches EndOfSupport, the recorded status before that. It lets a
// caller judge a design against a date later than the catalog's asOf.
func (v Version) StatusAsOf(day string) VersionStatus {
	if v.EndOfSupport != "" && day >= v.EndOfSupport {
		return VersionUnsupported
	}
	return v.Status
}

// VersionStatus is the IKS support state of a version.
type VersionStatus string

// The version statuses.
const (
	VersionDefault     VersionStatus = "default"
	VersionSupported   VersionStatus = "supported"
	VersionDeprecated  VersionStatus = "deprecated"
	VersionUnsupported VersionStatus = "unsupported"
)

// StorageClasses lists the storage classes per infrastructure.
type StorageClasses struct {
	Section `yaml:",inline" json:",inline"`
	// ClassicBlockProvisioner and ClassicBlockPrefix identify the classes
	// of IBM's classic block storage plug-in (provisioner ibm.io/ibmc-block,
	// names ibmc-block-…), which IKS does not install by default; the
	// prefix also recognises a class the catalog does not list.
	ClassicBlockProvisioner string         `yaml:"classicBlockProvisioner" json:"classicBlockProvisioner"`
	ClassicBlockPrefix      string         `yaml:"classicBlockPrefix" json:"classicBlockPrefix"`
	Items                   []StorageClass `yaml:"items" json:"items"`
}

// StorageClass is a Kubernetes storage class IKS offers.
type StorageClass struct {
	Name string `yaml:"name" json:"name"`
	// Infrastructures it exists on (Object Storage classes exist on both).
	Infrastructures []model.Infrastructure `yaml:"infrastructures" json:"infrastructures"`
	// Kind is block, file or object.
	Kind        StorageKind `yaml:"kind" json:"kind"`
	Provisioner string      `yaml:"provisioner" json:"provisioner"`
	// ZoneBound volumes live in one zone: they do not survive the loss of
	// that zone, and unless CrossZoneMount is set, pods using them cannot
	// move to another zone.
	ZoneBound bool `yaml:"zoneBound" json:"zoneBound"`
	// CrossZoneMount volumes can be mounted by pods in other zones of the
	// region (VPC file shares), although their data stays in one zone.
	CrossZoneMount bool `yaml:"crossZoneMount,omitempty" json:"crossZoneMount,omitempty"`
	// Metro classes bind volumes only when a pod is scheduled
	// (WaitForFirstConsumer), so the volume is created in the pod's zone.
	Metro       bool               `yaml:"metro,omitempty" json:"metro,omitempty"`
	Retain      bool               `yaml:"retain,omitempty" json:"retain,omitempty"`
	AccessModes []model.AccessMode `yaml:"accessModes" json:"accessModes"`
	// Plugin is what must be installed first: a Helm chart or an add-on.
	Plugin string `yaml:"plugin,omitempty" json:"plugin,omitempty"`
	Note   string `yaml:"note,omitempty" json:"note,omitempty"`
}

// On reports whether the class exists on infrastructure i.
func (s StorageClass) On(i model.Infrastructure) bool {
	for _, x := range s.Infrastructures {
		if x == i {
			return true
		}
	}
	return false
}

// StorageKind is the family of a storage class.
type StorageKind string

// Valid reports whether k is a known storage kind.
func (k StorageKind) Valid() bool {
	switch k {
	case StorageBlock, StorageFile, StorageObject:
		return true
	}
	return false
}

// The storage kinds.
const (
	StorageBlock  StorageKind = "block"
	StorageFile   StorageKind = "file"
	StorageObject StorageKind = "object"
)

// Databases lists IBM Cloud Databases services.
type Databases struct {
	Section `yaml:",inline" json:",inline"`
	Items   []DatabaseService `yaml:"items" json:"items"`
	// PlanNotes say what each plan the items list means, for the wizard's
	// plan choice; Check requires one per plan.
	PlanNotes []PlanNote `yaml:"planNotes" json:"planNotes"`
}

// PlanNote is what one Cloud Databases plan gives.
type PlanNote struct {
	Plan string `yaml:"plan" json:"plan"`
	Note string `yaml:"note" json:"note"`
}

// PlanNote returns what the Cloud Databases plan means, and whether the
// catalog says.
func (d Databases) PlanNote(plan string) (string, bool) {
	for _, n := range d.PlanNotes {
		if n.Plan == plan {
			return n.Note, true
		}
	}
	return "", false
}

// DatabaseService is one Cloud Databases engine as the catalog names it.
type DatabaseService struct {
	Type model.DatabaseType `yaml:"type" json:"type"`
	// ServiceName is the name `ibmcloud resource service-instance-create`
	// takes, e.g. databases-for-postgresql.
	ServiceName string   `yaml:"serviceName" json:"serviceName"`
	Plans       []string `yaml:"plans" json:"plans"`
	// Members is how many members IBM spreads over the region's zones.
	Members int    `yaml:"members,omitempty" json:"members,omitempty"`
	Note    string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Services names the other IBM Cloud services the runbook creates.
type Services struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Service `yaml:"items" json:"items"`
}

// Service is one IBM Cloud catalog service.
type Service struct {
	// ID is iksplan's key: cos, cloudant, cis, logs, monitoring,
	// key-protect, hpcs.
	ID          string `yaml:"id" json:"id"`
	Label       string `yaml:"label" json:"label"`
	ServiceName string `yaml:"serviceName" json:"serviceName"`
	Plan        string `yaml:"plan" json:"plan"`
	// TrialPlan is the service's free plan, offered next to Plan for trying
	// the service out (Cloudant and Monitoring: lite); empty when the
	// wizard offers none.
	TrialPlan string `yaml:"trialPlan,omitempty" json:"trialPlan,omitempty"`
	// Location is "global" for global services; empty means the region.
	Location string `yaml:"location,omitempty" json:"location,omitempty"`
	// Regions limits a regional service to these regions; empty means
	// every region. Deprecated lists regions IBM still runs but marks
	// deprecated for new instances.
	Regions    []string `yaml:"regions,omitempty" json:"regions,omitempty"`
	Deprecated []string `yaml:"deprecated,omitempty" json:"deprecated,omitempty"`
	// RetentionDays are the retention periods a service accepts at
	// create (Cloud Logs: retention_period, in days).
	RetentionDays []int  `yaml:"retentionDays,omitempty" json:"retentionDays,omitempty"`
	Note          string `yaml:"note,omitempty" json:"note,omitempty"`
}

// AllowsRetention reports whether the service accepts a retention of days.
func (s Service) AllowsRetention(days int) bool {
	for _, d := range s.RetentionDays {
		if d == days {
			return true
		}
	}
	return false
}

// OfferedIn reports whether the service can be created in region, and
// whether IBM marks it deprecated there.
func (s Service) OfferedIn(region string) (offered, deprecated bool) {
	for _, r := range s.Deprecated {
		if r == region {
			return true, true
		}
	}
	if len(s.Regions) == 0 {
		return true, false
	}
	for _, r := range s.Regions {
		if r == region {
			return true, false
		}
	}
	return false, false
}

// IAM describes IAM roles and how service roles become RBAC.
type IAM struct {
	Section       `yaml:",inline" json:",inline"`
	ServiceName   string        `yaml:"serviceName" json:"serviceName"`
	PlatformRoles []RoleInfo    `yaml:"platformRoles" json:"platformRoles"`
	ServiceRoles  []RoleInfo    `yaml:"serviceRoles" json:"serviceRoles"`
	RBAC          []RBACMapping `yaml:"rbac" json:"rbac"`
}

// RoleInfo says what one IAM role allows.
type RoleInfo struct {
	Role   string `yaml:"role" json:"role"`
	Allows string `yaml:"allows" json:"allows"`
}

// RBACMapping is what IKS creates in the cluster for a service role.
type RBACMapping struct {
	ServiceRole model.ServiceRole `yaml:"serviceRole" json:"serviceRole"`
	// Scope is "namespace" (the role is limited to namespaces) or "all".
	Scope       string `yaml:"scope" json:"scope"`
	ClusterRole string `yaml:"clusterRole" json:"clusterRole"`
	Binding     string `yaml:"binding" json:"binding"`
	// BindingKind is RoleBinding or ClusterRoleBinding.
	BindingKind string `yaml:"bindingKind" json:"bindingKind"`
}

// Registries lists the regional IBM Cloud Container Registry domains.
type Registries struct {
	Section `yaml:",inline" json:",inline"`
	// Global is the global registry's domain (icr.io), which also serves
	// IBM's public images.
	Global string           `yaml:"global" json:"global"`
	Items  []RegistryDomain `yaml:"items" json:"items"`
}

// RegistryDomain is the Container Registry domain that serves a region.
type RegistryDomain struct {
	// Region is the IBM Cloud region (jp-osa).
	Region string `yaml:"region" json:"region"`
	// Domain is the registry host (jp2.icr.io); private.<domain> is its
	// private endpoint.
	Domain string `yaml:"domain" json:"domain"`
	Note   string `yaml:"note,omitempty" json:"note,omitempty"`
}
