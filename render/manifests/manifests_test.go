package manifests

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

func TestPresetsDecodeStrictly(t *testing.T) {
	for _, name := range presets.Names() {
		t.Run(name, func(t *testing.T) {
			c := presetContext(t, name)
			files := renderMap(t, c)
			checkFiles(t, c, files)
			objs := decodeManifests(t, files)
			checkNamespacesExist(t, objs)
			checkNetworkPolicies(t, c, objs)
			checkAppTemplate(t, c, objs)
			checkAutoscaler(t, c, objs)
			checkRBAC(t, c, objs)
			checkCalicoFiles(t, files)
		})
	}
}

// checkFiles: the header, numbered paths, and documents separated by "---".
func checkFiles(t *testing.T, c *view.Context, files map[string][]byte) {
	t.Helper()
	for path, data := range files {
		if !strings.HasPrefix(string(data), "# "+c.Header+"\n") {
			t.Errorf("%s does not start with the generated-by header", path)
		}
		base := path[strings.LastIndexByte(path, '/')+1:]
		if len(base) < 4 || base[2] != '-' || !strings.HasSuffix(base, ".yaml") ||
			!strings.ContainsAny(base[:1], "0123456789") || !strings.ContainsAny(base[1:2], "0123456789") {
			t.Errorf("%s is not named NN-<topic>.yaml", path)
		}
		if bytes.Contains(data, []byte("creationTimestamp")) || bytes.Contains(data, []byte("status:")) {
			t.Errorf("%s carries creationTimestamp or status noise", path)
		}
		if !bytes.HasSuffix(data, []byte("\n")) {
			t.Errorf("%s does not end with a newline", path)
		}
	}
	for _, must := range []string{"manifests/00-namespaces.yaml", "manifests/10-quotas.yaml", "manifests/50-app-template.yaml"} {
		if _, ok := files[must]; !ok {
			t.Errorf("%s is missing", must)
		}
	}
	if got := ManifestFiles(c); !slices.IsSorted(got) || len(got) == 0 {
		t.Errorf("ManifestFiles = %v, want a sorted, non-empty list", got)
	}
}

// checkNamespacesExist: every object's namespace, and every RoleBinding
// subject's, is created by 00-namespaces.yaml or is kube-system.
func checkNamespacesExist(t *testing.T, objs []k8sObject) {
	t.Helper()
	exists := map[string]bool{kubeSystem: true}
	for _, o := range objs {
		if o.kind == "Namespace" {
			// The audit receiver brings its own namespace: the runbook applies
			// that file alone, before the rest.
			if o.file != "manifests/00-namespaces.yaml" && o.file != AuditReceiverFile {
				t.Errorf("Namespace %s is in %s, not 00-namespaces.yaml", o.meta.GetName(), o.file)
			}
			exists[o.meta.GetName()] = true
		}
	}
	for _, o := range objs {
		if ns := o.meta.GetNamespace(); ns != "" && !exists[ns] {
			t.Errorf("%s: namespace %q is not created by 00-namespaces.yaml", o, ns)
		}
		if rb, ok := o.obj.(*rbacv1.RoleBinding); ok {
			for _, s := range rb.Subjects {
				if s.Namespace != "" && !exists[s.Namespace] {
					t.Errorf("%s: subject namespace %q does not exist", o, s.Namespace)
				}
			}
		}
	}
	for _, n := range byKind[*corev1.Namespace](objs) {
		l := n.Labels
		level := l["pod-security.kubernetes.io/enforce"]
		if level == "" || l["pod-security.kubernetes.io/audit"] != level || l["pod-security.kubernetes.io/warn"] != level ||
			l["pod-security.kubernetes.io/enforce-version"] != "latest" {
			t.Errorf("namespace %s: incomplete Pod Security labels %v", n.Name, l)
		}
	}
}

