package runbook

import (
	"fmt"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

// jq filters of the preflight. The version filter looks for major/minor
// pairs anywhere in `ibmcloud ks versions --output json`, and the flavor
// filter for a matching name anywhere in `flavor ls`, so neither depends on
// the exact nesting of IBM's JSON.
const (
	jqVersionOffered = `[.. | objects | select(has("major") and has("minor")) | "\(.major).\(.minor)"] | index(env.JQ_V) != null`
	jqNameListed     = `any(.. | objects | .name? // empty; . == env.JQ_V)`
	jqVLANListed     = `any(.. | objects | .id? // empty; tostring == env.JQ_V)`
	reVRF            = `Service Endpoint Enabled:[[:space:]]*true`
	reSpanning       = `[Ee]nabled`
)

// preflight checks tools, login, target and what the account must offer
// before anything is created.
func (b *builder) preflight() {
	bd := b.cur
	s := b.s
	b.useEnv("IBMCLOUD_API_KEY", "optional: an IBM Cloud API key to log in with; without it, log in first (ibmcloud login --sso)")
	bd.comment("Tools and CLI plug-ins. A dry run only prints these checks.")
	b.useTool("ibmcloud")
	bd.words(cmd("need", "ibmcloud", bd.msgLit("install the IBM Cloud CLI: https://cloud.ibm.com/docs/cli?topic=cli-install-ibmcloud-cli"))...)
	b.useTool("jq")
	bd.words(cmd("need", "jq", bd.msgLit("install jq (https://jqlang.org); the runbook reads IBM's JSON output with it"))...)
	b.useTool("kubectl")
	bd.words(cmd("need", "kubectl", bd.msgLit("install kubectl: https://kubernetes.io/docs/tasks/tools/"))...)
	if b.needsHelm() {
		b.useTool("helm")
		bd.words(cmd("need", "helm", bd.msgLit("install Helm 3: https://helm.sh/docs/intro/install/"))...)
	}
	if len(manifests.CalicoFiles(b.c)) > 0 {
		b.useTool("calicoctl")
		bd.words(cmd("need", "calicoctl", bd.msgLit("install calicoctl for the cluster's Calico version: https://cloud.ibm.com/docs/containers?topic=containers-network_policies#cli_install"))...)
	}
	if b.wantsAuditWebhook() {
		b.useTool("base64")
		bd.words(cmd("need", "base64", bd.msgLit("install coreutils; the audit webhook set-up decodes certificates with it"))...)
	}
	b.plugin("kubernetes-service", bd.msgLit("the ks plug-in is missing: ibmcloud plugin install kubernetes-service"))
	if s.IsVPC() {
		b.plugin("vpc-infrastructure", bd.msgLit("the VPC plug-in is missing: ibmcloud plugin install vpc-infrastructure"))
	}
	if s.Storage.ObjectStorage.Enabled && len(s.Storage.ObjectStorage.Buckets) > 0 {
		b.plugin("cloud-object-storage", bd.msgLit("the Object Storage plug-in is missing: ibmcloud plugin install cloud-object-storage"))
	}
	if b.wantsCBR() {
		b.plugin("cbr", bd.msgLit("the context-based restrictions plug-in is missing: ibmcloud plugin install cbr"))
	}
	if b.wantsKMS() {
		b.plugin("key-protect", bd.msgLit("the Key Protect plug-in is missing: ibmcloud plugin install key-protect"))
	}
	if b.wantsActivityTracker() {
		b.plugin("atracker", bd.msgLit("the Activity Tracker Event Routing plug-in is missing: ibmcloud plugin install atracker"))
	}

	b.preflightInputs()

	bd.blank()
	bd.comment("Log in. With IBMCLOUD_API_KEY set, `ibmcloud login` reads the key from the environment")
	bd.comment("(it is never an argument); otherwise the session of an earlier `ibmcloud login --sso` is used.")
	bd.raw(`if dry || [[ -n "${IBMCLOUD_API_KEY:-}" ]]; then`)
	bd.block(func() {
		bd.run(cmd("ibmcloud", "login", "-r", ref("REGION"), "-g", ref("RESOURCE_GROUP"))...)
	})
	bd.raw("fi")
	bd.call("require", cmd(bd.msgLit("not logged in to IBM Cloud: run ibmcloud login --sso, or set IBMCLOUD_API_KEY"), "ibmcloud", "target")...)
	bd.run(cmd("ibmcloud", "target", "-r", ref("REGION"), "-g", ref("RESOURCE_GROUP"))...)

	if s.IsClassic() && (s.Multizone() || s.Network.ServiceEndpoints.HasPrivate()) {
		b.preflightRouting()
	}

	b.preflightAutoscaler()

	bd.blank()
	bd.comment("The Kubernetes version and every pool's flavor must be offered in every zone today.")
	bd.call("check", cmd(bd.msg("IKS does not offer Kubernetes ", varRef("K8S_VERSION"), " today: pick one from ibmcloud ks versions"),
		jqVersionOffered, ref("K8S_VERSION"), "ibmcloud", "ks", "versions", "--output", "json")...)
	for i := range s.WorkerPools {
		for z := range s.Zones {
			bd.call("check", cmd(bd.msg("flavor ", varRef(fmt.Sprintf("POOL_%d_FLAVOR", i+1)), " is not offered in ", varRef(zoneName(z))),
				jqNameListed, b.poolFlavor(i),
				"ibmcloud", "ks", "flavor", "ls", "--zone", b.zone(z), "--provider", b.provider(), "--output", "json")...)
		}
	}
}

// plugin checks that an ibmcloud CLI plug-in is installed.
func (b *builder) plugin(name string, message word) {
	b.cur.call("require", cmd(message, "ibmcloud", "plugin", "show", name)...)
}

// preflightInputs stops early when a value only the engineer can give is
// missing: secrets from the environment, chart versions iksplan could not
// confirm, sizes the catalog could not compute.
func (b *builder) preflightInputs() {
	bd := b.cur
	s := b.s
	first := true
	head := func() {
		if first {
			bd.blank()
			bd.comment("Inputs only the engineer can give.")
			first = false
		}
	}
	if s.Logging.Backend == model.LogCloudLogs {
		head()
		b.useEnv("LOGS_AGENT_API_KEY", "required: API key of a service ID with the Cloud Logs Sender role (Logs agent)")
		bd.words(cmd("need_env", "LOGS_AGENT_API_KEY", bd.msgLit("the API key of a service ID with the IBM Cloud Logs Sender role, for the Logs agent"))...)
	}
	if s.Monitoring.Enabled {
		head()
		b.useEnv("MONITORING_ACCESS_KEY", "required: the access key of the IBM Cloud Monitoring instance (Monitoring agent)")
		bd.words(cmd("need_env", "MONITORING_ACCESS_KEY", bd.msgLit("the Monitoring instance's access key: ibmcloud resource service-keys --instance-name INSTANCE"))...)
	}
	if s.Security.KMS.Provider == model.KMSHyperProtect {
		head()
		b.useEnv("KP_TARGET_ADDR", "required for Hyper Protect Crypto Services: the instance's key management endpoint (kp plug-in)")
		bd.words(cmd("need_env", "KP_TARGET_ADDR", bd.msgLit("the key management endpoint of the Hyper Protect Crypto Services instance, e.g. https://INSTANCE.api.REGION.hs-crypto.appdomain.cloud"))...)
	}
	if b.s3fsNamespaces() != nil {
		head()
		b.useEnv("COS_API_KEY", "required for Object Storage volumes: an API key with Writer on the Object Storage instance")
		bd.words(cmd("need_env", "COS_API_KEY", bd.msgLit("an API key with the Writer role on the Object Storage instance, for the s3fs volumes' secret"))...)
	}
	for i := range s.WorkerPools {
		if s.WorkerPools[i].WorkersPerZone <= 0 {
			head()
			b.poolWorkers(i)
			bd.words(cmd("need_value", poolWorkersName(i), bd.msgLit("workers per zone of this pool"))...)
		}
	}
	if s.IsClassic() {
		for i, z := range s.Zones {
			v := s.Network.Classic.VLANsFor(z)
			if !v.Create() && v.PublicVLAN == "" && !s.Network.Classic.PrivateOnlyWorkers {
				head()
				b.publicVLAN(i)
				bd.words(cmd("need_value", fmt.Sprintf("PUBLIC_VLAN_%d", i+1), bd.msgLit("the public VLAN ID for this zone (ibmcloud ks vlan ls --zone ZONE)"))...)
			}
		}
	}
	for _, name := range b.chartVersionChecks() {
		head()
		bd.words(cmd("need_value", name, bd.msgLit("the chart version to install (see the comment above the variable)"))...)
	}
	for i, bk := range s.Storage.ObjectStorage.Buckets {
		if s.Storage.ObjectStorage.Enabled && bk.Resiliency == model.ResiliencySingleSite {
			head()
			b.bucketLocation(i)
			bd.words(cmd("need_value", fmt.Sprintf("BUCKET_%d_LOCATION", i+1), bd.msgLit("the single data center of this bucket, e.g. sng01 or che01"))...)
		}
	}
}

// preflightRouting checks what a classic multizone cluster or a private
// service endpoint needs: VRF with service endpoints, or VLAN spanning.
func (b *builder) preflightRouting() {
	bd := b.cur
	s := b.s
	bd.blank()
	if s.Network.ServiceEndpoints.HasPrivate() {
		bd.comment("The private service endpoint needs VRF and service endpoints on the account (IBM's 2019 guidance, slide 12).")
		bd.call("check_text", cmd(bd.msgLit("VRF and service endpoints are off: run ibmcloud account update --service-endpoint-enable true (VRF itself takes a support case)"),
			reVRF, "ibmcloud", "account", "show")...)
		return
	}
	bd.comment("A multizone classic cluster needs VRF or VLAN spanning so its zones can talk (IBM's 2019 guidance, slide 12).")
	bd.ifNot(when("matches", cmd(reVRF, "ibmcloud", "account", "show")...), func() {
		bd.call("check_text", cmd(bd.msgLit("neither VRF nor VLAN spanning is on: enable one (ibmcloud account update --service-endpoint-enable true, or VLAN spanning in the classic infrastructure settings)"),
			reSpanning, "ibmcloud", "ks", "vlan", "spanning", "get", "--region", ref("REGION"))...)
	})
}

// needsHelm reports whether any step installs a Helm chart.
func (b *builder) needsHelm() bool {
	s := b.s
	return s.Logging.Backend == model.LogCloudLogs || s.Monitoring.Enabled || b.wantsBlockPlugin() || b.s3fsNamespaces() != nil
}

// preflightAutoscaler stops before anything is created when the design's
// Kubernetes version is outside the range of the cluster-autoscaler add-on
// (catalog addons; IBM: do not update to 1.36 while the add-on is
// installed, add-on 2.0.0 supports >=1.31 <1.36). Rule OPS016 says the same
// at design time; this catches an edited K8S_VERSION.
func (b *builder) preflightAutoscaler() {
	a, ok := b.c.Catalog.Addon("cluster-autoscaler")
	if !b.s.Operations.Autoscaler.Enabled || !ok || !b.has(view.StepAutoscaler) {
		return
	}
	bd := b.cur
	lo := b.val("AUTOSCALER_MIN_K8S", a.MinKube, hCluster, b.text("the cluster-autoscaler add-on ", textArg(a.Version), " supports Kubernetes from this version"))
	hi := b.val("AUTOSCALER_BELOW_K8S", a.BelowKube, hCluster, "… up to, not including, this one (iksplan catalog addons)")
	bd.blank()
	bd.comment("The cluster-autoscaler add-on %s supports Kubernetes >=%s <%s; IBM says not to run a newer", a.Version, a.MinKube, a.BelowKube)
	bd.comment("version while the add-on is installed.")
	bd.words(cmd("need_range", bd.msg("the cluster-autoscaler add-on ", textArg(a.Version), " supports Kubernetes >=", varRef("AUTOSCALER_MIN_K8S"), " <", varRef("AUTOSCALER_BELOW_K8S"),
		", not ", varRef("K8S_VERSION"), ": change K8S_VERSION or leave the autoscaler out of the design"), ref("K8S_VERSION"), lo, hi)...)
}
