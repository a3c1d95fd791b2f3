package change

import (
	"strings"
	"sync"
)

// Impact is one row of the impact table: a design field (or a whole
// section, for every field below it) with its class, why, and the IBM
// source that makes it so.
type Impact struct {
	// Key is the field's YAML path with [*] for list elements; a key also
	// covers every field below it that has no row of its own.
	Key string
	// Class is the impact of changing the field. For fields whose impact
	// depends on the direction (zone added or removed, version up or down)
	// it is the usual case, and a judge in judge.go refines it.
	Class Class
	// Why says in one line what IBM does with such a change.
	Why string
	// Source is the IBM document or the terraform-provider-ibm attribute
	// (ForceNew in the provider schema snapshot, v2.5.0) that says so.
	Source string
}

const (
	docs       = "https://cloud.ibm.com/docs/containers?topic=containers-"
	tfProvider = "terraform-provider-ibm v2.5.0 schema (render/terraform/testdata/ibm-provider-schema.json): "
)

// table is the one impact table. Rows are looked up by exact key, then by
// the nearest parent key.
var table = []Impact{
	{"apiVersion", InPlace, "the design file's format; nothing on the cluster", docs + "faqs"},
	{"kind", InPlace, "the design file's format; nothing on the cluster", docs + "faqs"},
	{"metadata", InPlace, "the description and owner live only in the design document", docs + "faqs"},
	{"metadata.name", ClusterRecreate, "IBM fixes the cluster name at create and uses it in the Ingress subdomain", tfProvider + "ibm_container_vpc_cluster.name and ibm_container_cluster.name are ForceNew; " + docs + "kubernetes-service-cli#cs_cluster_create"},

	{"spec", InPlace, "applied by the runbook's idempotent steps or as Kubernetes manifests", docs + "kubernetes-service-cli"},
	{"spec.environment", InPlace, "changes which rules are strict; nothing on the cluster", docs + "strategy"},
	{"spec.infrastructure", ClusterRecreate, "a cluster is created on classic or on VPC and never moves between them", docs + "infrastructure_providers"},
	{"spec.resourceGroup", ClusterRecreate, "a cluster cannot move to another resource group", tfProvider + "ibm_container_vpc_cluster.resource_group_id is ForceNew; https://cloud.ibm.com/docs/account?topic=account-rgs"},
	{"spec.region", ClusterRecreate, "a cluster lives in the region it was created in", tfProvider + "ibm_container_cluster.datacenter is ForceNew; " + docs + "regions-and-zones"},
	{"spec.zones[*]", InPlace, "zone add and zone rm change a running cluster's zones pool by pool", docs + "kubernetes-service-cli#cs_zone_add"},
	{"spec.kubernetesVersion", Rolling, "the master updates first, one minor version at a time, then every worker is replaced (VPC) or updated (classic)", docs + "update"},
	{"spec.sizing", InPlace, "a new computed pool size is a worker-pool resize", docs + "kubernetes-service-cli#cs_worker_pool_resize"},

	{"spec.workerPools[*]", InPlace, "a new pool is worker-pool create then zone add; a removed pool is drained through the PDBs, then worker-pool rm", docs + "add-workers-vpc"},
	{"spec.workerPools[*].name", PoolReplace, "a pool keeps its name: another name is another pool (diff shows it as one removed and one added)", docs + "kubernetes-service-cli#cs_worker_pool_create"},
	{"spec.workerPools[*].isolation", PoolReplace, "a pool's hardware tenancy is set when it is created", tfProvider + "ibm_container_worker_pool.hardware and ibm_container_vpc_worker_pool.host_pool_id are ForceNew"},
	{"spec.workerPools[*].flavor", PoolReplace, "a pool's flavor is fixed: a new pool with the new flavor, then drain and remove the old", tfProvider + "ibm_container_vpc_worker_pool.flavor and ibm_container_worker_pool.machine_type are ForceNew; " + docs + "update#machine_type"},
	{"spec.workerPools[*].dedicatedHosts", PoolReplace, "a pool's dedicated host pool is named at worker-pool create (--dedicated-host-pool)", tfProvider + "ibm_container_vpc_worker_pool.host_pool_id and ibm_container_dedicated_host_pool.flavor_class are ForceNew"},
	{"spec.workerPools[*].dedicatedHosts.hostsPerZone", InPlace, "more hosts are dedicated host create in the same host pool; fewer are dedicated host rm after placement disable", docs + "dedicated-hosts"},
	{"spec.workerPools[*].workersPerZone", InPlace, "worker-pool resize adds or removes workers in every zone", docs + "kubernetes-service-cli#cs_worker_pool_resize"},
	{"spec.workerPools[*].operatingSystem", Rolling, "worker-pool operating-system set, then worker replace --update (VPC) or worker update (classic), worker by worker", docs + "kubernetes-service-cli#cs_worker_pool_os_set"},
	{"spec.workerPools[*].purpose", InPlace, "the purpose sets labels and taints, which worker-pool label set and taint set change in place", docs + "kubernetes-service-cli#worker_pool_taint"},
	{"spec.workerPools[*].labels", InPlace, "worker-pool label set changes the labels of every worker in place", docs + "kubernetes-service-cli#worker_pool_label_set"},
	{"spec.workerPools[*].taints", InPlace, "worker-pool taint set changes the taints of every worker in place", docs + "kubernetes-service-cli#worker_pool_taint"},
	{"spec.workerPools[*].diskEncryption", PoolReplace, "worker disk encryption is chosen at worker-pool create (--disable-disk-encrypt)", tfProvider + "ibm_container_worker_pool.disk_encryption is ForceNew; " + docs + "encryption"},

	{"spec.network", InPlace, "applied by the runbook in place", docs + "plan_basics"},
	{"spec.network.serviceEndpoints", InPlace, "the public service endpoint is enabled or disabled in place; the private one cannot be disabled once enabled", docs + "kubernetes-service-cli#cs_cluster_feature_disable"},
	{"spec.network.classic.privateOnlyWorkers", PoolReplace, "a worker's VLANs are set when it is created: new workers on the new VLANs, then drain and remove the old", docs + "kubernetes-service-cli#cs_zone_network_set"},
	{"spec.network.classic.vlans[*]", InPlace, "a zone's VLANs come and go with the zone", docs + "kubernetes-service-cli#cs_zone_add"},
	{"spec.network.classic.vlans[*].privateVLAN", PoolReplace, "zone network-set changes the VLANs for new workers only: the existing workers are replaced", docs + "kubernetes-service-cli#cs_zone_network_set"},
	{"spec.network.classic.vlans[*].publicVLAN", PoolReplace, "zone network-set changes the VLANs for new workers only: the existing workers are replaced", docs + "kubernetes-service-cli#cs_zone_network_set"},
	{"spec.network.vpc.vpcID", ClusterRecreate, "a VPC cluster stays in the VPC it was created in", tfProvider + "ibm_container_vpc_cluster.vpc_id is ForceNew; " + docs + "vpc-subnets"},
	{"spec.network.vpc.vpcName", ClusterRecreate, "the runbook finds the VPC by this name: another name is another VPC, and a cluster cannot move VPC", tfProvider + "ibm_container_vpc_cluster.vpc_id is ForceNew"},
	{"spec.network.vpc.subnets[*]", InPlace, "a zone's subnet comes and goes with the zone", docs + "kubernetes-service-cli#cs_zone_add"},
	{"spec.network.vpc.subnets[*].subnetID", PoolReplace, "the workers of a zone stay on their subnet: zone rm and zone add with the new subnet replace them", tfProvider + "ibm_container_vpc_cluster.zones.subnet_id is apply-once; " + docs + "vpc-subnets"},
	{"spec.network.vpc.subnets[*].ipv4AddressCount", PoolReplace, "a VPC subnet's size is fixed when it is created: a new subnet, then the zone's workers move to it", docs + "vpc-subnets"},
	{"spec.network.vpc.outboundTrafficProtection", InPlace, "vpc outbound-traffic-protection enable or disable, in place", docs + "sbd-allow-outbound"},
	{"spec.network.podSubnet", ClusterRecreate, "the pod subnet is chosen at cluster create", tfProvider + "pod_subnet is ForceNew on ibm_container_vpc_cluster and ibm_container_cluster; " + docs + "kubernetes-service-cli#cs_cluster_create"},
	{"spec.network.serviceSubnet", ClusterRecreate, "the service subnet is chosen at cluster create", tfProvider + "service_subnet is ForceNew on ibm_container_vpc_cluster and ibm_container_cluster; " + docs + "kubernetes-service-cli#cs_cluster_create"},
	{"spec.network.ingress", InPlace, "ALBs are enabled, disabled and configured in place", docs + "ingress-types"},

	{"spec.firewall", InPlace, "policies and CIS settings are applied in place", docs + "network_policies"},

	{"spec.storage", InPlace, "storage services and volumes are added in place", docs + "storage-plan"},
	{"spec.storage.objectStorage.enabled", InPlace, "turning Object Storage on creates the instance; turning it off deletes the buckets' data", "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-deleting-multiple-objects-patterns"},
	{"spec.storage.objectStorage.instanceName", DataRisk, "the runbook finds the instance by name: another name is another instance, and the old one's buckets stay behind", "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-provision"},
	{"spec.storage.objectStorage.buckets[*]", InPlace, "a new bucket is created in place; a removed bucket's data is deleted with it", "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-getting-started-cloud-object-storage"},
	{"spec.storage.objectStorage.buckets[*].resiliency", DataRisk, "a bucket's resiliency and location are fixed at creation: a new bucket and a copy of the data", "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-endpoints"},
	{"spec.storage.objectStorage.buckets[*].class", DataRisk, "a bucket's storage class is fixed at creation: a new bucket and a copy of the data", "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-classes"},
	{"spec.storage.databases[*]", InPlace, "a new database is provisioned in place; a removed one is deleted with its data", "https://cloud.ibm.com/docs/cloud-databases?topic=cloud-databases-provisioning"},
	{"spec.storage.databases[*].type", DataRisk, "another engine is another instance: the data must be migrated, the old instance deleted", "https://cloud.ibm.com/docs/cloud-databases?topic=cloud-databases-provisioning"},
	{"spec.storage.cloudant.enabled", InPlace, "turning Cloudant on provisions it; turning it off deletes its data", "https://cloud.ibm.com/docs/Cloudant?topic=Cloudant-getting-started-with-cloudant"},
	{"spec.storage.cloudant.instanceName", DataRisk, "another name is another instance: the old one's data stays behind", "https://cloud.ibm.com/docs/Cloudant?topic=Cloudant-getting-started-with-cloudant"},
	{"spec.storage.portworx.enabled", InPlace, "installing Portworx is in place; removing it loses the data on its volumes", docs + "portworx"},
	{"spec.storage.volumes[*]", InPlace, "a new claim is created in place; a removed claim deletes its volume's data unless the class retains it", docs + "storage-plan"},
	{"spec.storage.volumes[*].namespace", DataRisk, "a claim lives in its namespace: another namespace is a new, empty volume", docs + "storage-plan"},
	{"spec.storage.volumes[*].storageClass", DataRisk, "a volume keeps its storage class: a new volume and a copy of the data", docs + "storage-plan"},
	{"spec.storage.volumes[*].sizeGiB", InPlace, "a claim can grow where the class allows expansion; it can never shrink", docs + "vpc-block#vpc-block-volume-expand"},
	{"spec.storage.volumes[*].accessMode", DataRisk, "a volume's access mode is set when it is provisioned: a new volume and a copy of the data", docs + "storage-plan"},

	{"spec.logging", InPlace, "logging and Activity Tracker routes are configured in place", docs + "health"},
	{"spec.monitoring", InPlace, "the monitoring agent and alerts are configured in place", docs + "health-monitor"},

	{"spec.security", InPlace, "applied in place", docs + "encryption"},
	{"spec.security.kms.provider", InPlace, "kms enable turns on KMS encryption, or switches the provider, in place; it cannot be disabled once enabled", docs + "encryption#kms-keyprotect-features"},
	{"spec.security.kms.instanceName", InPlace, "kms enable with another instance switches the KMS provider instance in place", docs + "encryption#kms-keyprotect-features"},
	{"spec.security.kms.rootKeyName", InPlace, "kms enable with a new root key rotates the key in place; never delete the old one", docs + "encryption#kms-keyprotect-features"},
	{"spec.security.kms.bootVolumeEncryption", PoolReplace, "boot-volume encryption is set per pool at create (--kms-instance and --crk)", tfProvider + "ibm_container_vpc_worker_pool.kms_instance_id and crk are apply-once; " + docs + "encryption-vpc-worker-disks"},
	{"spec.security.imageSignatureEnforcement", InPlace, "cluster image-security enable or disable, in place", docs + "images#portieris-image-sec"},

	{"spec.iam", InPlace, "access groups and policies change in place", docs + "users"},
	{"spec.cicd", InPlace, "the pipeline and registry namespace change in place", docs + "cicd"},
	{"spec.operations", InPlace, "update policy, autoscaler and backups change in place", docs + "update"},
	{"spec.operations.autoscaler", InPlace, "the cluster-autoscaler add-on and its per-pool settings change in place", docs + "cluster-scaling-install-addon"},
	{"spec.namespaces", InPlace, "namespaces, quotas and Pod Security labels change in place; the change runbook never deletes a namespace", docs + "pod-security-admission"},
	{"spec.waivers", InPlace, "waivers change the findings only; nothing on the cluster", docs + "strategy"},
	{"spec.documentLanguage", InPlace, "the language of the rendered documents and runbook messages only; nothing on the cluster", docs + "strategy"},
}

