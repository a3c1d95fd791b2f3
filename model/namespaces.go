package model

// Namespace is an application namespace the manifests create, with its
// guard rails: Pod Security level, quota and default limits.
type Namespace struct {
	Name        string            `yaml:"name" json:"name" jsonschema:"required"`
	PodSecurity PodSecurityLevel  `yaml:"podSecurity" json:"podSecurity"`
	Quota       NamespaceQuota    `yaml:"quota" json:"quota"`
	Labels      map[string]string `yaml:"labels,omitempty" json:"labels,omitempty"`
}

// NamespaceQuota caps what one namespace may request.
type NamespaceQuota struct {
	CPU       float64 `yaml:"cpu" json:"cpu" jsonschema:"minimum=0,maximum=100000,description=vCPU the namespace may request in all"`
	MemoryGiB float64 `yaml:"memoryGiB" json:"memoryGiB" jsonschema:"minimum=0,maximum=1000000"`
	Pods      int     `yaml:"pods" json:"pods" jsonschema:"minimum=0,maximum=250000"`
}

// PodSecurityLevel is a Kubernetes Pod Security Standard.
type PodSecurityLevel string

// The Pod Security Standards.
const (
	PodSecurityRestricted PodSecurityLevel = "restricted"
	PodSecurityBaseline   PodSecurityLevel = "baseline"
	PodSecurityPrivileged PodSecurityLevel = "privileged"
)

var podSecurityLevelChoices = []Choice[PodSecurityLevel]{
	{PodSecurityRestricted, "Restricted", "current hardening best practice: non-root, no privilege escalation, seccomp"},
	{PodSecurityBaseline, "Baseline", "blocks known privilege escalations; for software that cannot run restricted yet"},
	{PodSecurityPrivileged, "Privileged", "no restrictions: only for system agents"},
}

// Choices lists the levels.
func (PodSecurityLevel) Choices() []Choice[PodSecurityLevel] { return podSecurityLevelChoices }

// EnumValues implements Enum.
func (PodSecurityLevel) EnumValues() []string { return enumValues(podSecurityLevelChoices) }

// Label is the human name of the level.
func (p PodSecurityLevel) Label() string { return labelOf(podSecurityLevelChoices, p) }

// Valid reports whether p is a known level.
func (p PodSecurityLevel) Valid() bool { return validChoice(podSecurityLevelChoices, p) }

// Waiver accepts a rule's finding on purpose. A waived error or warning is
// reported as info, with the reason and approver, in the design document.
type Waiver struct {
	Rule       string `yaml:"rule" json:"rule" jsonschema:"required,description=Rule ID\\, e.g. HA001"`
	Reason     string `yaml:"reason" json:"reason" jsonschema:"required"`
	ApprovedBy string `yaml:"approvedBy" json:"approvedBy" jsonschema:"required"`
}
