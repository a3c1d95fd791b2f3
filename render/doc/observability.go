package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

// seedSourceOrder numbers the log sources as the seed's slide 26 does.
var seedSourceOrder = []struct {
	src  model.LogSource
	mark string
	seed string
}{
	{model.SourceWorker, "①", "Worker nodes: operating system events"},
	{model.SourceContainer, "②", "Containers: STDOUT and STDERR"},
	{model.SourceApplication, "③", "Applications"},
	{model.SourceStorage, "④", "Storage"},
	{model.SourceKubernetes, "⑤", "kube-system: kubelet, kube-proxy and other system components"},
	{model.SourceKubeAudit, "⑥", "kube-audit: requests sent to the API server"},
	{model.SourceIngress, "⑦", "Ingress: network traffic through the ALBs"},
}

// observability covers the log sources and backend, monitoring and alert
// channels, and where the seed's advice was superseded.
func (b *builder) observability() ObservabilitySection {
	sec := ObservabilitySection{
		Decisions: []Decision{b.loggingDecision(), b.auditDecision(), b.activityTrackerDecision(), b.monitoringDecision()},
		Sources:   b.sourcesTable(),
	}
	sec.Channels, sec.ChannelsOK = b.channelsTable()
	sec.Superseded = b.observabilitySuperseded()
	return sec
}

func (b *builder) loggingDecision() Decision {
	s := b.s
	l := s.Logging
	d := Decision{
		Title: "Log backend",
		Seed: "Slide 26: IKS writes the logs of seven sources locally on the workers; to see them in one place, send them to an IBM Cloud service or an external one. " +
			"Slides 27–29 chose IBM Log Analysis with LogDNA: real-time search, alerts and archiving to Object Storage, installed by deploying its agent to the cluster.",
		IBM: "IBM Log Analysis (LogDNA) and Activity Tracker reached end of support on 2025-03-28; IBM Cloud Logs replaces them. " +
			"The Logs agent is installed with a Helm chart (" + lit(b.c.Catalog.MustChart(catalog.ChartLogsAgent).Chart) + ") into namespace " + lit("ibm-observe") +
			", authenticating with a trusted profile or an API key, and ships to the instance's ingestion endpoint: public on port 443, or private on IBM's service network " +
			"(CSE, port 3443) or through a VPE gateway in a VPC (port 443). The runbook uses the private CSE endpoint whenever the cluster reaches IBM's service network privately, " +
			"on both infrastructures, because it needs no extra gateway.",
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlLogsMigration, urlLogsAgent),
	}
	switch l.Backend {
	case model.LogCloudLogs:
		region := l.CloudLogs.Region
		if region == "" {
			region = s.Region
		}
		d.Choice = fmt.Sprintf("IBM Cloud Logs instance %s in %s, logs kept %d days; %s of the seed's seven sources collected.",
			code(l.CloudLogs.InstanceName), code(region), l.RetentionDays, fmt.Sprint(len(l.Sources)))
	case model.LogSyslog:
		d.Choice = fmt.Sprintf("Forward to the team's syslog server %s port %d over %s with %s.",
			code(l.Syslog.Host), l.Syslog.Port, md(label(b.translator, l.Syslog.Protocol)), lit("ibmcloud ks logging config create --type syslog"))
		if l.Syslog.Protocol == model.SyslogUDP {
			d.Consequences = append(d.Consequences, "UDP syslog loses lines under load and is not encrypted.")
		}
	case model.LogLogAnalysis:
		d.Choice = "IBM Log Analysis (LogDNA) — **legacy: support ended on 2025-03-28**."
		d.Consequences = append(d.Consequences, "**This backend is past its end of support**: new instances cannot be relied on. Migrate to IBM Cloud Logs; the rule results carry this finding.")
	case model.LogNone:
		d.Choice = "No log backend: logs stay on the workers and are lost when a worker is reloaded or replaced."
	}
	for _, c := range model.LogBackend("").Choices() {
		if c.Value != l.Backend && c.Value != model.LogLogAnalysis {
			d.Alternatives = append(d.Alternatives, Alternative{c.Label, c.Help})
		}
	}
	if s.IsVPC() && l.Backend != model.LogNone && s.Network.VPC.BlocksOutbound() {
		d.Consequences = append(d.Consequences, "With outbound traffic protection on, the agent must use the private ingestion endpoint.")
	}
	return d
}

// sourceHow says how a source reaches the backend, or why it cannot.
func (b *builder) sourceHow(src model.LogSource) string {
	s := b.s
	l := s.Logging
	if src == model.SourceKubeAudit {
		return "API server audit webhook (" + lit("ibmcloud ks cluster master audit-webhook set") + ", then " + lit("cluster master refresh") + ") to IBM's in-cluster receiver (" + lit(manifests.AuditReceiverFile) + ", runbook logging step) whose pod writes the events to STDOUT for the log agent"
	}
	switch l.Backend {
	case model.LogCloudLogs:
		switch src {
		case model.SourceContainer:
			return "Logs agent DaemonSet reads every container's log file on each worker"
		case model.SourceApplication:
			return "applications log to STDOUT/STDERR so the agent ships them; files written inside containers need a sidecar that prints them"
		case model.SourceWorker:
			return "Logs agent on each worker reads the system logs listed under " + lit("systemLogs") + " in " + lit("values/logs-agent.yaml")
		case model.SourceStorage:
			return "container logs of the storage plug-in pods, shipped by the agent"
		case model.SourceKubernetes:
			return "container logs of the kube-system pods, and the kubelet log through " + lit("systemLogs")
		case model.SourceIngress:
			return "access logs of the Ingress controller pods, shipped by the agent"
		}
	case model.LogSyslog:
		return lit("ibmcloud ks logging config create --logsource " + string(src) + " --type syslog")
	case model.LogLogAnalysis:
		return "legacy LogDNA agent (end of support)"
	}
	return "not collected"
}

