package rules

import (
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestF1_NamespaceReferencesValidated puts a hostile name in every place
// the design refers to a namespace: each must be an error at its path, so
// render refuses the design before a Namespace named $(touch …) exists.
func TestF1_NamespaceReferencesValidated(t *testing.T) {
	const bad = "$(touch /tmp/PWNED)"
	d, c := setup(t, false)
	s := &d.Spec
	s.Storage.Databases = append(s.Storage.Databases, model.DatabaseInstance{Name: "orders", BindNamespace: bad})
	s.Storage.Cloudant = model.Cloudant{Enabled: true, InstanceName: "docs", BindNamespace: bad}
	s.Storage.Volumes = append(s.Storage.Volumes, model.Volume{Name: "data", Namespace: bad, StorageClass: testClassicBlock.Name, SizeGiB: 20})
	s.CICD.Stages[0].Namespace = bad
	s.IAM.AccessGroups[0].Namespaces = []string{bad}
	want := map[string]bool{
		pathf("spec.storage.databases[%d].bindNamespace", len(s.Storage.Databases)-1): false,
		"spec.storage.cloudant.bindNamespace":                                         false,
		pathf("spec.storage.volumes[%d].namespace", len(s.Storage.Volumes)-1):         false,
		"spec.cicd.stages[0].namespace":                                               false,
		"spec.iam.accessGroups[0].namespaces[0]":                                      false,
	}
	r := Evaluate(d, c, nil)
	for _, f := range r.Findings {
		if _, ok := want[f.Path]; ok && f.Severity == Error {
			want[f.Path] = true
		}
	}
	for p, ok := range want {
		if !ok {
			t.Errorf("no error at %s for namespace %q; findings:%s", p, bad, dump(r.Findings))
		}
	}
}

// TestIAM002WithManyNamespaces: with enough namespaces for IAM002 to look
// them up in a set, a group scoped to an unknown namespace is still a
// finding at its path, and a design or built-in namespace is not.
func TestIAM002WithManyNamespaces(t *testing.T) {
	d, c := setup(t, false)
	s := &d.Spec
	for i := range 20 {
		s.Namespaces = append(s.Namespaces, model.Namespace{Name: pathf("team-%02d", i), PodSecurity: model.PodSecurityRestricted})
	}
	s.IAM.AccessGroups[0].Namespaces = []string{"team-07", "kube-system", "nowhere", "team-19"}
	var got []string
	for _, f := range Evaluate(d, c, nil).Findings {
		if f.RuleID == "IAM002" {
			got = append(got, f.Path)
		}
	}
	if len(got) != 1 || got[0] != "spec.iam.accessGroups[0].namespaces[2]" {
		t.Errorf("IAM002 findings at %q, want only spec.iam.accessGroups[0].namespaces[2]", got)
	}
}
