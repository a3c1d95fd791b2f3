package model

import (
	"math"
	"strings"
)

// This file is IBM's model of a worker: what IBM reserves on every worker
// (the tiers of containers-resource-limit-node), what the agents the design
// installs request on every worker, and the architect's extra headroom. The
// numbers come from the catalog (model/catalog/catalog.yaml, section
// workerNodes); model only does the arithmetic, in the integer units the
// kubelet and the scheduler use (millicores and MiB), so the zone-loss drill
// can give simulated nodes exactly the capacity the plan counts on.

// ReserveTier is one step of IBM's marginal reserve table: Percent of the
// next Size units (GiB or cores). Size 0 means "everything above".
type ReserveTier struct {
	Size    float64 `yaml:"size" json:"size"`
	Percent float64 `yaml:"percent" json:"percent"`
}

// WorkerReserves is IBM's table of what every worker keeps for the kubelet,
// the container runtime and evictions.
type WorkerReserves struct {
	// Memory tiers in GiB; EvictionMiB is the flat kubelet eviction reserve.
	Memory      []ReserveTier `yaml:"memory" json:"memory"`
	EvictionMiB float64       `yaml:"evictionMiB" json:"evictionMiB"`
	// CPU tiers in cores.
	CPU []ReserveTier `yaml:"cpu" json:"cpu"`
}

// tiered applies marginal tiers to amount.
func tiered(tiers []ReserveTier, amount float64) float64 {
	var out float64
	left := amount
	for _, t := range tiers {
		if left <= 0 {
			break
		}
		part := left
		if t.Size > 0 {
			part = min(left, t.Size)
		}
		out += part * t.Percent / 100
		left -= part
	}
	return out
}

// ReservedMilliCPU is the CPU IBM reserves on a worker with vcpu cores, in
// millicores, rounded up (IBM's 8-core figure 97.5m counts as 98m).
func (r WorkerReserves) ReservedMilliCPU(vcpu int) int64 {
	return int64(math.Ceil(tiered(r.CPU, float64(vcpu))*1000 - 1e-6))
}

// ReservedMiB is the memory IBM reserves on a worker with memGiB, in MiB,
// rounded up: the tiers plus the eviction reserve.
func (r WorkerReserves) ReservedMiB(memGiB int) int64 {
	return int64(math.Ceil(tiered(r.Memory, float64(memGiB))*1024 + r.EvictionMiB - 1e-6))
}

// IsZero reports whether no reserve table is known.
func (r WorkerReserves) IsZero() bool { return len(r.CPU) == 0 && len(r.Memory) == 0 }

// NodeAgent is a pod the design runs on every worker (a DaemonSet or a
// static pod), with its requests.
type NodeAgent struct {
	Name string
	// Kind is DaemonSet or static pod.
	Kind string
	// MilliCPU and MemoryMiB are the per-node requests; Known is false when
	// IBM publishes none: the agent is listed as "unknown" and counts as 0.
	MilliCPU  int64
	MemoryMiB int64
	Known     bool
	// Source is where the requests come from (chart, manifest, capture).
	Source string
}

// NodeFacts is the catalog's knowledge of workers beyond their flavors.
// The catalog implements it next to FlavorLookup.
type NodeFacts interface {
	// Reserves is IBM's reserve table.
	Reserves() WorkerReserves
	// NodeAgents lists the per-node pods the design s runs on every worker.
	NodeAgents(s *Spec) []NodeAgent
}

// NodeModel is how one design turns a flavor into usable capacity.
type NodeModel struct {
	// IBM is true when IBM's reserve table is known; otherwise the model is
	// the seed's: Headroom of each worker is kept for Kubernetes.
	IBM      bool
	Reserves WorkerReserves
	Agents   []NodeAgent
	// HeadroomPercent is the architect's extra headroom (overheadPercent).
	HeadroomPercent int
}

// NodeModelFor builds the design's node model from the catalog; lookup may
// be nil or lack NodeFacts, and then the seed's model applies.
func NodeModelFor(s *Spec, lookup FlavorLookup) NodeModel {
	m := NodeModel{HeadroomPercent: int(math.Round(s.Sizing.Overhead() * 100))}
	if nf, ok := lookup.(NodeFacts); ok && !nf.Reserves().IsZero() {
		m.IBM = true
		m.Reserves = nf.Reserves()
		m.Agents = nf.NodeAgents(s)
	}
	return m
}

