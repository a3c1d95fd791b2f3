package wizard

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/presets"
)

// TestJapaneseListTexts: the list editor's own texts (the list page, the
// remove page's title and question, "at least one … needed", "finish …
// first") are whole Japanese messages for every list of the wizard. They
// were composed from the English noun ("Remove " + "a" + " worker pool",
// "Which worker pool?"), which the catalogue held for some phrases only:
// the remove pages and both errors were English on a Japanese screen.
func TestJapaneseListTexts(t *testing.T) {
	d, err := presets.Design("tokyo-vpc-production")
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, D: d}
	opts := testOptions(t, h)
	opts.Design, opts.Lang = d, i18n.JA
	h.app = New(opts)
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	lists := 0
	for si, s := range h.app.flow.steps {
		for _, p := range s.Pages {
			if !strings.HasSuffix(p.ID, "-remove") {
				continue
			}
			listID := strings.TrimSuffix(p.ID, "-remove")
			for _, id := range []string{listID, p.ID} {
				lists++
				h.run(h.app.flow.show(loc{si, id}))
				h.app.relayout()
				view := h.View()
				for _, e := range append(englishOnScreen(view, designValues(h.app.ctx.D)), englishOf(view, "What next", "Which ", "Remove it", "Add a", "Remove a", "edit, add")...) {
					t.Errorf("%s/%s: English on the Japanese screen: %q\n%s", s.ID, id, e, view)
				}
			}
		}
	}
	if lists < 16 {
		t.Fatalf("only %d list pages checked", lists)
	}
	// A list of vlistMin items or more is drawn by the long-list select,
	// which has its own title, help and labels.
	ns := h.app.ctx.D.Spec.Namespaces[0]
	for i := range vlistMin {
		n := ns
		n.Name = fmt.Sprintf("team%02d", i)
		h.app.ctx.D.Spec.Namespaces = append(h.app.ctx.D.Spec.Namespaces, n)
	}
	iam := h.app.flow.stepIndex(StepIAM)
	for _, id := range []string{"namespaces", "namespaces-remove"} {
		h.run(h.app.flow.show(loc{iam, id}))
		h.app.relayout()
		if _, ok := h.app.flow.fields[0].(*vlist[string]); id == "namespaces" && !ok {
			t.Fatalf("%s is not drawn by the long-list select", id)
		}
		view := h.View()
		for _, e := range append(englishOnScreen(view, designValues(h.app.ctx.D)), englishOf(view, "What next", "Which ", "Add a", "Remove a", "edit, add")...) {
			t.Errorf("long list %s: English on the Japanese screen: %q\n%s", id, e, view)
		}
	}
	// The list page's errors: no pool left, and a pool without a flavor.
	pools := h.app.flow.stepIndex(StepHardware)
	page, _, _ := h.app.flow.steps[pools].page("pools")
	c := h.app.ctx
	c.list("pools").Action = listDone
	saved := c.D.Spec.WorkerPools
	c.D.Spec.WorkerPools = nil
	errNone := page.Validate(c)
	c.D.Spec.WorkerPools = saved
	c.D.Spec.WorkerPools[0].Flavor = ""
	errFlavor := page.Validate(c)
	for _, err := range []error{errNone, errFlavor} {
		if err == nil {
			t.Fatal("the pools page accepted done")
		}
		if e := englishOnScreen(err.Error(), designValues(c.D)); len(e) > 0 || !hasWide(err.Error()) {
			t.Errorf("the error is not Japanese: %q", err)
		}
	}
	// The pools' live lines and labels name the purpose and isolation in
	// Japanese (they showed the YAML values general and shared) and use
	// Japanese commas.
	c.D.Spec.WorkerPools[0].Flavor = "bx2.4x16"
	live := poolsLive(c)
	label := poolList.Label(c, &c.D.Spec.WorkerPools[0])
	if strings.Contains(live, "general") || strings.Contains(live, "shared") || strings.Contains(label, ", ") {
		t.Errorf("the pools' texts are not Japanese:\n%s\n%s", live, label)
	}
}

// englishOf returns the phrases of view that are among texts.
func englishOf(view string, texts ...string) []string {
	var out []string
	for _, x := range texts {
		if strings.Contains(view, x) {
			out = append(out, x)
		}
	}
	return out
}
