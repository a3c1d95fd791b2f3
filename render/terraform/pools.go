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

func (m *module) vpcPool(f *file, i int) {
	p := m.s.WorkerPools[i]
	path := fmt.Sprintf("spec.workerPools[%d]", i)
	if i > 0 {
		f.note("Pool %d: %s.", i+1, p.Purpose.Label())
	}
	r := f.add(newBlock("resource", "ibm_container_vpc_worker_pool", poolLabel(i)))
	r.set("cluster", m.clusterID())
	r.setFrom("worker_pool_name", str(m.poolName(i)), path+".name")
	r.setFrom("flavor", str(p.Flavor), path+".flavor")
	r.setFrom("worker_count", num(p.WorkersPerZone), path+".workersPerZone")
	r.setFrom("operating_system", str(string(p.OperatingSystem)), path+".operatingSystem")
	r.set("vpc_id", m.vpcID())
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	if i == 0 {
		r.set("import_on_create", boolean(true))
		r.set("orphan_on_delete", boolean(true))
	}
	if len(p.Labels) > 0 {
		r.setFrom("labels", labelsObject(p.Labels), path+".labels")
	}
	m.bootVolumeArgs(r)
	for z, zone := range m.s.Zones {
		zb := r.add("zones")
		zb.setFrom("name", str(zone), fmt.Sprintf("spec.zones[%d]", z))
		zb.set("subnet_id", m.subnetID(z))
	}
	m.taintBlocks(r, i)
}

func (m *module) classicPool(f *file, i int) {
	p := m.s.WorkerPools[i]
	path := fmt.Sprintf("spec.workerPools[%d]", i)
	if i > 0 {
		f.note("Pool %d: %s. A new pool has no zones; its zone attachments order the workers.", i+1, p.Purpose.Label())
	}
	r := f.add(newBlock("resource", "ibm_container_worker_pool", poolLabel(i)))
	r.set("cluster", m.clusterID())
	r.setFrom("worker_pool_name", str(m.poolName(i)), path+".name")
	r.setFrom("machine_type", str(p.Flavor), path+".flavor")
	r.setFrom("hardware", str(p.Isolation.Hardware()), path+".isolation")
	r.setFrom("size_per_zone", num(p.WorkersPerZone), path+".workersPerZone")
	r.setFrom("operating_system", str(string(p.OperatingSystem)), path+".operatingSystem")
	r.setFrom("disk_encryption", boolean(p.EncryptsDisk()), path+".diskEncryption")
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	if i == 0 {
		r.set("import_on_create", boolean(true))
		r.set("orphan_on_delete", boolean(true))
	}
	if len(p.Labels) > 0 {
		r.setFrom("labels", labelsObject(p.Labels), path+".labels")
	}
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
