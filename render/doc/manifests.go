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
	t := newTable("Namespace", "Pod Security", "Quota: vCPU", "Quota: memory", "Quota: pods")
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
		items = append(items, "Separately, the Calico GlobalNetworkPolicies of "+b.secLink(secNetwork)+" live in "+lit("calico/")+" and are applied with "+lit("calicoctl")+", not "+lit("kubectl")+".")
	}
	return ManifestsSection{
		Decision:   b.namespaceDecision(),
		Intro:      "The runbook applies numbered manifest files in order with " + lit("kubectl apply -f manifests/") + ". They contain:",
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
		Title: "Application namespaces",
		Seed:  "Slide 23 draws one cluster shared by several customers, each in its own namespace, all using the same managed database service.",
		IBM:   "Namespaces are the unit of IAM service-role scope, Pod Security level, quota and network policy in IKS; a ResourceQuota and LimitRange per namespace keep one team from starving another.",
		Alternatives: []Alternative{
			{"Everything in one namespace", "no isolation between applications, and IAM can only grant all or nothing"},
			{"A cluster per team", "the strongest isolation, at the price of a master, workers and operations per cluster"},
		},
		Runbook: b.runbook(view.StepManifests),
	}
	if len(names) == 0 {
		d.Choice = "No application namespaces: workloads go where the pipeline puts them."
		d.Consequences = []string{"Without namespaces of its own, the design has no quotas, Pod Security labels or network policies to apply."}
		return d
	}
	d.Choice = "Namespaces " + strings.Join(names, ", ") + ", each with Pod Security labels, a ResourceQuota and a LimitRange (table below)."
	D := s.Sizing.Demand
	switch {
	case D.IsZero():
	case quota.CPU > D.CPU+1e-9 || quota.MemoryGiB > D.MemoryGiB+1e-9:
		d.Consequences = append(d.Consequences, fmt.Sprintf("**The quotas add up to %s, more than the %s the cluster is sized for**: namespaces may together request more than the cluster carries with %s.",
			demand(quota), demand(D), b.c.Plan.Resilience.Scenario))
	default:
		d.Consequences = append(d.Consequences, fmt.Sprintf("The quotas add up to %s, within the %s the cluster is sized for, so they can all be met even with %s.",
			demand(quota), demand(D), b.c.Plan.Resilience.Scenario))
	}
	return d
}

// manifestText says what one manifests/ file holds.
func (b *builder) manifestText(path string) string {
	s := b.s
	switch path {
	case "manifests/00-namespaces.yaml":
		return "each application namespace with its Pod Security labels."
	case "manifests/10-quotas.yaml":
		return "a ResourceQuota and a LimitRange per namespace, so one team cannot starve another."
	case "manifests/20-network-policies.yaml":
		return "default-deny NetworkPolicies with DNS and same-namespace allowances."
	case "manifests/30-storage.yaml":
		return fmt.Sprintf("%s for the design's volumes.", plural(len(s.Storage.Volumes), "PersistentVolumeClaim", "PersistentVolumeClaims"))
	case "manifests/40-rbac.yaml":
		return "the CI deployer service account " + code(s.CICD.DeployerServiceAccount) + " with a Role in each stage namespace."
	case "manifests/50-app-template.yaml":
		return "an application template: a Deployment spread across zones with topology spread constraints, a PodDisruptionBudget, requests and limits, probes and a restricted security context."
	case "manifests/60-autoscaler.yaml":
		return "the cluster autoscaler's " + lit("iks-ca-configmap") + " with the bounds from " + b.secLink(secOperations) + "."
	case manifests.AuditReceiverFile:
		return "IBM's Kubernetes API audit receiver (namespace " + lit(manifests.AuditNamespace) + "), which the master's audit webhook posts to; see " + b.secLink(secObservability) + "."
	}
	return "see the file's header comment."
}
