package model

// APIVersion and Kind identify a design file. A file with any other value is
// refused on load so an old or foreign file is never half-understood.
const (
	APIVersion = "iksplan/v1alpha1"
	Kind       = "ClusterDesign"
)

// Design is one IKS cluster design: the root of the YAML file and the one
// model every part of iksplan reads and writes. Field names here and in Spec
// are the public contract of the design file; never rename them.
type Design struct {
	APIVersion string   `yaml:"apiVersion" json:"apiVersion" jsonschema:"required,enum=iksplan/v1alpha1"`
	Kind       string   `yaml:"kind" json:"kind" jsonschema:"required,enum=ClusterDesign"`
	Metadata   Metadata `yaml:"metadata" json:"metadata" jsonschema:"required"`
	Spec       Spec     `yaml:"spec" json:"spec" jsonschema:"required"`
}

// Metadata names the cluster and says who owns the design.
type Metadata struct {
	// Name is the cluster name. IBM fixes it at create time and uses it in
	// the Ingress subdomain.
	Name        string `yaml:"name" json:"name" jsonschema:"required,description=The cluster name: starts with a letter; letters\\, digits\\, periods and hyphens; at most 35 characters"`
	Description string `yaml:"description,omitempty" json:"description,omitempty" jsonschema:"description=What the cluster is for\\, printed at the top of the design document"`
	Owner       string `yaml:"owner,omitempty" json:"owner,omitempty" jsonschema:"description=Who owns the design (a team or a person)"`
}

// Spec holds every decision of the design, one section per wizard step.
type Spec struct {
	Environment       Environment    `yaml:"environment" json:"environment" jsonschema:"required"`
	Infrastructure    Infrastructure `yaml:"infrastructure" json:"infrastructure" jsonschema:"required"`
	ResourceGroup     string         `yaml:"resourceGroup,omitempty" json:"resourceGroup,omitempty" jsonschema:"description=IBM Cloud resource group for the cluster and its services (fixed at create)"`
	Region            string         `yaml:"region" json:"region" jsonschema:"required,description=IBM Cloud region\\, e.g. jp-tok"`
	Zones             []string       `yaml:"zones" json:"zones" jsonschema:"required,description=Zones of the cluster: classic data centers (tok02) or VPC zones (jp-tok-1)"`
	KubernetesVersion string         `yaml:"kubernetesVersion" json:"kubernetesVersion" jsonschema:"required,description=Kubernetes major.minor\\, e.g. 1.33"`
	Sizing            Sizing         `yaml:"sizing" json:"sizing"`
	WorkerPools       []WorkerPool   `yaml:"workerPools" json:"workerPools" jsonschema:"required"`
	Network           Network        `yaml:"network" json:"network"`
	Firewall          Firewall       `yaml:"firewall" json:"firewall"`
	Storage           Storage        `yaml:"storage" json:"storage"`
	Logging           Logging        `yaml:"logging" json:"logging"`
	Monitoring        Monitoring     `yaml:"monitoring" json:"monitoring"`
	Security          Security       `yaml:"security" json:"security"`
	IAM               IAM            `yaml:"iam" json:"iam"`
	CICD              CICD           `yaml:"cicd" json:"cicd"`
	Operations        Operations     `yaml:"operations" json:"operations"`
	Namespaces        []Namespace    `yaml:"namespaces,omitempty" json:"namespaces,omitempty"`
	Waivers           []Waiver       `yaml:"waivers,omitempty" json:"waivers,omitempty"`
	// DocumentLanguage is the language of the rendered documents; empty
	// means the language of the run (--lang or the locale).
	DocumentLanguage DocumentLanguage `yaml:"documentLanguage,omitempty" json:"documentLanguage,omitempty" jsonschema:"description=Language of the rendered documents: en or ja (empty: the language of the run)"`
}

// Multizone reports whether the cluster spans more than one zone.
func (s *Spec) Multizone() bool { return len(s.Zones) > 1 }

// IsClassic reports whether the cluster runs on classic infrastructure.
func (s *Spec) IsClassic() bool { return s.Infrastructure == InfraClassic }

// IsVPC reports whether the cluster runs on VPC Gen 2 infrastructure.
func (s *Spec) IsVPC() bool { return s.Infrastructure == InfraVPC }

// CBR returns the design's context-based restrictions for its
// infrastructure (spec.network.vpc or spec.network.classic), or nil when
// the infrastructure's network section is absent.
func (s *Spec) CBR() *CBR {
	switch {
	case s.IsVPC() && s.Network.VPC != nil:
		return &s.Network.VPC.ContextBasedRestrictions
	case s.IsClassic() && s.Network.Classic != nil:
		return &s.Network.Classic.ContextBasedRestrictions
	}
	return nil
}

// IsProduction reports whether the design is for a production cluster, where
// the rules are strictest.
func (s *Spec) IsProduction() bool { return s.Environment == EnvProduction }

// Environment is what the cluster is for. Production turns many warnings
// into errors.
type Environment string

// The environments.
const (
	EnvProduction  Environment = "production"
	EnvStaging     Environment = "staging"
	EnvDevelopment Environment = "development"
)

var environmentChoices = []Choice[Environment]{
	{EnvProduction, "Production", "customer traffic: multizone, dedicated or bare metal, logging and monitoring required"},
	{EnvStaging, "Staging", "a rehearsal of production: same shape, smaller"},
	{EnvDevelopment, "Development", "developers and tests: one zone and shared hardware are fine"},
}

// Choices lists the environments.
func (Environment) Choices() []Choice[Environment] { return environmentChoices }

// EnumValues implements Enum.
func (Environment) EnumValues() []string { return enumValues(environmentChoices) }

// Label is the human name of the environment.
func (e Environment) Label() string { return labelOf(environmentChoices, e) }

// Valid reports whether e is a known environment.
func (e Environment) Valid() bool { return validChoice(environmentChoices, e) }

// Infrastructure is the IBM Cloud infrastructure provider the workers run
// on. It is fixed when the cluster is created.
type Infrastructure string

// The infrastructure providers iksplan designs for.
const (
	InfraClassic Infrastructure = "classic"
	InfraVPC     Infrastructure = "vpc-gen2"
)

var infrastructureChoices = []Choice[Infrastructure]{
	{InfraClassic, "Classic", "IBM classic infrastructure: VLANs, data centers, bare metal, Calico host policies (IBM's 2019 world)"},
	{InfraVPC, "VPC (Gen 2)", "Virtual Private Cloud: your own subnets, security groups, metro block storage, private by default"},
}

// Choices lists the infrastructure providers.
func (Infrastructure) Choices() []Choice[Infrastructure] { return infrastructureChoices }

// EnumValues implements Enum.
func (Infrastructure) EnumValues() []string { return enumValues(infrastructureChoices) }

// Label is the human name of the provider.
func (i Infrastructure) Label() string { return labelOf(infrastructureChoices, i) }

// Valid reports whether i is a known provider.
func (i Infrastructure) Valid() bool { return validChoice(infrastructureChoices, i) }
