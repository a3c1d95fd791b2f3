package runbook

import (
	"fmt"
	"github.com/iksplan/iksplan/internal/i18n"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

// The observability services' catalog names and plans are the catalog's
// services logs and monitoring.
const (
	observeNamespace = "ibm-observe"
	jqLogSourceSet   = `any(.. | objects | .logSource? // empty; . == env.JQ_V)`
)

// logsPrivate reports whether the workers reach IBM service endpoints
// privately (view.Context.PrivateServiceNetwork), which the Monitoring
// agent's hosts follow.
func (b *builder) logsPrivate() bool { return b.c.PrivateServiceNetwork() }

// auditWebhookURL is the in-cluster receiver IBM's "Forwarding Kubernetes
// API audit logs to Cloud Logs" configures (catalog images kube-audit
// webhook): the master reaches the receiver's service through its local
// proxy.
func (b *builder) auditWebhookURL() string {
	return b.c.Catalog.MustImage(catalog.ImageKubeAudit).Webhook
}

// wantsAuditWebhook reports whether the API server audit webhook is set
// up: the kube-audit source with a log backend, classic or VPC.
func (b *builder) wantsAuditWebhook() bool { return manifests.WantsAuditReceiver(b.c) }

// observability installs the log and metric agents (seed slides 26–32 as
// IBM offers them today), the API server audit webhook and Activity
// Tracker Event Routing.
func (b *builder) observability() {
	bd := b.cur
	s := b.s
	switch s.Logging.Backend {
	case model.LogCloudLogs:
		b.cloudLogs()
	case model.LogSyslog:
		b.syslog()
	case model.LogLogAnalysis:
		bd.comment("Legacy backend: IBM Log Analysis (LogDNA, the choice of IBM's 2019 guidance) reached end of support on 2025-03-28,")
		bd.comment("and so did the observability CLI plug-in that attached its agent. Nothing is installed for it: migrate")
		bd.comment("the design to IBM Cloud Logs (https://cloud.ibm.com/docs/containers?topic=containers-cloud-logs-migration).")
		bd.note("logging backend log-analysis is retired; no log agent installed. Migrate the design to IBM Cloud Logs")
	default:
		bd.comment("No log backend: logs stay on the workers and are lost when a worker is replaced.")
	}
	if b.wantsAuditWebhook() {
		bd.blank()
		b.auditWebhook()
	}
	if b.wantsActivityTracker() {
		bd.blank()
		b.activityTracker()
	}
	if s.Monitoring.Enabled {
		bd.blank()
		b.monitoring()
	}
}

// cloudLogs creates the IBM Cloud Logs instance and installs the Logs agent
// with values/logs-agent.yaml. The ingestion host holds the instance's GUID,
// known only once it exists, so it is passed with --set.
func (b *builder) cloudLogs() {
	bd := b.cur
	l := b.s.Logging
	region := l.CloudLogs.Region
	if region == "" {
		region = b.s.Region
	}
	logs := b.c.Catalog.MustService("logs")
	service := logs.ServiceName
	agent := b.chart(catalog.ChartLogsAgent)
	bd.comment("IBM Cloud Logs (the successor of LogDNA, the 2019 choice) and its agent, a DaemonSet on every worker.")
	inst := b.val("LOGS_INSTANCE", l.CloudLogs.InstanceName, hObserve, "IBM Cloud Logs instance")
	svc := b.val("LOGS_SERVICE", service, hObserve, "")
	plan := b.val("LOGS_PLAN", logs.Plan, hObserve, "")
	reg := b.val("LOGS_REGION", region, hObserve, "region of the Cloud Logs instance")
	version := b.val("LOGS_AGENT_CHART_VERSION", agent.Version, hCharts,
		"Logs agent chart = agent version; IBM lists them under \"Supported agent versions\" (cloud-logs docs)")
	// Retention is a create parameter, retention_period in days (7, 14, 30,
	// 60 or 90; IBM's default is 7): terraform-ibm-modules/terraform-ibm-cloud-logs
	// main.tf passes it as the instance's parameters, as -p does here.
	var params, want word
	days := fmt.Sprint(l.RetentionDays)
	if b.wantsLogsArchive() {
		params = b.logsArchive(reg, l.RetentionDays)
		want = cat(days, " ", varRef("LOGS_COS_CRN_BASE"), ":bucket:", varRef("LOGS_DATA_BUCKET"),
			" ", varRef("LOGS_COS_CRN_BASE"), ":bucket:", varRef("LOGS_METRICS_BUCKET"))
		bd.comment("Retention (%d days in the design) and the buckets are parameters of the instance, set at create.", l.RetentionDays)
	} else {
		params = b.val("LOGS_PARAMETERS", fmt.Sprintf(`{"retention_period":%d}`, l.RetentionDays), hObserve,
			"create parameters: how many days logs stay searchable (7, 14, 30, 60 or 90)")
		want = lit(days)
		bd.comment("Retention (%d days in the design) is a parameter of the instance, set at create.", l.RetentionDays)
		bd.comment("No archive: logs older than the retention period are gone (the design sets no data bucket).")
	}
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"Cloud Logs instance ", varRef("LOGS_INSTANCE")}, func() {
		bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, svc, plan, reg, "-g", ref("RESOURCE_GROUP"), "-p", params)...)
	})
	// A reused instance keeps its own retention and buckets: set the
	// design's with service-instance-update -p, as IBM's cloud-logs
	// terraform-setup page attaches buckets to an existing instance (after
	// the Writer authorization) and its ts-cos-config page updates
	// retention_period, reading the instance's settings from .extensions.
	bd.comment("An instance that existed before keeps its own settings: give it the design's retention and buckets.")
	bd.ifNot(when("json_has", cmd(jqLogsSettings(b.wantsLogsArchive()), want, "ibmcloud", "resource", "service-instance", inst, "--output", "json")...), func() {
		// -f: no confirmation prompt (the resource CLI reference gives
		// group-update and service-instance-update -f, --force; INFERRED
		// that the update asks otherwise).
		bd.run(cmd("ibmcloud", "resource", "service-instance-update", inst, "-p", params, "-f")...)
	})
	b.readBack("capture", "LOGS_GUID", view.StepObservability, "GUID of the Cloud Logs instance (part of the ingestion host)",
		cmd("<guid of the Cloud Logs instance>", jqGUIDByName, inst, "ibmcloud", "resource", "service-instances", "--service-name", svc, "--output", "json")...)
	// The path to the instance is view.Context.LogsRoute, which DESIGN.md
	// states too; host names and ports are the catalog's logsIngestion.
	route := b.c.LogsRoute()
	host := cat(`env.ingestionHost=`, varRef("LOGS_GUID"), "."+route.HostLabel+".", varRef("LOGS_REGION"), "."+route.Domain)
	switch route.Via {
	case view.LogsViaCSE:
		bd.comment("Private ingestion endpoint (port %d) over IBM's service network (CSE); the API key comes from the environment.", route.Port)
	case view.LogsViaVPE:
		b.logsVPE()
		bd.comment("Private ingestion endpoint (port %d) through that VPE gateway (https://cloud.ibm.com/docs/cloud-logs?topic=cloud-logs-vpe-connection).", route.Port)
	default:
		bd.comment("Public ingestion endpoint (port %d); the API key comes from the environment.", route.Port)
	}
	bd.run(cmd("helm", "upgrade", "--install", "logs-agent", agent.Chart, "--version", version,
		"--values", "values/logs-agent.yaml", "-n", observeNamespace, "--create-namespace",
		"--set", host, "--set-file", prefixed("secret.iamAPIKey=", procSub("LOGS_AGENT_API_KEY")))...)
	b.logSourcesComment()
}

