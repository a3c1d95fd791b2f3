package terraform

import "fmt"

// poolLabel is the resource label of pool i (pool_1 is the default pool).
func poolLabel(i int) string { return fmt.Sprintf("pool_%d", i+1) }

// pools.tf: every worker pool as its own resource. The default pool, which
// IKS creates with the cluster, is imported (import_on_create) so that
// changes of its size, labels, taints and zones after create are applied,
// which the cluster resource does not do.
func (m *module) pools() {
	f := m.f("pools.tf")
	f.note("Worker pools, each in every zone of the cluster. pool_1 is the pool IKS creates with the cluster:")
	f.note("import_on_create adopts it instead of creating another, and orphan_on_delete leaves it to the")
	f.note("cluster when this resource is removed.")
	if m.s.IsVPC() {
		m.dedicatedHosts(f)
	}
	for i := range m.s.WorkerPools {
		if m.s.IsVPC() {
			m.vpcPool(f, i)
		} else {
			m.classicPool(f, i)
		}
	}
}

func (m *module) poolName(i int) string {
	if i == 0 {
		return "default"
	}
	return m.s.WorkerPools[i].Name
}

// poolArgs names a pool resource's type and the arguments the VPC and the
// classic resources spell differently.
type poolArgs struct{ typ, flavor, size string }

var (
	vpcPoolArgs     = poolArgs{"ibm_container_vpc_worker_pool", "flavor", "worker_count"}
	classicPoolArgs = poolArgs{"ibm_container_worker_pool", "machine_type", "size_per_zone"}
)

// poolResource starts pool i's resource with what both infrastructures
// share: which cluster, name, flavor, workers per zone, operating system.
func (m *module) poolResource(f *file, i int, a poolArgs) *block {
	p := m.s.WorkerPools[i]
	path := fmt.Sprintf("spec.workerPools[%d]", i)
	r := f.add(newBlock("resource", a.typ, poolLabel(i)))
	r.set("cluster", m.clusterID())
	r.setFrom("worker_pool_name", str(m.poolName(i)), path+".name")
	r.setFrom(a.flavor, str(p.Flavor), path+".flavor")
	r.setFrom(a.size, num(p.WorkersPerZone), path+".workersPerZone")
	r.setFrom("operating_system", str(string(p.OperatingSystem)), path+".operatingSystem")
	return r
}

// poolOwnership ends the shared arguments: the resource group, the default
// pool's adoption (import_on_create, orphan_on_delete) and the labels.
func (m *module) poolOwnership(r *block, i int) {
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	if i == 0 {
		r.set("import_on_create", boolean(true))
		r.set("orphan_on_delete", boolean(true))
	}
	if l := m.s.WorkerPools[i].Labels; len(l) > 0 {
		r.setFrom("labels", labelsObject(l), fmt.Sprintf("spec.workerPools[%d].labels", i))
	}
}

func (m *module) vpcPool(f *file, i int) {
	if i > 0 {
		f.note("Pool %d: %s.", i+1, m.s.WorkerPools[i].Purpose.Label())
	}
	r := m.poolResource(f, i, vpcPoolArgs)
	r.set("vpc_id", m.vpcID())
	deps := m.hostPoolArgs(r, i)
	m.poolOwnership(r, i)
	m.bootVolumeArgs(r)
	for z, zone := range m.s.Zones {
		zb := r.add("zones")
		zb.setFrom("name", str(zone), fmt.Sprintf("spec.zones[%d]", z))
		zb.set("subnet_id", m.subnetID(z))
	}
	m.taintBlocks(r, i)
	if len(deps) > 0 {
		r.set("depends_on", deps)
	}
}

func (m *module) classicPool(f *file, i int) {
	p := m.s.WorkerPools[i]
	path := fmt.Sprintf("spec.workerPools[%d]", i)
	if i > 0 {
		f.note("Pool %d: %s. A new pool has no zones; its zone attachments order the workers.", i+1, p.Purpose.Label())
	}
	r := m.poolResource(f, i, classicPoolArgs)
	r.setFrom("hardware", str(p.Isolation.Hardware()), path+".isolation")
	r.setFrom("disk_encryption", boolean(p.EncryptsDisk()), path+".diskEncryption")
	m.poolOwnership(r, i)
	m.taintBlocks(r, i)
	for z, zone := range m.s.Zones {
		if i == 0 && z == 0 {
			continue // the cluster's datacenter
		}
		a := f.add(newBlock("resource", "ibm_container_worker_pool_zone_attachment", fmt.Sprintf("%s_%s", poolLabel(i), zoneLabel(z))))
		a.set("cluster", m.clusterID())
		a.set("worker_pool", ref(fmt.Sprintf("ibm_container_worker_pool.%s.worker_pool_id", poolLabel(i))))
		a.setFrom("zone", str(zone), fmt.Sprintf("spec.zones[%d]", z))
		a.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
		m.vlanArgs(a, z)
	}
}
