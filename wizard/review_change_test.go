package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/change"
)

// TestReviewShowsChangeImpact: editing a design file, the review summary
// says what the edits do to the cluster built from it, the worst first;
// with no edits it says there are none.
func TestReviewShowsChangeImpact(t *testing.T) {
	file := filepath.Join(t.TempDir(), "shop.yaml")
	data, err := model.Marshal(presetDesign(t, "tokyo-vpc-production"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, presetDesign(t, "tokyo-vpc-production"), StepBasics)
	c := h.app.ctx
	c.svc.file, c.svc.orig = file, loadOriginal(file)
	if c.svc.orig == nil {
		t.Fatal("the file did not load")
	}
	if got := strings.Join(changeImpact(c), "\n"); got != "no changes against shop.yaml" {
		t.Fatalf("no edits: %q", got)
	}
	old := c.D.Metadata.Name
	c.D.Metadata.Name = "shop-vpc-new"
	c.D.Spec.Monitoring.Enabled = !c.D.Spec.Monitoring.Enabled
	got := strings.Join(changeImpact(c), "\n")
	want := []string{"worst: " + change.ClusterRecreate.String(), "metadata.name: " + old + " → shop-vpc-new"}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("impact lacks %q:\n%s", w, got)
		}
	}
	if !strings.Contains(ansi.Strip(reviewSummary(c)), "against shop.yaml") {
		t.Fatalf("the review summary does not show the impact:\n%s", reviewSummary(c))
	}
}