// jqLogsSettings holds when a Cloud Logs instance's settings (the
// Resource Controller item's extensions, where IBM's ts-cos-config page
// reads retention_period) are $JQ_V: "DAYS" or, with the archive, "DAYS
// DATA_BUCKET_CRN METRICS_BUCKET_CRN".
func jqLogsSettings(archive bool) string {
	if archive {
		return `(.[0].extensions // {}) | [(.retention_period // "" | tostring), (.logs_bucket_crn // ""), (.metrics_bucket_crn // "")] | join(" ") == env.JQ_V`
	}
	return `(.[0].extensions // {}) | (.retention_period // "" | tostring) == env.JQ_V`
}

// logSourcesComment says how each of the seed's seven log sources is
// collected with the Logs agent.
func (b *builder) logSourcesComment() {
	bd := b.cur
	l := b.s.Logging
	bd.comment("Log sources (IBM's 2019 guidance, slide 26):")
	for _, src := range model.LogSource("").Choices() {
		if !l.Wants(src.Value) {
			continue
		}
		bd.comment("  %-11s %s", src.Value, logsAgentCoverage(bd.lang, src.Value))
	}
}

func logsAgentCoverage(l i18n.Lang, src model.LogSource) string {
	switch src {
	case model.SourceContainer:
		return localText(l, "stdout/stderr of every container (/var/log/containers)")
	case model.SourceApplication:
		return localText(l, "what applications write to stdout; log files inside containers need a sidecar or additionalInputs")
	case model.SourceIngress:
		return localText(l, "the ALB pods' access logs (containers in kube-system)")
	case model.SourceStorage:
		return localText(l, "the storage plug-ins' pods (containers in kube-system)")
	case model.SourceKubernetes:
		return localText(l, "kube-system containers, and kubelet via systemLogs in values/logs-agent.yaml")
	case model.SourceWorker:
		return localText(l, "the workers' /var/log/syslog via systemLogs in values/logs-agent.yaml")
	case model.SourceKubeAudit:
		// Classic and VPC alike (IBM health-audit; wantsAuditWebhook).
		return localText(l, "the API server audit webhook below, to IBM's in-cluster receiver")
	}
	return ""
}