// AgentRequests sums the known per-node requests of the agents.
func (m NodeModel) AgentRequests() (milliCPU, memMiB int64) {
	for _, a := range m.Agents {
		if a.Known {
			milliCPU += a.MilliCPU
			memMiB += a.MemoryMiB
		}
	}
	return milliCPU, memMiB
}

// WorkerCapacity is one worker of a flavor under a node model, step by step.
type WorkerCapacity struct {
	Flavor                      FlavorSpec
	RawMilliCPU, RawMiB         int64
	ReserveMilliCPU, ReserveMiB int64
	// Allocatable is what the kubelet reports: raw − IBM's reserve.
	AllocMilliCPU, AllocMiB int64
	// Agents is what the design's per-node pods request.
	AgentsMilliCPU, AgentsMiB int64
	// Headroom is the architect's share kept free of what is left.
	HeadroomMilliCPU, HeadroomMiB int64
	// Usable is what the workloads may request on this worker.
	UsableMilliCPU, UsableMiB int64
}

// Worker computes the capacity of one worker of flavor f.
func (m NodeModel) Worker(f FlavorSpec) WorkerCapacity {
	w := WorkerCapacity{Flavor: f, RawMilliCPU: int64(f.VCPU) * 1000, RawMiB: int64(f.MemoryGiB) * 1024}
	if m.IBM {
		w.ReserveMilliCPU = m.Reserves.ReservedMilliCPU(f.VCPU)
		w.ReserveMiB = m.Reserves.ReservedMiB(f.MemoryGiB)
		w.AgentsMilliCPU, w.AgentsMiB = m.AgentRequests()
	}
	w.AllocMilliCPU = w.RawMilliCPU - w.ReserveMilliCPU
	w.AllocMiB = w.RawMiB - w.ReserveMiB
	freeCPU := max(w.AllocMilliCPU-w.AgentsMilliCPU, 0)
	freeMiB := max(w.AllocMiB-w.AgentsMiB, 0)
	h := int64(min(max(m.HeadroomPercent, 0), 100))
	w.UsableMilliCPU = freeCPU * (100 - h) / 100
	w.UsableMiB = freeMiB * (100 - h) / 100
	w.HeadroomMilliCPU = freeCPU - w.UsableMilliCPU
	w.HeadroomMiB = freeMiB - w.UsableMiB
	return w
}

// Usable is the worker's usable capacity in vCPU and GiB.
func (w WorkerCapacity) Usable() Demand {
	return Demand{float64(w.UsableMilliCPU) / 1000, float64(w.UsableMiB) / 1024}
}

// PodUnit is the demand cut into equal replicas: the unit the plan packs
// onto workers, the requests of the application template's pods and of the
// zone-loss drill's workload. Cutting the demand this way makes the plan
// count whole pods per worker, as kube-scheduler does, instead of assuming
// the demand flows like a liquid into every worker's last millicore.
type PodUnit struct {
	// Replicas × (MilliCPU, MemoryMiB) ≥ the demand (each rounded up to a
	// whole millicore and MiB).
	Replicas  int
	MilliCPU  int64
	MemoryMiB int64
}

// PodsPerWorkerTarget is how many pods of the unit at least fit on one
// worker: the unit is at most 1/8 of a worker's usable capacity, so the
// part of a worker that no whole pod fills stays under 1/9 of it.
const PodsPerWorkerTarget = 8

