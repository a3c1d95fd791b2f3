package doc

import (
	"slices"
	"strconv"
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
	seed string // message ID of the seed's description
}{
	{model.SourceWorker, "①", "obs.src.worker"},
	{model.SourceContainer, "②", "obs.src.container"},
	{model.SourceApplication, "③", "obs.src.application"},
	{model.SourceStorage, "④", "obs.src.storage"},
	{model.SourceKubernetes, "⑤", "obs.src.kubernetes"},
	{model.SourceKubeAudit, "⑥", "obs.src.kubeAudit"},
	{model.SourceIngress, "⑦", "obs.src.ingress"},
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
	in := b.c.Catalog.LogsIngestion
	d := Decision{
		Title: b.t("obs.log.title"),
		Seed:  b.t("obs.log.seed"),
		IBM: b.t("obs.log.ibm", "Chart", lit(b.c.Catalog.MustChart(catalog.ChartLogsAgent).Chart), "NS", lit("ibm-observe"),
			"PublicPort", strconv.Itoa(in.PublicPort), "CSEPort", strconv.Itoa(in.CSEPort), "VPEPort", strconv.Itoa(in.VPEPort),
			"VPEOnly", codeList(in.VPEOnly)),
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlLogsMigration, urlLogsAgent),
	}
	switch l.Backend {
	case model.LogCloudLogs:
		region := l.CloudLogs.Region
		if region == "" {
			region = s.Region
		}
		d.Choice = b.t("obs.log.cloudLogs", "Name", code(l.CloudLogs.InstanceName), "Region", code(region), "Days", strconv.Itoa(l.RetentionDays), "N", strconv.Itoa(len(l.Sources)))
		if len(l.Sources) == len(model.LogSource("").Choices()) {
			d.Choice = b.t("obs.log.cloudLogsAll", "Name", code(l.CloudLogs.InstanceName), "Region", code(region), "Days", strconv.Itoa(l.RetentionDays))
		}
		d.Consequences = append(d.Consequences, b.logsRouteText())
		if b.c.LogsRoute().Via == view.LogsViaVPE {
			d.Docs = append(d.Docs, b.docs(urlLogsVPE)...)
		}
		if a := l.CloudLogs.Archive; a.Enabled {
			d.Consequences = append(d.Consequences, b.t("obs.log.archive", "Data", code(a.DataBucket), "Metrics", code(a.MetricsBucket),
				"COS", code(a.COSInstanceName), "Region", code(region), "Days", strconv.Itoa(l.RetentionDays)))
			d.Docs = append(d.Docs, b.docs(urlLogsBuckets)...)
		} else {
			d.Consequences = append(d.Consequences, b.t("obs.log.noArchive", "Days", strconv.Itoa(l.RetentionDays)))
		}
	case model.LogSyslog:
		d.Choice = b.t("obs.log.syslog", "Host", code(l.Syslog.Host), "Port", strconv.Itoa(l.Syslog.Port), "Protocol", md(label(b.translator, l.Syslog.Protocol)),
			"Cmd", lit("ibmcloud ks logging config create --type syslog"))
		if l.Syslog.Protocol == model.SyslogUDP {
			d.Consequences = append(d.Consequences, b.t("obs.log.udp"))
		}
		// --verify-mode: "Supported values are verify-peer and the default
		// verify-none"; --ca-cert: "the Kubernetes secret name that contains
		// the Certificate Authority certificate" (ibm-cloud-docs/containers
		// cli-ks-plugin-v2.md 069dadc, logging config create).
		switch {
		case l.Syslog.VerifiesPeer():
			d.Consequences = append(d.Consequences, b.t("obs.log.tlsVerify", "Secret", code(l.Syslog.CACertSecret),
				"Host", code(l.Syslog.Host), "Flags", code("--ca-cert "+l.Syslog.CACertSecret+" --verify-mode verify-peer")))
		case l.Syslog.Protocol == model.SyslogTLS:
			d.Consequences = append(d.Consequences, b.t("obs.log.tlsNoVerify", "Default", lit("--verify-mode verify-none"),
				"Host", code(l.Syslog.Host), "Flags", lit("--ca-cert SECRET --verify-mode verify-peer")))
		}
	case model.LogLogAnalysis:
		d.Choice = b.t("obs.log.logdna")
		d.Consequences = append(d.Consequences, b.t("obs.log.logdnaEOS"))
	case model.LogNone:
		d.Choice = b.t("obs.log.none")
	}
	for _, c := range model.LogBackend("").Choices() {
		if c.Value != l.Backend && c.Value != model.LogLogAnalysis {
			d.Alternatives = append(d.Alternatives, Alternative{label(b.translator, c.Value), labelHelp(b.translator, c)})
		}
	}
	if s.IsVPC() && l.Backend != model.LogNone && s.Network.VPC.BlocksOutbound() {
		d.Consequences = append(d.Consequences, b.t("obs.log.privateIngest"))
	}
	return d
}

// logsRouteText says which ingestion endpoint and port the Logs agent
// uses (view.Context.LogsRoute, as the runbook's values and helm --set).
func (b *builder) logsRouteText() string {
	r := b.c.LogsRoute()
	host, port := code(r.Host("INSTANCE-GUID")), strconv.Itoa(r.Port)
	switch r.Via {
	case view.LogsViaCSE:
		return b.t("obs.log.route.cse", "Host", host, "Port", port)
	case view.LogsViaVPE:
		return b.t("obs.log.route.vpe", "Host", host, "Port", port, "Region", code(r.Region))
	}
	if b.c.PrivateServiceNetwork() && b.c.Catalog.LogsIngestion.PrivateOnlyThroughVPE(r.Region) {
		return b.t("obs.log.route.publicVPEOnly", "Host", host, "Port", port, "Region", code(r.Region))
	}
	return b.t("obs.log.route.public", "Host", host, "Port", port)
}

