package runbook

// Helm charts the runbook installs. Versions are pinned so a re-run
// installs what was reviewed; an empty version is one iksplan could not
// confirm, and the preflight stops until the engineer sets it.
const (
	// The IBM Cloud Logs agent chart, public in icr.io without a registry
	// login. Version: the newest in IBM's "Supported agent versions" table
	// (ibm-cloud-docs/cloud-logs agent/agent-supported-versions.md, 2026)
	// and the default of terraform-ibm-modules/terraform-ibm-logs-agent
	// (Aug 2026). List versions with
	// `helm show chart oci://icr.io/ibm-observe/logs-agent-helm --version X`
	// or the table above.
	logsAgentChart        = "oci://icr.io/ibm-observe/logs-agent-helm"
	logsAgentChartVersion = "1.9.0"

	// The Sysdig agent chart IBM Cloud Monitoring documents
	// (ibm-cloud-docs/monitoring agent/agent-deploy-kube-helm.md). Version:
	// the default of terraform-ibm-modules/terraform-ibm-monitoring-agent
	// (Jun 2026). List versions with `helm search repo sysdig/sysdig-deploy --versions`.
	sysdigRepoURL          = "https://charts.sysdig.com"
	sysdigChartVersion     = "1.114.0"
	iksChartsRepoURL       = "https://icr.io/helm/iks-charts"
	ibmHelmRepoURL         = "https://raw.githubusercontent.com/IBM/charts/master/repo/ibm-helm"
	blockPluginChartName   = "iks-charts/ibmcloud-block-storage-plugin"
	objectPluginChartName  = "ibm-helm/ibm-object-storage-plugin"
	objectPluginReleaseDir = "./ibm-object-storage-plugin"
)

// chartVersionChecks names the chart version variables the engineer must
// set because iksplan could not confirm a current version.
func (b *builder) chartVersionChecks() []string {
	var out []string
	if b.wantsBlockPlugin() {
		out = append(out, "BLOCK_STORAGE_PLUGIN_CHART_VERSION")
	}
	if b.s3fsNamespaces() != nil {
		out = append(out, "OBJECT_STORAGE_PLUGIN_CHART_VERSION")
	}
	return out
}
