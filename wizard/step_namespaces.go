package wizard

import (
	"math"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
)

// The application namespaces are asked in the IAM step, before the access
// groups, because groups, volumes, database bindings and CI/CD stages all
// name them: each gets its Pod Security level and a quota here.

func namespaceList() List[model.Namespace] {
	return List[model.Namespace]{
		ID: "namespaces",
		Texts: ListTexts{
			Add:          "Add a namespace",
			Remove:       "Remove a namespace",
			RemoveOption: "Remove a namespace…",
			Which:        "Which namespace?",
			Help:         "edit, add or remove a namespace; done when the list is right",
		},
		Title: "Application namespaces",
		Description: "Each team or application gets a namespace: the unit that access groups, quotas, network " +
			"policies and Pod Security apply to. The manifests create them first.",
		Items: func(d *model.Design) *[]model.Namespace { return &d.Spec.Namespaces },
		Label: func(c *Ctx, n *model.Namespace) string {
			return c.trf("%s · %s · %s vCPU, %s GiB, %d pods", c.tr(orUnnamed(n.Name)), n.PodSecurity,
				formatNumber(n.Quota.CPU, false), formatNumber(n.Quota.MemoryGiB, false), n.Quota.Pods)
		},
		New: func(*Ctx) model.Namespace {
			return model.Namespace{PodSecurity: model.PodSecurityRestricted,
				Quota: model.NamespaceQuota{CPU: 4, MemoryGiB: 16, Pods: 50}}
		},
		Live:  namespacesLive,
		After: "groups",
		ItemPages: []ItemPage[model.Namespace]{{
			ID:    "namespace",
			Title: "Namespace",
			Fields: func(c *Ctx, n *model.Namespace, _ int) []huh.Field {
				return []huh.Field{
					Example(c, Input(c, "spec.namespaces[*].name", "Namespace name",
						"lowercase letters, digits and hyphens, e.g. shop", &n.Name, model.ValidateNamespace), "shop"),
					Choose(c, "spec.namespaces[*].podSecurity", "Pod Security level", &n.PodSecurity,
						model.PodSecurityLevel("").Choices()),
					Number(c, "spec.namespaces[*].quota.cpu", "CPU quota (vCPU requested in all)",
						"the namespace's pods together may request this much", &n.Quota.CPU, 0, 10000, true),
					Number(c, "spec.namespaces[*].quota.memoryGiB", "Memory quota (GiB requested in all)",
						"the namespace's pods together may request this much memory", &n.Quota.MemoryGiB, 0, 100000, true),
					Number(c, "spec.namespaces[*].quota.pods", "Pod quota", "how many pods may run in it",
						&n.Quota.Pods, 0, 100000, true),
				}
			},
			Validate: func(c *Ctx, n *model.Namespace, i int) error {
				return uniqueName(c.D.Spec.Namespaces, i, "a namespace named %s already exists", func(x model.Namespace) string { return x.Name })
			},
		}},
	}
}

// namespacesLive compares the namespaces' quotas with the sized demand: a
// quota total above the demand can be requested but not scheduled after a
// zone loss.
func namespacesLive(c *Ctx) string {
	ns := c.D.Spec.Namespaces
	if len(ns) == 0 {
		return wrapTo(liveMuted(c, c.tr("no namespaces yet: the manifests put the application template in a namespace called apps")), c.Width)
	}
	var cpu, mem float64
	for _, n := range ns {
		cpu += n.Quota.CPU
		mem += n.Quota.MemoryGiB
	}
	d := c.D.Spec.Sizing.Demand
	line := c.trf("quotas add up to %s vCPU and %s GiB; the sizing demand is %s vCPU and %s GiB",
		formatNumber(milli(cpu), false), formatNumber(milli(mem), false), formatNumber(d.CPU, false), formatNumber(d.MemoryGiB, false))
	if !d.IsZero() && (cpu > d.CPU || mem > d.MemoryGiB) {
		return wrapTo(liveWarn(c, c.trf("%s: namespaces may request more than the cluster is sized for", line)), c.Width)
	}
	return wrapTo(line, c.Width)
}

func namespaceWhys() []Why {
	return []Why{
		{Key: "spec.namespaces[*].name", Text: "A namespace is where a team's or application's objects live. Access " +
			"groups are scoped to namespaces (IBM's 2019 guidance, slides 43–44: IAM roles become Kubernetes RBAC bindings in them), and " +
			"the manifests give each one a quota, default limits and default-deny network policies.",
			Alternatives: "One namespace for everything is simpler but lets every team touch every workload and share one quota.",
			Doc:          "https://cloud.ibm.com/docs/containers?topic=containers-users#checking-perms"},
		{Key: "spec.namespaces[*].podSecurity", Text: "Pod Security Admission replaced PodSecurityPolicy (gone since " +
			"Kubernetes 1.25). restricted is today's hardening baseline: non-root, no privilege escalation, seccomp.",
			Alternatives: "baseline for software that cannot run restricted yet; privileged only for system agents.",
			Doc:          "https://cloud.ibm.com/docs/containers?topic=containers-pod-security-admission"},
		{Key: "spec.namespaces[*].quota.cpu", Text: "A ResourceQuota caps what the namespace's pods may request, so " +
			"one team cannot starve the others; the LimitRange gives containers without requests a sane default.",
			Doc: "https://kubernetes.io/docs/concepts/policy/resource-quotas/"},
		{Key: "spec.namespaces[*].quota.memoryGiB", Text: "Memory requests are what the scheduler reserves; keep the " +
			"namespaces' total within the sizing step's demand, or pods stay pending after a zone loss.",
			Doc: "https://kubernetes.io/docs/concepts/policy/resource-quotas/"},
		{Key: "spec.namespaces[*].quota.pods", Text: "A pod quota bounds runaway jobs and keeps the worker's pod " +
			"limit (110 per worker by default) for everyone.",
			Doc: "https://kubernetes.io/docs/concepts/policy/resource-quotas/"},
	}
}

// milli rounds a sum of quotas to thousandths (Kubernetes counts CPU in
// millicores): adding 0.1 and 0.2 must not print 0.30000000000000004.
func milli(x float64) float64 { return math.Round(x*1000) / 1000 }
