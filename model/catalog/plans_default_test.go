package catalog

import (
	"bytes"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestDefaultPlansComeFromTheCatalog: a design that names no plans gets
// the catalog's (model.Resolve and the rules apply model.DefaultPlans):
// Monitoring and Cloudant the services' plan, each Cloud Databases engine
// its first listed plan, so Elasticsearch gets enterprise (IBM offers it no
// standard plan; the literal "standard" the model used to write was not
// orderable). A catalog file with another Monitoring plan changes the
// default: the plan name lives in the catalog only.
func TestDefaultPlansComeFromTheCatalog(t *testing.T) {
	d := model.New("plans")
	d.Spec.Region = "jp-tok"
	d.Spec.Storage.Databases = []model.DatabaseInstance{{Name: "pg", Type: model.DBPostgreSQL}, {Name: "es", Type: model.DBElasticsearch}}
	d.Spec.Storage.Cloudant = model.Cloudant{Enabled: true}
	r := model.Resolve(d, Default())
	st := r.Spec.Storage
	if st.Databases[0].Plan != "standard" || st.Databases[1].Plan != "enterprise" || st.Cloudant.Plan != "standard" || r.Spec.Monitoring.Plan != "graduated-tier" {
		t.Fatalf("resolved plans: postgresql %q, elasticsearch %q, cloudant %q, monitoring %q; want the catalog's standard, enterprise, standard, graduated-tier",
			st.Databases[0].Plan, st.Databases[1].Plan, st.Cloudant.Plan, r.Spec.Monitoring.Plan)
	}
	custom, err := Parse(bytes.Replace(Embedded(), []byte("serviceName: sysdig-monitor, plan: graduated-tier"), []byte("serviceName: sysdig-monitor, plan: graduated-tier-sysdig-secure-plus-monitor"), 1), "custom")
	if err != nil {
		t.Fatal(err)
	}
	if p := model.Resolve(d, custom).Spec.Monitoring.Plan; p != "graduated-tier-sysdig-secure-plus-monitor" {
		t.Fatalf("with a catalog whose Monitoring plan is graduated-tier-sysdig-secure-plus-monitor the design resolves to %q", p)
	}
	if d.Spec.Monitoring.Plan != "" || d.Spec.Storage.Databases[1].Plan != "" {
		t.Fatal("Resolve changed the design it was given")
	}
}