func (b *builder) sourcesTable() Table {
	l := b.s.Logging
	t := newTable("#", "Source (seed slide 26)", "Collected", "How")
	for _, o := range seedSourceOrder {
		got := "no"
		how := "—"
		if l.Wants(o.src) && l.Backend != model.LogNone {
			got = "**yes**"
			how = b.sourceHow(o.src)
		}
		t.add(o.mark, o.seed+" ("+code(string(o.src))+")", got, how)
	}
	return t
}

func (b *builder) monitoringDecision() Decision {
	s := b.s
	m := s.Monitoring
	d := Decision{
		Title: "Monitoring and alerts",
		Seed: "Slides 30–32: IBM Cloud Monitoring with Sysdig watches performance in real time, maps service dependencies, discovers the Kubernetes cluster and its metrics, " +
			"and notifies on anomalies, downtime and degradation through e-mail, Slack, PagerDuty, webhooks, OpsGenie and VictorOps; it is installed by deploying its agent to the cluster.",
		IBM: "IBM Cloud Monitoring (Sysdig-based) continues. Its agent is now installed with Sysdig's Helm chart " + lit("sysdig/sysdig-deploy") +
			", pulling images from " + lit(b.c.Catalog.Registries.Global) + "; the " + lit("ibmcloud ob monitoring") + " commands are gone. Notification channels and their secrets (webhook URLs, integration keys) are set in the Monitoring console.",
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlMonitoringAgent),
	}
	if !m.Enabled {
		d.Choice = "No monitoring."
		d.Alternatives = []Alternative{{"IBM Cloud Monitoring", "metrics, dashboards and alerts for the cluster and its workloads"}}
		if s.IsProduction() {
			d.Consequences = []string{"**A production cluster without monitoring**: nobody is told when it degrades; see the rule results."}
		}
		return d
	}
	var kinds []string
	for _, c := range m.AlertChannels {
		kinds = append(kinds, md(label(b.translator, c.Type)))
	}
	d.Choice = fmt.Sprintf("IBM Cloud Monitoring instance %s (plan %s)", code(m.InstanceName), code(m.Plan))
	if len(kinds) > 0 {
		d.Choice += "; alerts go to " + strings.Join(uniq(kinds), ", ")
	}
	d.Choice += "."
	d.Alternatives = []Alternative{{"Self-run Prometheus and Grafana", "no service fee, but storage, retention, upgrades and high availability become the team's work"}}
	d.Consequences = []string{
		"Availability Monitoring, the seed's synthetic checks (slides 17 and 25), is no longer offered and IBM has no like-for-like service: " + b.uptimeCheck(),
	}
	if len(m.AlertChannels) == 0 {
		d.Consequences = append(d.Consequences, "**No alert channel**: alerts fire but nobody is told.")
	}
	return d
}

// uptimeCheck says what replaces Availability Monitoring in this design.
func (b *builder) uptimeCheck() string {
	if b.s.Firewall.CIS.Has(model.CISGLB) {
		return "this design relies on the CIS global load balancer's health checks for the public endpoint, plus Monitoring alerts on pod readiness and the Ingress controller's error rate; add an external uptime service for checks from the users' side."
	}
	return "use Monitoring alerts on pod readiness and the Ingress controller's error rate, and an external uptime service for checks from the users' side."
}

// channelsTable lists the alert channels; the second value lists the kinds
// the design does not use.
func (b *builder) channelsTable() (Table, string) {
	m := b.s.Monitoring
	t := newTable("Channel", "Target")
	used := map[model.AlertChannelType]bool{}
	if m.Enabled {
		for _, c := range m.AlertChannels {
			t.add(md(label(b.translator, c.Type)), md(c.Target))
			used[c.Type] = true
		}
	}
	var unused []string
	for _, c := range model.AlertChannelType("").Choices() {
		if !used[c.Value] {
			unused = append(unused, md(c.Label))
		}
	}
	note := ""
	if len(unused) > 0 {
		note = "Also available, not used: " + strings.Join(unused, ", ") + "."
	}
	return t, note
}

// observabilitySuperseded is the box of the seed's logging and monitoring
// advice that no longer holds.
func (b *builder) observabilitySuperseded() []string {
	s := b.s
	backend := "this design uses " + md(label(b.translator, s.Logging.Backend))
	out := []string{
		"**LogDNA (IBM Log Analysis) and Activity Tracker** (slides 27–29): end of support on 2025-03-28 → **IBM Cloud Logs**; " + backend + ".",
		"**The " + lit("ibmcloud ob") + " plug-in and the " + lit("v2/observe") + " endpoints**: end of support on the same day, with no direct replacement → the agents' **Helm charts** (or the console's integration toggles).",
		"**Sysdig** (slides 30–32) is now **IBM Cloud Monitoring**: the service continues; only the agent moved to a Helm chart.",
		"**kube-audit** (slide 26, ⑥): the old " + lit("--logsource kube-audit --type ibm") + " logging config is gone; API audit logs now leave the master through the **audit webhook** to an in-cluster receiver, on classic and VPC clusters.",
		"**Availability Monitoring** (slides 17 and 25) is no longer offered; there is no like-for-like IBM service → health checks of the CIS GLB where used, Monitoring alerts, or an external uptime service.",
	}
	b.docs(urlLogAnalysisEOS, urlObservability)
	return out
}

// uniq keeps the first occurrence of each string.
func uniq(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
