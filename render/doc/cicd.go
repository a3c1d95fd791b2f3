package doc

import (
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// cicd is the delivery path of the seed's slides 16–17 with this design's
// tools.
func (b *builder) cicd() CICDSection {
	s := b.s
	c := s.CICD
	git := md(label(b.translator, c.Git))
	pipe := md(label(b.translator, c.Pipeline))
	repo := b.registryPath()
	sa := code(c.DeployerServiceAccount)

	var stageNames []string
	st := newTable(b.t("cicd.col.stage"), b.t("cicd.col.namespace"), b.t("cicd.col.approval"))
	for _, x := range c.Stages {
		appr := b.t("no")
		if x.Approval {
			appr = b.t("st.zbYes")
		}
		st.add(code(x.Name), code(x.Namespace), appr)
		stageNames = append(stageNames, code(x.Name)+" → "+code(x.Namespace))
	}
	release := b.t("cicd.noStages")
	if len(stageNames) > 0 {
		release = strings.Join(stageNames, b.t("listSep"))
	}
	scan := b.t("cicd.noScan")
	if c.VulnerabilityScanning {
		scan = b.t("cicd.scan")
	}
	logs := b.t("cicd.noLogs")
	if s.Logging.Backend != model.LogNone {
		logs = md(label(b.translator, s.Logging.Backend))
	}
	mon := b.t("cicd.noMonitoring")
	if s.Monitoring.Enabled {
		mon = "IBM Cloud Monitoring"
		if n := len(s.Monitoring.AlertChannels); n > 0 {
			mon += b.t("cicd.alertsTo", "Channels", b.n("count.channel", n))
		}
	}

	t := newTable(b.t("cicd.col.stage"), b.t("cicd.col.what"), b.t("cicd.col.design"))
	t.add(b.t("cicd.plan.name"), b.t("cicd.plan.what"), b.t("cicd.plan.design", "Git", git))
	t.add(b.t("cicd.code.name"), b.t("cicd.code.what"), b.t("cicd.code.design", "Git", git))
	t.add(b.t("cicd.build.name"), b.t("cicd.build.what"), b.t("cicd.build.design", "Pipe", pipe, "Repo", repo))
	t.add(b.t("cicd.test.name"), b.t("cicd.test.what"), b.t("cicd.test.design", "Pipe", pipe, "Scan", scan))
	t.add(b.t("cicd.release.name"), b.t("cicd.release.what"), b.t("cicd.release.design", "Release", release, "SA", sa))
	t.add(b.t("cicd.operate.name"), b.t("cicd.operate.what"), b.t("cicd.operate.design", "Logs", logs, "Days", strconv.Itoa(s.Operations.Upgrades.WorkerPatchDays)))
	t.add(b.t("cicd.monitor.name"), b.t("cicd.monitor.what"), mon)

	d := Decision{
		Title:   b.t("cicd.title"),
		Choice:  b.t("cicd.choice", "Git", git, "Pipe", pipe, "Repo", repo, "Stages", b.n("count.stage", len(c.Stages))),
		Seed:    b.t("cicd.seed"),
		IBM:     b.t("cicd.ibm", "CLI", lit("ibmcloud")),
		Runbook: b.runbook(view.StepIAM, view.StepManifests),
	}
	for _, p := range model.PipelineTool("").Choices() {
		if p.Value != c.Pipeline {
			d.Alternatives = append(d.Alternatives, Alternative{label(b.translator, p.Value), labelHelp(b.translator, p)})
		}
	}
	d.Consequences = []string{b.t("cicd.sa", "SA", sa), b.t("cicd.apiKey")}
	if s.Network.ServiceEndpoints == model.EndpointsPrivateOnly {
		d.Consequences = append(d.Consequences, b.t("cicd.private"))
	}
	if s.Network.VPC != nil && s.Network.VPC.ContextBasedRestrictions.Enabled {
		d.Consequences = append(d.Consequences, b.t("cicd.cbr"))
	}
	return CICDSection{Decision: d, Path: t, Stages: st}
}

// registryPath is the Container Registry repository prefix, e.g.
// `jp.icr.io/shop`.
func (b *builder) registryPath() string {
	r := b.s.CICD.Registry
	domain := b.c.Catalog.RegistryHost(r.Region)
	if r.Region == "" {
		if rd, ok := b.c.Catalog.RegistryFor(b.s.Region); ok {
			domain = rd.Domain
		}
	}
	if r.Namespace == "" {
		return code(domain) + b.t("cicd.noNamespace")
	}
	return code(domain + "/" + r.Namespace)
}
