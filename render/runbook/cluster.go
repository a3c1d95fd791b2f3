package runbook

import (
	"fmt"

	"github.com/iksplan/iksplan/render/view"
)

// clusterReadyMinutes bounds the wait for a new cluster: IBM documents
// 30–60 minutes for workers to be provisioned.
const clusterReadyMinutes = 90

// jqZoneInPool is true when a worker pool (`worker-pool get --output json`)
// already spans the zone $v.
const jqZoneInPool = `any((.zones // [])[]; (.id // .zone // "") == env.JQ_V)`

// cluster creates the cluster with the default pool in the first zone,
// unless it exists, and waits until it is ready.
func (b *builder) cluster() {
	bd := b.cur
	s := b.s
	bd.comment("The cluster and its default worker pool, in the first zone. Name, infrastructure, zone's VLANs or")
	bd.comment("subnet, service endpoints and pod/service subnets are fixed at create.")
	if s.WorkerPools[0].Name != "default" {
		bd.comment("The design's first pool is %q; IKS names the pool created with the cluster \"default\".", s.WorkerPools[0].Name)
	}
	bd.unlessExists(cmd("ibmcloud", "ks", "cluster", "get", "--cluster", b.clusterVar()), []any{"cluster ", varRef("CLUSTER")}, func() {
		if s.IsVPC() {
			bd.run(b.createVPC()...)
		} else {
			b.runVLANs(0, b.createClassic())
		}
	})
	b.clusterReady(clusterReadyMinutes)
	b.poolLabelsAndTaints(0)
}

// createClassic is `ibmcloud ks cluster create classic` with the design's
// flags but the VLANs, which runVLANs adds.
func (b *builder) createClassic() []word {
	s := b.s
	p := s.WorkerPools[0]
	ws := cmd("ibmcloud", "ks", "cluster", "create", "classic",
		"--name", b.clusterVar(), "--zone", b.zone(0), "--flavor", b.poolFlavor(0), "--hardware", b.poolHardware(0),
		"--workers", b.poolWorkers(0), "--version", ref("K8S_VERSION"), "--operating-system", b.poolOS(0))
	if s.Network.ServiceEndpoints.HasPrivate() {
		ws = append(ws, lit("--private-service-endpoint"))
	}
	if s.Network.ServiceEndpoints.HasPublic() {
		ws = append(ws, lit("--public-service-endpoint"))
	}
	ws = append(ws, b.subnetFlags()...)
	if !p.EncryptsDisk() {
		ws = append(ws, lit("--disable-disk-encrypt"))
	}
	return append(ws, b.secretsManagerFlags()...)
}

// createVPC is `ibmcloud ks cluster create vpc-gen2` with the design's
// flags. A VPC master always has a private endpoint; private-only drops the
// public one.
func (b *builder) createVPC() []word {
	s := b.s
	ws := cmd("ibmcloud", "ks", "cluster", "create", "vpc-gen2",
		"--name", b.clusterVar(), "--zone", b.zone(0), "--vpc-id", b.vpcID(), "--subnet-id", b.subnetID(0),
		"--flavor", b.poolFlavor(0), "--workers", b.poolWorkers(0), "--version", ref("K8S_VERSION"),
		"--operating-system", b.poolOS(0))
	if b.privateOnlyMaster() {
		ws = append(ws, lit("--disable-public-service-endpoint"))
	}
	if !s.Network.VPC.BlocksOutbound() {
		ws = append(ws, lit("--disable-outbound-traffic-protection"))
	}
	ws = append(ws, b.subnetFlags()...)
	ws = append(ws, b.hostPoolFlags(0)...)
	ws = append(ws, b.bootVolumeKMSFlags()...)
	return append(ws, b.secretsManagerFlags()...)
}

