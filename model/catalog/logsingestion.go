package catalog

import (
	"slices"
	"time"
)

// LogsIngestion is how an IBM Cloud Logs instance receives logs: its
// ingestion host names and the port of each way in (public, private over
// IBM's service network with a CSE, private through a VPE gateway). The
// section's notes and source say where each fact comes from.
type LogsIngestion struct {
	Section `yaml:",inline" json:",inline"`
	// Domain ends every ingestion host name, after the region.
	Domain string `yaml:"domain" json:"domain"`
	// PublicLabel and PrivateLabel sit between the instance GUID and the
	// region: GUID.LABEL.REGION.DOMAIN.
	PublicLabel  string `yaml:"publicLabel" json:"publicLabel"`
	PrivateLabel string `yaml:"privateLabel" json:"privateLabel"`
	PublicPort   int    `yaml:"publicPort" json:"publicPort"`
	CSEPort      int    `yaml:"csePort" json:"csePort"`
	VPEPort      int    `yaml:"vpePort" json:"vpePort"`
	// VPEOnly lists the regions whose private ingestion endpoint IBM offers
	// only through a VPE gateway (no CSE).
	VPEOnly []string `yaml:"vpeOnly,omitempty" json:"vpeOnly,omitempty"`
}

// PrivateOnlyThroughVPE reports whether a Cloud Logs instance in region
// can be reached privately only through a VPE gateway.
func (l LogsIngestion) PrivateOnlyThroughVPE(region string) bool {
	return slices.Contains(l.VPEOnly, region)
}

// checkLogsIngestion requires every fact the runbook and DESIGN.md read to
// build the agent's ingestion host and port.
func (c *Catalog) checkLogsIngestion(add addFunc, regions map[string]bool) {
	l := c.LogsIngestion
	if l.Source == "" {
		add("logsIngestion: source URL is missing")
	}
	if _, err := time.Parse(time.DateOnly, l.AsOf); err != nil {
		add("logsIngestion: asOf %q is not a YYYY-MM-DD date", l.AsOf)
	}
	if l.Domain == "" || l.PublicLabel == "" || l.PrivateLabel == "" {
		add("logsIngestion: domain, publicLabel and privateLabel are required")
	}
	if l.PublicPort <= 0 || l.CSEPort <= 0 || l.VPEPort <= 0 {
		add("logsIngestion: publicPort, csePort and vpePort are required")
	}
	for _, r := range l.VPEOnly {
		if !regions[r] {
			add("logsIngestion: vpeOnly region %q is not in locations", r)
		}
	}
}
