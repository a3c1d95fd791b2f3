package model

// IAM is who may do what (seed slides 43–44). IBM Cloud IAM platform roles
// govern `ibmcloud ks` actions; service roles become Kubernetes RBAC
// bindings inside the cluster.
type IAM struct {
	AccessGroups []AccessGroup `yaml:"accessGroups,omitempty" json:"accessGroups,omitempty"`
}

// AccessGroup is an IAM access group with its members and roles on the
// cluster.
type AccessGroup struct {
	Name         string       `yaml:"name" json:"name" jsonschema:"required"`
	Members      []string     `yaml:"members,omitempty" json:"members,omitempty" jsonschema:"description=E-mail addresses of the IBMids in the group"`
	PlatformRole PlatformRole `yaml:"platformRole" json:"platformRole" jsonschema:"required"`
	ServiceRole  ServiceRole  `yaml:"serviceRole" json:"serviceRole" jsonschema:"required"`
	// Namespaces limits the service role to these namespaces; empty means
	// every namespace.
	Namespaces []string `yaml:"namespaces,omitempty" json:"namespaces,omitempty"`
}

// AllNamespaces reports whether the service role covers every namespace.
func (g *AccessGroup) AllNamespaces() bool { return len(g.Namespaces) == 0 }

// PlatformRole is an IAM platform role on the Kubernetes Service.
type PlatformRole string

// The platform roles.
const (
	PlatformViewer        PlatformRole = "Viewer"
	PlatformEditor        PlatformRole = "Editor"
	PlatformOperator      PlatformRole = "Operator"
	PlatformAdministrator PlatformRole = "Administrator"
)

var platformRoleChoices = []Choice[PlatformRole]{
	{PlatformViewer, "Viewer", "list and inspect clusters, workers and settings"},
	{PlatformEditor, "Editor", "Ingress, logging, service bindings, audit webhook, NLB DNS"},
	{PlatformOperator, "Operator", "workers, worker pools, zones, subnets, master refresh and updates"},
	{PlatformAdministrator, "Administrator", "create and delete clusters, add-ons, KMS, API key, endpoints"},
}

// Choices lists the platform roles.
func (PlatformRole) Choices() []Choice[PlatformRole] { return platformRoleChoices }

// EnumValues implements Enum.
func (PlatformRole) EnumValues() []string { return enumValues(platformRoleChoices) }

// Label is the human name of the role.
func (r PlatformRole) Label() string { return labelOf(platformRoleChoices, r) }

// Valid reports whether r is a known role.
func (r PlatformRole) Valid() bool { return validChoice(platformRoleChoices, r) }

// ServiceRole is an IAM service role on the Kubernetes Service; IKS turns
// it into Kubernetes RBAC.
type ServiceRole string

// The service roles.
const (
	ServiceReader  ServiceRole = "Reader"
	ServiceWriter  ServiceRole = "Writer"
	ServiceManager ServiceRole = "Manager"
)

var serviceRoleChoices = []Choice[ServiceRole]{
	{ServiceReader, "Reader", "read most resources; no Secrets, no roles or bindings (ClusterRole view)"},
	{ServiceWriter, "Writer", "create and change workloads (ClusterRole edit)"},
	{ServiceManager, "Manager", "everything in its namespaces (admin), or the whole cluster (cluster-admin)"},
}

// Choices lists the service roles.
func (ServiceRole) Choices() []Choice[ServiceRole] { return serviceRoleChoices }

// EnumValues implements Enum.
func (ServiceRole) EnumValues() []string { return enumValues(serviceRoleChoices) }

// Label is the human name of the role.
func (r ServiceRole) Label() string { return labelOf(serviceRoleChoices, r) }

// Valid reports whether r is a known role.
func (r ServiceRole) Valid() bool { return validChoice(serviceRoleChoices, r) }
