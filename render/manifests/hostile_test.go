package manifests

import (
	"maps"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/iksplan/iksplan/model"
)

// Values at the edge of what the design's validators accept. Each is
// checked against its validator first, so the test stays honest when a
// validator tightens.
var (
	longNS    = "n" + strings.Repeat("a-9", 20) + "z0" // 63 characters
	longNS2   = "s" + strings.Repeat("0", 61) + "z"
	longVol   = "v" + strings.Repeat("x-1", 20) + "yz"
	longSA    = "d" + strings.Repeat("e", 61) + "r"
	longPool  = "P" + strings.Repeat("o._-", 15) + "o1" // uppercase, dots and underscores
	regNS     = "a_" + strings.Repeat("b-", 13) + "zz"  // 30 characters
	freeText  = "プラットフォーム\tチーム 'a'b \"q\" $(reboot) `id` x; rm -rf / --flag # not a comment: {x: [1]} & *ref !tag %"
	stageName = "本番: 'prod' #1 — ok? {yes}"
	groupName = "Ops. Team_1 - all"
	// Label keys and values with prefixes, dots and underscores, and values
	// YAML would read as other types if they were not quoted.
	hostileLabels = map[string]string{
		"example.com/team": "a." + strings.Repeat("b_c-", 14) + "xyzd1", // 63 characters
		"tier":             "true",
		"version":          "1.0",
		"count":            "0x1F",
		"nothing":          "null",
		"empty":            "",
		"answer":           "Yes",
		"sub.domain.example/" + strings.Repeat("k", 63): "on",
	}
)

func hostileDesign(t *testing.T) *model.Design {
	t.Helper()
	d := presetDesign(t, "tokyo-classic-production")
	d.Metadata.Name = "A" + strings.Repeat("b.c-", 8) + "d-" // 35 characters, ends with "-"
	d.Metadata.Owner = freeText
	s := &d.Spec
	s.Namespaces = []model.Namespace{
		{Name: longNS, PodSecurity: model.PodSecurityBaseline, Labels: hostileLabels,
			Quota: model.NamespaceQuota{CPU: 0.25, MemoryGiB: 0.5, Pods: 3}},
		{Name: "shop", Quota: model.NamespaceQuota{CPU: 24, MemoryGiB: 96, Pods: 200}},
	}
	s.CICD.Stages = []model.Stage{{Name: stageName, Namespace: longNS2}, {Name: "production", Namespace: longNS}}
	s.CICD.DeployerServiceAccount = longSA
	s.CICD.Registry.Namespace = regNS
	s.Storage.Volumes = []model.Volume{{Name: longVol, Namespace: longNS2, StorageClass: "ibmc-block-gold", SizeGiB: 1, AccessMode: model.ReadWriteOnce}}
	s.Storage.Databases[0].BindNamespace = longNS
	s.IAM.AccessGroups = append(s.IAM.AccessGroups, model.AccessGroup{Name: groupName, PlatformRole: model.PlatformViewer,
		ServiceRole: model.ServiceReader, Namespaces: []string{"ns-only-for-iam"}})
	s.WorkerPools[0].Name = longPool
	s.Operations.Autoscaler.Pools = []model.AutoscaledPool{{Pool: longPool, MinPerZone: 2, MaxPerZone: 9}}
	s.Firewall.CIS.Domain = "a1-" + strings.Repeat("x", 58) + ".example.co.jp"
	s.Firewall.CalicoPolicies = append(s.Firewall.CalicoPolicies, model.CalicoPrivateIsolation)
	s.Storage.DatabaseOnIaaS = model.DatabaseOnIaaS{Enabled: true, Engine: freeText, PrivateCIDR: "10.255.0.0/16"}

	checks := []struct {
		what string
		err  error
	}{
		{"cluster name", model.ValidateClusterName(d.Metadata.Name)},
		{"owner", model.ValidateFreeText(d.Metadata.Owner)},
		{"stage", model.ValidateFreeText(stageName)},
		{"namespace", model.ValidateNamespace(longNS)},
		{"namespace 2", model.ValidateNamespace(longNS2)},
		{"volume", model.ValidateDNSLabel(longVol)},
		{"service account", model.ValidateDNSLabel(longSA)},
		{"pool", model.ValidatePoolName(longPool)},
		{"registry namespace", model.ValidateRegistryNamespace(regNS)},
		{"access group", model.ValidateAccessGroupName(groupName)},
		{"domain", model.ValidateDomain(s.Firewall.CIS.Domain)},
	}
	for k, v := range hostileLabels {
		checks = append(checks, struct {
			what string
			err  error
		}{"label " + k, model.ValidateLabel(k, v)})
	}
	for _, c := range checks {
		if c.err != nil {
			t.Fatalf("test input is outside the validators: %s: %v", c.what, c.err)
		}
	}
	if len(longNS) != 63 || len(longNS2) != 63 || len(longVol) != 63 || len(longSA) != 63 || len(longPool) != 63 ||
		len(d.Metadata.Name) != model.MaxClusterNameLength || len(regNS) != 30 {
		t.Fatalf("lengths: %d %d %d %d %d %d %d", len(longNS), len(longNS2), len(longVol), len(longSA), len(longPool), len(d.Metadata.Name), len(regNS))
	}
	return d
}

