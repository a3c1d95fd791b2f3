package wizard

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/catalog"
)

// TestWhyTextsReadIBMDefaultsFromTheCatalog: the help's IBM defaults
// (pod and service subnets, registry domain) come from the catalog in use,
// so a --catalog FILE with other values shows those, and no placeholder is
// left unfilled.
func TestWhyTextsReadIBMDefaultsFromTheCatalog(t *testing.T) {
	cat := *catalog.Default()
	cat.Networks.ClassicPodSubnet = "10.99.0.0/16"
	cat.Networks.ServiceSubnet = "10.98.0.0/16"
	cat.Registries.Global = "registry.example"
	for key, want := range map[string]string{
		"spec.network.podSubnet":     "10.99.0.0/16",
		"spec.network.serviceSubnet": "10.98.0.0/16",
	} {
		w, ok := WhyFor(key)
		if !ok {
			t.Fatalf("no why text for %s", key)
		}
		if got := w.withFacts(&cat).Text; !strings.Contains(got, want) {
			t.Errorf("%s: why text does not show the catalog's %s:\n%s", key, want, got)
		}
	}
	left := regexp.MustCompile(`\{(classicPodSubnet|vpcPodSubnet|vpcNextPodSubnet|serviceSubnet|registry|(service|plan|trialPlan):[a-z-]+)\}`)
	whyMu.RLock()
	defer whyMu.RUnlock()
	for key, w := range whys {
		w = w.withFacts(&cat)
		if m := left.FindString(w.Text + w.Alternatives); m != "" {
			t.Errorf("%s: placeholder %s left in the why text", key, m)
		}
	}
}

// TestJapaneseWhyTextsReadIBMDefaultsFromTheCatalog: in Japanese too the
// why panel of the pod subnet shows the catalog's default, and in
// Japanese: the screen looks the translation up before the catalog's
// values fill the text, so a catalog with other defaults still finds it.
func TestJapaneseWhyTextsReadIBMDefaultsFromTheCatalog(t *testing.T) {
	cat := *catalog.Default()
	cat.Networks.ClassicPodSubnet = "10.99.0.0/16"
	h := &harness{t: t}
	opts := testOptions(t, h)
	opts.Design, opts.Catalog, opts.Lang = tokyoClassic(), &cat, i18n.JA
	h.app = New(opts)
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	h.run(h.app.flow.start(StepNetwork))
	h.app.relayout()
	for n := 0; h.Page() != "network/subnets"; n++ {
		if n > 20 {
			t.Fatalf("never reached network/subnets, on %s", h.Page())
		}
		h.Enter()
	}
	got := ansi.Strip(h.app.whyText(60))
	for _, want := range []string{"10.99.0.0/16", "すべてのポッドがこの範囲から"} {
		if !strings.Contains(strings.ReplaceAll(got, "\n", ""), want) {
			t.Errorf("the Japanese why panel of the pod subnet lacks %q:\n%s", want, got)
		}
	}
}
