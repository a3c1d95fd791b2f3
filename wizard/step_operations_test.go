package wizard

import (
	"reflect"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// opsDesign has two pools and the seed's two buckets.
func opsDesign() *model.Design {
	d := tokyoVPC()
	d.Spec.WorkerPools = append(d.Spec.WorkerPools, model.WorkerPool{Name: "batch", Flavor: "cx2.16x32", WorkersPerZone: 2})
	d.Spec.Storage.ObjectStorage.Enabled = true
	d.Spec.Storage.ObjectStorage.Buckets = []model.Bucket{
		{Name: "shop-prod-assets", Resiliency: model.ResiliencyRegional, Class: model.BucketSmart},
		{Name: "shop-prod-backups", Resiliency: model.ResiliencyCrossRegion, Class: model.BucketVault},
	}
	d.Spec.CICD.Registry.Region = "us" // the blank design's default, before the region was chosen
	model.ApplyDefaults(d)
	return d
}

func TestOperationsStepWalk(t *testing.T) {
	d := opsDesign()
	h := newHarness(t, d, StepOperations).ExpectPage("operations/pipeline")

	// Pipeline: GitLab and Tekton.
	h.Down(1).Enter().Enter().ExpectPage("operations/registry")

	// Registry: a registry in another geography is pointed out; the
	// cluster's regional registry is the first option. A bad namespace.
	expectLive(t, h, "images from us.icr.io but the cluster is in jp-tok (jp.icr.io)")
	h.Up(6).ExpectView("jp.icr.io (the cluster's region)")
	expectLive(t, h, "images: jp.icr.io/NAMESPACE/IMAGE:TAG")
	h.Enter()
	h.Type("Shop!").Enter().ExpectView("4–30 lowercase letters")
	h.Clear().Type("shop").Enter().Enter().ExpectPage("operations/stages") // KMS and image security: the Security step

	// Stages: staging, production with approval, a third added and removed.
	h.Up(1).Enter().Type("staging").Enter().Type("shop-staging").Enter().Enter().ExpectPage("operations/stages")
	h.Up(2).Enter().Type("production").Enter().Type("shop").Enter().Key("y").ExpectPage("operations/stages")
	expectLive(t, h, "Plan → Code → Build → Test → Release (staging → production*) → Operate → Monitor")
	h.Up(2).Enter().Type("staging").Enter().Type("x").Enter().Enter().ExpectView("already exists")
	h.Clear().Type("canary").Enter().Clear().Type("shop-canary").Enter().Enter().ExpectPage("operations/stages")
	h.Up(1).Enter().Enter().Key("y").ExpectPage("operations/stages")
	h.Enter().ExpectPage("operations/deployer")
	expectLive(t, h, "a Role to deploy in shop-staging, shop and nothing else")
	h.Enter().ExpectPage("operations/upgrades")

	// Upgrades: two minors behind allowed, fix packs every 30 days (the
	// live text warns), a window, ALB auto-update kept.
	expectLive(t, h, "Kubernetes 1.35; newest 1.36: 1 minor behind, the policy allows 1")
	h.Down(1).Enter().Clear().Type("30")
	expectLive(t, h, "fix packs every 30 days", "ibmcloud ks worker replace --update")
	h.Enter().Type("Sun 02:00-05:00 JST").Enter().Enter().ExpectPage("operations/autoscaler")

	// Autoscaler on: the first pool, min above max refused; the second
	// pool added and removed.
	h.Key("y").ExpectPage("operations/autoscale").Up(1).Enter().ExpectPage("operations/autoscale-pool")
	expectLive(t, h, "3 zones: 6 to 12 workers in all", "do not run `ibmcloud ks worker-pool resize`")
	h.Enter().Clear().Type("1")
	expectLive(t, h, "below 2 per zone the public ALB pods cannot spread")
	h.Clear().Type("5").Enter().Enter().ExpectPage("operations/autoscale-pool").ExpectView("above the maximum")
	h.Enter().Clear().Type("3").Enter().Clear().Type("6").Enter().ExpectPage("operations/autoscale")
	h.Up(2).Enter().ExpectView("batch").Enter().Enter().Enter().ExpectPage("operations/autoscale")
	h.Up(1).Enter().Enter().Key("y").ExpectPage("operations/autoscale")
	h.Enter().ExpectPage("operations/backups")

	// Backups to the cross-region bucket (offered first), a cron schedule.
	h.Down(1).Enter().ExpectPage("operations/backup-details")
	h.Enter().Type("every day").Enter().ExpectView("not a cron schedule")
	h.Clear().Type("0 3 * * *").Enter().Clear().Type("30").Enter().ExpectPage("review/summary")

	ci, ops := d.Spec.CICD, d.Spec.Operations
	if ci.Git != model.GitGitLab || ci.Pipeline != model.PipelineTekton || ci.Registry != (model.Registry{Region: "jp", Namespace: "shop"}) ||
		!ci.VulnerabilityScanning || ci.DeployerServiceAccount != "ci-deployer" {
		t.Errorf("cicd: %+v", ci)
	}
	wantStages := []model.Stage{{Name: "staging", Namespace: "shop-staging"}, {Name: "production", Namespace: "shop", Approval: true}}
	if !reflect.DeepEqual(ci.Stages, wantStages) {
		t.Errorf("stages: %+v", ci.Stages)
	}
	if ops.Upgrades != (model.UpgradePolicy{MaxMinorsBehind: 2, WorkerPatchDays: 30, MaintenanceWindow: "Sun 02:00-05:00 JST", ALBAutoUpdate: true}) {
		t.Errorf("upgrades: %+v", ops.Upgrades)
	}
	if !ops.Autoscaler.Enabled || !reflect.DeepEqual(ops.Autoscaler.Pools, []model.AutoscaledPool{{Pool: "default", MinPerZone: 3, MaxPerZone: 6}}) {
		t.Errorf("autoscaler: %+v", ops.Autoscaler)
	}
	if ops.Backups != (model.Backups{Method: model.BackupBackupAndRecovery, Bucket: "shop-prod-backups", Schedule: "0 3 * * *", RetentionDays: 30}) {
		t.Errorf("backups: %+v", ops.Backups)
	}
}

func TestOperationsStepAccessible(t *testing.T) {
	d := opsDesign()
	script := strings.Join([]string{
		"1", "1", // GitHub, Tekton
		"1", "shop", "", // registry jp, namespace, scanning: keep yes
		"1", "dev", "shop-dev", "", // stages: Add dev → shop-dev
		"4",               // stages: Done
		"ci-deployer",     // deployer
		"2", "14", "", "", // upgrades: one behind, 14 days, no window, ALB auto-update kept
		"y", "1", "1", "2", "5", // autoscaler: Add default 2–5
		"4",                    // autoscaled pools: Done
		"3",                    // backups: Helm chart
		"1", "0 2 * * 0", "14", // bucket (cross-region first), weekly, 14 days
	}, "\n") + "\n"
	out := runAccessible(t, d, StepOperations, script)
	ci, ops := d.Spec.CICD, d.Spec.Operations
	if ci.Registry.Namespace != "shop" || !reflect.DeepEqual(ci.Stages, []model.Stage{{Name: "dev", Namespace: "shop-dev"}}) {
		t.Fatalf("cicd %+v\n%s", ci, out)
	}
	if !ops.Autoscaler.Enabled || !reflect.DeepEqual(ops.Autoscaler.Pools, []model.AutoscaledPool{{Pool: "default", MinPerZone: 2, MaxPerZone: 5}}) {
		t.Fatalf("autoscaler %+v\n%s", ops.Autoscaler, out)
	}
	if ops.Backups != (model.Backups{Method: model.BackupRestoreChart, Bucket: "shop-prod-backups", Schedule: "0 2 * * 0", RetentionDays: 14}) {
		t.Fatalf("backups %+v\n%s", ops.Backups, out)
	}
	expectOut(t, out, "IBM's 2019 guidance (slides 16–17): Plan → Code → Build → Test → Release → Operate → Monitor",
		"1: one minor behind (n-1)", "IBM's 2019 guidance (slide 13)", "Keep at least 2 per zone")
}
