package rules

import (
	"github.com/iksplan/iksplan/model"
)

const seedLogging = "IBM's 2019 guidance (slides 26–29): IKS writes worker, container, application, storage, kube-system, kube-audit and " +
	"Ingress logs locally; view them centrally with an IBM Cloud or external service (the 2019 guidance used LogDNA). "

func loggingRules() []Rule {
	return []Rule{
		{
			ID: "LOG001", Severity: Error, Area: AreaLogging, Path: "spec.logging.backend",
			Title: "Legacy IBM Log Analysis chosen",
			Why: seedLogging + "IBM Log Analysis (LogDNA) and Activity Tracker reached end of support on 2025-03-28, and so did " +
				"the `ibmcloud ob` observability plug-in; IBM Cloud Logs replaces them.",
			DocURL: doc("cloud-logs-migration"),
			Check: func(c *Context) []Hit {
				if !c.Spec.Logging.Backend.Legacy() {
					return nil
				}
				return []Hit{hitSev(prodSeverity(c.Spec, Error, Warning), "spec.logging.backend",
					"backend log-analysis is IBM Log Analysis, end of support 2025-03-28; use cloud-logs")}
			},
		},
		{
			ID: "LOG002", Severity: Error, Area: AreaLogging, Path: "spec.logging.backend",
			Title: "No logging in production",
			Why: seedLogging + "Without forwarding, logs live only on the workers and are lost when a worker is reloaded or " +
				"replaced, which IKS does every fix pack. IBM Cloud Logs is the current service.",
			DocURL: doc("health"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() || c.Spec.Logging.Backend != model.LogNone {
					return nil
				}
				return []Hit{hit("spec.logging.backend", "production cluster forwards no logs; choose cloud-logs or syslog")}
			},
		},
		{
			ID: "LOG003", Severity: Error, Area: AreaLogging, Path: "spec.monitoring.enabled",
			Title: "No monitoring in production",
			Why: "IBM's 2019 guidance (slides 30–32): IBM Cloud Monitoring (Sysdig) collects cluster metrics and alerts by e-mail, Slack, " +
				"PagerDuty, webhooks and more; the agent is one install. A production cluster without metrics is run blind.",
			DocURL: doc("health"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() || c.Spec.Monitoring.Enabled {
					return nil
				}
				return []Hit{hit("spec.monitoring.enabled", "production cluster has no monitoring; enable IBM Cloud Monitoring")}
			},
		},
		{
			ID: "LOG004", Severity: Warning, Area: AreaLogging, Path: "spec.logging.sources[*]",
			Title: "API audit logs requested without a backend that collects them",
			Why: seedLogging + "IBM forwards Kubernetes API audit events with `ibmcloud ks cluster master audit-webhook set` " +
				"to an in-cluster receiver whose output the log agent ships, on classic and VPC clusters (IBM health-audit; " +
				"terraform-ibm-base-ocp-vpc modules/kube-audit sets it on VPC). Without a log backend nothing collects it.",
			DocURL: doc("health-audit"),
			Check: func(c *Context) []Hit {
				l := c.Spec.Logging
				if l.Backend != model.LogNone && l.Backend != model.LogLogAnalysis {
					return nil
				}
				for i, src := range l.Sources {
					if src == model.SourceKubeAudit {
						return []Hit{hit(pathf("spec.logging.sources[%d]", i), "kube-audit needs a log backend (cloud-logs or syslog); the audit webhook is not set up")}
					}
				}
				return nil
			},
		},
		{
			ID: "LOG005", Severity: Error, Area: AreaLogging, Path: "spec.logging.syslog.host",
			Title:  "Syslog destination incomplete",
			Why:    "`ibmcloud ks logging config create --type syslog` needs the server's --hostname and a port (default 514).",
			DocURL: doc("health"),
			Check: func(c *Context) []Hit {
				l := c.Spec.Logging
				if l.Backend != model.LogSyslog {
					return nil
				}
				var hits []Hit
				if l.Syslog.Host == "" {
					hits = append(hits, hit("spec.logging.syslog.host", "backend syslog needs a syslog host"))
				}
				if l.Syslog.Port < 0 || l.Syslog.Port > 65535 {
					hits = append(hits, hit("spec.logging.syslog.port", "syslog port %d is not 1–65535", l.Syslog.Port))
				}
				return hits
			},
		},
		{
			ID: "LOG006", Severity: Info, Area: AreaLogging, Path: "spec.logging.syslog.protocol",
			Title: "Syslog without TLS",
			Why: "Syslog over UDP or TCP sends logs in clear text, and UDP can lose them; `--syslog-protocol tls` encrypts " +
				"them on the way to the server.",
			DocURL: doc("health"),
			Check: func(c *Context) []Hit {
				l := c.Spec.Logging
				if l.Backend != model.LogSyslog || l.Syslog.Protocol == model.SyslogTLS {
					return nil
				}
				return []Hit{hit("spec.logging.syslog.protocol", "syslog over %s sends logs in clear text; use tls", l.Syslog.Protocol)}
			},
		},
		{
			ID: "LOG015", Severity: Error, Area: AreaLogging, Path: "spec.logging.syslog.caCertSecret",
			Title: "Syslog CA secret IBM cannot use",
			Why: "`ibmcloud ks logging config create --ca-cert` takes \"the Kubernetes secret name that contains the Certificate " +
				"Authority certificate\", and only \"when the logging type is syslog and the protocol is tls\" (IBM's ks CLI reference). " +
				"A Kubernetes secret name is a DNS subdomain: at most 253 lowercase letters, digits, hyphens and dots.",
			DocURL: "https://cloud.ibm.com/docs/containers?topic=containers-kubernetes-service-cli#logging-config-create-cli",
			Check: func(c *Context) []Hit {
				sl := c.Spec.Logging.Syslog
				if c.Spec.Logging.Backend != model.LogSyslog || sl.CACertSecret == "" {
					return nil
				}
				if sl.Protocol != model.SyslogTLS {
					return []Hit{hit("spec.logging.syslog.caCertSecret", "a CA secret is used only over tls; the protocol is %s", sl.Protocol)}
				}
				if model.ValidateSecretName(sl.CACertSecret) != nil {
					return []Hit{hit("spec.logging.syslog.caCertSecret", "%s is not a Kubernetes secret name (lowercase letters, digits, hyphens and dots)", sl.CACertSecret)}
				}
				return nil
			},
		},
		{
			ID: "LOG016", Severity: Warning, Area: AreaLogging, Path: "spec.logging.syslog.caCertSecret",
			Title: "Syslog over TLS without verifying the server",
			Why: "Over TLS, IKS's forwarder checks the server's certificate only with `--verify-mode verify-peer`; the default is " +
				"verify-none (IBM's ks CLI reference, logging config create). The logs travel encrypted, but to whatever answers at the " +
				"host name. Name the Kubernetes secret with the server's CA certificate (caCertSecret) to verify it.",
			DocURL: "https://cloud.ibm.com/docs/containers?topic=containers-kubernetes-service-cli#logging-config-create-cli",
			Check: func(c *Context) []Hit {
				sl := c.Spec.Logging.Syslog
				if c.Spec.Logging.Backend != model.LogSyslog || sl.Protocol != model.SyslogTLS || sl.CACertSecret != "" {
					return nil
				}
				if sl.Host == "" {
					// No host yet (the wizard asks for it on the next page): name
					// the server by its role, not by an empty string.
					return []Hit{hit("spec.logging.syslog.caCertSecret", "the forwarder does not verify the syslog server's certificate (verify-none); name the secret with its CA certificate")}
				}
				return []Hit{hit("spec.logging.syslog.caCertSecret", "the forwarder does not verify %s's certificate (verify-none); name the secret with its CA certificate", sl.Host)}
			},
		},
		{
			ID: "LOG017", Severity: Warning, Area: AreaLogging, Path: "spec.logging.cloudLogs.region",
			Title: "Cloud Logs VPE gateway to an instance in another region",
			Why: "Where IBM offers Cloud Logs' private ingestion only through a VPE gateway (the catalog's logsIngestion.vpeOnly, " +
				"IBM cloud-logs endpoints_ingress), the runbook creates the gateway in the cluster's VPC with the instance's CRN as " +
				"its target (cloud-logs vpe-connection). With the instance in another region than the cluster, that gateway connects " +
				"across regions. Cloud Logs' VPE page says nothing about regions; IBM's VPE planning page " +
				"(vpc-vpe-planning-considerations, cross-account considerations) supports cross-region connectivity only between " +
				"regions that take part in multizone regions. Put the instance in the cluster's region, or confirm the connection " +
				"with IBM before relying on it.",
			DocURL: "https://cloud.ibm.com/docs/vpc?topic=vpc-vpe-planning-considerations",
			Check: func(c *Context) []Hit {
				s := c.Spec
				l := s.Logging
				if l.Backend != model.LogCloudLogs || !s.IsVPC() || c.Catalog == nil || l.CloudLogs.Region == "" || l.CloudLogs.Region == s.Region {
					return nil
				}
				if !c.Catalog.LogsIngestion.PrivateOnlyThroughVPE(l.CloudLogs.Region) {
					return nil
				}
				return []Hit{hit("spec.logging.cloudLogs.region", "the VPE gateway in the %s VPC targets a Cloud Logs instance in %s: a cross-region VPE connection IBM does not document for Cloud Logs", s.Region, l.CloudLogs.Region)}
			},
		},
		{
			ID: "LOG007", Severity: Warning, Area: AreaLogging, Path: "spec.monitoring.alertChannels",
			Title: "Monitoring without alert channels in production",
			Why: "IBM's 2019 guidance (slide 30): Monitoring notifies on anomalies, downtime and degradation through e-mail, Slack, PagerDuty, " +
				"webhooks, OpsGenie or VictorOps. Metrics nobody is alerted on do not shorten an outage.",
			DocURL: doc("health"),
			Check: func(c *Context) []Hit {
				m := c.Spec.Monitoring
				if !c.Spec.IsProduction() || !m.Enabled || len(m.AlertChannels) > 0 {
					return nil
				}
				return []Hit{hit("spec.monitoring.alertChannels", "monitoring is on but no alert channel is set; add the on-call team's e-mail, Slack or pager")}
			},
		},
		{
			ID: "LOG008", Severity: Error, Area: AreaLogging, Path: "spec.monitoring.alertChannels[*].target",
			Title: "Alert channel target invalid",
			Why: "Each alert channel needs a destination: an e-mail address for e-mail channels, a channel, service or team " +
				"name for the others. The runbook lists them for setup in the Monitoring console.",
			DocURL: doc("health"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, ch := range c.Spec.Monitoring.AlertChannels {
					path := pathf("spec.monitoring.alertChannels[%d].target", i)
					switch {
					case ch.Target == "":
						hits = append(hits, hit(path, "%s alert channel has no target", ch.Type))
					case ch.Type == model.AlertEmail:
						if err := model.ValidateEmail(ch.Target); err != nil {
							hits = append(hits, hit(path, "%s", err))
						}
					default:
						if err := model.ValidateFreeText(ch.Target); err != nil {
							hits = append(hits, hit(path, "%s target %s", ch.Type, err))
						}
					}
				}
				return hits
			},
		},
		{
			ID: "LOG009", Severity: Info, Area: AreaLogging, Path: "spec.logging.sources",
			Title: "Production cluster without API audit logs",
			Why: seedLogging + "Source ⑥, kube-audit, records every request to the API server: who changed what. IBM forwards " +
				"it with the audit webhook on classic and VPC clusters; compliance reviews usually ask for it.",
			DocURL: doc("health-audit"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || s.Logging.Backend == model.LogNone || s.Logging.Wants(model.SourceKubeAudit) {
					return nil
				}
				return []Hit{hit("spec.logging.sources", "the API audit log (kube-audit) is not collected")}
			},
		},
		{
			ID: "LOG011", Severity: Error, Area: AreaLogging, Path: "spec.logging.retentionDays",
			Title: "Cloud Logs retention IBM does not offer",
			Why: seedLogging + "IBM Cloud Logs keeps logs searchable (Priority insights) for a retention period chosen at create: " +
				"7, 14, 30, 60 or 90 days (the catalog's services.logs retentionDays, from IBM's terraform-ibm-cloud-logs module). " +
				"Any other value is refused when the instance is created; keep logs longer in the instance's Object Storage data bucket.",
			DocURL: "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-getting-started",
			Check: func(c *Context) []Hit {
				l := c.Spec.Logging
				if l.Backend != model.LogCloudLogs || c.Catalog == nil {
					return nil
				}
				logs, ok := c.Catalog.Service("logs")
				if !ok || len(logs.RetentionDays) == 0 || logs.AllowsRetention(l.RetentionDays) {
					return nil
				}
				return []Hit{hit("spec.logging.retentionDays", "retention %d days is not one Cloud Logs offers (%s)", l.RetentionDays, joinInts(logs.RetentionDays))}
			},
		},
		{
			ID: "LOG012", Severity: Warning, Area: AreaLogging, Path: "spec.logging.cloudLogs.archive.enabled",
			Title: "Production Cloud Logs without an archive bucket",
			Why: seedLogging + "The 2019 deck archived logs to Object Storage. IBM Cloud Logs does it with a data bucket (and a " +
				"metrics bucket) in Object Storage, one of each per instance (IBM cloud-logs about-bucket): logs stay searchable " +
				"there after the retention period. Without it, logs older than the retention period are gone, which incident " +
				"reviews and audits rarely accept.",
			DocURL: "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-about-bucket",
			Check: func(c *Context) []Hit {
				l := c.Spec.Logging
				if !c.Spec.IsProduction() || l.Backend != model.LogCloudLogs || l.CloudLogs.Archive.Enabled {
					return nil
				}
				return []Hit{hit("spec.logging.cloudLogs.archive.enabled", "logs older than %d days are lost; keep them in a Cloud Logs data bucket", l.RetentionDays)}
			},
		},
		{
			ID: "LOG013", Severity: Error, Area: AreaLogging, Path: "spec.logging.cloudLogs.archive",
			Title: "Cloud Logs archive buckets invalid or the same",
			Why: "The data and the metrics bucket are two buckets (IBM cloud-logs about-bucket), and bucket names are global " +
				"across IBM Cloud: 3–63 lowercase letters, digits, dots and hyphens, not shaped like an IP address.",
			DocURL: "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-about-bucket",
			Check: func(c *Context) []Hit {
				a := c.Spec.Logging.CloudLogs.Archive
				if c.Spec.Logging.Backend != model.LogCloudLogs || !a.Enabled {
					return nil
				}
				hits := checkNames([]nameCheck{
					{"spec.logging.cloudLogs.archive.dataBucket", "bucket", a.DataBucket, model.ValidateBucketName},
					{"spec.logging.cloudLogs.archive.metricsBucket", "bucket", a.MetricsBucket, model.ValidateBucketName},
				})
				if a.DataBucket != "" && a.DataBucket == a.MetricsBucket {
					hits = append(hits, hit("spec.logging.cloudLogs.archive.metricsBucket", "the metrics bucket %s is the data bucket; name two buckets", a.MetricsBucket))
				}
				return hits
			},
		},
		{
			ID: "LOG014", Severity: Warning, Area: AreaLogging, Path: "spec.logging.cloudLogs.region",
			Title: "Cloud Logs private ingestion a classic cluster cannot reach",
			Why: "In some regions IBM offers Cloud Logs' private ingestion endpoint only through a VPE gateway (the catalog's " +
				"logsIngestion.vpeOnly: \"The private ingress endpoint is only supported in Montreal (ca-mon) using a VPE\", IBM " +
				"cloud-logs endpoints_ingress), and a VPE gateway connects a VPC to the service (cloud-logs vpe-connection). A " +
				"classic cluster has no VPC, so its Logs agent ships to the public ingestion endpoint over the internet. Put the " +
				"instance in a region with a private cloud service endpoint, or accept public ingestion.",
			DocURL: "https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-endpoints_ingress",
			Check: func(c *Context) []Hit {
				s := c.Spec
				if s.Logging.Backend != model.LogCloudLogs || !s.IsClassic() || c.Catalog == nil {
					return nil
				}
				region := s.Logging.CloudLogs.Region
				if region == "" {
					region = s.Region
				}
				if !c.Catalog.LogsIngestion.PrivateOnlyThroughVPE(region) {
					return nil
				}
				return []Hit{hit("spec.logging.cloudLogs.region", "Cloud Logs in %s is private only through a VPE gateway, which a classic cluster cannot have: the agent ships over the public endpoint", region)}
			},
		},
	}
}
