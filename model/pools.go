package model

// WorkerPool is a group of identical workers spread over every zone of the
// cluster. The first pool is the cluster's default pool, created with the
// cluster itself; the others are added afterwards.
type WorkerPool struct {
	Name      string    `yaml:"name" json:"name" jsonschema:"required,description=Pool name: lowercase letters\\, digits and hyphens\\, starting with a letter"`
	Isolation Isolation `yaml:"isolation" json:"isolation"`
	Flavor    string    `yaml:"flavor" json:"flavor" jsonschema:"required,description=Worker flavor\\, e.g. b3c.8x32 (classic) or bx2.8x32 (VPC)"`
	// WorkersPerZone is the pool size in each zone. Zero means: computed
	// from the sizing section.
	WorkersPerZone  int               `yaml:"workersPerZone,omitempty" json:"workersPerZone,omitempty" jsonschema:"minimum=0,maximum=1000,description=Workers in each zone; 0 or omitted: computed from sizing"`
	OperatingSystem OperatingSystem   `yaml:"operatingSystem,omitempty" json:"operatingSystem,omitempty"`
	Purpose         PoolPurpose       `yaml:"purpose,omitempty" json:"purpose,omitempty"`
	Labels          map[string]string `yaml:"labels,omitempty" json:"labels,omitempty" jsonschema:"description=Kubernetes node labels set on every worker of the pool"`
	Taints          []Taint           `yaml:"taints,omitempty" json:"taints,omitempty"`
	// DiskEncryption keeps IBM's default AES-256 worker disk encryption on.
	DiskEncryption *bool `yaml:"diskEncryption,omitempty" json:"diskEncryption,omitempty" jsonschema:"description=Encrypt worker disks (IBM default: true)"`
	// DedicatedHosts sizes the dedicated host pool of a VPC pool with
	// isolation dedicated; nil means the catalog's host flavor for the
	// worker flavor's class and as many hosts as the workers need.
	DedicatedHosts *DedicatedHosts `yaml:"dedicatedHosts,omitempty" json:"dedicatedHosts,omitempty"`
}

// DedicatedHosts is the dedicated host pool a VPC worker pool runs on: IKS
// places the pool's workers on hosts that serve one account only
// (https://cloud.ibm.com/docs/containers?topic=containers-cluster-create-dedicated-hosts).
type DedicatedHosts struct {
	// HostFlavor is the host flavor, e.g. bx2.host.152x608; empty: the
	// catalog's host flavor for the worker flavor's class.
	HostFlavor string `yaml:"hostFlavor,omitempty" json:"hostFlavor,omitempty" jsonschema:"description=Dedicated host flavor\\, e.g. bx2.host.152x608; empty: the one for the worker flavor's class"`
	// HostsPerZone is how many hosts each zone gets; 0: as many as the
	// pool's workers need.
	HostsPerZone int `yaml:"hostsPerZone,omitempty" json:"hostsPerZone,omitempty" jsonschema:"minimum=0,maximum=100,description=Dedicated hosts in each zone; 0 or omitted: computed from the workers"`
}

// OnDedicatedHosts reports whether the pool runs on VPC dedicated hosts.
func (p *WorkerPool) OnDedicatedHosts(s *Spec) bool {
	return s.IsVPC() && p.Isolation == IsolationDedicated
}

// HostsNeeded is how many hosts of hostVCPU and hostMemGiB hold workers
// workers of flavor f: each host takes as many whole workers as its vCPU
// and memory allow (IBM: "Dedicated host has insufficient capacity" when
// they do not fit, containers ts-worker-dedicated). 0 when none fit.
func HostsNeeded(workers int, f FlavorSpec, hostVCPU, hostMemGiB int) int {
	if workers <= 0 {
		return 0
	}
	if f.VCPU <= 0 || f.MemoryGiB <= 0 {
		return 0
	}
	per := min(hostVCPU/f.VCPU, hostMemGiB/f.MemoryGiB)
	if per <= 0 {
		return 0
	}
	return (workers + per - 1) / per
}

// EncryptsDisk reports whether worker disks stay encrypted (the default).
func (p *WorkerPool) EncryptsDisk() bool { return p.DiskEncryption == nil || *p.DiskEncryption }

// Taint is a Kubernetes taint set on every worker of a pool, e.g. to keep
// general workloads off GPU or edge workers.
type Taint struct {
	Key    string      `yaml:"key" json:"key" jsonschema:"required"`
	Value  string      `yaml:"value,omitempty" json:"value,omitempty"`
	Effect TaintEffect `yaml:"effect" json:"effect" jsonschema:"required"`
}

// String is the key=value:Effect form the ibmcloud CLI takes.
func (t Taint) String() string { return t.Key + "=" + t.Value + ":" + string(t.Effect) }

// TaintEffect is what a taint does to pods that do not tolerate it.
type TaintEffect string

// The taint effects.
const (
	TaintNoSchedule       TaintEffect = "NoSchedule"
	TaintPreferNoSchedule TaintEffect = "PreferNoSchedule"
	TaintNoExecute        TaintEffect = "NoExecute"
)

