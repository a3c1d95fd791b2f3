package testsupport

import (
	"fmt"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// ScaledDesign returns the largest preset, tokyo-classic-production, with
// n application namespaces and n access groups, each group scoped to one
// namespace: the design of the 1,000-namespace figures of issue 15
// (render's BenchmarkRenderScale, terraform's BenchmarkRender, model's
// TestMarshalMemory). One CI/CD stage deploys to the first namespace and
// the preset's databases are dropped, so that n alone sets the size.
// Defaults are not applied: callers that need them call
// model.ApplyDefaults or model.Resolve.
func ScaledDesign(t testing.TB, n int) *model.Design {
	t.Helper()
	d, err := presets.Design("tokyo-classic-production")
	if err != nil {
		t.Fatal(err)
	}
	d.Spec.Namespaces = nil
	d.Spec.IAM.AccessGroups = nil
	for i := range n {
		ns := fmt.Sprintf("team-%04d", i)
		d.Spec.Namespaces = append(d.Spec.Namespaces, model.Namespace{
			Name: ns, PodSecurity: model.PodSecurityRestricted,
			Quota: model.NamespaceQuota{CPU: 2, MemoryGiB: 4, Pods: 20},
		})
		d.Spec.IAM.AccessGroups = append(d.Spec.IAM.AccessGroups, model.AccessGroup{
			Name: fmt.Sprintf("team-%04d-developers", i), Members: []string{fmt.Sprintf("dev%d@example.com", i)},
			PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceWriter, Namespaces: []string{ns},
		})
	}
	d.Spec.CICD.Stages = []model.Stage{{Name: "production", Namespace: "team-0000"}}
	d.Spec.Storage.Databases = nil
	return d
}
