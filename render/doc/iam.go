package doc

import (
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// iam is the access matrix: who is in which group, what the group may do
// with ibmcloud ks (platform role) and inside the cluster (service role →
// RBAC).
func (b *builder) iam() IAMSection {
	s := b.s
	t := newTable(b.t("iam.col.group"), b.t("iam.col.members"), b.t("iam.col.platform"), b.t("iam.col.service"), "Kubernetes ClusterRole", b.t("iam.col.binding"), b.t("iam.col.scope"))
	admins := 0
	// The texts of a role are the same for every group that has it: made
	// once per role, not per group (a design may have 1,000 groups and a
	// handful of roles).
	unknown, allNS := b.t("iam.unknown"), b.t("iam.allNS")
	type serviceKey struct {
		role model.ServiceRole
		all  bool
	}
	type serviceText struct {
		label, role, binding string
		admin                bool
	}
	services := map[serviceKey]serviceText{}
	platforms := map[model.PlatformRole]string{}
	for _, g := range s.IAM.AccessGroups {
		all := g.AllNamespaces()
		k := serviceKey{g.ServiceRole, all}
		st, ok := services[k]
		if !ok {
			st = serviceText{label: md(label(b.translator, g.ServiceRole)), role: unknown, binding: unknown}
			if m, ok := b.c.Catalog.RBAC(g.ServiceRole, all); ok {
				st.role = code(m.ClusterRole)
				st.binding = md(m.BindingKind) + " " + code(m.Binding)
				if m.BindingKind != "ClusterRoleBinding" {
					if all {
						st.binding += b.t("iam.everyNS")
					} else {
						st.binding += b.t("iam.eachNS")
					}
				}
				st.admin = m.ClusterRole == "cluster-admin"
			}
			services[k] = st
		}
		if st.admin {
			admins++
		}
		platform, ok := platforms[g.PlatformRole]
		if !ok {
			platform = b.platformText(g.PlatformRole)
			platforms[g.PlatformRole] = platform
		}
		scope := allNS
		if !all {
			ns := make([]string, len(g.Namespaces))
			for i, n := range g.Namespaces {
				ns[i] = code(n)
			}
			scope = strings.Join(ns, ", ")
		}
		t.add(code(g.Name), mdList(g.Members), platform, st.label, st.role, st.binding, scope)
	}
	d := Decision{
		Title:  b.t("iam.title"),
		Choice: b.t("iam.choice", "Groups", b.n("count.accessGroup", len(s.IAM.AccessGroups)), "KS", lit("ibmcloud ks")),
		Seed:   b.t("iam.seed", "Admin", lit("ibm-admin"), "Edit", lit("ibm-edit"), "View", lit("ibm-view"), "Cmd", lit("kubectl get clusterrolebinding ibm-admin -o yaml")),
		IBM: b.t("iam.ibm", "ViewRole", lit("view"), "View", lit("ibm-view"), "EditRole", lit("edit"), "Edit", lit("ibm-edit"), "AdminRole", lit("admin"),
			"Operate", lit("ibm-operate"), "ClusterAdmin", lit("cluster-admin"), "Admin", lit("ibm-admin"), "KS", lit("ibmcloud ks")),
		Alternatives: []Alternative{{b.t("iam.altManual"), b.t("iam.altManualWhy")}},
		Runbook:      b.runbook(view.StepIAM),
		Docs:         b.docs(urlIAMRoles),
	}
	if admins > 1 {
		d.Consequences = append(d.Consequences, b.t("iam.admins", "N", strconv.Itoa(admins)))
	}
	d.Consequences = append(d.Consequences,
		b.t("iam.invite", "Cmd", lit("ibmcloud account user-invite"), "User", lit("IAM#user@example.com")),
		b.t("iam.reader"))
	notes := []string{
		b.t("iam.runner", "Infra", b.infraPermissions()),
		b.t("iam.apiKey", "Cmd", lit("ibmcloud ks api-key info --cluster CLUSTER")),
	}
	return IAMSection{Decision: d, Matrix: t, Notes: notes}
}

func (b *builder) infraPermissions() string {
	if b.s.IsClassic() {
		return b.t("iam.infraClassic", "Cmd", lit("ibmcloud ks infra-permissions get"))
	}
	return b.t("iam.infraVPC")
}

// platformText is "Viewer — list and inspect …" for a platform role.
func (b *builder) platformText(r model.PlatformRole) string {
	for _, c := range r.Choices() {
		if c.Value == r {
			return md(label(b.translator, c.Value)) + " — " + md(labelHelp(b.translator, c))
		}
	}
	return md(string(r))
}
