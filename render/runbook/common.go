package runbook

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/iksplan/iksplan/render/view"
)

// Variable groups of the variables block, in the order they first appear.
const (
	hCluster = "Cluster"
	hZones   = "Zones (the first is where the cluster is created)"
	hPools   = "Worker pools (the first is the cluster's default pool)"
	hNetwork = "Network"
	hCharts  = "Helm chart versions"
	hStorage = "Storage and databases"
	hSecure  = "Encryption"
	hObserve = "Logging and monitoring"
	hIAM     = "IAM access groups"
	hVerify  = "Verification"
	hLater   = "Read back while the runbook runs"
)

// groupOrder is the order of the groups in the variables block.
var groupOrder = []string{hCluster, hZones, hPools, hNetwork, hStorage, hSecure, hObserve, hIAM, hVerify, hCharts, hLater}

// defineCommon defines the variables most steps use first, so the
// variables block starts with the cluster, its zones and its pools.
func (b *builder) defineCommon() {
	b.clusterVar()
	b.val("REGION", b.s.Region, hCluster, "IBM Cloud region")
	b.val("RESOURCE_GROUP", b.s.ResourceGroup, hCluster, "resource group of the cluster and its services (fixed at create)")
	b.val("K8S_VERSION", b.s.KubernetesVersion, hCluster, "Kubernetes major.minor; `ibmcloud ks versions` lists what IKS offers")
	for i := range b.s.Zones {
		b.zone(i)
	}
	for i := range b.s.WorkerPools {
		b.poolName(i)
		b.poolFlavor(i)
		b.poolWorkers(i)
		b.poolOS(i)
		if b.s.IsClassic() {
			b.poolHardware(i)
		}
	}
}

func (b *builder) clusterVar() word {
	return b.val("CLUSTER", b.c.Design.Metadata.Name, hCluster, "cluster name (fixed at create; part of the Ingress subdomain)")
}

// zoneName is the variable name of zone i.
func zoneName(i int) string { return fmt.Sprintf("ZONE_%d", i+1) }

func (b *builder) zone(i int) word {
	return b.val(zoneName(i), b.s.Zones[i], hZones, "")
}

// provider is the ks plug-in's provider keyword for the design.
func (b *builder) provider() string {
	if b.s.IsVPC() {
		return "vpc-gen2"
	}
	return "classic"
}

// poolName returns the pool's name. The first pool is the default pool,
// which IKS always names "default" whatever the design calls it.
func (b *builder) poolName(i int) word {
	if i == 0 {
		return b.val("DEFAULT_POOL", "default", hPools, "IKS names the pool created with the cluster \"default\"")
	}
	return b.val(fmt.Sprintf("POOL_%d_NAME", i+1), b.s.WorkerPools[i].Name, hPools, "")
}

func (b *builder) poolFlavor(i int) word {
	return b.val(fmt.Sprintf("POOL_%d_FLAVOR", i+1), b.s.WorkerPools[i].Flavor, hPools, "")
}

// poolWorkersName is the variable with pool i's workers per zone.
func poolWorkersName(i int) string { return fmt.Sprintf("POOL_%d_WORKERS", i+1) }

// poolWorkers is the pool's workers per zone. A pool whose flavor the
// catalog does not know has no computed size: the variable stays empty and
// the preflight asks for it.
func (b *builder) poolWorkers(i int) word {
	n := b.s.WorkerPools[i].WorkersPerZone
	comment := b.text("workers per zone")
	value := ""
	if n > 0 {
		value = strconv.Itoa(n)
	} else {
		comment = b.text("workers per zone: the catalog does not know this flavor, so no size was computed; set it")
	}
	return b.val(poolWorkersName(i), value, hPools, comment)
}

func (b *builder) poolOS(i int) word {
	return b.val(fmt.Sprintf("POOL_%d_OS", i+1), string(b.s.WorkerPools[i].OperatingSystem), hPools, "")
}

// poolHardware is the classic --hardware value: bare metal is ordered as
// dedicated hardware.
func (b *builder) poolHardware(i int) word {
	return b.val(fmt.Sprintf("POOL_%d_HARDWARE", i+1), b.s.WorkerPools[i].Isolation.Hardware(), hPools, "")
}

