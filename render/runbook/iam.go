package runbook

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/iksplan/iksplan/render/view"
)

// iam creates the design's access groups with their members and policies
// (seed slides 43–44). Platform roles govern `ibmcloud ks`; service roles
// become Kubernetes RBAC, so they are assigned in a separate policy, one per
// namespace when the group is limited to namespaces.
//
// Each part is checked on its own: the group, each member, each policy. A
// rerun after a step failed half-way (the group created, a member or a
// policy not yet) adds what is missing instead of taking the group's
// existence for the whole (rehearsal defect I). Each group's members and
// policies are read once, at its first has_member or has_policy, not once
// per check. Members and policies the design does not name are left as
// they are: they may have been added on purpose.
func (b *builder) iam() {
	bd := b.cur
	s := b.s
	bd.comment("Members must already be users of the account; invite new ones first with")
	bd.comment("ibmcloud account user-invite EMAIL (they accept by e-mail).")
	b.readBack("capture", "RESOURCE_GROUP_ID", view.StepIAM, "ID of the resource group",
		cmd("<id of the resource group>", "", "", "ibmcloud", "resource", "group", ref("RESOURCE_GROUP"), "--id")...)
	b.clusterID()
	for i, g := range s.IAM.AccessGroups {
		p := fmt.Sprintf("GROUP_%d", i+1)
		name := b.val(p, g.Name, hIAM, "")
		b.val(p+"_PLATFORM_ROLE", string(g.PlatformRole), hIAM, "IAM platform role on the cluster (ibmcloud ks)")
		b.val(p+"_SERVICE_ROLE", string(g.ServiceRole), hIAM, "IAM service role: Kubernetes RBAC inside the cluster")
		var members []string
		for j, m := range g.Members {
			v := fmt.Sprintf("%s_MEMBER_%d", p, j+1)
			b.val(v, m, hIAM, "")
			members = append(members, v)
		}
		var namespaces []string
		for j, ns := range g.Namespaces {
			v := fmt.Sprintf("%s_NAMESPACE_%d", p, j+1)
			b.val(v, ns, hIAM, "")
			namespaces = append(namespaces, v)
		}
		bd.blank()
		scope := b.text("every namespace")
		if len(namespaces) > 0 {
			scope = b.text(textArg(strconv.Itoa(len(namespaces))), " namespace(s)")
		}
		bd.comment("Access group %d: platform and service roles on this cluster, the service role in %s.", i+1, scope)
		bd.unlessExists(cmd("ibmcloud", "iam", "access-group", name), []any{"access group ", varRef(p)}, func() {
			bd.run(cmd("ibmcloud", "iam", "access-group-create", name, "-d", "iksplan: access to the cluster")...)
		})
		for _, m := range members {
			bd.ifNot(when("has_member", name, ref(m)), func() {
				bd.run(cmd("ibmcloud", "iam", "access-group-user-add", name, ref(m))...)
			})
		}
		for _, pol := range b.groupPolicies(p, namespaces) {
			bd.ifNot(when("has_policy", name, pol.key), func() {
				bd.run(cmd("ibmcloud", "iam", "access-group-policy-create", name, pol.flags)...)
			})
		}
	}
	bd.comment("IKS turns the service roles into RBAC bindings (ibm-view, ibm-edit, ibm-operate, ibm-admin) itself.")
}

// groupPolicy is one policy of an access group: the flags that create it
// and the key has_policy finds it by.
type groupPolicy struct {
	flags []word
	key   word
}

// groupPolicies lists group p's policies: the platform role on the cluster,
// the service role on the cluster or in each namespace, Viewer on the
// resource group.
func (b *builder) groupPolicies(p string, namespaces []string) []groupPolicy {
	platform, service := p+"_PLATFORM_ROLE", p+"_SERVICE_ROLE"
	onCluster := func(role string, attrs ...string) groupPolicy {
		flags := cmd("--roles", ref(role), "--service-name", iksService, "--service-instance", ref("CLUSTER_ID"))
		keyAttrs := map[string]any{"serviceName": iksService, "serviceInstance": varRef("CLUSTER_ID")}
		if len(attrs) == 2 {
			flags = append(flags, cmd("--attributes", cat(attrs[0]+"=", varRef(attrs[1])))...)
			keyAttrs[attrs[0]] = varRef(attrs[1])
		}
		return groupPolicy{flags: flags, key: policyKey(varRef(role), keyAttrs)}
	}
	out := []groupPolicy{onCluster(platform)}
	if len(namespaces) == 0 {
		out = append(out, onCluster(service))
	}
	for _, ns := range namespaces {
		out = append(out, onCluster(service, "namespace", ns))
	}
	out = append(out, groupPolicy{
		flags: cmd("--roles", "Viewer", "--resource-type", "resource-group", "--resource", ref("RESOURCE_GROUP_ID")),
		key:   policyKey("Viewer", map[string]any{"resourceType": "resource-group", "resource": varRef("RESOURCE_GROUP_ID")}),
	})
	return out
}

// policyKey is the word has_policy (templates/_runbook-helpers.tmpl)
// compares with a policy's key: its role, a space, its resource attributes
// but accountId as name=value sorted by name and joined by commas.
func policyKey(role any, attrs map[string]any) word {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := []any{role, " "}
	for i, n := range names {
		if i > 0 {
			parts = append(parts, ",")
		}
		parts = append(parts, n+"=", attrs[n])
	}
	return cat(parts...)
}
