package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// TestJapaneseSizingTitles: the sizing page's per-pool question and help
// are formats: the catalogue held them for the pool "default" and for 3
// and 4 workers only, so a pool named gpu, or 5 workers, stayed English.
func TestJapaneseSizingTitles(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	gpu := d.Spec.WorkerPools[0]
	gpu.Name, gpu.Purpose = "gpu", model.PurposeGeneral
	d.Spec.WorkerPools = append(d.Spec.WorkerPools, gpu)
	h := &harness{t: t, D: d}
	opts := testOptions(t, h)
	opts.Design, opts.Lang = d, i18n.JA
	h.app = New(opts)
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	h.run(h.app.flow.show(loc{h.app.flow.stepIndex(StepSizing), "override"}))
	h.app.relayout()
	view := h.View()
	if !strings.Contains(view, "gpu: ゾーンあたりのワーカー数") || strings.Contains(view, "workers per zone") || strings.Contains(view, "the need is") {
		t.Errorf("the sizing page is not Japanese:\n%s", view)
	}
}
