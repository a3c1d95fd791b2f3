package catalog

// Charts lists the Helm charts the runbook installs, with the versions it
// pins so a re-run installs what was reviewed.
type Charts struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Chart `yaml:"items" json:"items"`
}

// Chart is one Helm chart.
type Chart struct {
	// ID is iksplan's key: logs-agent, monitoring-agent,
	// block-storage-plugin, object-storage-plugin.
	ID string `yaml:"id" json:"id"`
	// Chart is the chart reference helm takes (oci://… or repo/name).
	Chart string `yaml:"chart" json:"chart"`
	// Repo and RepoURL are the `helm repo add` name and URL; empty for an
	// OCI chart.
	Repo    string `yaml:"repo,omitempty" json:"repo,omitempty"`
	RepoURL string `yaml:"repoURL,omitempty" json:"repoURL,omitempty"`
	// Version is the pinned chart version; empty when IBM publishes none
	// iksplan could confirm (the runbook's preflight then stops until the
	// engineer sets it).
	Version string `yaml:"version,omitempty" json:"version,omitempty"`
	// Source is where the version was read.
	Source string `yaml:"source" json:"source"`
	Note   string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Chart returns the chart with id.
func (c *Catalog) Chart(id string) (Chart, bool) {
	for _, ch := range c.Charts.Items {
		if ch.ID == id {
			return ch, true
		}
	}
	return Chart{}, false
}

// The chart IDs the renderers need.
const (
	ChartLogsAgent           = "logs-agent"
	ChartMonitoringAgent     = "monitoring-agent"
	ChartBlockStoragePlugin  = "block-storage-plugin"
	ChartObjectStoragePlugin = "object-storage-plugin"
)

// RequiredCharts are the charts Check requires.
var RequiredCharts = []string{ChartLogsAgent, ChartMonitoringAgent, ChartBlockStoragePlugin, ChartObjectStoragePlugin}

// MustChart returns the chart with id. Check requires every chart in
// RequiredCharts, so a checked catalog always has it; an unchecked one
// yields the zero Chart (and a runbook the preflight stops on).
func (c *Catalog) MustChart(id string) Chart {
	ch, _ := c.Chart(id)
	return ch
}