func checkAppTemplate(t *testing.T, c *view.Context, objs []k8sObject) {
	t.Helper()
	var deps []*appsv1.Deployment
	for _, d := range byKind[*appsv1.Deployment](objs) {
		if d.Namespace != AuditNamespace {
			deps = append(deps, d)
		}
	}
	if len(deps) != 1 {
		t.Fatalf("want 1 Deployment, got %d", len(deps))
	}
	d := deps[0]
	zones := max(len(c.Spec.Zones), 1)
	wantReplicas := 2
	if zones > 1 {
		wantReplicas = max(2, zones*(zones-1))
	}
	if d.Spec.Replicas == nil || int(*d.Spec.Replicas) != wantReplicas {
		t.Fatalf("replicas = %v, want %d (even over %d zones before and after a zone loss)", d.Spec.Replicas, wantReplicas, zones)
	}
	pod := d.Spec.Template.Spec
	sel, err := labels.ValidatedSelectorFromSet(d.Spec.Selector.MatchLabels)
	if err != nil || !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
		t.Fatalf("the Deployment's selector does not match its pods: %v", err)
	}
	wantZone := corev1.DoNotSchedule
	if zones == 1 {
		wantZone = corev1.ScheduleAnyway
	}
	var zoneOK, hostOK bool
	for _, tsc := range pod.TopologySpreadConstraints {
		switch tsc.TopologyKey {
		case "topology.kubernetes.io/zone":
			// Honor: the lost zone's tainted nodes must leave the skew
			// calculation, or the replacements stay Pending.
			zoneOK = tsc.MaxSkew == 1 && tsc.WhenUnsatisfiable == wantZone &&
				tsc.NodeTaintsPolicy != nil && *tsc.NodeTaintsPolicy == corev1.NodeInclusionPolicyHonor
		case "kubernetes.io/hostname":
			hostOK = tsc.MaxSkew == 1
		}
		if tsc.LabelSelector == nil || !labels.SelectorFromSet(tsc.LabelSelector.MatchLabels).Matches(labels.Set(d.Spec.Template.Labels)) {
			t.Errorf("spread constraint %s does not select the pods", tsc.TopologyKey)
		}
	}
	if !zoneOK || !hostOK {
		t.Errorf("topology spread: zone ok %v (want %s), hostname ok %v", zoneOK, wantZone, hostOK)
	}
	if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
		t.Error("the pod mounts a service account token")
	}
	psc := pod.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.SeccompProfile == nil ||
		psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		t.Error("pod securityContext is not restricted")
	}
	for _, ctr := range pod.Containers {
		sc := ctr.SecurityContext
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation ||
			sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem || sc.RunAsUser == nil || *sc.RunAsUser <= 10000 ||
			sc.RunAsGroup == nil || *sc.RunAsGroup <= 10000 || sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) ||
			len(sc.Capabilities.Add) > 0 {
			t.Errorf("container %s: securityContext is not restricted: %+v", ctr.Name, sc)
		}
		if u := c.Plan.Unit; !u.IsZero() {
			cpu, mem := ctr.Resources.Requests[corev1.ResourceCPU], ctr.Resources.Requests[corev1.ResourceMemory]
			if cpu.MilliValue() != u.MilliCPU || mem.Value() != u.MemoryMiB<<20 {
				t.Errorf("container %s requests %s / %s, want the plan's pod unit %dm / %dMi", ctr.Name, cpu.String(), mem.String(), u.MilliCPU, u.MemoryMiB)
			}
		}
		for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory, corev1.ResourceEphemeralStorage} {
			if _, ok := ctr.Resources.Limits[r]; !ok {
				t.Errorf("container %s: no %s limit", ctr.Name, r)
			}
			if _, ok := ctr.Resources.Requests[r]; !ok {
				t.Errorf("container %s: no %s request", ctr.Name, r)
			}
		}
		if ctr.LivenessProbe == nil || ctr.ReadinessProbe == nil || ctr.StartupProbe == nil {
			t.Errorf("container %s: missing probes", ctr.Name)
		} else if ctr.LivenessProbe.HTTPGet.Path == ctr.ReadinessProbe.HTTPGet.Path {
			t.Errorf("container %s: liveness and readiness probes are identical", ctr.Name)
		}
		if strings.HasSuffix(ctr.Image, ":latest") || !strings.Contains(ctr.Image, ":") || ctr.ImagePullPolicy != corev1.PullAlways {
			t.Errorf("container %s: image %q / pull policy %s", ctr.Name, ctr.Image, ctr.ImagePullPolicy)
		}
		if !strings.HasPrefix(ctr.Image, c.Spec.CICD.Registry.Region+".icr.io/") {
			t.Errorf("container %s: image %q is not from the design's registry", ctr.Name, ctr.Image)
		}
	}
	podLabels := labels.Set(d.Spec.Template.Labels)
	var pdbOK, svcOK, npOK bool
	for _, p := range byKind[*policyv1.PodDisruptionBudget](objs) {
		s, _ := labels.ValidatedSelectorFromSet(p.Spec.Selector.MatchLabels)
		// A zone's worth of replicas may go at once: ⌈R / Z⌉ (1 in one zone).
		share := 1
		if zones > 1 {
			share = (wantReplicas + zones - 1) / zones
		}
		pdbOK = pdbOK || (p.Namespace == d.Namespace && s.Matches(podLabels) && p.Spec.MaxUnavailable != nil && p.Spec.MaxUnavailable.IntValue() == share)
	}
	for _, s := range byKind[*corev1.Service](objs) {
		svcOK = svcOK || (s.Namespace == d.Namespace && labels.SelectorFromSet(s.Spec.Selector).Matches(podLabels))
	}
	var hasIngress, hasEgress bool
	for _, np := range byKind[*networkingv1.NetworkPolicy](objs) {
		s := labels.SelectorFromSet(np.Spec.PodSelector.MatchLabels)
		if np.Namespace == d.Namespace && s.Matches(podLabels) {
			hasIngress = hasIngress || slices.Contains(np.Spec.PolicyTypes, networkingv1.PolicyTypeIngress)
			hasEgress = hasEgress || slices.Contains(np.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
		}
	}
	npOK = hasIngress && hasEgress
	if !pdbOK || !svcOK || !npOK {
		t.Errorf("app template: PDB %v, Service %v, NetworkPolicy (ingress+egress) %v", pdbOK, svcOK, npOK)
	}
	ings := byKind[*networkingv1.Ingress](objs)
	want := c.Spec.Network.Ingress.Controller.IngressClass(true)
	switch {
	case want == "" && len(ings) > 0:
		t.Error("an Ingress without an Ingress controller")
	case want != "" && (len(ings) != 1 || ings[0].Spec.IngressClassName == nil || *ings[0].Spec.IngressClassName != want):
		t.Errorf("want one Ingress of class %s, got %d", want, len(ings))
	}
}