// tableIndex is the table keyed by Key, built on first use: the commands
// that never classify a change (version, the wizard's first frame) do not
// pay for it at start (issue 15).
var tableIndex = sync.OnceValue(func() map[string]Impact {
	m := make(map[string]Impact, len(table))
	for _, r := range table {
		if _, dup := m[r.Key]; dup {
			panic("change: impact table row " + r.Key + " twice")
		}
		m[r.Key] = r
	}
	return m
})

// Table returns the impact table's rows, in table order.
func Table() []Impact { return append([]Impact(nil), table...) }

// Lookup returns the row for a field key (or concrete path): its own row,
// or the nearest parent's.
func Lookup(key string) (Impact, bool) {
	k := KeyOf(key)
	for {
		if r, ok := tableIndex()[k]; ok {
			return r, true
		}
		p := parentKey(k)
		if p == k {
			return Impact{}, false
		}
		k = p
	}
}

// FixedAtCreate reports whether a field cannot change on what exists (its
// pool or its cluster): the 🔒 mark of the document and the wizard. Only a
// field's own row counts, so a section default never marks a field.
func FixedAtCreate(key string) bool {
	r, ok := tableIndex()[KeyOf(key)]
	return ok && r.Class.FixedAtCreate()
}

// parentKey drops the last path step: a.b[*].c → a.b[*] → a.b → a.
func parentKey(k string) string {
	if strings.HasSuffix(k, "[*]") {
		return strings.TrimSuffix(k, "[*]")
	}
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[:i]
	}
	return k
}
