package wizard

import (
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestReviewJumpWaiveWrite: the review lists the findings by step; choosing
// one jumps to its step and finishing the step comes back; a waiver needs
// a reason and an approver; writing asks before overwriting.
func TestReviewJumpWaiveWrite(t *testing.T) {
	d := presetDesign(t, "tokyo-classic-production")
	d.Spec.Zones = []string{"tok02"} // single zone in production: HA001, an error
	h := newHarness(t, d, StepReview).ExpectPage("review/summary")
	h.ExpectView("Findings and actions", "✗ Zones · HA001")
	if !strings.HasPrefix(h.app.ctx.svc.review.action, reviewJump+"zones:") {
		t.Fatalf("with errors the first finding is preselected, got %q", h.app.ctx.svc.review.action)
	}
	// Writing is refused while errors remain.
	h.Up(100)
	for h.app.ctx.svc.review.action != reviewWrite {
		h.Down(1)
	}
	h.Enter().ExpectPage("review/summary").ExpectView("must be fixed or waived")

	// Jump to the zones step from the finding, fix it, come back.
	for !strings.HasPrefix(h.app.ctx.svc.review.action, reviewJump+"zones:") {
		h.Down(1)
	}
	h.Enter().ExpectPage("zones/region").Enter().ExpectPage("zones/layout")
	h.Up(1).Enter().ExpectPage("zones/zones") // multizone
	h.Enter().Enter().Enter().ExpectPage("review/summary")
	if !slices.Equal(d.Spec.Zones, []string{"tok02", "tok04", "tok05"}) {
		t.Fatalf("zones %v", d.Spec.Zones)
	}
	if strings.Contains(h.View(), "HA001") {
		t.Fatal("HA001 still listed after the fix")
	}

	// Waive: refuse an empty reason.
	d.Spec.Sizing.SurviveZoneLoss = false // HA002, a warning
	h.run(h.app.flow.show(h.app.flow.cur))
	h.Down(1).ExpectView("Waive a finding").Enter().ExpectPage("review/waive")
	for h.app.ctx.svc.review.waiveRule != "HA002" {
		h.Down(1)
	}
	h.Enter().Enter().ExpectPage("review/waive").ExpectView("required")
	h.Type("dev cluster sized for cost").Enter().Type("cto@example.com").Enter().ExpectPage("review/summary")
	want := model.Waiver{Rule: "HA002", Reason: "dev cluster sized for cost", ApprovedBy: "cto@example.com"}
	if !slices.Contains(d.Spec.Waivers, want) {
		t.Fatalf("waivers %+v", d.Spec.Waivers)
	}

	// Write: the first attempt finds files in the way; overwrite says yes.
	calls := 0
	h.app.ctx.svc.write = func(req WriteRequest) ([]string, error) {
		calls++
		source, dir := req.Source, req.Dir
		if !req.Overwrite {
			return nil, &WriteConflict{Dir: dir, Paths: []string{"DESIGN.md", "runbook.sh"}}
		}
		if source != "shop-prod.yaml" {
			t.Errorf("source %q", source)
		}
		return []string{dir + "/DESIGN.md", dir + "/runbook.sh"}, nil
	}
	h.Enter().ExpectPage("review/output").Clear().Type("build/out").Enter()
	h.ExpectPage("review/overwrite").ExpectView("2 files already exist in build/out", "runbook.sh")
	h.Key("y")
	if h.app.screen != screenFinal || calls != 2 {
		t.Fatalf("screen %v after %d writes\n%s", h.app.screen, calls, h.View())
	}
	h.ExpectView("Design written", "DRY_RUN=1 ./build/out/runbook.sh", "kubectl apply -f ./build/out/manifests/")
	if h.app.Saved == "" {
		t.Fatal("no draft saved at the end")
	}
}

// TestReviewSavesEditedFile: with a file opened (iksplan edit), the review
// offers to save the design back to it.
func TestReviewSavesEditedFile(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/shop.yaml"
	d := presetDesign(t, "dev-single-zone")
	opts := testOptions(t, nil)
	opts.Design, opts.File, opts.OutDir = d, file, dir+"/out"
	h := &harness{t: t, app: New(opts), D: d}
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	h.run(h.app.flow.start(StepReview))
	h.Analyze()
	h.Enter().ExpectPage("review/output").ExpectView("Save the design to")
	h.Enter().Enter()
	if h.app.screen != screenFinal {
		t.Fatalf("not written:\n%s", h.View())
	}
	got, err := loadDesignFile(file)
	if err != nil || marshal(t, got) != marshal(t, d) {
		t.Fatalf("saved file: %v", err)
	}
	if !strings.Contains(strings.ReplaceAll(h.View(), "\n", ""), "Design saved to") {
		t.Fatal("final screen does not say the design was saved")
	}
}
