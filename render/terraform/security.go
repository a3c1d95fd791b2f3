package terraform

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

func (m *module) wantsKMS() bool {
	p := m.s.Security.KMS.Provider
	return p == model.KMSKeyProtect || p == model.KMSHyperProtect
}

// kmsInstanceGUID and rootKeyID are the expressions kms_config uses.
func (m *module) kmsInstanceGUID() ref {
	if m.s.Security.KMS.Provider == model.KMSHyperProtect {
		return "data.ibm_resource_instance.kms.guid"
	}
	return "ibm_resource_instance.kms.guid"
}

func (m *module) rootKeyID() ref {
	if m.s.Security.KMS.Provider == model.KMSHyperProtect {
		return "data.ibm_kms_key.root.keys[0].id"
	}
	return "ibm_kms_key.root.key_id"
}

// kmsConfig encrypts the cluster's secrets with the design's root key, as
// `ibmcloud ks kms enable` does in the runbook (private KMS endpoint: the
// CLI's default; its --public-endpoint flag is not used).
func (m *module) kmsConfig(c *block) {
	if !m.wantsKMS() {
		return
	}
	k := c.add("kms_config")
	k.setFrom("instance_id", m.kmsInstanceGUID(), "spec.security.kms.instanceName")
	k.setFrom("crk_id", m.rootKeyID(), "spec.security.kms.rootKeyName")
	k.set("private_endpoint", boolean(true))
}

// security.tf: the KMS instance and root key (Key Protect), or lookups of
// an existing Hyper Protect Crypto Services instance and key, and the
// service-to-service grants IKS needs to use the key.
func (m *module) security() {
	if !m.wantsKMS() {
		return
	}
	f := m.f("security.tf")
	k := m.s.Security.KMS
	f.note("Kubernetes secrets encrypted with your root key. Deleting or disabling the root key makes the")
	f.note("cluster unrecoverable: protect it with a dual-authorization deletion policy, and never let")
	f.note("`terraform destroy` remove it while the cluster lives.")
	// The KMS service name and Key Protect's plan: the catalog's
	// key-protect or hpcs entry, which Check requires.
	var service string
	if k.Provider == model.KMSKeyProtect {
		var plan string
		service, plan, _ = m.serviceEntry(k.Provider.CatalogID())
		r := f.add(newBlock("resource", "ibm_resource_instance", "kms"))
		r.setFrom("name", str(k.InstanceName), "spec.security.kms.instanceName")
		r.set("service", str(service))
		r.set("plan", str(plan))
		r.setFrom("location", str(m.s.Region), "spec.region")
		r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")

		key := f.add(newBlock("resource", "ibm_kms_key", "root"))
		key.set("instance_id", ref("ibm_resource_instance.kms.guid"))
		key.setFrom("key_name", str(k.RootKeyName), "spec.security.kms.rootKeyName")
		key.note("A root key (not a standard key): it wraps the cluster's data encryption keys.")
		key.set("standard_key", boolean(false))
		key.set("force_delete", boolean(false))
	} else {
		service, _, _ = m.serviceEntry(k.Provider.CatalogID())
		f.note("Hyper Protect Crypto Services must exist and be initialised (master key loaded by its custodians):")
		f.note("it is read, not created.")
		d := f.add(newBlock("data", "ibm_resource_instance", "kms"))
		d.setFrom("name", str(k.InstanceName), "spec.security.kms.instanceName")
		d.set("service", str(service))
		d.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
		key := f.add(newBlock("data", "ibm_kms_key", "root"))
		key.set("instance_id", ref("data.ibm_resource_instance.kms.guid"))
		key.setFrom("key_name", str(k.RootKeyName), "spec.security.kms.rootKeyName")
	}
	if k.DualAuthDelete {
		f.note("Dual authorization: deleting the root key needs a second person with Manager access to approve.")
		pol := f.add(newBlock("resource", "ibm_kms_key_policies", "root"))
		pol.set("instance_id", m.kmsInstanceGUID())
		pol.set("key_id", m.rootKeyID())
		pol.add("dual_auth_delete").setFrom("enabled", boolean(true), "spec.security.kms.dualAuthDelete")
	}
	f.note("IKS reads the root key through a service-to-service authorization (IBM's encryption-setup page asks")
	f.note("for it before KMS is enabled, with or without boot-volume encryption: the catalog's kms-kubernetes).")
	m.grant(f, "iks_kms", catalog.AuthKMSKubernetes, service, m.kmsInstanceGUID(), "reads its root key")
	if m.bootVolumeEncryption() {
		f.note("Boot-volume encryption: Cloud Block Storage (server-protect) reads the root key too")
		f.note("(https://cloud.ibm.com/docs/containers?topic=containers-encryption-vpc-worker-disks).")
		m.grant(f, "block_storage_kms", catalog.AuthBootVolumeBlockStorage, service, m.kmsInstanceGUID(), "boot volumes read the root key")
	}
}

// bootVolumeEncryption reports whether VPC worker boot volumes are
// encrypted with the design's root key.
func (m *module) bootVolumeEncryption() bool {
	return m.s.IsVPC() && m.wantsKMS() && m.s.Security.KMS.BootVolumeEncryption
}

// bootVolumeArgs encrypts a VPC pool's boot volumes with the root key, as
// the runbook's --kms-instance and --crk at create do. The provider sends
// both only at create and ignores later edits.
func (m *module) bootVolumeArgs(b *block) {
	if !m.bootVolumeEncryption() {
		return
	}
	b.note("Boot volumes encrypted with the root key; the provider ignores later edits of these two.")
	b.setFrom("kms_instance_id", m.kmsInstanceGUID(), "spec.security.kms.bootVolumeEncryption")
	b.setFrom("crk", m.rootKeyID(), "spec.security.kms.bootVolumeEncryption")
}

// grant writes the catalog's service-to-service authorization id. target
// replaces the catalog's "kms" (the design's key service); instance scopes
// it to one instance, "" to every instance of the target service.
func (m *module) grant(f *file, label, id, target string, instance ref, what string) {
	a := m.c.Catalog.MustAuthorization(id)
	tgt := a.TargetService
	if tgt == "kms" && target != "" {
		tgt = target
	}
	g := f.add(newBlock("resource", "ibm_iam_authorization_policy", label))
	g.set("source_service_name", str(a.SourceService))
	g.set("target_service_name", str(tgt))
	if instance != "" {
		g.set("target_resource_instance_id", instance)
	}
	g.set("roles", strList([]string{a.Role}))
	g.set("description", str("iksplan: "+m.c.Design.Metadata.Name+" "+what))
}
