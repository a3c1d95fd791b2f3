package manifests

import (
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/rbacv1"
)

// deployerRole names the Role and RoleBinding in each stage namespace.
const deployerRole = "ci-deployer"

// deployVerbs is what rolling out a release takes: read the current state,
// create and change objects. No delete (a pipeline that prunes needs a
// person's review) and no RBAC, Secrets or pod exec.
var deployVerbs = []string{"get", "list", "watch", "create", "update", "patch"}

// deployerRules are the objects a release of the application template
// touches, plus read access to pods so the pipeline can report a failed
// rollout.
func deployerRules() []rbacv1.PolicyRule {
	return []rbacv1.PolicyRule{
		{APIGroups: []string{"apps"}, Resources: []string{"deployments"}, Verbs: deployVerbs},
		{APIGroups: []string{""}, Resources: []string{"services", "configmaps"}, Verbs: deployVerbs},
		{APIGroups: []string{"networking.k8s.io"}, Resources: []string{"ingresses"}, Verbs: deployVerbs},
		{APIGroups: []string{"policy"}, Resources: []string{"poddisruptionbudgets"}, Verbs: deployVerbs},
		{APIGroups: []string{"autoscaling"}, Resources: []string{"horizontalpodautoscalers"}, Verbs: deployVerbs},
		{APIGroups: []string{""}, Resources: []string{"pods"}, Verbs: []string{"get", "list", "watch"}},
	}
}

// rbacFile is 40-rbac.yaml: the CI deployer's ServiceAccount in its own
// namespace, and in each stage namespace a Role with only what a
// deployment needs, bound to that account.
func rbacFile(p *plan) file {
	sa := p.s.CICD.DeployerServiceAccount
	f := file{
		path: "manifests/40-rbac.yaml",
		intro: []string{
			"The CI/CD pipeline's least-privilege identity: service account " + sa + " in namespace " + p.deployerNS + ",",
			"allowed to roll out releases in each stage namespace and nothing else.",
		},
	}
	no := false
	f.docs = append(f.docs, doc{obj: &corev1.ServiceAccount{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta: metav1.ObjectMeta{Name: sa, Namespace: p.deployerNS},
		// The pipeline uses a token minted for it; no pod mounts one.
		AutomountServiceAccountToken: &no,
	}})
	for _, ns := range p.stageNamespaces() {
		f.docs = append(f.docs,
			doc{obj: &rbacv1.Role{
				TypeMeta:   metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "Role"},
				ObjectMeta: metav1.ObjectMeta{Name: deployerRole, Namespace: ns},
				Rules:      deployerRules(),
			}},
			doc{obj: &rbacv1.RoleBinding{
				TypeMeta:   metav1.TypeMeta{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "RoleBinding"},
				ObjectMeta: metav1.ObjectMeta{Name: deployerRole, Namespace: ns},
				Subjects:   []rbacv1.Subject{{Kind: rbacv1.ServiceAccountKind, Name: sa, Namespace: p.deployerNS}},
				RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "Role", Name: deployerRole},
			}},
		)
	}
	return f
}
