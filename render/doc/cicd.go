package doc

import (
	"fmt"
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
	st := newTable("Stage", "Namespace", "Approval before deploy")
	for _, x := range c.Stages {
		appr := "no"
		if x.Approval {
			appr = "**yes**"
		}
		st.add(code(x.Name), code(x.Namespace), appr)
		stageNames = append(stageNames, code(x.Name)+" → "+code(x.Namespace))
	}
	release := "no stages defined"
	if len(stageNames) > 0 {
		release = strings.Join(stageNames, ", ")
	}
	scan := "no scan gate"
	if c.VulnerabilityScanning {
		scan = "Vulnerability Advisor v4 scans the pushed image; the pipeline stops on known vulnerabilities"
	}
	logs := "no log backend"
	if s.Logging.Backend != model.LogNone {
		logs = md(label(b.translator, s.Logging.Backend))
	}
	mon := "no monitoring"
	if s.Monitoring.Enabled {
		mon = "IBM Cloud Monitoring"
		if n := len(s.Monitoring.AlertChannels); n > 0 {
			mon += fmt.Sprintf(", alerts to %s", plural(n, "channel", "channels"))
		}
	}

	t := newTable("Stage", "What happens (seed slide 16)", "In this design")
	t.add("Plan", "issues and reviews decide what to build", "issues in "+git)
	t.add("Code", "commits and pull requests, reviewed (\"LGTM\") before merge", git+"; a merge to the main branch starts the CI pipeline")
	t.add("Build", "the CI pipeline builds and packages a container image", pipe+" builds the image and pushes it to "+repo)
	t.add("Test", "unit and integration tests; failures go back to the developer", "tests run in "+pipe+"; "+scan)
	t.add("Release", "the CD pipeline deploys to dev and staging, then production", release+"; deploys as service account "+sa+" with a Role in each stage namespace")
	t.add("Operate", "logs, usage and maintenance of the running service", logs+"; worker fix packs every "+fmt.Sprint(s.Operations.Upgrades.WorkerPatchDays)+" days")
	t.add("Monitor", "liveness, issues and alerts feed the next plan", mon)

	d := Decision{
		Title:  "CI/CD pipeline",
		Choice: fmt.Sprintf("%s for code, %s for pipelines, images in %s, releases through %s.", git, pipe, repo, plural(len(c.Stages), "stage", "stages")),
		Seed: "Slides 16–17: Plan → Code → Build → Test → Release → Operate → Monitor, with a CI pipeline (commit, pull request, unit and integration tests, package to a registry) " +
			"and a CD pipeline (dev, staging, production); on IBM Cloud the seed used GitLab, the Delivery Pipeline, Container Registry, Kubernetes Service, Log Analysis, Monitoring, " +
			"Availability Monitoring, Slack and PagerDuty.",
		IBM: "IBM Continuous Delivery toolchains now run Tekton pipelines; GitHub Actions, GitLab CI or Jenkins work as well with the " + lit("ibmcloud") + " CLI and an API key. " +
			"Container Registry scans images with Vulnerability Advisor v4 (v3 was deprecated on 2023-06-19). The pipeline should deploy with a service account limited to its stage namespaces, " +
			"not with a person's cluster-admin credentials.",
		Runbook: b.runbook(view.StepIAM, view.StepManifests),
	}
	for _, p := range model.PipelineTool("").Choices() {
		if p.Value != c.Pipeline {
			d.Alternatives = append(d.Alternatives, Alternative{p.Label, p.Help})
		}
	}
	d.Consequences = []string{
		"The deployer service account " + sa + " gets a Role in each stage namespace only; it cannot touch kube-system or other teams' namespaces.",
		"The pipeline needs an API key (kept in its secret store, never in the repository) to log in to the registry and fetch the kubeconfig.",
	}
	if s.Network.ServiceEndpoints == model.EndpointsPrivateOnly {
		d.Consequences = append(d.Consequences, "The master is private-only: pipeline runners must sit on a network that reaches it (VPN, Direct Link or inside the VPC).")
	}
	if s.Network.VPC != nil && s.Network.VPC.ContextBasedRestrictions.Enabled {
		d.Consequences = append(d.Consequences, "Context-based restrictions are on: the runners' addresses must be in the allowed CIDRs.")
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
		return code(domain) + " (no namespace chosen)"
	}
	return code(domain + "/" + r.Namespace)
}
