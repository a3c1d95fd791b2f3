package rehearse

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/model/catalog"
	changerb "github.com/iksplan/iksplan/render/change"
)

// TestDoubleKnowsChangeRunbookGrammar: every ibmcloud call of the change
// runbooks (every branch, read statically, as TestDoubleKnowsRunbookGrammar
// reads the runbooks) parses in the double. Besides the rehearsed
// scenarios it covers a resize, which no scenario runs, and a classic
// version update (worker update).
func TestDoubleKnowsChangeRunbookGrammar(t *testing.T) {
	type pair struct{ name, old, new string }
	var pairs []pair
	for name := range changeScenarios {
		dir := filepath.Join("testdata", "change", name)
		pairs = append(pairs, pair{name, filepath.Join(dir, "old.yaml"), filepath.Join(dir, "new.yaml")})
	}
	used := map[string]bool{}
	check := func(name, script string) {
		for _, args := range ibmcloudCalls(t, script) {
			c, err := ibmcloud.Parse(ibmcloud.Specs(), "ibmcloud", args)
			if err != nil {
				t.Errorf("%s: ibmcloud %s: %v", name, strings.Join(args, " "), err)
				continue
			}
			used[c.Spec.Path] = true
		}
	}
	for _, p := range pairs {
		b, err := changerb.Runbook(loadDesign(t, p.old), loadDesign(t, p.new), catalog.Default())
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		check(p.name, string(b))
	}
	// A resize of the dev preset's pool.
	old := designs(t)["dev-single-zone"]
	nw := old.Clone()
	nw.Spec.WorkerPools[0].WorkersPerZone = 5
	b, err := changerb.Runbook(old, nw, catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	check("resize", string(b))
	// Classic, one minor up, autoscaler off: worker update.
	old = designs(t)["classic-bare-metal-pool"].Clone()
	old.Spec.Operations.Autoscaler.Enabled = false
	old.Spec.KubernetesVersion = "1.35"
	nw = old.Clone()
	nw.Spec.KubernetesVersion = "1.36"
	b, err = changerb.Runbook(old, nw, catalog.Default())
	if err != nil {
		t.Fatal(err)
	}
	check("classic 1.35→1.36", string(b))
	for _, p := range []string{"ks worker-pool resize", "ks worker-pool rm", "ks zone rm", "ks cluster master update", "ks worker replace", "ks worker update"} {
		if !used[p] {
			t.Errorf("no change runbook read here calls ibmcloud %s", p)
		}
	}
}
