package doc

// IBM documentation the decisions cite. Topic anchors are the ones IBM's
// doc sources declare ({: #anchor}), checked against the sources named in
// iks-facts.md; the references section lists those a design actually uses.
const ibmDocs = "https://cloud.ibm.com/docs/containers?topic=containers-"

const (
	urlHA              = ibmDocs + "ha_clusters"
	urlLocations       = ibmDocs + "regions-and-zones"
	urlVersions        = ibmDocs + "cs_versions"
	urlClassicFlavors  = ibmDocs + "classic-flavors"
	urlVPCFlavors      = ibmDocs + "vpc-flavors"
	urlReserves        = ibmDocs + "resource-limit-node"
	urlCLI             = ibmDocs + "kubernetes-service-cli"
	urlCLIChangelog    = ibmDocs + "cs_cli_changelog"
	urlNetworkPolicies = ibmDocs + "network_policies"
	urlPolicyTutorial  = ibmDocs + "policy_tutorial"
	urlSecurityGroups  = ibmDocs + "vpc-security-group"
	urlCBR             = ibmDocs + "cbr"
	urlFirewall        = ibmDocs + "firewall"
	urlTraefik         = ibmDocs + "managed-ingress-move-traefik"
	urlStoragePlan     = ibmDocs + "storage-plan"
	urlCOSPlugin       = ibmDocs + "storage_cos_install"
	urlVPCFileClasses  = ibmDocs + "storage-file-vpc-sc-ref"
	urlUtilities       = ibmDocs + "utilities"
	urlIAMRoles        = ibmDocs + "iam-service-access-roles"
	urlSecrets         = ibmDocs + "encryption-secrets"
	urlPodSecurity     = ibmDocs + "pod-security-admission"
	urlAutoscaler      = ibmDocs + "cluster-scaling-install-addon"
	urlLogsMigration   = ibmDocs + "cloud-logs-migration"
	urlObservability   = ibmDocs + "observability_cli"
	urlLogsAgent       = "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-agent-helm-kube-deploy"
	// urlLogsBuckets: one data and one metrics bucket per instance; the
	// S2S Writer authorization is on iam-service-auth-cos.
	urlLogsBuckets     = "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-about-bucket"
	urlLogsVPE         = "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-vpe-connection"
	urlMonitoringAgent = "https://cloud.ibm.com/docs/monitoring?topic=monitoring-agent_Kube"
	urlLogAnalysisEOS  = "https://cloud.ibm.com/docs/log-analysis?topic=log-analysis-deprecation_migration"
	urlHealthAudit     = ibmDocs + "health-audit"
	urlKubeAuditModule = "https://github.com/terraform-ibm-modules/terraform-ibm-base-ocp-vpc/tree/main/modules/kube-audit"
	urlATracker        = "https://cloud.ibm.com/docs/atracker?topic=atracker-target_v2_icl"
	urlBootVolumeKMS   = ibmDocs + "encryption-vpc-worker-disks"
	urlKMSSetup        = ibmDocs + "encryption-setup"
	urlDualAuth        = "https://cloud.ibm.com/docs/key-protect?topic=key-protect-manage-dual-auth"
	urlHPCSRegions     = "https://cloud.ibm.com/docs/hs-crypto?topic=hs-crypto-regions"
	urlIngressSecrets  = ibmDocs + "secrets-mgr"
	urlDedicatedHosts  = ibmDocs + "cluster-create-dedicated-hosts"
)
