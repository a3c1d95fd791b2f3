package ibmcloud

import (
	"math"

	"github.com/iksplan/iksplan/model"
)

// allocatable is a flavor's capacity and what the kubelet leaves for pods
// after IBM's worker node resource reserves, applied tier by tier:
// memory 25% of the first 4 GB, 20% of the next 4, 10% of the next 8, 6%
// of the next 112, 2% above 128, plus a 100 MB eviction threshold; CPU 6%
// of core 1, 1% of cores 2–3, 0.5% of cores 4–5, 0.25% of each further
// core. GB read as GiB against the kubelet-reported capacity.
// https://cloud.ibm.com/docs/containers?topic=containers-planning_worker_nodes#resource-limit-node
// (lastupdated 2026-06-25; IBM's example: b3c.4x16 reserves 2.7 GB).
func allocatable(infra model.Infrastructure, flavor string) (capCPU, capMemKi, cpu, memKi int64) {
	f, ok := cat().Flavor(infra, flavor)
	if !ok {
		return 0, 0, 0, 0
	}
	capCPU = int64(f.VCPU) * 1000
	capMemKi = int64(f.MemoryGiB) * 1024 * 1024
	return capCPU, capMemKi, capCPU - int64(math.Ceil(cpuReserve(f.VCPU)*1000)), capMemKi - int64(math.Ceil(memReserveGiB(float64(f.MemoryGiB))*1024*1024))
}

func memReserveGiB(gib float64) float64 {
	tiers := []struct{ size, rate float64 }{{4, .25}, {4, .20}, {8, .10}, {112, .06}, {math.Inf(1), .02}}
	left, r := gib, 0.0
	for _, t := range tiers {
		if left <= 0 {
			break
		}
		part := math.Min(left, t.size)
		r += part * t.rate
		left -= part
	}
	return r + 100.0/1024
}

func cpuReserve(cores int) float64 {
	r := 0.0
	for i := 1; i <= cores; i++ {
		switch {
		case i == 1:
			r += .06
		case i <= 3:
			r += .01
		case i <= 5:
			r += .005
		default:
			r += .0025
		}
	}
	return r
}