// poolLabels returns --label flags for the pool's node labels, sorted.
func (b *builder) poolLabels(i int) []word {
	p := b.s.WorkerPools[i]
	keys := make([]string, 0, len(p.Labels))
	for k := range p.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []word
	for j, k := range keys {
		out = append(out, lit("--label"), b.val(fmt.Sprintf("POOL_%d_LABEL_%d", i+1, j+1), k+"="+p.Labels[k], hPools, ""))
	}
	return out
}

// poolTaints returns --taint flags for the pool's taints.
func (b *builder) poolTaints(i int) []word {
	var out []word
	for j, t := range b.s.WorkerPools[i].Taints {
		out = append(out, lit("--taint"), b.val(fmt.Sprintf("POOL_%d_TAINT_%d", i+1, j+1), t.String(), hPools, ""))
	}
	return out
}

// clusterID is the cluster's ID, read back in the access step (IAM policies
// and context-based restrictions name the cluster by ID).
func (b *builder) clusterID() word {
	return b.later("CLUSTER_ID", view.StepAccess, "the cluster's ID")
}

// vlanWords returns the classic VLAN flags for zone i with the VLANs in
// PRIVATE_VLAN_i and PUBLIC_VLAN_i: the design's, or the ones runVLANs
// found in the account.
func (b *builder) vlanWords(i int) []word {
	cn := b.s.Network.Classic
	out := []word{lit("--private-vlan"), ref(fmt.Sprintf("PRIVATE_VLAN_%d", i+1))}
	if cn != nil && cn.PrivateOnlyWorkers {
		return append(out, lit("--private-only"))
	}
	return append(out, lit("--public-vlan"), ref(fmt.Sprintf("PUBLIC_VLAN_%d", i+1)))
}

func (b *builder) privateVLAN(i int) word {
	v := b.s.Network.Classic.VLANsFor(b.s.Zones[i])
	return b.val(fmt.Sprintf("PRIVATE_VLAN_%d", i+1), v.PrivateVLAN, hNetwork, "")
}

func (b *builder) publicVLAN(i int) word {
	v := b.s.Network.Classic.VLANsFor(b.s.Zones[i])
	comment := ""
	if v.PublicVLAN == "" {
		comment = b.text("public VLAN: the design names a private VLAN but no public one; set it (or choose private-only workers)")
	}
	return b.val(fmt.Sprintf("PUBLIC_VLAN_%d", i+1), v.PublicVLAN, hNetwork, comment)
}

// vpcID is the VPC's ID: the design's, or read back after creating it.
func (b *builder) vpcID() word {
	if v := b.s.Network.VPC; v != nil && v.VPCID != "" {
		return b.val("VPC_ID", v.VPCID, hNetwork, "existing VPC")
	}
	return b.later("VPC_ID", view.StepInfrastructure, "ID of the VPC")
}

// subnetID is zone i's subnet ID: the design's, or read back after
// creating the subnet.
func (b *builder) subnetID(i int) word {
	sn := b.s.Network.VPC.SubnetFor(b.s.Zones[i])
	name := fmt.Sprintf("SUBNET_%d_ID", i+1)
	if sn.SubnetID != "" {
		return b.val(name, sn.SubnetID, hNetwork, "existing subnet")
	}
	return b.later(name, view.StepInfrastructure, "ID of the new subnet")
}

// privateOnlyMaster reports whether the master has no public endpoint.
func (b *builder) privateOnlyMaster() bool {
	return !b.s.Network.ServiceEndpoints.HasPublic()
}

// clusterReady waits until the cluster reports state normal.
func (b *builder) clusterReady(minutes int) {
	bd := b.cur
	bd.call("wait_for", bd.msg("cluster ", varRef("CLUSTER"), " to be ready (state normal)"), lit(strconv.Itoa(minutes)),
		lit(`.state == "normal"`), lit(""),
		lit("ibmcloud"), lit("ks"), lit("cluster"), lit("get"), lit("--cluster"), b.clusterVar(), lit("--output"), lit("json"))
}

// allPoolsSized reports whether every pool has a computed size.
func (b *builder) allPoolsSized() bool {
	for _, p := range b.s.WorkerPools {
		if p.WorkersPerZone <= 0 {
			return false
		}
	}
	return true
}
