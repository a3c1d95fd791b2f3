// Package drill runs the zone-loss drill: simulated workers (kwok) exactly
// as the design provisions them, with the allocatable capacity of IBM's
// model; the design's per-node agents as pause pods with their real
// requests; a workload that requests exactly the design's demand, spread as
// the application template spreads; then one zone (or, in a single-zone
// design, one worker) is taken away and the real kube-scheduler shows
// whether every evicted replica finds a place. The model's verdict
// (model.CapacityPlan.Resilience) is printed beside the scheduler's, so a
// disagreement is a defect in the model.
package drill

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
)

// Labels and names the drill puts on what it creates, so it can find and
// remove exactly that.
const (
	Namespace      = "iksplan-drill"
	nodeLabel      = "drill.iksplan.io/node"
	poolLabel      = "ibm-cloud.kubernetes.io/worker-pool-name"
	workloadName   = "workload"
	workloadLabel  = "drill.iksplan.io/workload"
	agentLabel     = "drill.iksplan.io/agent"
	lostTaint      = "drill.iksplan.io/lost"
	pauseImage     = "registry.k8s.io/pause:3.10" // never pulled: kwok runs no container
	maxPodsPerNode = 110                          // the kubelet's default; the drill's pods stay far below it
)

// Node is one simulated worker.
type Node struct {
	Name, Zone, Pool, Flavor string
	Worker                   model.WorkerCapacity
}

// Agent is one DaemonSet of pause pods on every simulated worker (or on one
// pool's workers, for the headroom).
type Agent struct {
	Name      string
	MilliCPU  int64
	MemoryMiB int64
	// Pool limits the DaemonSet to one pool ("" = every worker).
	Pool string
}

// Plan is what the drill builds for one design.
type Plan struct {
	Design string
	Zones  []string
	Nodes  []Node
	Agents []Agent
	Unit   model.PodUnit
	// Multizone is false for a single-zone design: its planned failure is
	// one worker, not a zone.
	Multizone bool
	// ModelSurvives is the model's verdict for the planned failure.
	ModelSurvives bool
	Scenario      string
}

var nameUnsafe = lazyre.New(`[^a-z0-9-]+`)

func dnsName(parts ...string) string {
	s := strings.ToLower(strings.Join(parts, "-"))
	s = strings.Trim(nameUnsafe.ReplaceAllString(s, "-"), "-")
	if len(s) > 63 {
		s = strings.TrimRight(s[:63], "-")
	}
	return s
}

// PlanFor lays out the drill for design d with its capacity plan: every
// general pool with a known flavor, WorkersPerZone workers in every zone.
// Pools that do not carry the demand (GPU, edge, storage) are left out, as
// the model leaves them out of the sizing.
func PlanFor(d *model.Design, plan model.CapacityPlan) (Plan, error) {
	s := &d.Spec
	p := Plan{
		Design:        d.Metadata.Name,
		Zones:         s.Zones,
		Unit:          plan.Unit,
		Multizone:     len(s.Zones) > 1,
		ModelSurvives: plan.Resilience.Covers(),
		Scenario:      plan.Resilience.Scenario,
	}
	if len(s.Zones) == 0 {
		return p, fmt.Errorf("design %s has no zones", d.Metadata.Name)
	}
	if plan.Unit.IsZero() {
		return p, fmt.Errorf("design %s gives no demand (spec.sizing.demand): nothing to drill", d.Metadata.Name)
	}
	for _, a := range plan.Node.Agents {
		ag := Agent{Name: dnsName("agent", a.Name)}
		if a.Known {
			ag.MilliCPU, ag.MemoryMiB = a.MilliCPU, a.MemoryMiB
		}
		p.Agents = append(p.Agents, ag)
	}
	for _, pp := range plan.Pools {
		if !pp.CarriesDemand || !pp.FlavorKnown {
			continue
		}
		if pp.Worker.HeadroomMilliCPU > 0 || pp.Worker.HeadroomMiB > 0 {
			p.Agents = append(p.Agents, Agent{Name: dnsName("headroom", pp.Name), MilliCPU: pp.Worker.HeadroomMilliCPU, MemoryMiB: pp.Worker.HeadroomMiB, Pool: pp.Name})
		}
		for _, z := range s.Zones {
			for i := 1; i <= pp.WorkersPerZone; i++ {
				p.Nodes = append(p.Nodes, Node{Name: dnsName("drill", pp.Name, z, fmt.Sprint(i)), Zone: z, Pool: pp.Name, Flavor: pp.Flavor.Name, Worker: pp.Worker})
			}
		}
	}
	if len(p.Nodes) == 0 {
		return p, fmt.Errorf("design %s has no general pool with a known flavor", d.Metadata.Name)
	}
	return p, nil
}
