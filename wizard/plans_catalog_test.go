package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// renamedPlansCatalog is a fresh copy of the embedded catalog (not the
// shared Default) whose service names and plans are all changed, as a
// --catalog FILE could change them.
func renamedPlansCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Parse(catalog.Embedded(), "copy")
	if err != nil {
		t.Fatal(err)
	}
	for i := range cat.Services.Items {
		s := &cat.Services.Items[i]
		s.ServiceName = "svc-" + s.ID
		s.Plan = "plan-" + s.ID
		if s.TrialPlan != "" {
			s.TrialPlan = "trial-" + s.ID
		}
	}
	for i := range cat.Databases.PlanNotes {
		cat.Databases.PlanNotes[i].Note = "note-" + cat.Databases.PlanNotes[i].Plan
	}
	return cat
}

// TestPlanChoicesComeFromTheCatalog: the Cloudant and Monitoring plan
// choices and the Cloud Databases plans' help are the catalog's, so a
// --catalog FILE with other plans offers those and the wizard spells none.
func TestPlanChoicesComeFromTheCatalog(t *testing.T) {
	cat := renamedPlansCatalog(t)
	c := &Ctx{D: &model.Design{}, Cat: cat}
	values := func(opts []Opt[string]) []string {
		var out []string
		for _, o := range opts {
			out = append(out, o.Value)
		}
		return out
	}
	if got := strings.Join(values(cloudantPlans(c)), ","); got != "plan-cloudant,trial-cloudant" {
		t.Errorf("cloudant plans = %s, want plan-cloudant,trial-cloudant", got)
	}
	if got := strings.Join(values(monitoringPlans(c)), ","); got != "plan-monitoring,trial-monitoring" {
		t.Errorf("monitoring plans = %s, want plan-monitoring,trial-monitoring", got)
	}
	for _, o := range databasePlans(c, model.DBPostgreSQL) {
		if o.Help != "note-"+o.Value {
			t.Errorf("postgresql plan %s: help %q, want the catalog's note %q", o.Value, o.Help, "note-"+o.Value)
		}
	}
}

// TestWhyTextsNameTheCatalogsPlans: the why texts that name a service or a
// plan show the catalog's, not a literal.
func TestWhyTextsNameTheCatalogsPlans(t *testing.T) {
	cat := renamedPlansCatalog(t)
	for key, want := range map[string][]string{
		"spec.storage.objectStorage.instanceName": {"plan-cos"},
		"spec.storage.cloudant.instanceName":      {"svc-cloudant"},
		"spec.storage.cloudant.plan":              {"plan-cloudant", "trial-cloudant"},
		"spec.firewall.cis.instanceName":          {"plan-cis"},
		"spec.logging.cloudLogs.instanceName":     {"svc-logs", "plan-logs"},
		"spec.monitoring.instanceName":            {"svc-monitoring"},
		"spec.monitoring.plan":                    {"plan-monitoring", "trial-monitoring"},
	} {
		w, ok := WhyFor(key)
		if !ok {
			t.Fatalf("no why text for %s", key)
		}
		got := w.withFacts(cat).Text
		for _, s := range want {
			if !strings.Contains(got, s) {
				t.Errorf("%s: why text does not show the catalog's %s:\n%s", key, s, got)
			}
		}
	}
}

// TestVPCDedicatedIsolationNamesTheCatalogsHostClasses: on VPC the
// dedicated choice is "Dedicated hosts" and its help names the classes the
// catalog's host flavors run, not a list spelled in the wizard.
func TestVPCDedicatedIsolationNamesTheCatalogsHostClasses(t *testing.T) {
	cat, err := catalog.Parse(catalog.Embedded(), "copy")
	if err != nil {
		t.Fatal(err)
	}
	cat.DedicatedHosts.Items = []catalog.HostFlavor{{Name: "zz9.host.8x8", FlavorClass: "zz9", VCPU: 8, MemoryGiB: 8}}
	d := &model.Design{Spec: model.Spec{Infrastructure: model.InfraVPC, Region: "jp-tok"}}
	c := &Ctx{D: d, Cat: cat}
	var got *Opt[model.Isolation]
	for _, o := range isolationOpts(c) {
		if o.Value == model.IsolationDedicated {
			got = &o
		}
	}
	if got == nil {
		t.Fatal("no dedicated choice on VPC")
	}
	if got.Label != "Dedicated hosts" || !strings.Contains(got.Help, "zz9 workers") {
		t.Errorf("dedicated on VPC = %q / %q, want \"Dedicated hosts\" and the catalog's class zz9", got.Label, got.Help)
	}
}
