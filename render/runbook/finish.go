package runbook

import (
	"strconv"

	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

const (
	jqReadyNodes = `[.items[] | select(any((.status.conditions // [])[]; .type == "Ready" and .status == "True"))] | length >= (env.JQ_V | tonumber)`
	nodesMinutes = 60
)

// autoscaler enables IBM's managed cluster-autoscaler add-on. Its pool
// bounds are the ConfigMap iks-ca-configmap in manifests/, applied in the
// next steps.
func (b *builder) autoscaler() {
	bd := b.cur
	bd.comment("The managed cluster-autoscaler add-on. Which pools it scales, and between which sizes per zone, is")
	bd.comment("the ConfigMap iks-ca-configmap in manifests/ (applied in %s). Do not resize autoscaled pools by hand.", b.stepRef(view.StepManifests))
	bd.ifElse(when("text_has", cmd("cluster-autoscaler", "ibmcloud", "ks", "cluster", "addon", "ls", "--cluster", b.clusterVar())...), func() {
		bd.say("the cluster-autoscaler add-on is already enabled")
	}, func() {
		// -y: enable its dependencies without asking (CLI26 `cluster addon enable cluster-autoscaler`).
		bd.run(cmd("ibmcloud", "ks", "cluster", "addon", "enable", "cluster-autoscaler", "--cluster", b.clusterVar(), "-y")...)
	})
}

// manifests applies manifests/ (namespaces first, by file number).
func (b *builder) manifests() {
	bd := b.cur
	bd.comment("Namespaces with Pod Security labels, quotas, network policies, volumes, the CI deployer and the")
	bd.comment("application template; files are numbered so namespaces come first.")
	bd.raw(`if ! dry && [[ ! -d manifests ]]; then die ` + bd.msg("manifests/ is missing next to this runbook: iksplan render writes it").text + `; fi`)
	bd.run(cmd("kubectl", "apply", "-f", "manifests/")...)
	b.pullSecret()
	if ns := manifests.DeployerNamespace(b.c); ns != "" && b.s.CICD.DeployerServiceAccount != "" {
		b.val("CI_DEPLOYER", b.s.CICD.DeployerServiceAccount, hVerify, "the CI/CD pipeline's service account")
		b.val("CI_DEPLOYER_NAMESPACE", ns, hVerify, "")
		bd.comment("The pipeline deploys as this service account. Mint its token when you configure the pipeline")
		bd.comment("(kubectl create token), straight into the pipeline's secret store: it is a credential.")
		bd.note("give the pipeline a token of service account ", varRef("CI_DEPLOYER"), " in namespace ", varRef("CI_DEPLOYER_NAMESPACE"),
			": kubectl create token ", varRef("CI_DEPLOYER"), " -n ", varRef("CI_DEPLOYER_NAMESPACE"), " --duration <as your rotation policy allows>")
	}
}

// verify checks that every worker joined and is ready in its zone, that
// the workloads came up, and finally enforces the context-based
// restrictions that the network step created in report mode.
func (b *builder) verify() {
	bd := b.cur
	s := b.s
	if b.allPoolsSized() {
		total := 0
		for _, p := range s.WorkerPools {
			total += p.WorkersPerZone * len(s.Zones)
		}
		n := b.val("EXPECTED_NODES", strconv.Itoa(total), hVerify, "workers the design plans: every pool's size in every zone")
		bd.call("wait_for", cmd(bd.msg(varRef("EXPECTED_NODES"), " workers to be Ready"), strconv.Itoa(nodesMinutes), jqReadyNodes, n,
			"kubectl", "get", "nodes", "-o", "json")...)
	}
	bd.comment("Every worker with its zone label: the pools must be spread evenly over the zones.")
	bd.run(cmd("kubectl", "get", "nodes", "-L", "topology.kubernetes.io/zone", "-L", "ibm-cloud.kubernetes.io/worker-pool-name")...)
	b.waitForApp()
	bd.run(cmd("kubectl", "get", "pods", "--all-namespaces", "--field-selector=status.phase!=Running,status.phase!=Succeeded")...)
	bd.comment("The list above should be empty: it shows pods that are neither running nor completed.")
	if b.wantsCBR() {
		bd.blank()
		bd.comment("Everything ran: enforce the context-based restrictions (created unenforced in %s).", b.stepRef(view.StepNetwork))
		for _, api := range []string{"CLUSTER", "MANAGEMENT"} {
			rule := ref("CBR_RULE_" + api + "_ID")
			bd.ifNot(when("matches", cmd(reCBREnforced, "ibmcloud", "cbr", "rule", rule)...), func() {
				bd.run(cmd("ibmcloud", "cbr", "rule-patch", rule, "--enforcement-mode", "enabled")...)
			})
		}
		bd.note("from now on only the allowed networks and the cluster's VPC reach the cluster and ibmcloud ks APIs")
	}
}

// appNamespace is the variable holding the application template's
// namespace. manifests.AppNamespace plans every namespace of the design to
// find it, so the builder asks once (two steps use it).
func (b *builder) appNamespace() word {
	if b.appNS == nil {
		ns := manifests.AppNamespace(b.c)
		b.appNS = &ns
	}
	return b.val("APP_NAMESPACE", *b.appNS, hVerify, "namespace of the application template (manifests/50-app-template.yaml)")
}

// pullSecret copies IBM's registry pull secret from default into the
// application template's namespace, whose service account names it: IKS
// creates the secret in default only (manifests.PullSecret).
func (b *builder) pullSecret() {
	bd := b.cur
	ns := b.appNamespace()
	bd.comment("IKS creates the registry pull secret %s in namespace default only: copy it for the application", manifests.PullSecret)
	bd.comment("template, whose service account names it (IBM's \"Copying an existing image pull secret\").")
	bd.ifNot(when("exists", cmd("kubectl", "get", "secret", manifests.PullSecret, "-n", ns)...), func() {
		bd.words(cmd("copy_secret", manifests.PullSecret, "default", ns)...)
	})
}

// waitForApp waits for what the runbook deployed, the application
// template, and only that (IBM's add-ons and system pods are IBM's). Its
// image is a placeholder until the engineer pushes one, so a timeout is
// reported, not fatal: the steps after it (CBR enforcement) still run.
func (b *builder) waitForApp() {
	bd := b.cur
	ns := b.appNamespace()
	bd.comment("The application template: available once its image exists in the registry.")
	bd.ifNot(when("attempt", cmd("kubectl", "wait", "--for=condition=Available", "deployment", "--all", "-n", ns, "--timeout=15m")...), func() {
		bd.note("the application template in namespace ", varRef("APP_NAMESPACE"), " is not available: push its image (manifests/50-app-template.yaml) and see kubectl describe deployment -n ", varRef("APP_NAMESPACE"))
	})
}
