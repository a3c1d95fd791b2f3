package runbook

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// The Helm charts the runbook installs (chart, repository, pinned version
// and where the version was read) are the catalog's charts section; an
// empty version is one iksplan could not confirm, and the preflight stops
// until the engineer sets it.

// chart returns the catalog's chart id.
func (b *builder) chart(id string) catalog.Chart { return b.c.Catalog.MustChart(id) }

// chartVersionChecks names the chart version variables the engineer must
// set because iksplan could not confirm a current version.
func (b *builder) chartVersionChecks() []string {
	var out []string
	if b.wantsBlockPlugin() && b.chart(catalog.ChartBlockStoragePlugin).Version == "" {
		out = append(out, "BLOCK_STORAGE_PLUGIN_CHART_VERSION")
	}
	if b.s3fsNamespaces() != nil && b.chart(catalog.ChartObjectStoragePlugin).Version == "" {
		out = append(out, "OBJECT_STORAGE_PLUGIN_CHART_VERSION")
	}
	if b.s.Logging.Backend == model.LogCloudLogs && b.chart(catalog.ChartLogsAgent).Version == "" {
		out = append(out, "LOGS_AGENT_CHART_VERSION")
	}
	if b.s.Monitoring.Enabled && b.chart(catalog.ChartMonitoringAgent).Version == "" {
		out = append(out, "SYSDIG_DEPLOY_CHART_VERSION")
	}
	return out
}
