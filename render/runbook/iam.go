package runbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
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
	scratch := make([]word, 0, 12) // each policy's command, written out before the next is built
	for i, g := range s.IAM.AccessGroups {
		p := "GROUP_" + strconv.Itoa(i+1)
		name := b.val(p, g.Name, hIAM, "")
		b.val(p+"_PLATFORM_ROLE", string(g.PlatformRole), hIAM, "IAM platform role on the cluster (ibmcloud ks)")
		b.val(p+"_SERVICE_ROLE", string(g.ServiceRole), hIAM, "IAM service role: Kubernetes RBAC inside the cluster")
		members := make([]word, len(g.Members))
		for j, m := range g.Members {
			members[j] = b.val(p+"_MEMBER_"+strconv.Itoa(j+1), m, hIAM, "")
		}
		namespaces := make([]string, len(g.Namespaces))
		for j, ns := range g.Namespaces {
			namespaces[j] = p + "_NAMESPACE_" + strconv.Itoa(j+1)
			b.val(namespaces[j], ns, hIAM, "")
		}
		bd.blank()
		scope := b.text("every namespace")
		if len(namespaces) > 0 {
			scope = b.text(textArg(strconv.Itoa(len(namespaces))), " namespace(s)")
		}
		bd.comment("Access group %d: platform and service roles on this cluster, the service role in %s.", i+1, scope)
		bd.unlessExists([]word{lit("ibmcloud"), lit("iam"), lit("access-group"), name}, []any{"access group ", varRef(p)}, func() {
			bd.run(lit("ibmcloud"), lit("iam"), lit("access-group-create"), name, lit("-d"), groupDescription)
		})
		for _, m := range members {
			bd.ifNot(cond{lit("has_member"), name, m}, func() {
				bd.run(lit("ibmcloud"), lit("iam"), lit("access-group-user-add"), name, m)
			})
		}
		eachGroupPolicy(p, name, namespaces, scratch, func(create []word, key word) {
			bd.ifNot(cond{lit("has_policy"), name, key}, func() { bd.run(create...) })
		})
	}
	bd.comment("IKS turns the service roles into RBAC bindings (ibm-view, ibm-edit, ibm-operate, ibm-admin) itself.")
}

// eachGroupPolicy calls fn with each policy of group p (its name the word
// name): the command that creates it and the key has_policy finds it by.
// They are the platform role on the cluster, the service role on the
// cluster or in each namespace, Viewer on the resource group. Every
// command is built in buf, which fn must not keep: a group limited to
// namespaces has a policy per namespace, and at 1,000 groups a slice per
// command was the runbook's largest allocation.
func eachGroupPolicy(p string, name word, namespaces []string, buf []word, fn func(create []word, key word)) {
	platform, service := varRef(p+"_PLATFORM_ROLE"), varRef(p+"_SERVICE_ROLE")
	create := func() []word {
		return append(buf[:0], lit("ibmcloud"), lit("iam"), lit("access-group-policy-create"), name)
	}
	onCluster := func(role varRef, roleWord word, ns string) {
		ws := append(create(), lit("--roles"), roleWord, lit("--service-name"), lit(iksService), lit("--service-instance"), clusterIDRef)
		if ns == "" {
			fn(ws, policyKey(role, attr{"serviceInstance", varRef("CLUSTER_ID")}, attr{"serviceName", iksService}))
			return
		}
		ws = append(ws, lit("--attributes"), cat("namespace=", varRef(ns)))
		fn(ws, policyKey(role, attr{"namespace", varRef(ns)}, attr{"serviceInstance", varRef("CLUSTER_ID")}, attr{"serviceName", iksService}))
	}
	onCluster(platform, ref(string(platform)), "")
	serviceWord := ref(string(service))
	if len(namespaces) == 0 {
		onCluster(service, serviceWord, "")
	}
	for _, ns := range namespaces {
		onCluster(service, serviceWord, ns)
	}
	fn(append(create(), lit("--roles"), lit("Viewer"), lit("--resource-type"), lit("resource-group"), lit("--resource"), resourceGroupIDRef),
		policyKey("Viewer", attr{"resource", varRef("RESOURCE_GROUP_ID")}, attr{"resourceType", "resource-group"}))
}

// The references and constant words every access group's commands repeat,
// made once: ref builds its text, and a word boxed for cmd is an
// allocation, per command at 1,000 groups.
var (
	clusterIDRef       = ref("CLUSTER_ID")
	resourceGroupIDRef = ref("RESOURCE_GROUP_ID")
	groupDescription   = lit("iksplan: access to the cluster")
)

// attr is one resource attribute of a policy key: its name and its value,
// constant text (string) or a variable (varRef).
type attr struct {
	name  string
	value any
}

// policyKey is the word has_policy (templates/_runbook-helpers.tmpl)
// compares with a policy's key: its role, a space, its resource attributes
// but accountId as name=value sorted by name and joined by commas.
func policyKey(role any, attrs ...attr) word {
	// The callers list the attributes in order; sorting a sorted list
	// still cost a comparison closure per key.
	if !slices.IsSortedFunc(attrs, compareAttrs) {
		slices.SortFunc(attrs, compareAttrs)
	}
	parts := make([]any, 0, 2+4*len(attrs))
	parts = append(parts, role, " ")
	for i, a := range attrs {
		if i > 0 {
			parts = append(parts, ",")
		}
		parts = append(parts, a.name, "=", a.value)
	}
	return cat(parts...)
}

func compareAttrs(a, b attr) int { return strings.Compare(a.name, b.name) }

// iamVars is how many variables the IAM step defines, so the variables
// block is sized once for a design with many groups (newBuilder).
func iamVars(s *model.Spec) int {
	n := 0
	for _, g := range s.IAM.AccessGroups {
		n += 3 + len(g.Members) + len(g.Namespaces)
	}
	return n
}
