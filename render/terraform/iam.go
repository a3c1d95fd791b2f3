package terraform

import "strconv"

// iam.tf: the design's access groups, their members and policies, as the
// runbook's IAM step creates them: the platform role and the service role
// (Kubernetes RBAC, per namespace when the group is limited to namespaces)
// on this cluster in separate policies, and Viewer on the resource group.
func (m *module) iam() {
	groups := m.s.IAM.AccessGroups
	if len(groups) == 0 {
		return
	}
	f := m.f("iam.tf")
	f.note("Members must already be users of the account (invite them first); IKS turns the service roles")
	f.note("into RBAC bindings (ibm-view, ibm-edit, ibm-operate, ibm-admin) itself.")
	for i, g := range groups {
		// Concatenation, not fmt: a render with 1,000 groups builds these
		// thousands of times.
		label := "group_" + strconv.Itoa(i+1)
		path := "spec.iam.accessGroups[" + strconv.Itoa(i) + "]"
		gr := f.add(newBlock("resource", "ibm_iam_access_group", label))
		gr.setFrom("name", str(g.Name), path+".name")
		gr.set("description", str("iksplan: access to the cluster"))
		// An expr, so the reference is boxed once for the four resources
		// that use it, not once each.
		var id expr = ref("ibm_iam_access_group." + label + ".id")
		if len(g.Members) > 0 {
			mb := f.add(newBlock("resource", "ibm_iam_access_group_members", label))
			mb.set("access_group_id", id)
			mb.setFrom("ibm_ids", strList(g.Members), path+".members")
		}
		p := f.add(newBlock("resource", "ibm_iam_access_group_policy", label+"_platform"))
		p.set("access_group_id", id)
		p.setFrom("roles", strList([]string{string(g.PlatformRole)}), path+".platformRole")
		m.clusterResources(p, "")
		if len(g.Namespaces) == 0 {
			sp := f.add(newBlock("resource", "ibm_iam_access_group_policy", label+"_service"))
			sp.set("access_group_id", id)
			sp.setFrom("roles", strList([]string{string(g.ServiceRole)}), path+".serviceRole")
			m.clusterResources(sp, "")
		}
		for j, ns := range g.Namespaces {
			sp := f.add(newBlock("resource", "ibm_iam_access_group_policy", label+"_service_ns_"+strconv.Itoa(j+1)))
			sp.set("access_group_id", id)
			sp.setFrom("roles", strList([]string{string(g.ServiceRole)}), path+".serviceRole")
			m.clusterResources(sp, ns)
		}
		rg := f.add(newBlock("resource", "ibm_iam_access_group_policy", label+"_resource_group"))
		rg.set("access_group_id", id)
		rg.set("roles", viewerRole)
		res := rg.add("resources")
		res.set("resource_type", str("resource-group"))
		res.set("resource", resourceGroupID)
	}
}

// viewerRole is the resource-group policies' roles, the same for every
// group (expressions are only read once built).
var viewerRole expr = strList([]string{"Viewer"})

// clusterResources scopes a policy to this cluster, and to one namespace
// when ns is set.
func (m *module) clusterResources(p *block, ns string) {
	r := p.add("resources")
	r.set("service", str(iksService))
	r.set("resource_instance_id", m.clusterID())
	if ns != "" {
		r.set("attributes", object{"namespace": str(ns)})
	}
}