// syslog forwards the design's log sources to a remote syslog server with
// IKS's built-in forwarder.
func (b *builder) syslog() {
	bd := b.cur
	l := b.s.Logging
	bd.comment("Remote syslog: IKS's own log forwarding, one configuration per log source.")
	host := b.val("SYSLOG_HOST", l.Syslog.Host, hObserve, "syslog server")
	port := b.val("SYSLOG_PORT", fmt.Sprint(l.Syslog.Port), hObserve, "")
	proto := b.val("SYSLOG_PROTOCOL", string(l.Syslog.Protocol), hObserve, "udp, tcp or tls")
	// --ca-cert takes the name of a Kubernetes secret with the CA
	// certificate, and --verify-mode verify-peer makes the forwarder check
	// the server against it (model.Syslog.CACertSecret; IBM's ks CLI
	// reference, logging config create).
	var verify []word
	if l.Syslog.VerifiesPeer() {
		ca := b.val("SYSLOG_CA_SECRET", l.Syslog.CACertSecret, hObserve, "Kubernetes secret with the syslog server's CA certificate")
		bd.comment("The forwarder verifies the server's certificate against the CA certificate in the secret %s", l.Syslog.CACertSecret)
		bd.comment("(--verify-mode verify-peer); create that secret in the cluster before this step.")
		verify = append(cmd("--ca-cert", ca), cmd("--verify-mode", "verify-peer")...)
	}
	for _, src := range l.SyslogSources() {
		source := string(src)
		bd.ifNot(when("json_has", cmd(jqLogSourceSet, source, "ibmcloud", "ks", "logging", "config", "get", "--cluster", b.clusterVar(), "--output", "json")...), func() {
			bd.run(append(cmd("ibmcloud", "ks", "logging", "config", "create", "--cluster", b.clusterVar(), "--logsource", source,
				"--type", "syslog", "--hostname", host, "--port", port, "--syslog-protocol", proto), verify...)...)
		})
	}
	if l.Wants(model.SourceApplication) {
		bd.comment("application: forwarding log files from inside containers needs --app-paths, which the design")
		bd.comment("does not name; their stdout is covered by the container source.")
	}
}