var taintEffectChoices = []Choice[TaintEffect]{
	{TaintNoSchedule, "NoSchedule", "new pods without a toleration are not scheduled here"},
	{TaintPreferNoSchedule, "PreferNoSchedule", "the scheduler avoids these workers when it can"},
	{TaintNoExecute, "NoExecute", "pods without a toleration are evicted"},
}

// Choices lists the taint effects.
func (TaintEffect) Choices() []Choice[TaintEffect] { return taintEffectChoices }

// EnumValues implements Enum.
func (TaintEffect) EnumValues() []string { return enumValues(taintEffectChoices) }

// Label is the human name of the effect.
func (e TaintEffect) Label() string { return labelOf(taintEffectChoices, e) }

// Valid reports whether e is a known effect.
func (e TaintEffect) Valid() bool { return validChoice(taintEffectChoices, e) }

// Isolation is the hardware tenancy of a pool's workers (seed slide 9).
type Isolation string

// The hardware isolation levels.
const (
	IsolationShared    Isolation = "shared"
	IsolationDedicated Isolation = "dedicated"
	IsolationBareMetal Isolation = "bare-metal"
)

var isolationChoices = []Choice[Isolation]{
	{IsolationShared, "Shared virtual", "hypervisor shared with other IBM customers: development, test, and cost-sensitive production"},
	{IsolationDedicated, "Dedicated virtual", "the physical host serves only your account: IBM's 2019 guidance's choice for production (slide 9)"},
	{IsolationBareMetal, "Bare metal", "single-tenant physical servers: high performance, GPU, software-defined storage"},
}

// Choices lists the isolation levels.
func (Isolation) Choices() []Choice[Isolation] { return isolationChoices }

// EnumValues implements Enum.
func (Isolation) EnumValues() []string { return enumValues(isolationChoices) }

// Label is the human name of the isolation level.
func (i Isolation) Label() string { return labelOf(isolationChoices, i) }

// LabelOn is the isolation level's name on infrastructure infra: on VPC,
// dedicated means IKS dedicated hosts (a host pool only the account uses),
// not classic's dedicated virtual servers, so it is called so.
func (i Isolation) LabelOn(infra Infrastructure) string {
	if i == IsolationDedicated && infra == InfraVPC {
		return DedicatedHostsLabel
	}
	return i.Label()
}

// DedicatedHostsLabel is the name of isolation dedicated on VPC.
const DedicatedHostsLabel = "Dedicated hosts"

// Valid reports whether i is a known isolation level.
func (i Isolation) Valid() bool { return validChoice(isolationChoices, i) }

// Hardware is the value of the classic --hardware flag for the isolation:
// bare metal is ordered as dedicated hardware.
func (i Isolation) Hardware() string {
	if i == IsolationShared {
		return "shared"
	}
	return "dedicated"
}

// OperatingSystem is the worker node image.
type OperatingSystem string

// The worker operating systems IKS offers for current Kubernetes versions.
const (
	OSUbuntu24 OperatingSystem = "UBUNTU_24_64"
	OSUbuntu20 OperatingSystem = "UBUNTU_20_64"
)

var operatingSystemChoices = []Choice[OperatingSystem]{
	{OSUbuntu24, "Ubuntu 24.04", "the only image IBM lists for Kubernetes 1.31 and later"},
	{OSUbuntu20, "Ubuntu 20.04 (legacy)", "older image still named in the classic flavor tables; only some edge bare-metal flavors need it"},
}

// Choices lists the operating systems.
func (OperatingSystem) Choices() []Choice[OperatingSystem] { return operatingSystemChoices }

// EnumValues implements Enum.
func (OperatingSystem) EnumValues() []string { return enumValues(operatingSystemChoices) }

// Label is the human name of the image.
func (o OperatingSystem) Label() string { return labelOf(operatingSystemChoices, o) }

// Valid reports whether o is a known image.
func (o OperatingSystem) Valid() bool { return validChoice(operatingSystemChoices, o) }

// PoolPurpose says what a pool is for, so labels, taints and documentation
// can follow from it.
type PoolPurpose string

// The pool purposes.
const (
	PurposeGeneral PoolPurpose = "general"
	PurposeGPU     PoolPurpose = "gpu"
	PurposeEdge    PoolPurpose = "edge"
	PurposeStorage PoolPurpose = "storage"
)

var poolPurposeChoices = []Choice[PoolPurpose]{
	{PurposeGeneral, "General workloads", "the applications' default home"},
	{PurposeGPU, "GPU", "machine learning and media workloads; tainted so only GPU pods land here"},
	{PurposeEdge, "Edge", "only Ingress and load balancer pods, isolating public traffic from the rest"},
	{PurposeStorage, "Software-defined storage", "Portworx or another SDS on local disks"},
}

// Choices lists the pool purposes.
func (PoolPurpose) Choices() []Choice[PoolPurpose] { return poolPurposeChoices }

// EnumValues implements Enum.
func (PoolPurpose) EnumValues() []string { return enumValues(poolPurposeChoices) }

// Label is the human name of the purpose.
func (p PoolPurpose) Label() string { return labelOf(poolPurposeChoices, p) }

// Valid reports whether p is a known purpose.
func (p PoolPurpose) Valid() bool { return validChoice(poolPurposeChoices, p) }
