package doc

import (
	"fmt"
	"strconv"

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
	window := b.t("ops.up.noWindow")
	if up.MaintenanceWindow != "" {
		window = b.t("ops.up.window", "Window", md(up.MaintenanceWindow))
	}
	alb := b.t("ops.up.albAuto")
	if !up.ALBAutoUpdate {
		alb = b.t("ops.up.albPinned", "Cmd", lit("ibmcloud ks ingress alb update"))
	}
	d := Decision{
		Title:  b.t("ops.up.title"),
		Choice: b.t("ops.up.choice", "Behind", b.n("count.minorVersion", up.MaxMinorsBehind), "Days", strconv.Itoa(up.WorkerPatchDays), "Window", window, "ALB", alb),
		Seed:   b.t("ops.up.seed"),
		IBM:    b.t("ops.up.ibm", "Cmd", lit("ibmcloud ks cluster master update --cluster CLUSTER --version X.Y"), "Workers", b.workerPatchCmd()),
		Alternatives: []Alternative{
			{b.t("ops.up.altEOS"), b.t("ops.up.altEOSWhy")},
			{b.t("ops.up.altNewest"), b.t("ops.up.altNewestWhy")},
		},
		Runbook: b.runbook(view.StepVerify),
		Docs:    b.docs(urlVersions),
	}
	if v, ok := b.c.Catalog.Version(s.KubernetesVersion); ok {
		d.Consequences = append(d.Consequences, b.t("ops.up.eos", "Version", code(s.KubernetesVersion), "EOS", b.eosText(v)))
	}
	if vs := b.versionsNewestFirst(); len(vs) > 0 {
		d.Consequences = append(d.Consequences, b.upgradeWindow(vs[0].Version, up.MaxMinorsBehind))
	}
	if up.WorkerPatchDays > 14 {
		d.Consequences = append(d.Consequences, b.t("ops.up.skip", "Days", strconv.Itoa(up.WorkerPatchDays)))
	}
	d.Consequences = append(d.Consequences, b.t("ops.up.spare", "Link", b.secLink(secSizing)))
	return d
}

func (b *builder) autoscalerDecision() Decision {
	s := b.s
	a := s.Operations.Autoscaler
	d := Decision{
		Title: b.t("ops.as.title"),
		IBM: b.t("ops.as.ibm", "Addon", lit("cluster-autoscaler"), "Enable", lit("ibmcloud ks cluster addon enable cluster-autoscaler"), "CM", lit("iks-ca-configmap"),
			"NS", lit("kube-system"), "Key", lit("workerPoolsConfig.json"), "Resize", lit("worker-pool resize"), "Rebalance", lit("rebalance")),
		Runbook: b.runbook(view.StepAutoscaler),
		Docs:    b.docs(urlAutoscaler),
	}
	if !a.Enabled {
		d.Choice = b.t("ops.as.none", "Link", b.secLink(secSizing))
		d.Alternatives = []Alternative{{b.t("ops.as.alt"), b.t("ops.as.altWhy")}}
		d.Consequences = []string{b.t("ops.as.manual", "Cmd", lit("ibmcloud ks worker-pool resize"))}
		return d
	}
	d.Choice = b.t("ops.as.enabled", "Pools", b.n("count.pool", len(a.Pools)))
	d.Alternatives = []Alternative{{b.t("ops.as.altFixed"), b.t("ops.as.altFixedWhy")}}
	for _, ap := range a.Pools {
		for _, pp := range b.c.Plan.Pools {
			if s.WorkerPools[pp.Index].Name == ap.Pool && ap.MinPerZone < pp.WorkersPerZone {
				d.Consequences = append(d.Consequences, b.t("ops.as.shrink", "Pool", code(ap.Pool), "Min", strconv.Itoa(ap.MinPerZone),
					"Need", strconv.Itoa(pp.WorkersPerZone), "Scenario", b.scenario()))
			}
		}
	}
	d.Consequences = append(d.Consequences, b.t("ops.as.everyZone"))
	return d
}

// backupSummary restates the backup decision of the storage section for
// the operations reader.
func (b *builder) backupSummary() Decision {
	d := b.backupDecision()
	d.Title = b.t("ops.bk.title")
	d.Choice += b.t("ops.bk.where", "Link", b.secLink(secStorage))
	d.Seed, d.IBM, d.Alternatives = "", "", nil
	d.Consequences = append(d.Consequences, b.t("ops.bk.test"))
	return d
}

func (b *builder) autoscalerTable() Table {
	s := b.s
	a := s.Operations.Autoscaler
	t := newTable(b.t("hw.col.pool"), b.t("ops.as.col.planned"), b.t("ops.as.col.min"), b.t("ops.as.col.max"), b.t("ops.as.col.workers"))
	if !a.Enabled {
		return t
	}
	z := b.c.Plan.Zones
	for _, ap := range a.Pools {
		planned := b.t("ops.as.notAPool")
		for _, pp := range b.c.Plan.Pools {
			if s.WorkerPools[pp.Index].Name == ap.Pool {
				planned = fmt.Sprint(pp.WorkersPerZone)
			}
		}
		t.add(code(ap.Pool), planned, fmt.Sprint(ap.MinPerZone), fmt.Sprint(ap.MaxPerZone), b.t("ops.as.range", "Min", strconv.Itoa(ap.MinPerZone*z), "Max", strconv.Itoa(ap.MaxPerZone*z)))
	}
	return t
}