// sourceHow says how a source reaches the backend, or why it cannot.
func (b *builder) sourceHow(src model.LogSource) string {
	s := b.s
	l := s.Logging
	if src == model.SourceKubeAudit {
		return b.t("obs.how.audit", "Set", lit("ibmcloud ks cluster master audit-webhook set"), "Refresh", lit("cluster master refresh"), "File", lit(manifests.AuditReceiverFile))
	}
	switch l.Backend {
	case model.LogCloudLogs:
		switch src {
		case model.SourceContainer:
			return b.t("obs.how.container")
		case model.SourceApplication:
			return b.t("obs.how.application")
		case model.SourceWorker:
			return b.t("obs.how.worker", "Key", lit("systemLogs"), "File", lit("values/logs-agent.yaml"))
		case model.SourceStorage:
			return b.t("obs.how.storage")
		case model.SourceKubernetes:
			return b.t("obs.how.kubernetes", "Key", lit("systemLogs"))
		case model.SourceIngress:
			return b.t("obs.how.ingress")
		}
	case model.LogSyslog:
		if !slices.Contains(l.SyslogSources(), src) {
			return b.t("obs.how.syslogApplication", "Cmd", lit("ibmcloud ks logging config create --logsource application -p PATH"))
		}
		return lit("ibmcloud ks logging config create --logsource " + string(src) + " --type syslog")
	case model.LogLogAnalysis:
		return b.t("obs.how.logdna")
	}
	return b.t("obs.how.not")
}

func (b *builder) sourcesTable() Table {
	l := b.s.Logging
	t := newTable("#", b.t("obs.col.source"), b.t("obs.col.collected"), b.t("obs.col.how"))
	for _, o := range seedSourceOrder {
		got := b.t("no")
		how := "—"
		if l.Wants(o.src) && l.Backend != model.LogNone {
			got = b.t("st.zbYes")
			how = b.sourceHow(o.src)
		}
		t.add(o.mark, b.t(o.seed)+" ("+code(string(o.src))+")", got, how)
	}
	return t
}

func (b *builder) monitoringDecision() Decision {
	s := b.s
	m := s.Monitoring
	d := Decision{
		Title:   b.t("obs.mon.title"),
		Seed:    b.t("obs.mon.seed"),
		IBM:     b.t("obs.mon.ibm", "Chart", lit("sysdig/sysdig-deploy"), "Registry", lit(b.c.Catalog.Registries.Global), "Cmd", lit("ibmcloud ob monitoring")),
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlMonitoringAgent),
	}
	if !m.Enabled {
		d.Choice = b.t("obs.mon.none")
		d.Alternatives = []Alternative{{"IBM Cloud Monitoring", b.t("obs.mon.altWhy")}}
		if s.IsProduction() {
			d.Consequences = []string{b.t("obs.mon.noneProd")}
		}
		return d
	}
	var kinds []string
	for _, c := range m.AlertChannels {
		kinds = append(kinds, md(label(b.translator, c.Type)))
	}
	d.Choice = b.t("obs.mon.instance", "Name", code(m.InstanceName), "Plan", code(m.Plan))
	if len(kinds) > 0 {
		d.Choice += b.t("obs.mon.alerts", "Kinds", strings.Join(uniq(kinds), b.t("listSep")))
	}
	d.Choice += b.t("end")
	d.Alternatives = []Alternative{{b.t("obs.mon.altProm"), b.t("obs.mon.altPromWhy")}}
	d.Consequences = []string{b.t("obs.mon.availability", "Check", b.uptimeCheck())}
	if len(m.AlertChannels) == 0 {
		d.Consequences = append(d.Consequences, b.t("obs.mon.noChannel"))
	}
	return d
}

// uptimeCheck says what replaces Availability Monitoring in this design.
func (b *builder) uptimeCheck() string {
	if b.s.Firewall.CIS.Has(model.CISGLB) {
		return b.t("obs.mon.uptimeGLB")
	}
	return b.t("obs.mon.uptime")
}

// channelsTable lists the alert channels; the second value lists the kinds
// the design does not use.
func (b *builder) channelsTable() (Table, string) {
	m := b.s.Monitoring
	t := newTable(b.t("obs.col.channel"), b.t("obs.col.target"))
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
			unused = append(unused, md(label(b.translator, c.Value)))
		}
	}
	note := ""
	if len(unused) > 0 {
		note = b.t("obs.unusedChannels", "List", strings.Join(unused, b.t("listSep")))
	}
	return t, note
}

// observabilitySuperseded is the box of the seed's logging and monitoring
// advice that no longer holds.
func (b *builder) observabilitySuperseded() []string {
	s := b.s
	out := []string{
		b.t("obs.sup.logdna", "Backend", md(label(b.translator, s.Logging.Backend))),
		b.t("obs.sup.ob", "Plugin", lit("ibmcloud ob"), "Endpoints", lit("v2/observe")),
		b.t("obs.sup.sysdig"),
		b.t("obs.sup.audit", "Old", lit("--logsource kube-audit --type ibm")),
		b.t("obs.sup.availability"),
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
