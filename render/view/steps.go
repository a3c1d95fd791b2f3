package view

// StepID names a runbook step independently of its number, which depends on
// which steps a design needs.
type StepID string

// The runbook steps, in the order they run.
const (
	StepPreflight      StepID = "preflight"
	StepInfrastructure StepID = "infrastructure"
	StepKeys           StepID = "keys"
	StepCluster        StepID = "cluster"
	StepZones          StepID = "zones"
	StepWorkerPools    StepID = "worker-pools"
	StepAccess         StepID = "access"
	StepSecurity       StepID = "security"
	StepStorage        StepID = "storage"
	StepNetwork        StepID = "network"
	StepObservability  StepID = "observability"
	StepIAM            StepID = "iam"
	StepAutoscaler     StepID = "autoscaler"
	StepManifests      StepID = "manifests"
	StepVerify         StepID = "verify"
)

// Step is one numbered section of the runbook; DESIGN.md's index links the
// same numbers to its decisions.
type Step struct {
	ID     StepID
	Number int
	Title  string
	// Section is the DESIGN.md section that explains the step.
	Section string
}

// planSteps lists the steps this design needs, numbered from 1.
func planSteps(c *Context) []Step {
	s := c.Spec
	type cand struct {
		id      StepID
		title   string
		section string
		want    bool
	}
	infraTitle := "Classic VLANs and account routing"
	if s.IsVPC() {
		infraTitle = "VPC and a subnet per zone"
	}
	extraPools := len(s.WorkerPools) > 1
	sm := s.Network.Ingress.TLSSecretsManager != ""
	security := s.Security.KMS.Enabled() || s.Security.ImageSignatureEnforcement || sm
	cands := []cand{
		{StepPreflight, "Preflight: tools, login, target and account checks", "Runbook", true},
		{StepInfrastructure, infraTitle, "Network and firewall", true},
		{StepKeys, "Keys and secrets: KMS instance, root key, deletion policy and authorizations", "Security", s.Security.KMS.Enabled() || sm},
		{StepCluster, "Create the cluster and wait until it is ready", "Topology", true},
		{StepZones, "Spread the default worker pool over every zone", "Topology", s.Multizone()},
		{StepWorkerPools, "Create the extra worker pools", "Hardware", extraPools},
		{StepAccess, "Download the cluster's kubeconfig", "Runbook", true},
		{StepSecurity, "Encryption and image security", "Security", security},
		{StepStorage, "Storage: Object Storage, databases and volume plug-ins", "Storage", true},
		{StepNetwork, "Network: firewall policies, endpoints, Ingress and edge", "Network and firewall", true},
		{StepObservability, "Logging and monitoring agents", "Logging and monitoring", true},
		{StepIAM, "IAM access groups and policies", "IAM", len(s.IAM.AccessGroups) > 0},
		{StepAutoscaler, "Cluster autoscaler", "Operations", s.Operations.Autoscaler.Enabled},
		{StepManifests, "Apply the Kubernetes manifests", "Manifests", true},
		{StepVerify, "Verify the cluster", "Runbook", true},
	}
	var out []Step
	for _, c := range cands {
		if !c.want {
			continue
		}
		out = append(out, Step{ID: c.id, Number: len(out) + 1, Title: c.title, Section: c.section})
	}
	return out
}
