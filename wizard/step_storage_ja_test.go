package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// japaneseStepWalk shows step of design d in Japanese at width×height with
// the why panel open and presses enter through every page of the step; on
// a list page it first opens each item in turn (its item pages, with their
// live texts) and then continues. It returns, per page, the English
// phrases englishOnScreen finds, so a step's item pages are checked too,
// which the preset walk of TestJapaneseScreensHaveNoEnglish never opens.
func japaneseStepWalk(t *testing.T, d *model.Design, step StepID, width, height int, lists map[string]func(*model.Design) int) map[string][]string {
	t.Helper()
	h := &harness{t: t, D: d}
	opts := testOptions(t, h)
	opts.Design, opts.Lang = d, i18n.JA
	h.app = New(opts)
	h.send(windowSize(width, height))
	h.run(h.app.Init())
	h.run(h.app.flow.start(step))
	h.app.relayout()
	h.Key("f1")
	found := map[string][]string{}
	edited := map[string]int{}
	var seen []string
	prefix := string(step) + "/"
	for n := 0; h.app.screen == screenWizard && strings.HasPrefix(h.Page(), prefix); n++ {
		if n > 200 {
			t.Fatalf("stuck on %s:\n%s", h.Page(), h.View())
		}
		h.Analyze()
		page := strings.TrimPrefix(h.Page(), prefix)
		if e := englishOnScreen(h.View(), designValues(h.app.ctx.D)); len(e) > 0 {
			found[page] = append(found[page], e...)
		}
		seen = append(seen, page)
		if count, ok := lists[page]; ok && edited[page] < count(h.app.ctx.D) {
			// NB: the items are the first options (huh's select wraps
			// around, so home, not a count of ups).
			h.Key("home").Down(edited[page])
			edited[page]++
		}
		h.Enter()
	}
	for page, count := range lists {
		if edited[page] == 0 && count(d) > 0 {
			t.Errorf("the walk never opened an item of list %s", page)
		}
	}
	t.Logf("%s at %dx%d: %s", step, width, height, strings.Join(seen, " "))
	return found
}

// japaneseStorageDesign fills every storage service, with the cases that
// raise warnings (single-site bucket, public database endpoint, zone-bound
// and metro volumes), on infrastructure base.
func japaneseStorageDesign(base *model.Design, zoneBound, metro string) *model.Design {
	st := &base.Spec.Storage
	st.ObjectStorage.Enabled = true
	st.ObjectStorage.Buckets = []model.Bucket{
		{Name: "shop-prod-assets", Resiliency: model.ResiliencyRegional, Class: model.BucketSmart},
		{Name: "shop-prod-backups", Resiliency: model.ResiliencyCrossRegion, Class: model.BucketVault},
		{Name: "shop-prod-local", Resiliency: model.ResiliencySingleSite, Class: model.BucketStandard},
	}
	st.Databases = []model.DatabaseInstance{
		{Name: "shop-prod-postgresql", Type: model.DBPostgreSQL, Plan: "standard", PrivateEndpoint: true},
		{Name: "shop-prod-mongodb", Type: model.DBMongoDB, Plan: "enterprise"},
	}
	st.Cloudant.Enabled = true
	st.Portworx.Enabled = true
	st.Volumes = []model.Volume{
		{Name: "data", Namespace: "default", StorageClass: zoneBound, SizeGiB: 20, AccessMode: model.ReadWriteOnce},
		{Name: "uploads", Namespace: "default", StorageClass: metro, SizeGiB: 50, AccessMode: model.ReadWriteOnce},
	}
	st.DatabaseOnIaaS.Enabled = true
	st.DatabaseOnIaaS.Engine = "Oracle 19c"
	model.ApplyDefaults(base)
	return base
}

// TestJapaneseStoragePages: every page of the storage step, the list
// items' pages included, in Japanese on VPC and classic at 120×40 and
// 80×24, shows no English sentence.
func TestJapaneseStoragePages(t *testing.T) {
	lists := map[string]func(*model.Design) int{
		"buckets":   func(d *model.Design) int { return len(d.Spec.Storage.ObjectStorage.Buckets) },
		"databases": func(d *model.Design) int { return len(d.Spec.Storage.Databases) },
		"volumes":   func(d *model.Design) int { return len(d.Spec.Storage.Volumes) },
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for name, d := range map[string]func() *model.Design{
			"vpc": func() *model.Design {
				return japaneseStorageDesign(tokyoVPC(), "ibmc-vpc-block-10iops-tier", "ibmc-vpc-block-metro-10iops-tier")
			},
			"classic": func() *model.Design {
				return japaneseStorageDesign(tokyoClassic(), "ibmc-block-retain-gold", "ibmc-file-gold-gid")
			},
		} {
			for page, english := range japaneseStepWalk(t, d(), StepStorage, size[0], size[1], lists) {
				t.Errorf("%dx%d %s, storage/%s: English on the Japanese screen: %q", size[0], size[1], name, page, english)
			}
		}
	}
}
