package terraform

import "fmt"

// Dedicated hosts for VPC pools with isolation dedicated, the same plan the
// runbook builds (view.HostPools: one host pool per worker pool, of the
// workers' flavor class in the region's metro, PerZone hosts in every zone).
// Provider 2.5.0 (terraform-provider-ibm 9f9b7ec,
// ibm/service/kubernetes/resource_ibm_container_dedicated_host_pool.go and
// resource_ibm_container_dedicated_host.go): the pool's ID is its resource
// ID; a host's create waits until IBM reports it available (40 min
// timeout), and its resource ID is "POOL/HOST". Workers are placed through
// host_pool_id on ibm_container_vpc_cluster (default pool, apply once) and
// ibm_container_vpc_worker_pool (force new); IBM's workflow
// (https://cloud.ibm.com/docs/containers?topic=containers-cluster-create-dedicated-hosts)
// creates the hosts before the cluster or pool, hence depends_on.

// hostPoolLabel is the resource label of pool i's dedicated host pool.
func hostPoolLabel(i int) string { return "hosts_" + poolLabel(i) }

// dedicatedHosts writes every host pool and its hosts.
func (m *module) dedicatedHosts(f *file) {
	for _, hp := range m.c.HostPools() {
		p := m.s.WorkerPools[hp.Pool]
		path := fmt.Sprintf("spec.workerPools[%d]", hp.Pool)
		f.note("Dedicated hosts of pool %s: %d × %s (%d vCPU / %d GiB) per zone; a host runs only %s.* workers.",
			p.Name, hp.PerZone, hp.Flavor.Name, hp.Flavor.VCPU, hp.Flavor.MemoryGiB, hp.Flavor.FlavorClass)
		hr := f.add(newBlock("resource", "ibm_container_dedicated_host_pool", hostPoolLabel(hp.Pool)))
		hr.setFrom("name", str(hp.Name), path+".name")
		hr.setFrom("flavor_class", str(hp.Flavor.FlavorClass), path+".flavor")
		hr.setFrom("metro", str(hp.Metro), "spec.region")
		hr.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
		for z, zone := range m.s.Zones {
			for h := 1; h <= hp.PerZone; h++ {
				r := f.add(newBlock("resource", "ibm_container_dedicated_host", fmt.Sprintf("%s_%s_%d", hostPoolLabel(hp.Pool), zoneLabel(z), h)))
				r.setFrom("flavor", str(hp.Flavor.Name), path+".dedicatedHosts.hostFlavor")
				r.set("host_pool_id", m.hostPoolID(hp.Pool))
				r.setFrom("zone", str(zone), fmt.Sprintf("spec.zones[%d]", z))
			}
		}
	}
}

// hostPoolID is the ID of pool i's dedicated host pool.
func (m *module) hostPoolID(i int) ref {
	return ref("ibm_container_dedicated_host_pool." + hostPoolLabel(i) + ".id")
}

// hostPoolArgs sets host_pool_id on pool i's resource (or the cluster's for
// pool 0) and returns the hosts the workers must wait for; nil when the pool
// is not on dedicated hosts.
func (m *module) hostPoolArgs(r *block, i int) list {
	hp, ok := m.c.HostPoolOf(i)
	if !ok {
		return nil
	}
	r.setFrom("host_pool_id", m.hostPoolID(i), fmt.Sprintf("spec.workerPools[%d].isolation", i))
	var deps list
	for z := range m.s.Zones {
		for h := 1; h <= hp.PerZone; h++ {
			deps = append(deps, ref(fmt.Sprintf("ibm_container_dedicated_host.%s_%s_%d", hostPoolLabel(i), zoneLabel(z), h)))
		}
	}
	return deps
}
