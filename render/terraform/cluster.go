package terraform

import (
	"fmt"

	"github.com/iksplan/iksplan/model/catalog"
)

// clusterRes is the cluster resource's address.
func (m *module) clusterRes() string {
	if m.s.IsVPC() {
		return "ibm_container_vpc_cluster.cluster"
	}
	return "ibm_container_cluster.cluster"
}

// clusterID is the expression of the cluster's ID.
func (m *module) clusterID() ref { return ref(m.clusterRes() + ".id") }

// cluster.tf: the cluster with its default worker pool. The provider sends
// the default pool's flavor, size, zones and labels only at create and
// ignores later edits of them (flex.ApplyOnce in
// ibm/service/kubernetes/resource_ibm_container_vpc_cluster.go and
// resource_ibm_container_cluster.go), so pools.tf imports the default pool
// as its own worker-pool resource, which does apply later changes.
func (m *module) cluster() {
	f := m.f("cluster.tf")
	s := m.s
	f.note("The cluster and its default worker pool. Name, infrastructure, VPC or VLANs, service endpoints and")
	f.note("pod/service subnets are fixed at create 🔒: changing them in this file replaces the cluster.")
	if s.WorkerPools[0].Name != "default" {
		f.note("The design's first pool is %q; IKS names the pool created with the cluster \"default\".", s.WorkerPools[0].Name)
	}
	if s.IsVPC() {
		m.vpcCluster(f)
	} else {
		m.classicCluster(f)
	}
	m.secretsManager(f)
}

// secretsManager registers the design's Secrets Manager instance for the
// Ingress certificates, as the runbook's --sm-instance at create does.
func (m *module) secretsManager(f *file) {
	crn := m.s.Network.Ingress.TLSSecretsManager
	if crn == "" {
		return
	}
	m.variable("secrets_manager_crn", "CRN of the Secrets Manager instance for Ingress certificates (spec.network.ingress.tlsSecretsManager)", crn, false)
	f.note("The Secrets Manager instance that holds the Ingress certificates, the cluster's default.")
	r := f.add(newBlock("resource", "ibm_container_ingress_instance", "secrets_manager"))
	r.set("cluster", m.clusterID())
	r.setFrom("instance_crn", ref("var.secrets_manager_crn"), "spec.network.ingress.tlsSecretsManager")
	r.set("is_default", boolean(true))
	f.note("Kubernetes Service manages the certificates in Secrets Manager (IBM scopes the grant to all instances).")
	m.grant(f, "secrets_manager", catalog.AuthSecretsManager, "", "", "manages Ingress certificates")
	r.set("depends_on", list{ref("ibm_iam_authorization_policy.secrets_manager")})
}

func (m *module) vpcCluster(f *file) {
	s := m.s
	p := s.WorkerPools[0]
	c := f.add(newBlock("resource", "ibm_container_vpc_cluster", "cluster"))
	c.setFrom("name", str(m.c.Design.Metadata.Name), "metadata.name")
	if m.vpc().VPCID != "" {
		c.setFrom("vpc_id", m.vpcID(), "spec.network.vpc.vpcID")
	} else {
		// Renaming the VPC in the design renames it in place: the ID stays.
		c.set("vpc_id", m.vpcID())
	}
	c.setFrom("kube_version", str(s.KubernetesVersion), "spec.kubernetesVersion")
	c.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	m.endpointArgs(c)
	m.subnetArgs(c)
	if s.Security.ImageSignatureEnforcement {
		c.setFrom("image_security_enforcement", boolean(true), "spec.security.imageSignatureEnforcement")
	}
	c.gap()
	c.note("The default pool as created. The provider ignores later edits of flavor, worker_count,")
	c.note("operating_system, worker_labels and zones here: ibm_container_vpc_worker_pool.pool_1 in pools.tf")
	c.note("manages the pool after create.")
	c.setFrom("flavor", str(p.Flavor), "spec.workerPools[0].flavor")
	c.setFrom("worker_count", num(p.WorkersPerZone), "spec.workerPools[0].workersPerZone")
	c.setFrom("operating_system", str(string(p.OperatingSystem)), "spec.workerPools[0].operatingSystem")
	if len(p.Labels) > 0 {
		c.setFrom("worker_labels", labelsObject(p.Labels), "spec.workerPools[0].labels")
	}
	for i, z := range s.Zones {
		zb := c.add("zones")
		zb.setFrom("name", str(z), fmt.Sprintf("spec.zones[%d]", i))
		zb.set("subnet_id", m.subnetID(i))
	}
	m.taintBlocks(c, 0)
	hosts := m.hostPoolArgs(c, 0)
	m.kmsConfig(c)
	c.gap()
	if m.bootVolumeEncryption() {
		m.bootVolumeArgs(c)
	} else {
		c.note("Worker boot volumes keep IBM-managed encryption, as in the runbook (the design does not ask for")
		c.note("bootVolumeEncryption).")
	}
	c.set("wait_till", str("normal"))
	m.clusterDependsOn(c, hosts)
}

