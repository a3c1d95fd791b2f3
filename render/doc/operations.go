package doc

import (
	"fmt"

	"github.com/iksplan/iksplan/render/view"
)

// operations covers day 2: keeping the version current, scaling, backups.
func (b *builder) operations() OperationsSection {
	sec := OperationsSection{Decisions: []Decision{b.upgradeDecision(), b.autoscalerDecision(), b.backupSummary()}}
	sec.Autoscaler = b.autoscalerTable()
	return sec
}

func (b *builder) upgradeDecision() Decision {
	s := b.s
	up := s.Operations.Upgrades
	window := "no fixed maintenance window"
	if up.MaintenanceWindow != "" {
		window = "maintenance window " + md(up.MaintenanceWindow)
	}
	alb := "IBM updates the Ingress ALBs automatically"
	if !up.ALBAutoUpdate {
		alb = "ALB auto-update is **off**: the team pins ALB versions and updates them with " + lit("ibmcloud ks ingress alb update")
	}
	d := Decision{
		Title: "Upgrade policy",
		Choice: fmt.Sprintf("Keep the master within %s of the newest IKS version; apply worker fix packs every %d days; %s; %s.",
			plural(up.MaxMinorsBehind, "minor version", "minor versions"), up.WorkerPatchDays, window, alb),
		Seed: "Slide 13: IBM supports n, n-1 and n-2; n-3 is deprecated and then unsupported, so plan upgrades before the window closes.",
		IBM: "Update the master one minor version at a time with " + lit("ibmcloud ks cluster master update --cluster CLUSTER --version X.Y") + " (Operator role), then the workers: " +
			b.workerPatchCmd() + ". Workers may not be newer than the master and at most two minors behind it. IBM patches the master itself; " +
			"worker fix packs arrive every two weeks and are yours to apply. Changing the ALB version requires turning auto-update off first.",
		Alternatives: []Alternative{
			{"Upgrade only when a version reaches end of support", "fewer upgrades, but each one is rushed, two minors at once is impossible, and deprecated versions may stop getting security patches"},
			{"Always run the newest version", "longest support, but add-ons and charts must keep up"},
		},
		Runbook: b.runbook(view.StepVerify),
		Docs:    b.docs(urlVersions),
	}
	if v, ok := b.c.Catalog.Version(s.KubernetesVersion); ok {
		d.Consequences = append(d.Consequences, fmt.Sprintf("The chosen version %s reaches end of support on %s; the upgrade to the next minor must be done before then.", code(s.KubernetesVersion), b.eosText(v)))
	}
	if vs := b.versionsNewestFirst(); len(vs) > 0 {
		d.Consequences = append(d.Consequences, b.upgradeWindow(vs[0].Version, up.MaxMinorsBehind))
	}
	if up.WorkerPatchDays > 14 {
		d.Consequences = append(d.Consequences, fmt.Sprintf("Fix packs every %d days means skipping some of IBM's two-weekly releases; security fixes reach the workers later.", up.WorkerPatchDays))
	}
	d.Consequences = append(d.Consequences, "Fix packs replace or reload workers one at a time; the spare capacity from "+b.secLink(secSizing)+" carries the load meanwhile.")
	return d
}

func (b *builder) autoscalerDecision() Decision {
	s := b.s
	a := s.Operations.Autoscaler
	d := Decision{
		Title: "Cluster autoscaler",
		IBM: "The managed " + lit("cluster-autoscaler") + " add-on (" + lit("ibmcloud ks cluster addon enable cluster-autoscaler") + ") reads the pools' bounds from the ConfigMap " +
			lit("iks-ca-configmap") + " in " + lit("kube-system") + " (key " + lit("workerPoolsConfig.json") + "). Keep at least two workers per zone so ALB pods can spread, " +
			"and never " + lit("worker-pool resize") + " or " + lit("rebalance") + " an autoscaled pool by hand.",
		Runbook: b.runbook(view.StepAutoscaler),
		Docs:    b.docs(urlAutoscaler),
	}
	if !a.Enabled {
		d.Choice = "No autoscaler: pools keep the sizes of " + b.secLink(secSizing) + "."
		d.Alternatives = []Alternative{{"The cluster autoscaler", "adds workers when pods are pending and removes idle ones; needs bounds that never go below the sized capacity"}}
		d.Consequences = []string{"Growth beyond the planned capacity is a manual " + lit("ibmcloud ks worker-pool resize") + "."}
		return d
	}
	d.Choice = fmt.Sprintf("Enabled for %s (bounds in the table below).", plural(len(a.Pools), "pool", "pools"))
	d.Alternatives = []Alternative{{"Fixed pool sizes", "predictable cost, but peaks beyond the demand leave pods pending"}}
	for _, ap := range a.Pools {
		for _, pp := range b.c.Plan.Pools {
			if s.WorkerPools[pp.Index].Name == ap.Pool && ap.MinPerZone < pp.WorkersPerZone {
				d.Consequences = append(d.Consequences, fmt.Sprintf("**Pool %s may shrink to %d per zone, below the %d the sizing needs** to survive %s.",
					code(ap.Pool), ap.MinPerZone, pp.WorkersPerZone, b.c.Plan.Resilience.Scenario))
			}
		}
	}
	d.Consequences = append(d.Consequences, "The autoscaler adds workers in every zone of a pool alike, so one zone's pending pods grow the pool everywhere.")
	return d
}

// backupSummary restates the backup decision of the storage section for
// the operations reader.
func (b *builder) backupSummary() Decision {
	d := b.backupDecision()
	d.Title = "Backup operations"
	d.Choice += " The decision and its reasons are in " + b.secLink(secStorage) + "."
	d.Seed, d.IBM, d.Alternatives = "", "", nil
	d.Consequences = append(d.Consequences, "Test a restore at least once per quarter: a backup that was never restored is a hope, not a plan.")
	return d
}

func (b *builder) autoscalerTable() Table {
	s := b.s
	a := s.Operations.Autoscaler
	t := newTable("Pool", "Planned per zone", "Min per zone", "Max per zone", "Workers in the pool")
	if !a.Enabled {
		return t
	}
	z := b.c.Plan.Zones
	for _, ap := range a.Pools {
		planned := "not a pool of the design"
		for _, pp := range b.c.Plan.Pools {
			if s.WorkerPools[pp.Index].Name == ap.Pool {
				planned = fmt.Sprint(pp.WorkersPerZone)
			}
		}
		t.add(code(ap.Pool), planned, fmt.Sprint(ap.MinPerZone), fmt.Sprint(ap.MaxPerZone), fmt.Sprintf("%d to %d", ap.MinPerZone*z, ap.MaxPerZone*z))
	}
	return t
}
