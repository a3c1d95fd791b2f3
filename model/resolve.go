package model

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Clone returns a deep copy of the design, so callers can apply defaults or
// computed values without touching the user's answers.
func (d *Design) Clone() *Design {
	b, err := yaml.Marshal(d)
	if err != nil {
		panic(fmt.Sprintf("clone design: %v", err)) // only plain data: cannot fail
	}
	var c Design
	if err := yaml.Unmarshal(b, &c); err != nil {
		panic(fmt.Sprintf("clone design: %v", err))
	}
	return &c
}

// Resolve returns the fully resolved design: a copy with every default
// applied and each pool's computed workersPerZone written in, as render
// writes it to design.yaml. Pools whose flavor the lookup does not know keep
// their value.
func Resolve(d *Design, flavors FlavorLookup) *Design {
	r := d.Clone()
	ApplyDefaults(r)
	plan := PlanCapacity(&r.Spec, flavors)
	for i := range r.Spec.WorkerPools {
		pp := plan.Pools[i]
		if r.Spec.WorkerPools[i].WorkersPerZone == 0 && (pp.FlavorKnown || !pp.CarriesDemand) {
			r.Spec.WorkerPools[i].WorkersPerZone = pp.WorkersPerZone
		}
	}
	return r
}