// subnetFlags are --pod-subnet and --service-subnet when the design sets
// them (otherwise IBM's defaults apply).
func (b *builder) subnetFlags() []word {
	n := b.s.Network
	var ws []word
	if n.PodSubnet != "" {
		ws = append(ws, lit("--pod-subnet"), b.val("POD_SUBNET", n.PodSubnet, hNetwork, "pod CIDR (fixed at create)"))
	}
	if n.ServiceSubnet != "" {
		ws = append(ws, lit("--service-subnet"), b.val("SERVICE_SUBNET", n.ServiceSubnet, hNetwork, "service CIDR (fixed at create)"))
	}
	return ws
}

// secretsManagerFlags registers the design's Secrets Manager instance for
// Ingress certificates.
func (b *builder) secretsManagerFlags() []word {
	crn := b.s.Network.Ingress.TLSSecretsManager
	if crn == "" {
		return nil
	}
	return []word{lit("--sm-instance"), b.val("SECRETS_MANAGER_CRN", crn, hNetwork, "Secrets Manager instance for Ingress certificates")}
}

// jqPoolHas holds when the worker pool's map field (`worker-pool get
// --output json`: labels, taints) has every KEY=VALUE of the
// comma-separated $v. Labels are {"key": "value"} (ibm-api-shapes.md A.2);
// taints are read as {"key": "value:effect"}, the map bluemix-go's
// SetWorkerPoolTaints sends (INFERRED for the GET).
const jqPoolHas = `(env.JQ_V | split(",")) - ((.%s // {}) | to_entries | map("\(.key)=\(.value)")) | length == 0`

// poolLabelsAndTaints sets the pool's node labels and taints unless the
// pool has them already. Both commands replace the pool's custom labels or
// taints (and reload nothing), so a change made by hand is put right.
func (b *builder) poolLabelsAndTaints(i int) {
	if labels := b.poolLabels(i); len(labels) > 0 {
		b.unlessPoolHas(i, "labels", labels, cmd("ibmcloud", "ks", "worker-pool", "label", "set", "--cluster", b.clusterVar(), "--worker-pool", b.poolName(i), labels, "-f"))
	}
	b.poolTaintsSet(i)
}

// poolTaintsSet sets the pool's taints unless it has them already.
func (b *builder) poolTaintsSet(i int) {
	if taints := b.poolTaints(i); len(taints) > 0 {
		b.unlessPoolHas(i, "taints", taints, cmd("ibmcloud", "ks", "worker-pool", "taint", "set", "--cluster", b.clusterVar(), "--worker-pool", b.poolName(i), taints, "-f"))
	}
}

// unlessPoolHas runs set unless pool i's field already holds the values of
// flags (--label/--taint VALUE pairs).
func (b *builder) unlessPoolHas(i int, field string, flags []word, set []word) {
	bd := b.cur
	var parts []any
	for j := 1; j < len(flags); j += 2 {
		if len(parts) > 0 {
			parts = append(parts, ",")
		}
		parts = append(parts, varRef(flags[j].ref))
	}
	check := cmd(fmt.Sprintf(jqPoolHas, field), cat(parts...), "ibmcloud", "ks", "worker-pool", "get", "--cluster", b.clusterVar(), "--worker-pool", b.poolName(i), "--output", "json")
	bd.ifNot(when("json_has", check...), func() { bd.run(set...) })
}

// zones spreads the default pool over every further zone. `zone add`
// requires --worker-pool since CLI 1.0.652.
func (b *builder) zones() {
	bd := b.cur
	s := b.s
	bd.comment("One `zone add` per further zone; each zone gets the pool's size (workers per zone).")
	for i := 1; i < len(s.Zones); i++ {
		b.zoneAdd(0, i)
	}
	b.clusterReady(clusterReadyMinutes)
}