// auditWebhook points the master's audit webhook at IBM's
// in-cluster receiver (IBM's "Forwarding Kubernetes API audit logs to Cloud
// Logs"), authenticated with the cluster's CA and an admin certificate
// that exist only in a temporary directory while the step runs.
func (b *builder) auditWebhook() {
	bd := b.cur
	bd.comment("API server audit (IBM's 2019 guidance, slide 26: kube-audit): the master sends audit events to the")
	bd.comment("ibmcloud-kube-audit service in namespace ibm-kube-audit, whose pod writes them to stdout, where the")
	bd.comment("cluster's log agent picks them up (IBM docs topic health-audit). The receiver goes in first.")
	bd.run(cmd("kubectl", "apply", "-f", manifests.AuditReceiverFile)...)
	bd.run(cmd("kubectl", "wait", "--for", "condition=Available", "--namespace", manifests.AuditNamespace,
		"--timeout", "5m", "deployment/"+manifests.AuditDeployment)...)
	b.later("AUDIT_DIR", view.StepObservability, "temporary directory for the audit webhook's certificates")
	// `audit-webhook get --output json` is the API's AuditWebhook
	// (bluemix-go containerv1: auditServer, caCertificate, …): set the
	// webhook, and refresh the master to apply it, only when it points
	// elsewhere.
	set := cmd(`.auditServer? == env.JQ_V`, b.auditWebhookURL(), "ibmcloud", "ks", "cluster", "master", "audit-webhook", "get", "--cluster", b.clusterVar(), "--output", "json")
	bd.ifElse(when("json_has", set...), func() {
		bd.say("the audit webhook already points at the in-cluster receiver")
	}, func() {
		bd.rawUses(`if dry; then AUDIT_DIR='<temporary directory>'; else AUDIT_DIR="$(mktemp -d)"; fi`, "AUDIT_DIR")
		ca := cat(varRef("AUDIT_DIR"), "/cluster-ca.pem")
		cert := cat(varRef("AUDIT_DIR"), "/client-cert.pem")
		key := cat(varRef("AUDIT_DIR"), "/client-key.pem")
		bd.call("save_b64", cmd(ca, ".caCert", "ibmcloud", "ks", "cluster", "ca", "get", "--cluster", b.clusterVar(), "--output", "json")...)
		bd.call("save_b64", cmd(cert, `.users[0].user."client-certificate-data"`, "ibmcloud", "ks", "cluster", "config", "--cluster", b.clusterVar(), "--admin", "--output", "json")...)
		bd.call("save_b64", cmd(key, `.users[0].user."client-key-data"`, "ibmcloud", "ks", "cluster", "config", "--cluster", b.clusterVar(), "--admin", "--output", "json")...)
		bd.raw("mark_refresh")
		bd.run(cmd("ibmcloud", "ks", "cluster", "master", "audit-webhook", "set", "--cluster", b.clusterVar(),
			"--remote-server", b.auditWebhookURL(), "--ca-cert", ca, "--client-cert", cert, "--client-key", key, "--policy", "default")...)
		bd.rawUses(`if ! dry; then rm -rf "$AUDIT_DIR"; fi`, "AUDIT_DIR")
	})
	b.refreshIfPending()
}

// monitoring creates the IBM Cloud Monitoring instance and installs its
// agent (the Sysdig chart IBM documents) with values/monitoring-agent.yaml.
func (b *builder) monitoring() {
	bd := b.cur
	m := b.s.Monitoring
	service := b.c.Catalog.MustService("monitoring").ServiceName
	agent := b.chart(catalog.ChartMonitoringAgent)
	bd.comment("IBM Cloud Monitoring (\"Monitoring with Sysdig\" in IBM's 2019 guidance) and its agent on every worker.")
	inst := b.val("MONITORING_INSTANCE", m.InstanceName, hObserve, "IBM Cloud Monitoring instance")
	svc := b.val("MONITORING_SERVICE", service, hObserve, "")
	plan := b.val("MONITORING_PLAN", m.Plan, hObserve, "")
	version := b.val("SYSDIG_DEPLOY_CHART_VERSION", agent.Version, hCharts, b.text("list versions with: helm search repo ", textArg(agent.Chart), " --versions"))
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"Monitoring instance ", varRef("MONITORING_INSTANCE")}, func() {
		bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, svc, plan, ref("REGION"), "-g", ref("RESOURCE_GROUP"))...)
	})
	bd.run(cmd("helm", "repo", "add", agent.Repo, agent.RepoURL)...)
	bd.run(cmd("helm", "repo", "update")...)
	bd.run(cmd("helm", "upgrade", "--install", "sysdig-agent", agent.Chart, "--version", version,
		"-n", observeNamespace, "--create-namespace", "--values", "values/monitoring-agent.yaml",
		"--set-file", prefixed("global.sysdig.accessKey=", procSub("MONITORING_ACCESS_KEY")))...)
	if len(m.AlertChannels) > 0 {
		var kinds []string
		for _, ch := range m.AlertChannels {
			if !containsStr(kinds, ch.Type.Label()) {
				kinds = append(kinds, ch.Type.Label())
			}
		}
		bd.comment("Alert channels (%s) are notification channels of the Monitoring instance: add them and", joinWords(kinds))
		bd.comment("their alerts in its UI; the design's targets are listed in DESIGN.md.")
	}
}

// joinWords joins labels for a comment.
func joinWords(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
