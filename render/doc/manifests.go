package doc

import (
	"fmt"
	"github.com/iksplan/iksplan/render/manifests"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// manifests describes what the runbook applies inside the cluster.
func (b *builder) manifests() ManifestsSection {
	s := b.s
	t := newTable(b.t("cicd.col.namespace"), "Pod Security", b.t("man.col.cpu"), b.t("man.col.mem"), b.t("man.col.pods"))
	for _, n := range s.Namespaces {
		t.add(code(n.Name), md(label(b.translator, n.PodSecurity)), num(n.Quota.CPU), num(n.Quota.MemoryGiB)+" GiB", fmt.Sprint(n.Quota.Pods))
	}
	// One item per file the manifests renderer writes, so the list cannot
	// miss a file (it is built from manifests.ManifestFiles, the renderer's
	// own list); a file without a description here is still named.
	var items []string
	for _, f := range manifests.ManifestFiles(b.c) {
		items = append(items, code(f)+": "+b.manifestText(f))
	}
	if s.IsClassic() && len(s.Firewall.CalicoPolicies) > 0 {
		items = append(items, b.t("man.calico", "Link", b.secLink(secNetwork), "Dir", lit("calico/"), "Calicoctl", lit("calicoctl"), "Kubectl", lit("kubectl")))
	}
	return ManifestsSection{
		Decision:   b.namespaceDecision(),
		Intro:      b.t("man.intro", "Cmd", lit("kubectl apply -f manifests/")),
		Namespaces: t,
		Items:      items,
	}
}

// namespaceDecision explains the application namespaces and checks that
// their quotas fit the demand the cluster is sized for.
func (b *builder) namespaceDecision() Decision {
	s := b.s
	var names []string
	var quota model.Demand
	for _, n := range s.Namespaces {
		names = append(names, code(n.Name))
		quota.CPU += n.Quota.CPU
		quota.MemoryGiB += n.Quota.MemoryGiB
	}
	d := Decision{
		Title: b.t("man.ns.title"),
		Seed:  b.t("man.ns.seed"),
		IBM:   b.t("man.ns.ibm"),
		Alternatives: []Alternative{
			{b.t("man.ns.altOne"), b.t("man.ns.altOneWhy")},
			{b.t("man.ns.altCluster"), b.t("man.ns.altClusterWhy")},
		},
		Runbook: b.runbook(view.StepManifests),
	}
	if len(names) == 0 {
		d.Choice = b.t("man.ns.none")
		d.Consequences = []string{b.t("man.ns.noneWhy")}
		return d
	}
	d.Choice = b.t("man.ns.choice", "Names", strings.Join(names, b.t("listSep")))
	D := s.Sizing.Demand
	switch {
	case D.IsZero():
	case quota.CPU > D.CPU+1e-9 || quota.MemoryGiB > D.MemoryGiB+1e-9:
		d.Consequences = append(d.Consequences, b.t("man.ns.over", "Quota", demand(quota), "Demand", demand(D), "Scenario", b.scenario()))
	default:
		d.Consequences = append(d.Consequences, b.t("man.ns.within", "Quota", demand(quota), "Demand", demand(D), "Scenario", b.scenario()))
	}
	return d
}

// manifestText says what one manifests/ file holds.
func (b *builder) manifestText(path string) string {
	s := b.s
	switch path {
	case "manifests/00-namespaces.yaml":
		return b.t("man.file.namespaces")
	case "manifests/10-quotas.yaml":
		return b.t("man.file.quotas")
	case "manifests/20-network-policies.yaml":
		return b.t("man.file.netpol")
	case "manifests/30-storage.yaml":
		return b.t("man.file.storage", "PVCs", b.n("count.pvc", len(s.Storage.Volumes)))
	case "manifests/40-rbac.yaml":
		return b.t("man.file.rbac", "SA", code(s.CICD.DeployerServiceAccount))
	case "manifests/50-app-template.yaml":
		return b.t("man.file.app")
	case "manifests/60-autoscaler.yaml":
		return b.t("man.file.autoscaler", "CM", lit("iks-ca-configmap"), "Link", b.secLink(secOperations))
	case manifests.AuditReceiverFile:
		return b.t("man.file.audit", "NS", lit(manifests.AuditNamespace), "Link", b.secLink(secObservability))
	}
	return b.t("man.file.unknown")
}
