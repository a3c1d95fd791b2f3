package catalog

import "time"

// MonitoringEndpoints is how the IBM Cloud Monitoring agent reaches its
// instance: the API and ingestion host names by region, and the agent's
// images in IBM's registry. The section's notes and source say where each
// fact comes from.
type MonitoringEndpoints struct {
	Section `yaml:",inline" json:",inline"`
	// Domain ends every host name, after the region:
	// [INGEST.][PRIVATE.]REGION.DOMAIN.
	Domain       string `yaml:"domain" json:"domain"`
	PrivateLabel string `yaml:"privateLabel" json:"privateLabel"`
	IngestLabel  string `yaml:"ingestLabel" json:"ingestLabel"`
	// SlimRepository and KmoduleRepository are the agent's slim image and
	// its kernel module image, under the global registry domain.
	SlimRepository    string `yaml:"slimRepository" json:"slimRepository"`
	KmoduleRepository string `yaml:"kmoduleRepository" json:"kmoduleRepository"`
}

// APIHost is the Monitoring API host of region, on IBM's private network
// when private.
func (m MonitoringEndpoints) APIHost(region string, private bool) string {
	h := region + "." + m.Domain
	if private {
		h = m.PrivateLabel + "." + h
	}
	return h
}

// IngestHost is the agent's collector host of region.
func (m MonitoringEndpoints) IngestHost(region string, private bool) string {
	return m.IngestLabel + "." + m.APIHost(region, private)
}

// checkMonitoringEndpoints requires every fact values/monitoring-agent.yaml
// reads.
func (c *Catalog) checkMonitoringEndpoints(add addFunc) {
	m := c.MonitoringEndpoints
	if m.Source == "" {
		add("monitoringEndpoints: source URL is missing")
	}
	if _, err := time.Parse(time.DateOnly, m.AsOf); err != nil {
		add("monitoringEndpoints: asOf %q is not a YYYY-MM-DD date", m.AsOf)
	}
	if m.Domain == "" || m.PrivateLabel == "" || m.IngestLabel == "" {
		add("monitoringEndpoints: domain, privateLabel and ingestLabel are required")
	}
	if m.SlimRepository == "" || m.KmoduleRepository == "" {
		add("monitoringEndpoints: slimRepository and kmoduleRepository are required")
	}
}