// zoneAdd adds zone z to pool i unless the pool spans it already.
func (b *builder) zoneAdd(i, z int) {
	bd := b.cur
	check := cmd(jqZoneInPool, b.zone(z), "ibmcloud", "ks", "worker-pool", "get", "--cluster", b.clusterVar(), "--worker-pool", b.poolName(i), "--output", "json")
	poolVar := "DEFAULT_POOL"
	if i > 0 {
		poolVar = fmt.Sprintf("POOL_%d_NAME", i+1)
	}
	bd.ifElse(when("json_has", check...), func() {
		bd.say("pool ", varRef(poolVar), " already spans ", varRef(zoneName(z)))
	}, func() {
		if b.s.IsVPC() {
			bd.run(cmd("ibmcloud", "ks", "zone", "add", "vpc-gen2", "--zone", b.zone(z), "--subnet-id", b.subnetID(z),
				"--cluster", b.clusterVar(), "--worker-pool", b.poolName(i))...)
			return
		}
		b.runVLANs(z, cmd("ibmcloud", "ks", "zone", "add", "classic", "--zone", b.zone(z), "--cluster", b.clusterVar(), "--worker-pool", b.poolName(i)))
	})
}

// workerPools creates the extra pools, each in every zone of the cluster.
// A new pool has no zones; nothing is ordered until `zone add`.
func (b *builder) workerPools() {
	bd := b.cur
	s := b.s
	for i := 1; i < len(s.WorkerPools); i++ {
		p := s.WorkerPools[i]
		bd.comment("Pool %d: %s.", i+1, p.Purpose.Label())
		bd.unlessExists(cmd("ibmcloud", "ks", "worker-pool", "get", "--cluster", b.clusterVar(), "--worker-pool", b.poolName(i)),
			[]any{"worker pool ", varRef(fmt.Sprintf("POOL_%d_NAME", i+1))}, func() {
				bd.run(b.createPool(i)...)
			})
		for z := range s.Zones {
			b.zoneAdd(i, z)
		}
		b.poolTaintsSet(i)
		bd.blank()
	}
	if s.IsClassic() {
		bd.comment("In zones where IBM created the VLANs, a new pool uses the cluster's VLANs in that zone.")
	}
	b.clusterReady(clusterReadyMinutes)
}

// createPool is `worker-pool create classic|vpc-gen2` with labels set at
// create time.
func (b *builder) createPool(i int) []word {
	s := b.s
	p := s.WorkerPools[i]
	ws := cmd("ibmcloud", "ks", "worker-pool", "create", b.provider(), "--name", b.poolName(i), "--cluster", b.clusterVar(),
		"--flavor", b.poolFlavor(i), "--size-per-zone", b.poolWorkers(i), "--operating-system", b.poolOS(i))
	if s.IsClassic() {
		ws = append(ws, lit("--hardware"), b.poolHardware(i))
	} else {
		ws = append(ws, lit("--vpc-id"), b.vpcID())
		ws = append(ws, b.hostPoolFlags(i)...)
		ws = append(ws, b.bootVolumeKMSFlags()...)
	}
	ws = append(ws, b.poolLabels(i)...)
	if !p.EncryptsDisk() {
		ws = append(ws, lit("--disable-disk-encrypt"))
	}
	return ws
}

// access downloads the kubeconfig and reads the cluster ID that IAM
// policies and context-based restrictions name.
func (b *builder) access() {
	bd := b.cur
	s := b.s
	bd.comment("The admin kubeconfig (certificates, not IAM tokens): the later steps apply cluster-wide objects.")
	ws := cmd("ibmcloud", "ks", "cluster", "config", "--cluster", b.clusterVar(), "--admin")
	if b.privateOnlyMaster() {
		bd.comment("The master has no public endpoint: run this from the IBM private network (VPN, Direct Link).")
		if s.IsVPC() {
			ws = append(ws, lit("--endpoint"), lit("vpe"))
		} else {
			ws = append(ws, lit("--endpoint"), lit("private"))
		}
	}
	bd.run(ws...)
	if !b.has(view.StepIAM) && !b.wantsCBR() {
		return
	}
	b.readBack("capture", "CLUSTER_ID", view.StepAccess, "the cluster's ID",
		cmd("<id of the cluster>", ".id", "", "ibmcloud", "ks", "cluster", "get", "--cluster", b.clusterVar(), "--output", "json")...)
}