func (m *module) classicCluster(f *file) {
	s := m.s
	p := s.WorkerPools[0]
	c := f.add(newBlock("resource", "ibm_container_cluster", "cluster"))
	c.setFrom("name", str(m.c.Design.Metadata.Name), "metadata.name")
	c.setFrom("datacenter", str(s.Zones[0]), "spec.zones[0]")
	c.setFrom("kube_version", str(s.KubernetesVersion), "spec.kubernetesVersion")
	c.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	m.endpointArgs(c)
	m.subnetArgs(c)
	if s.Security.ImageSignatureEnforcement {
		c.setFrom("image_security_enforcement", boolean(true), "spec.security.imageSignatureEnforcement")
	}
	m.vlanArgs(c, 0)
	c.gap()
	c.note("The default pool as created, in the first zone. The provider ignores later edits of machine_type,")
	c.note("hardware, default_pool_size, disk_encryption, labels and the VLANs here: ibm_container_worker_pool.pool_1")
	c.note("and its zone attachments in pools.tf manage the pool after create.")
	c.setFrom("machine_type", str(p.Flavor), "spec.workerPools[0].flavor")
	c.setFrom("hardware", str(p.Isolation.Hardware()), "spec.workerPools[0].isolation")
	c.setFrom("default_pool_size", num(p.WorkersPerZone), "spec.workerPools[0].workersPerZone")
	c.setFrom("operating_system", str(string(p.OperatingSystem)), "spec.workerPools[0].operatingSystem")
	c.setFrom("disk_encryption", boolean(p.EncryptsDisk()), "spec.workerPools[0].diskEncryption")
	if len(p.Labels) > 0 {
		c.setFrom("labels", labelsObject(p.Labels), "spec.workerPools[0].labels")
	}
	m.taintBlocks(c, 0)
	m.kmsConfig(c)
	c.gap()
	c.set("wait_till", str("normal"))
	m.clusterDependsOn(c, nil)
}

// endpointArgs sets the master's service endpoints. A VPC master always
// has a private endpoint; private-only drops the public one. Classic
// clusters name both.
func (m *module) endpointArgs(c *block) {
	se := m.s.Network.ServiceEndpoints
	if m.s.IsVPC() {
		if !se.HasPublic() {
			c.setFrom("disable_public_service_endpoint", boolean(true), "spec.network.serviceEndpoints")
		}
		if !m.s.Network.VPC.BlocksOutbound() {
			c.setFrom("disable_outbound_traffic_protection", boolean(true), "spec.network.vpc.outboundTrafficProtection")
		}
		return
	}
	c.note("IBM can switch a classic master's endpoints after create (the runbook's network step does), but the")
	c.note("provider replaces the cluster when these two change: change them with ibmcloud ks, not here.")
	c.setFrom("private_service_endpoint", boolean(se.HasPrivate()), "spec.network.serviceEndpoints")
	c.setFrom("public_service_endpoint", boolean(se.HasPublic()), "spec.network.serviceEndpoints")
}

// subnetArgs sets the pod and service CIDRs when the design sets them
// (otherwise IBM's defaults apply).
func (m *module) subnetArgs(c *block) {
	n := m.s.Network
	if n.PodSubnet != "" {
		c.setFrom("pod_subnet", str(n.PodSubnet), "spec.network.podSubnet")
	}
	if n.ServiceSubnet != "" {
		c.setFrom("service_subnet", str(n.ServiceSubnet), "spec.network.serviceSubnet")
	}
}

// labelsObject is a pool's node labels as an HCL map.
func labelsObject(labels map[string]string) object {
	o := object{}
	for k, v := range labels {
		o[k] = str(v)
	}
	return o
}

// taintBlocks adds one taints block per taint of pool i.
func (m *module) taintBlocks(b *block, i int) {
	for j, t := range m.s.WorkerPools[i].Taints {
		tb := b.add("taints")
		path := fmt.Sprintf("spec.workerPools[%d].taints[%d]", i, j)
		tb.setFrom("key", str(t.Key), path+".key")
		tb.setFrom("value", str(t.Value), path+".value")
		tb.setFrom("effect", str(string(t.Effect)), path+".effect")
	}
}

// clusterDependsOn makes the cluster wait for its dedicated hosts (hosts)
// and for the KMS grant, which IBM requires before KMS is enabled.
func (m *module) clusterDependsOn(c *block, hosts list) {
	deps := hosts
	if !m.wantsKMS() {
		if len(deps) > 0 {
			c.set("depends_on", deps)
		}
		return
	}
	deps = append(deps, ref("ibm_iam_authorization_policy.iks_kms"))
	if m.bootVolumeEncryption() {
		deps = append(deps, ref("ibm_iam_authorization_policy.block_storage_kms"))
	}
	if m.s.Security.KMS.DualAuthDelete {
		deps = append(deps, ref("ibm_kms_key_policies.root"))
	}
	c.set("depends_on", deps)
}
