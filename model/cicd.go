package model

// CICD is how code becomes a running container (seed slides 15–17: Plan →
// Code → Build → Test → Release → Operate → Monitor).
type CICD struct {
	Git      GitProvider  `yaml:"git" json:"git"`
	Pipeline PipelineTool `yaml:"pipeline" json:"pipeline"`
	Registry Registry     `yaml:"registry" json:"registry"`
	// VulnerabilityScanning blocks releases with known vulnerabilities,
	// using Vulnerability Advisor v4 in IBM Cloud Container Registry.
	VulnerabilityScanning bool `yaml:"vulnerabilityScanning" json:"vulnerabilityScanning"`
	// Stages are the environments a release moves through, in order. Each
	// deploys into one namespace of this cluster.
	Stages []Stage `yaml:"stages,omitempty" json:"stages,omitempty"`
	// DeployerServiceAccount is the Kubernetes service account the pipeline
	// deploys with (least privilege, one Role per stage namespace).
	DeployerServiceAccount string `yaml:"deployerServiceAccount,omitempty" json:"deployerServiceAccount,omitempty"`
}

// Stage is one step of the release path.
type Stage struct {
	Name      string `yaml:"name" json:"name" jsonschema:"required"`
	Namespace string `yaml:"namespace" json:"namespace" jsonschema:"required"`
	// Approval requires a person to approve before the stage deploys.
	Approval bool `yaml:"approval,omitempty" json:"approval,omitempty"`
}

// Registry is the IBM Cloud Container Registry namespace for images.
type Registry struct {
	// Region is the registry's regional domain prefix, e.g. jp for jp.icr.io.
	Region    string `yaml:"region,omitempty" json:"region,omitempty"`
	Namespace string `yaml:"namespace,omitempty" json:"namespace,omitempty" jsonschema:"description=Container Registry namespace: 4–30 lowercase letters\\, digits\\, hyphens and underscores"`
}

// GitProvider is where the source code lives.
type GitProvider string

// The Git providers.
const (
	GitGitHub     GitProvider = "github"
	GitGitLab     GitProvider = "gitlab"
	GitBitbucket  GitProvider = "bitbucket"
	GitIBMGitRepo GitProvider = "ibm-git-repos"
)

var gitProviderChoices = []Choice[GitProvider]{
	{GitGitHub, "GitHub or GitHub Enterprise", "pull requests, reviews and Actions"},
	{GitGitLab, "GitLab", "self-managed or gitlab.com (IBM's 2019 choice)"},
	{GitBitbucket, "Bitbucket", "Atlassian's Git hosting"},
	{GitIBMGitRepo, "IBM Git Repos and Issue Tracking", "GitLab hosted by IBM inside a Continuous Delivery toolchain"},
}

// Choices lists the Git providers.
func (GitProvider) Choices() []Choice[GitProvider] { return gitProviderChoices }

// EnumValues implements Enum.
func (GitProvider) EnumValues() []string { return enumValues(gitProviderChoices) }

// Label is the human name of the provider.
func (g GitProvider) Label() string { return labelOf(gitProviderChoices, g) }

// Valid reports whether g is a known provider.
func (g GitProvider) Valid() bool { return validChoice(gitProviderChoices, g) }

// PipelineTool runs the build and deploy pipelines.
type PipelineTool string

// The pipeline tools.
const (
	PipelineTekton        PipelineTool = "tekton"
	PipelineGitHubActions PipelineTool = "github-actions"
	PipelineGitLabCI      PipelineTool = "gitlab-ci"
	PipelineJenkins       PipelineTool = "jenkins"
)

var pipelineToolChoices = []Choice[PipelineTool]{
	{PipelineTekton, "IBM Continuous Delivery (Tekton)", "IBM's toolchains: today's form of IBM's 2019 Delivery Pipeline"},
	{PipelineGitHubActions, "GitHub Actions", "pipelines next to the code on GitHub"},
	{PipelineGitLabCI, "GitLab CI", "pipelines next to the code on GitLab"},
	{PipelineJenkins, "Jenkins", "self-run, for teams that already have it"},
}

// Choices lists the pipeline tools.
func (PipelineTool) Choices() []Choice[PipelineTool] { return pipelineToolChoices }

// EnumValues implements Enum.
func (PipelineTool) EnumValues() []string { return enumValues(pipelineToolChoices) }

// Label is the human name of the tool.
func (p PipelineTool) Label() string { return labelOf(pipelineToolChoices, p) }

// Valid reports whether p is a known tool.
func (p PipelineTool) Valid() bool { return validChoice(pipelineToolChoices, p) }
