package model

// Sizing is what the workloads need at peak and how much failure the
// cluster must absorb. The capacity engine (capacity.go) turns it into
// workers per zone.
type Sizing struct {
	Demand Demand `yaml:"demand" json:"demand"`
	// OverheadPercent is the share of each worker reserved for Kubernetes
	// itself (kubelet, runtime, system pods). The seed deck says about 10%.
	OverheadPercent int `yaml:"overheadPercent,omitempty" json:"overheadPercent,omitempty" jsonschema:"minimum=0,maximum=90,description=Share of each worker kept for Kubernetes itself; 0 or omitted: 10"`
	// SurviveZoneLoss sizes every zone so the rest can carry the whole
	// demand when one zone fails: 50% per zone, 150% in all, for 3 zones.
	SurviveZoneLoss bool `yaml:"surviveZoneLoss" json:"surviveZoneLoss" jsonschema:"description=Size each zone so the others carry 100% of the demand when one zone is lost"`
}

// Demand is an amount of compute: vCPU and memory in GiB.
type Demand struct {
	CPU       float64 `yaml:"cpu" json:"cpu" jsonschema:"minimum=0,maximum=100000,description=vCPU the workloads request at peak"`
	MemoryGiB float64 `yaml:"memoryGiB" json:"memoryGiB" jsonschema:"minimum=0,maximum=1000000,description=Memory in GiB the workloads request at peak"`
}

// IsZero reports whether no demand was given.
func (d Demand) IsZero() bool { return d.CPU == 0 && d.MemoryGiB == 0 }

// Scale returns d multiplied by f.
func (d Demand) Scale(f float64) Demand { return Demand{d.CPU * f, d.MemoryGiB * f} }

// DefaultOverheadPercent is the seed deck's "k8s overhead, about 10%".
const DefaultOverheadPercent = 10

// Overhead returns the overhead as a fraction, applying the default.
func (s Sizing) Overhead() float64 {
	if s.OverheadPercent <= 0 {
		return DefaultOverheadPercent / 100.0
	}
	return float64(s.OverheadPercent) / 100.0
}