func TestHostileInput(t *testing.T) {
	d := hostileDesign(t)
	c := designContext(t, d)
	files := renderMap(t, c)
	checkFiles(t, c, files)
	objs := decodeManifests(t, files)
	checkNamespacesExist(t, objs)
	checkNetworkPolicies(t, c, objs)
	checkAppTemplate(t, c, objs)
	checkAutoscaler(t, c, objs) // pool names arrive unchanged inside the JSON
	checkRBAC(t, c, objs)
	decodeCalico(t, files)

	nss := map[string]*corev1.Namespace{}
	for _, n := range byKind[*corev1.Namespace](objs) {
		nss[n.Name] = n
	}
	for _, name := range []string{longNS, longNS2, "shop", "ns-only-for-iam", deployerNamespace} {
		n, ok := nss[name]
		if !ok {
			t.Fatalf("namespace %s missing", name)
		}
		if n.Annotations[annotationOwner] != freeText || n.Annotations[annotationCluster] != d.Metadata.Name {
			t.Errorf("namespace %s: annotations changed: %q", name, n.Annotations)
		}
	}
	got := maps.Clone(nss[longNS].Labels)
	for k := range got {
		if strings.HasPrefix(k, psaPrefix) {
			delete(got, k)
		}
	}
	if !maps.Equal(got, hostileLabels) {
		t.Errorf("labels changed:\n got %q\nwant %q", got, hostileLabels)
	}
	if nss[longNS].Labels[psaPrefix+"enforce"] != "baseline" {
		t.Error("the namespace's Pod Security level is lost")
	}
	if r := nss[longNS2].Annotations[annotationReason]; !strings.Contains(r, stageName) || !strings.Contains(r, longVol) {
		t.Errorf("reason annotation %q lost the stage or volume name", r)
	}
	if r := nss["ns-only-for-iam"].Annotations[annotationReason]; !strings.Contains(r, groupName) {
		t.Errorf("reason annotation %q lost the access group name", r)
	}

	var sa *corev1.ServiceAccount
	for _, x := range byKind[*corev1.ServiceAccount](objs) {
		if x.Name == longSA {
			sa = x
		}
	}
	if sa == nil || sa.Namespace != deployerNamespace {
		t.Errorf("deployer service account %s missing", longSA)
	}
	for _, rb := range byKind[*rbacv1.RoleBinding](objs) {
		if rb.Subjects[0].Name != longSA {
			t.Errorf("RoleBinding %s/%s binds %q", rb.Namespace, rb.Name, rb.Subjects[0].Name)
		}
	}
	ing := byKind[*networkingv1.Ingress](objs)
	if len(ing) != 1 || ing[0].Spec.Rules[0].Host != d.Spec.Firewall.CIS.Domain || ing[0].Namespace != longNS {
		t.Error("the Ingress host or namespace changed")
	}
	for _, pvc := range byKind[*corev1.PersistentVolumeClaim](objs) {
		if pvc.Name != longVol || pvc.Namespace != longNS2 || pvc.Spec.Resources.Requests.Storage().String() != "1Gi" {
			t.Errorf("PVC %s/%s %v", pvc.Namespace, pvc.Name, pvc.Spec.Resources.Requests)
		}
	}
	var quota *corev1.ResourceQuota
	for _, q := range byKind[*corev1.ResourceQuota](objs) {
		if q.Namespace == longNS {
			quota = q
		}
	}
	if quota == nil {
		t.Fatal("no quota for the hostile namespace")
	}
	for res, want := range map[corev1.ResourceName]string{
		corev1.ResourceRequestsCPU: "250m", corev1.ResourceLimitsCPU: "500m",
		corev1.ResourceRequestsMemory: "512Mi", corev1.ResourceLimitsMemory: "1Gi", corev1.ResourcePods: "3",
	} {
		if q := quota.Spec.Hard[res]; q.String() != want {
			t.Errorf("quota %s = %s, want %s", res, q.String(), want)
		}
	}
}

// Comments carry only text iksplan wrote, but a control character must
// still never end a comment line and start YAML.
func TestCommentsStayComments(t *testing.T) {
	f := file{path: "manifests/99-x.yaml", intro: []string{"a\nkind: Secret", "b\r\nc"},
		docs: []doc{{comment: []string{"x\ny: 1"}, obj: map[string]string{"apiVersion": "v1"}}}}
	b, err := encode("header\nname: evil", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if !strings.HasPrefix(l, "#") && l != "apiVersion: v1" {
			t.Errorf("line %q escaped its comment", l)
		}
	}
}
