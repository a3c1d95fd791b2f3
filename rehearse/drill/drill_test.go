package drill

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
)

// scenario is one design the count test drills.
type scenario struct {
	name   string
	design func(t *testing.T) *model.Design
}

func preset(name string) func(t *testing.T) *model.Design {
	return func(t *testing.T) *model.Design {
		d, err := presets.Design(name)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
}

// scenarios: every preset, and two sizings of my choice: small VPC workers
// where IBM's reserves and the agents cost most, and two zones (each must
// carry the whole demand) without the observability agents.
func scenarios() []scenario {
	out := []scenario{}
	for _, n := range presets.Names() {
		out = append(out, scenario{n, preset(n)})
	}
	out = append(out,
		scenario{"small-vpc-workers", func(t *testing.T) *model.Design {
			d := preset("tokyo-vpc-production")(t)
			d.Metadata.Name = "small-vpc-workers"
			d.Spec.WorkerPools[0].Flavor = "bx2.4x16"
			d.Spec.Sizing.Demand = model.Demand{CPU: 12, MemoryGiB: 48}
			return d
		}},
		scenario{"two-zones-no-agents", func(t *testing.T) *model.Design {
			d := preset("tokyo-vpc-production")(t)
			d.Metadata.Name = "two-zones-no-agents"
			d.Spec.Zones = d.Spec.Zones[:2]
			d.Spec.WorkerPools[0].Flavor = "bx2.16x64"
			d.Spec.Sizing.Demand = model.Demand{CPU: 50, MemoryGiB: 150}
			d.Spec.Sizing.OverheadPercent = 5
			d.Spec.Monitoring.Enabled = false
			d.Spec.Logging.Backend = model.LogNone
			return d
		}},
	)
	return out
}

// TestPlanScenariosAreSizedByDemand keeps the scenarios meaningful without
// a cluster: by the model, count survives and count − 1 does not (were the
// count only the HA minimum, count − 1 would prove nothing).
func TestPlanScenariosAreSizedByDemand(t *testing.T) {
	cat := catalog.Default()
	for _, sc := range scenarios() {
		d := sc.design(t)
		plan := model.PlanCapacity(&d.Spec, cat)
		fp := plan.Pools[plan.FirstGeneral()]
		d.Spec.WorkerPools[0].WorkersPerZone = fp.Required - 1
		if !plan.Resilience.Covers() || model.PlanCapacity(&d.Spec, cat).Resilience.Covers() {
			t.Errorf("%s: by the model %d per zone must survive and %d must not", sc.name, fp.Required, fp.Required-1)
		}
		d.Spec.WorkerPools[0].WorkersPerZone = 0
		if _, err := PlanFor(d, plan); err != nil {
			t.Errorf("%s: %v", sc.name, err)
		}
	}
}

// TestDrillCountIsTheSmallestThatSurvives runs the drill with the real
// kube-scheduler (IKSPLAN_DRILL_KUBECONFIG: a control plane with kwok, as
// .ci/drill.sh starts it): at the model's count every replica is placed
// after the planned failure; at one worker per zone fewer some are not.
// Count − 1 is drilled on the first zone (the zones are alike); .ci/drill.sh
// drills every zone of every preset at the model's count.
func TestDrillCountIsTheSmallestThatSurvives(t *testing.T) {
	kubeconfig := os.Getenv("IKSPLAN_DRILL_KUBECONFIG")
	if kubeconfig == "" {
		t.Skip("IKSPLAN_DRILL_KUBECONFIG not set: needs a control plane with kube-scheduler and kwok (.ci/drill.sh)")
	}
	k := Kubectl{Bin: os.Getenv("KUBECTL"), Kubeconfig: kubeconfig}
	cat := catalog.Default()
	for _, sc := range scenarios() {
		t.Run(sc.name, func(t *testing.T) {
			d := sc.design(t)
			n := model.PlanCapacity(&d.Spec, cat).Pools[0].Required
			for _, tc := range []struct {
				count int
				want  bool
			}{{n - 1, false}, {n, true}} {
				d.Spec.WorkerPools[0].WorkersPerZone = tc.count
				plan := model.PlanCapacity(&d.Spec, cat)
				if plan.Resilience.Covers() != tc.want {
					t.Fatalf("%d per zone: the model says survives=%v, want %v", tc.count, plan.Resilience.Covers(), tc.want)
				}
				p, err := PlanFor(d, plan)
				if err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
				rs, err := Run(ctx, k, p, p.Failures()[:1], Options{})
				cancel()
				if err != nil {
					t.Fatalf("%d per zone: %v", tc.count, err)
				}
				r := rs[0]
				t.Logf("%d per zone: %s", tc.count, r.Line(p.Design))
				if r.Survived() != tc.want {
					t.Errorf("%d per zone: %s, want survived=%v", tc.count, r.Line(p.Design), tc.want)
				}
			}
		})
	}
}
