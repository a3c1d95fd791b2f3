package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// iam is the access matrix: who is in which group, what the group may do
// with ibmcloud ks (platform role) and inside the cluster (service role →
// RBAC).
func (b *builder) iam() IAMSection {
	s := b.s
	t := newTable("Access group", "Members", "Platform role", "Service role", "Kubernetes ClusterRole", "Binding", "Namespace scope")
	admins := 0
	for _, g := range s.IAM.AccessGroups {
		all := g.AllNamespaces()
		role, binding := "unknown", "unknown"
		if m, ok := b.c.Catalog.RBAC(g.ServiceRole, all); ok {
			role = code(m.ClusterRole)
			binding = md(m.BindingKind) + " " + code(m.Binding)
			if m.BindingKind != "ClusterRoleBinding" {
				if all {
					binding += " in every namespace"
				} else {
					binding += " in each listed namespace"
				}
			}
			if m.ClusterRole == "cluster-admin" {
				admins++
			}
		}
		scope := "all namespaces"
		if !all {
			ns := make([]string, len(g.Namespaces))
			for i, n := range g.Namespaces {
				ns[i] = code(n)
			}
			scope = strings.Join(ns, ", ")
		}
		t.add(code(g.Name), mdList(g.Members), platformText(g.PlatformRole),
			md(label(b.translator, g.ServiceRole)), role, binding, scope)
	}
	d := Decision{
		Title:  "IAM and Kubernetes RBAC",
		Choice: fmt.Sprintf("%s, each with a platform role for %s and a service role that IKS turns into Kubernetes RBAC.", plural(len(s.IAM.AccessGroups), "access group", "access groups"), lit("ibmcloud ks")),
		Seed: "Slide 43: when several people work on a cluster, give each the right permissions. Slide 44: IBM Cloud IAM roles are mapped inside the cluster to Kubernetes ClusterRoles " +
			"through default bindings — " + lit("ibm-admin") + " → admin, " + lit("ibm-edit") + " → edit, " + lit("ibm-view") + " → view; check them with " + lit("kubectl get clusterrolebinding ibm-admin -o yaml") + ".",
		IBM: "Today the **service** roles, not the platform roles, become RBAC: Reader → " + lit("view") + " (RoleBinding " + lit("ibm-view") + "), Writer → " + lit("edit") +
			" (" + lit("ibm-edit") + "), Manager in a namespace → " + lit("admin") + " (" + lit("ibm-operate") + "), Manager in all namespaces → " + lit("cluster-admin") +
			" (ClusterRoleBinding " + lit("ibm-admin") + "). Platform roles (Viewer, Editor, Operator, Administrator) govern " + lit("ibmcloud ks") +
			" actions only. Assign platform and service roles in separate policies; IKS syncs IAM to RBAC by itself.",
		Alternatives: []Alternative{{"Kubernetes RBAC managed by hand", "bindings drift from IAM and survive people leaving; IAM access groups keep one source of truth"}},
		Runbook:      b.runbook(view.StepIAM),
		Docs:         b.docs(urlIAMRoles),
	}
	if admins > 1 {
		d.Consequences = append(d.Consequences, fmt.Sprintf("**%d groups hold cluster-admin** (Manager on all namespaces); keep it to one small group.", admins))
	}
	d.Consequences = append(d.Consequences,
		"Members are invited to the account with "+lit("ibmcloud account user-invite")+" before they can join a group; in RBAC they appear as "+lit("IAM#user@example.com")+".",
		"Reader cannot read Secrets or roles; give it to auditors and dashboards.")
	notes := []string{
		"Whoever runs the runbook needs Administrator on the Kubernetes Service and on Container Registry" + b.infraPermissions() + ".",
		"The cluster's API key impersonates the user who set it (one key per region and resource group); check it with " + lit("ibmcloud ks api-key info --cluster CLUSTER") + ".",
	}
	return IAMSection{Decision: d, Matrix: t, Notes: notes}
}

func (b *builder) infraPermissions() string {
	if b.s.IsClassic() {
		return ", plus the classic infrastructure permissions (Super User or equivalent; check with " + lit("ibmcloud ks infra-permissions get") + ")"
	}
	return ", plus Administrator on VPC Infrastructure"
}

// platformText is "Viewer — list and inspect …" for a platform role.
func platformText(r model.PlatformRole) string {
	for _, c := range r.Choices() {
		if c.Value == r {
			return md(c.Label) + " — " + md(c.Help)
		}
	}
	return md(string(r))
}