// PodUnitFor cuts demand d into replicas for a cluster of zones whose
// workers offer w: the fewest replicas that are a multiple of Z and Z−1
// (even spread before and after a zone loss), at least 2, and each no more
// than 1/PodsPerWorkerTarget of the worker's usable capacity. The zero unit
// means no demand or a worker with nothing usable.
func PodUnitFor(d Demand, zones int, w WorkerCapacity) PodUnit {
	if d.IsZero() || w.UsableMilliCPU <= 0 || w.UsableMiB <= 0 {
		return PodUnit{}
	}
	step := 1
	if zones > 1 {
		step = zones * (zones - 1) // lcm(Z, Z−1): consecutive numbers are coprime
	}
	dc, dm := d.CPU*1000, d.MemoryGiB*1024
	uc, um := float64(w.UsableMilliCPU), float64(w.UsableMiB)
	n := max(2, int(math.Ceil(PodsPerWorkerTarget*dc/uc-1e-9)), int(math.Ceil(PodsPerWorkerTarget*dm/um-1e-9)))
	n = (n + step - 1) / step * step
	for {
		u := PodUnit{Replicas: n, MilliCPU: ceilInt(dc / float64(n)), MemoryMiB: ceilInt(dm / float64(n))}
		if u.MilliCPU*PodsPerWorkerTarget <= w.UsableMilliCPU && u.MemoryMiB*PodsPerWorkerTarget <= w.UsableMiB {
			return u
		}
		n += step
	}
}

func ceilInt(x float64) int64 { return int64(math.Ceil(x - 1e-9)) }

// IsZero reports whether there is no unit (no demand).
func (u PodUnit) IsZero() bool { return u.Replicas == 0 }

// Total is the demand the replicas request together.
func (u PodUnit) Total() Demand {
	return Demand{float64(u.MilliCPU) * float64(u.Replicas) / 1000, float64(u.MemoryMiB) * float64(u.Replicas) / 1024}
}

// PerWorker is how many pods of the unit fit on worker w by its requests.
func (u PodUnit) PerWorker(w WorkerCapacity) int {
	if u.IsZero() {
		return 0
	}
	n := int64(math.MaxInt32)
	if u.MilliCPU > 0 {
		n = min(n, w.UsableMilliCPU/u.MilliCPU)
	}
	if u.MemoryMiB > 0 {
		n = min(n, w.UsableMiB/u.MemoryMiB)
	}
	return int(max(n, 0))
}

// PodsPerZone is how many pods each zone must hold: after losing a zone
// when surviving one (⌈R/(Z−1)⌉), otherwise its even share (⌈R/Z⌉).
func (u PodUnit) PodsPerZone(zones int, survive bool) int {
	switch {
	case zones <= 1:
		return u.Replicas
	case survive:
		return (u.Replicas + zones - 2) / (zones - 1)
	default:
		return (u.Replicas + zones - 1) / zones
	}
}

// AgentCondition says when a per-node agent runs: on every worker, on one
// infrastructure, or when the design turns on what the agent serves.
type AgentCondition string

// The agent conditions the catalog may use.
const (
	AgentAlways      AgentCondition = "always"
	AgentClassic     AgentCondition = "classic"
	AgentVPC         AgentCondition = "vpc-gen2"
	AgentCloudLogs   AgentCondition = "cloud-logs"
	AgentLogAnalysis AgentCondition = "log-analysis"
	AgentMonitoring  AgentCondition = "monitoring"
	// AgentVPCFile: a volume of the design uses a VPC File storage class,
	// so the vpc-file-csi-driver add-on (and its node plug-in) is enabled.
	AgentVPCFile AgentCondition = "vpc-file-volumes"
)

// Valid reports whether c is a known condition.
func (c AgentCondition) Valid() bool {
	switch c {
	case AgentAlways, AgentClassic, AgentVPC, AgentCloudLogs, AgentLogAnalysis, AgentMonitoring, AgentVPCFile:
		return true
	}
	return false
}

// Holds reports whether the condition is true for design s.
func (c AgentCondition) Holds(s *Spec) bool {
	switch c {
	case AgentAlways:
		return true
	case AgentClassic:
		return s.IsClassic()
	case AgentVPC:
		return s.IsVPC()
	case AgentCloudLogs:
		return s.Logging.Backend == LogCloudLogs
	case AgentLogAnalysis:
		return s.Logging.Backend == LogLogAnalysis
	case AgentMonitoring:
		return s.Monitoring.Enabled
	case AgentVPCFile:
		if !s.IsVPC() {
			return false
		}
		for _, v := range s.Storage.Volumes {
			if strings.HasPrefix(v.StorageClass, "ibmc-vpc-file-") {
				return true
			}
		}
	}
	return false
}
