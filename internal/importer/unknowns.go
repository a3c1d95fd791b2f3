package importer

import (
	"strings"

	"github.com/iksplan/iksplan/model"
)

// Unknown is a design field import cannot read from IBM's answers, with
// why and where the value comes from instead.
type Unknown struct {
	Path  string `json:"path"`
	Why   string `json:"why"`
	Where string `json:"where"`
	// Infra limits the entry to one infrastructure; empty: both.
	Infra model.Infrastructure `json:"-"`
}

// unknowns is the fixed list of what IBM's ks, is and addon answers do
// not return. The round-trip test proves that every field outside this
// list comes back equal, and that each entry here is really not returned.
var unknowns = []Unknown{
	{Path: "metadata.description", Why: "not an IBM setting", Where: "ask the cluster's owner"},
	{Path: "metadata.owner", Why: "not an IBM setting (resource tags may say)", Where: "ibmcloud resource tags --attach-type user; ask the owner"},
	{Path: "spec.environment", Why: "not an IBM setting; import sets production so validate judges by the strictest rules", Where: "ask the cluster's owner"},
	{Path: "spec.sizing", Why: "the demand the pools were sized for is not recorded anywhere; import keeps the pool sizes instead", Where: "kubectl top nodes; the workloads' requests (kubectl describe nodes)"},
	{Path: "spec.workerPools[*].purpose", Why: "an iksplan notion; IBM returns only the labels and taints", Where: "the pool's labels and taints"},
	{Path: "spec.workerPools[*].diskEncryption", Why: "the worker-pool body does not say whether --disable-disk-encrypt was used", Where: "IBM support, or the order's history (ibmcloud sl hardware detail for classic)", Infra: model.InfraClassic},
	{Path: "spec.workerPools[*].dedicatedHosts", Why: "the worker-pool body names only its dedicatedHostPoolId (import sets isolation dedicated); the host flavor and hosts per zone live in the host pool, which import does not read", Where: "ibmcloud ks dedicated host ls --pool ID --output json (flavor, zone of each host)", Infra: model.InfraVPC},
	{Path: "spec.security.kms.provider", Why: "cluster get says KMS is on (keyProtectEnabled), not whether it is Key Protect or Hyper Protect Crypto Services; import says key-protect", Where: "ibmcloud ks kms instance ls (service kms or hs-crypto)"},
	{Path: "spec.security.kms.instanceName", Why: "cluster get returns no KMS instance", Where: "ibmcloud ks kms instance ls, and the cluster's Activity Tracker events of kms enable"},
	{Path: "spec.security.kms.rootKeyName", Why: "cluster get returns no root key", Where: "ibmcloud ks kms crk ls --instance-id ID"},
	{Path: "spec.security.kms.dualAuthDelete", Why: "a Key Protect key policy, not a cluster setting", Where: "ibmcloud kp key policies ROOT_KEY_ID --instance-ID ID"},
	{Path: "spec.network.classic.accountRouting", Why: "an account setting", Where: "ibmcloud account show (Service Endpoint Enabled); ibmcloud ks vlan spanning get", Infra: model.InfraClassic},
	{Path: "spec.network.classic.vlans", Why: "IBM returns the VLAN IDs (in the notes), not whether the design named them or let IBM create them", Where: "the notes below; ibmcloud ks vlan ls --zone ZONE", Infra: model.InfraClassic},
	{Path: "spec.network.vpc.vpcID", Why: vpcWhy, Where: "ibmcloud ks cluster get (vpcs); ibmcloud is vpc ID", Infra: model.InfraVPC},
	{Path: "spec.network.vpc.vpcName", Why: vpcWhy, Where: "ibmcloud is vpc ID", Infra: model.InfraVPC},
	{Path: "spec.network.vpc.subnets[*].subnetID", Why: vpcWhy, Where: "ibmcloud ks worker-pool ls (zones[].subnets)", Infra: model.InfraVPC},
	{Path: "spec.network.vpc.subnets[*].ipv4AddressCount", Why: vpcWhy, Where: "ibmcloud is subnet ID (total_ipv4_address_count)", Infra: model.InfraVPC},
	{Path: "spec.network.vpc.outboundTrafficProtection", Why: "cluster get does not return it", Where: "the kube-<clusterID> security group's outbound rules (ibmcloud is security-group-rules)", Infra: model.InfraVPC},
	{Path: "spec.network.vpc.contextBasedRestrictions", Why: "CBR rules are an account resource, not part of the cluster's answers", Where: "ibmcloud cbr rules --service-name containers-kubernetes", Infra: model.InfraVPC},
	{Path: "spec.network.classic.contextBasedRestrictions", Why: "CBR rules are an account resource, not part of the cluster's answers", Where: "ibmcloud cbr rules --service-name containers-kubernetes", Infra: model.InfraClassic},
	{Path: "spec.network.ingress.tlsSecretsManager", Why: "the Ingress Secrets Manager instance is not in the ALB list", Where: "ibmcloud ks ingress instance ls --cluster C"},
	{Path: "spec.firewall", Why: "network policies, Calico policies, CIS and gateway appliances live in the cluster or the account", Where: "kubectl get networkpolicies -A; calicoctl get globalnetworkpolicy; ibmcloud cis domains"},
	{Path: "spec.storage", Why: "buckets, databases and volumes are separate services and claims", Where: "ibmcloud resource service-instances; ibmcloud cos buckets; kubectl get pvc -A"},
	{Path: "spec.logging", Why: "the Cloud Logs agent and Activity Tracker routes are configured in the cluster and the account; ks logging config get shows only IKS's own syslog forwarding, and this cluster has none", Where: "kubectl -n ibm-observe get ds; ibmcloud atracker route ls; the notes for the audit webhook"},
	{Path: "spec.monitoring", Why: "the monitoring agent is configured in the cluster", Where: "kubectl -n ibm-observe get ds sysdig-agent; ibmcloud resource service-instances --service-name sysdig-monitor"},
	{Path: "spec.iam", Why: "access groups are account resources", Where: "ibmcloud iam access-groups; ibmcloud iam access-group-policies GROUP"},
	{Path: "spec.cicd", Why: "the pipeline and registry live outside the cluster", Where: "ibmcloud cr namespaces; the team's repository"},
	{Path: "spec.operations.upgrades", Why: "an operating policy, not a cluster setting", Where: "the team's runbook"},
	{Path: "spec.operations.autoscaler.pools", Why: "the autoscaler's per-pool settings are in a config map in the cluster", Where: "kubectl -n kube-system get cm iks-ca-configmap -o yaml"},
	{Path: "spec.operations.backups", Why: "backups are a separate service", Where: "ibmcloud backup-recovery; the team's runbook"},
	{Path: "spec.namespaces", Why: "namespaces live in the cluster", Where: "kubectl get ns --show-labels; kubectl get resourcequota -A"},
	{Path: "spec.waivers", Why: "iksplan's own record of accepted findings", Where: "the previous design file"},
}

// vpcWhy: IBM returns the VPC and subnets with ID, name and size, and
// import writes them all (a re-rendered runbook then uses them as they are),
// but not whether the design created them or named existing ones, so one
// of the two spellings differs from the original design.
const vpcWhy = "IBM returns the VPC and subnets by ID, name and size; import writes all of them, but cannot know whether the design created them or named existing ones"

// unknownsFor lists the unknowns of one infrastructure.
func unknownsFor(infra model.Infrastructure) []Unknown {
	var out []Unknown
	for _, u := range unknowns {
		if u.Infra == "" || u.Infra == infra {
			out = append(out, u)
		}
	}
	return out
}

// Covers reports whether a field key (spec.storage.volumes[*].name) is in
// the unknown list: listed itself or below a listed path.
func (r *Result) Covers(key string) bool {
	for _, u := range r.Unknown {
		if key == u.Path || strings.HasPrefix(key, u.Path+".") || strings.HasPrefix(key, u.Path+"[") {
			return true
		}
	}
	return false
}

// Unknowns lists every entry of the unknown list (both infrastructures).
func Unknowns() []Unknown { return append([]Unknown(nil), unknowns...) }
