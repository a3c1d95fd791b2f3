package catalog

import (
	"fmt"
	"time"

	"github.com/iksplan/iksplan/internal/kube/resource"

	"github.com/iksplan/iksplan/model"
)

// WorkerNodes is what IBM keeps on every worker and what the agents a
// design installs request there: the inputs of IBM's capacity model.
type WorkerNodes struct {
	Section `yaml:",inline" json:",inline"`
	// Checked is the "last updated" date of the reserve page the tiers were
	// read from.
	Checked  string               `yaml:"checked" json:"checked"`
	Reserves model.WorkerReserves `yaml:"reserves" json:"reserves"`
	Agents   []Agent              `yaml:"agents" json:"agents"`
}

// Agent is one pod that runs on every worker (DaemonSet or static pod).
type Agent struct {
	Name string `yaml:"name" json:"name"`
	// Kind is DaemonSet or static pod.
	Kind string `yaml:"kind" json:"kind"`
	// When lists conditions that must all hold for the agent to run.
	When []model.AgentCondition `yaml:"when" json:"when"`
	// CPU and Memory are the per-node requests as Kubernetes quantities,
	// or "unknown" where IBM publishes nothing.
	CPU    string `yaml:"cpu" json:"cpu"`
	Memory string `yaml:"memory" json:"memory"`
	// Source names the chart, manifest or capture the requests come from,
	// and AsOf the date of that source.
	Source string `yaml:"source" json:"source"`
	AsOf   string `yaml:"asOf" json:"asOf"`
	Note   string `yaml:"note,omitempty" json:"note,omitempty"`
}

// unknownRequest marks a request IBM does not publish.
const unknownRequest = "unknown"

// requests parses the agent's requests; known is false when either is
// "unknown".
func (a Agent) requests() (milliCPU, memMiB int64, known bool, err error) {
	if a.CPU == unknownRequest || a.Memory == unknownRequest {
		if a.CPU != a.Memory {
			return 0, 0, false, fmt.Errorf("agent %s: cpu and memory must both be known or both %q", a.Name, unknownRequest)
		}
		return 0, 0, false, nil
	}
	c, err := resource.ParseQuantity(a.CPU)
	if err != nil {
		return 0, 0, false, fmt.Errorf("agent %s: cpu %q: %w", a.Name, a.CPU, err)
	}
	m, err := resource.ParseQuantity(a.Memory)
	if err != nil {
		return 0, 0, false, fmt.Errorf("agent %s: memory %q: %w", a.Name, a.Memory, err)
	}
	const mi = 1 << 20
	return c.MilliValue(), (m.Value() + mi - 1) / mi, true, nil
}

// Reserves implements model.NodeFacts.
func (c *Catalog) Reserves() model.WorkerReserves { return c.WorkerNodes.Reserves }

// NodeAgents implements model.NodeFacts: the agents whose conditions all
// hold for s, in catalog order.
func (c *Catalog) NodeAgents(s *model.Spec) []model.NodeAgent {
	var out []model.NodeAgent
	for _, a := range c.WorkerNodes.Agents {
		runs := true
		for _, w := range a.When {
			runs = runs && w.Holds(s)
		}
		if !runs {
			continue
		}
		cpu, mem, known, err := a.requests()
		if err != nil {
			known = false // Check refuses such a catalog; never guess
		}
		out = append(out, model.NodeAgent{Name: a.Name, Kind: a.Kind, MilliCPU: cpu, MemoryMiB: mem, Known: known, Source: a.Source})
	}
	return out
}

// checkWorkerNodes checks the reserve tiers and the agents.
func (c *Catalog) checkWorkerNodes(add addFunc) {
	w := c.WorkerNodes
	if w.Source == "" {
		add("workerNodes: source URL is missing")
	}
	if !isDate(w.Checked) {
		add("workerNodes: checked %q is not a YYYY-MM-DD date", w.Checked)
	}
	for _, t := range []struct {
		name  string
		tiers []model.ReserveTier
	}{{"memory", w.Reserves.Memory}, {"cpu", w.Reserves.CPU}} {
		if len(t.tiers) == 0 {
			add("workerNodes: no %s reserve tiers", t.name)
			continue
		}
		for i, r := range t.tiers {
			last := i == len(t.tiers)-1
			switch {
			case r.Percent < 0 || r.Percent > 100:
				add("workerNodes: %s tier %d: percent %v is not 0–100", t.name, i+1, r.Percent)
			case last && r.Size != 0:
				add("workerNodes: %s: the last tier must have size 0 (everything above)", t.name)
			case !last && r.Size <= 0:
				add("workerNodes: %s tier %d: size must be positive", t.name, i+1)
			}
		}
	}
	if w.Reserves.EvictionMiB < 0 {
		add("workerNodes: evictionMiB is negative")
	}
	seen := map[string]bool{}
	for _, a := range w.Agents {
		if seen[a.Name] {
			add("workerNodes: agent %q listed twice", a.Name)
		}
		seen[a.Name] = true
		if a.Source == "" {
			add("workerNodes: agent %s has no source", a.Name)
		}
		if !isDate(a.AsOf) {
			add("workerNodes: agent %s: asOf %q is not a YYYY-MM-DD date", a.Name, a.AsOf)
		}
		if len(a.When) == 0 {
			add("workerNodes: agent %s: when is empty", a.Name)
		}
		for _, cond := range a.When {
			if !cond.Valid() {
				add("workerNodes: agent %s: unknown condition %q", a.Name, cond)
			}
		}
		if cpu, mem, _, err := a.requests(); err != nil {
			add("workerNodes: %v", err)
		} else if cpu < 0 || mem < 0 {
			add("workerNodes: agent %s: negative requests", a.Name)
		}
	}
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