func checkAutoscaler(t *testing.T, c *view.Context, objs []k8sObject) {
	t.Helper()
	var cm *corev1.ConfigMap
	for _, x := range byKind[*corev1.ConfigMap](objs) {
		if x.Name == "iks-ca-configmap" && x.Namespace == "kube-system" {
			cm = x
		}
	}
	a := c.Spec.Operations.Autoscaler
	if !a.Enabled || len(a.Pools) == 0 {
		if cm != nil {
			t.Error("autoscaler ConfigMap rendered while autoscaling is off")
		}
		return
	}
	if cm == nil {
		t.Fatal("autoscaling is on but iks-ca-configmap is missing")
	}
	var pools []struct {
		Name    string `json:"name"`
		MinSize int    `json:"minSize"`
		MaxSize int    `json:"maxSize"`
		Enabled bool   `json:"enabled"`
	}
	dec := json.NewDecoder(strings.NewReader(cm.Data["workerPoolsConfig.json"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pools); err != nil {
		t.Fatalf("workerPoolsConfig.json: %v", err)
	}
	if len(pools) != len(a.Pools) {
		t.Fatalf("workerPoolsConfig.json has %d pools, the design %d", len(pools), len(a.Pools))
	}
	for i, p := range pools {
		w := a.Pools[i]
		if p.Name != w.Pool || p.MinSize != w.MinPerZone || p.MaxSize != w.MaxPerZone || !p.Enabled {
			t.Errorf("pool %d = %+v, design %+v", i, p, w)
		}
	}
}

// checkRBAC: the deployer may do only what a rollout needs.
func checkRBAC(t *testing.T, c *view.Context, objs []k8sObject) {
	t.Helper()
	roles := byKind[*rbacv1.Role](objs)
	if len(c.Spec.CICD.Stages) > 0 && len(roles) == 0 {
		t.Fatal("CI/CD stages but no deployer Role")
	}
	for _, r := range roles {
		for _, rule := range r.Rules {
			for _, v := range rule.Verbs {
				if !slices.Contains([]string{"get", "list", "watch", "create", "update", "patch"}, v) {
					t.Errorf("Role %s/%s grants verb %q", r.Namespace, r.Name, v)
				}
			}
			for _, res := range rule.Resources {
				if res == "secrets" || res == "*" || strings.Contains(res, "/") {
					t.Errorf("Role %s/%s grants %q", r.Namespace, r.Name, res)
				}
			}
			if slices.Contains(rule.APIGroups, "rbac.authorization.k8s.io") || slices.Contains(rule.APIGroups, "*") {
				t.Errorf("Role %s/%s grants RBAC or wildcard groups", r.Namespace, r.Name)
			}
		}
	}
	for _, st := range c.Spec.CICD.Stages {
		found := false
		for _, rb := range byKind[*rbacv1.RoleBinding](objs) {
			if rb.Namespace == st.Namespace && rb.RoleRef.Kind == "Role" && len(rb.Subjects) == 1 &&
				rb.Subjects[0].Name == c.Spec.CICD.DeployerServiceAccount && rb.Subjects[0].Namespace == DeployerNamespace(c) {
				found = true
			}
		}
		if !found {
			t.Errorf("stage %s: no RoleBinding for the deployer", st.Name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, name := range presets.Names() {
		first := renderMap(t, presetContext(t, name))
		for i := 0; i < 5; i++ {
			again := renderMap(t, presetContext(t, name))
			if len(again) != len(first) {
				t.Fatalf("%s: %d files, then %d", name, len(first), len(again))
			}
			for p, b := range first {
				if !bytes.Equal(b, again[p]) {
					t.Fatalf("%s: %s differs between renders", name, p)
				}
			}
		}
	}
}

func TestCalicoOnlyOnClassic(t *testing.T) {
	for _, name := range presets.Names() {
		c := presetContext(t, name)
		files := renderMap(t, c)
		var rendered []string
		for p := range files {
			if strings.HasPrefix(p, "calico/") {
				rendered = append(rendered, p)
			}
		}
		slices.Sort(rendered)
		listed := CalicoFiles(c)
		if !slices.Equal(rendered, listed) {
			t.Errorf("%s: rendered %v, CalicoFiles %v", name, rendered, listed)
		}
		if c.Spec.IsVPC() && len(listed) > 0 {
			t.Errorf("%s: VPC cluster with Calico files %v", name, listed)
		}
	}
	c := presetContext(t, "tokyo-classic-production")
	want := []string{"calico/10-public-network-isolation.yaml", "calico/30-cis-only-ingress.yaml"}
	if got := CalicoFiles(c); !slices.Equal(got, want) {
		t.Errorf("classic preset: CalicoFiles = %v, want %v", got, want)
	}
}

func TestNamespacesNeededLaterAreCreated(t *testing.T) {
	d := presetDesign(t, "tokyo-classic-production")
	d.Spec.Namespaces = d.Spec.Namespaces[:1] // keep only "shop": shop-staging is a stage namespace
	c := designContext(t, d)
	objs := decodeManifests(t, renderMap(t, c))
	checkNamespacesExist(t, objs)
	var found bool
	for _, n := range byKind[*corev1.Namespace](objs) {
		if n.Name == "shop-staging" {
			found = strings.Contains(n.Annotations[annotationReason], "CI/CD stage staging")
		}
	}
	if !found {
		t.Error("stage namespace shop-staging is not created with its reason")
	}
}

// checkNetworkPolicies: with spec.firewall.networkPolicies, every
// application namespace denies by default and still resolves names, also
// through IKS's NodeLocal DNS cache.
func checkNetworkPolicies(t *testing.T, c *view.Context, objs []k8sObject) {
	t.Helper()
	if !c.Spec.Firewall.NetworkPolicies {
		return
	}
	have := map[string]map[string]*networkingv1.NetworkPolicy{}
	for _, np := range byKind[*networkingv1.NetworkPolicy](objs) {
		if have[np.Namespace] == nil {
			have[np.Namespace] = map[string]*networkingv1.NetworkPolicy{}
		}
		have[np.Namespace][np.Name] = np
	}
	for _, ns := range newPlan(c).apps {
		deny, dns := have[ns.Name]["default-deny-all"], have[ns.Name]["allow-dns"]
		if deny == nil || dns == nil || have[ns.Name]["allow-same-namespace"] == nil {
			t.Errorf("namespace %s lacks the default policies", ns.Name)
			continue
		}
		if len(deny.Spec.PodSelector.MatchLabels) != 0 || len(deny.Spec.PolicyTypes) != 2 || deny.Spec.Ingress != nil || deny.Spec.Egress != nil {
			t.Errorf("%s: default-deny-all does not deny everything", ns.Name)
		}
		var blocks []string
		for _, peer := range dns.Spec.Egress[0].To {
			if peer.IPBlock != nil {
				blocks = append(blocks, peer.IPBlock.CIDR)
			}
		}
		if !slices.Contains(blocks, c.Catalog.Networks.NodeLocalDNS) || !slices.Contains(blocks, kubeDNSAddress(c.Spec.Network.ServiceSubnet, c.Catalog.Networks.ServiceSubnet)) {
			t.Errorf("%s: allow-dns misses the NodeLocal DNS addresses: %v", ns.Name, blocks)
		}
	}
}

func TestKubeDNSAddress(t *testing.T) {
	for in, want := range map[string]string{"": "172.21.0.10/32", "172.25.0.0/24": "172.25.0.10/32", "bogus": "172.21.0.10/32"} {
		if got := kubeDNSAddress(in, "172.21.0.0/16"); got != want {
			t.Errorf("kubeDNSAddress(%q) = %s, want %s", in, got, want)
		}
	}
}

func BenchmarkRenderManifests(b *testing.B) {
	c := presetContext(b, "tokyo-classic-production")
	for b.Loop() {
		if _, err := Render(c); err != nil {
			b.Fatal(err)
		}
	}
}

func TestAuditReceiverForKubeAudit(t *testing.T) {
	for _, preset := range []string{"tokyo-classic-production", "tokyo-vpc-production"} {
		c := presetContext(t, preset)
		files := renderMap(t, c)
		objs := decodeManifests(t, files)
		if _, ok := files[AuditReceiverFile]; !ok {
			t.Fatalf("%s collects kube-audit but has no receiver", preset)
		}
		var found bool
		want := c.Catalog.MustImage(catalog.ImageKubeAudit)
		for _, d := range byKind[*appsv1.Deployment](objs) {
			if d.Namespace == AuditNamespace && d.Name == AuditDeployment {
				c := d.Spec.Template.Spec.Containers[0]
				sc := c.SecurityContext
				found = c.Image == want.Ref() && strings.Contains(c.Image, "@sha256:") &&
					*sc.RunAsNonRoot && !*sc.AllowPrivilegeEscalation && *sc.ReadOnlyRootFilesystem &&
					*sc.RunAsGroup > 10000 && c.ReadinessProbe != nil &&
					!c.Resources.Limits.StorageEphemeral().IsZero()
			}
		}
		if !found {
			t.Fatalf("%s: receiver deployment missing, not pinned by digest or not hardened", preset)
		}
	}
	d := presetDesign(t, "tokyo-classic-production")
	d.Spec.Logging.Sources = []model.LogSource{model.SourceContainer}
	if _, ok := renderMap(t, designContext(t, d))[AuditReceiverFile]; ok {
		t.Fatal("receiver rendered without the kube-audit source")
	}
}
