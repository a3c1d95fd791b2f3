package runbook

import (
	"fmt"

	"github.com/iksplan/iksplan/render/view"
)

// iam creates the design's access groups with their members and policies
// (seed slides 43–44). Platform roles govern `ibmcloud ks`; service roles
// become Kubernetes RBAC, so they are assigned in a separate policy, one per
// namespace when the group is limited to namespaces. A group that already
// exists is left alone: its policies may have been changed on purpose.
func (b *builder) iam() {
	bd := b.cur
	s := b.s
	bd.comment("Members must already be users of the account; invite new ones first with")
	bd.comment("ibmcloud account user-invite EMAIL (they accept by e-mail).")
	rg := ref("RESOURCE_GROUP_ID")
	b.readBack("capture", "RESOURCE_GROUP_ID", view.StepIAM, "ID of the resource group",
		cmd("<id of the resource group>", "", "", "ibmcloud", "resource", "group", ref("RESOURCE_GROUP"), "--id")...)
	for i, g := range s.IAM.AccessGroups {
		p := fmt.Sprintf("GROUP_%d", i+1)
		name := b.val(p, g.Name, hIAM, "")
		platform := b.val(p+"_PLATFORM_ROLE", string(g.PlatformRole), hIAM, "IAM platform role on the cluster (ibmcloud ks)")
		service := b.val(p+"_SERVICE_ROLE", string(g.ServiceRole), hIAM, "IAM service role: Kubernetes RBAC inside the cluster")
		var members []word
		for j, m := range g.Members {
			members = append(members, b.val(fmt.Sprintf("%s_MEMBER_%d", p, j+1), m, hIAM, ""))
		}
		var namespaces []word
		for j, ns := range g.Namespaces {
			namespaces = append(namespaces, b.val(fmt.Sprintf("%s_NAMESPACE_%d", p, j+1), ns, hIAM, ""))
		}
		bd.blank()
		scope := "every namespace"
		if len(namespaces) > 0 {
			scope = fmt.Sprintf("%d namespace(s)", len(namespaces))
		}
		bd.comment("Access group %d: platform and service roles on this cluster, the service role in %s.", i+1, scope)
		bd.ifElse(when("exists", cmd("ibmcloud", "iam", "access-group", name)...), func() {
			bd.say("access group ", varRef(p), " exists; its members and policies are left as they are")
		}, func() {
			bd.run(cmd("ibmcloud", "iam", "access-group-create", name, "-d", "iksplan: access to the cluster")...)
			if len(members) > 0 {
				bd.run(cmd("ibmcloud", "iam", "access-group-user-add", name, members)...)
			}
			bd.run(cmd("ibmcloud", "iam", "access-group-policy-create", name, "--roles", platform,
				"--service-name", iksService, "--service-instance", b.clusterID())...)
			if len(namespaces) == 0 {
				bd.run(cmd("ibmcloud", "iam", "access-group-policy-create", name, "--roles", service,
					"--service-name", iksService, "--service-instance", b.clusterID())...)
			}
			for j := range namespaces {
				bd.run(cmd("ibmcloud", "iam", "access-group-policy-create", name, "--roles", service,
					"--service-name", iksService, "--service-instance", b.clusterID(),
					"--attributes", cat("namespace=", varRef(fmt.Sprintf("%s_NAMESPACE_%d", p, j+1))))...)
			}
			bd.run(cmd("ibmcloud", "iam", "access-group-policy-create", name, "--roles", "Viewer",
				"--resource-type", "resource-group", "--resource", rg)...)
		})
	}
	bd.comment("IKS turns the service roles into RBAC bindings (ibm-view, ibm-edit, ibm-operate, ibm-admin) itself.")
}
