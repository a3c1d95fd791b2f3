package wizard

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// TestJapaneseReviewSummary: the review's summary in Japanese puts every
// count the same way ("エラー 0 · 警告 0 · 情報 2 · 適用除外 0"; it read
// "0 エラー · 0 警告 · 情報 0 · 0 適用除外"), and its change lines name the
// impact class and the operation in Japanese ("cluster-recreate
// metadata.name …", "data-risk … removed" were English).
func TestJapaneseReviewSummary(t *testing.T) {
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
	c.Lang = i18n.JA
	c.svc.file, c.svc.orig = file, loadOriginal(file)
	c.D.Metadata.Name = "shop-vpc-new"
	c.D.Spec.Storage.ObjectStorage.Buckets = c.D.Spec.Storage.ObjectStorage.Buckets[1:]
	c.D.Spec.Namespaces = append(c.D.Spec.Namespaces, model.Namespace{Name: "extra"})
	c.svc.review.report = c.svc.report()
	got := ansi.Strip(reviewSummary(c))
	counts := regexp.MustCompile(`(?m)^.*情報.*$`).FindString(got)
	if !regexp.MustCompile(`^エラー \d+ · 警告 \d+ · 情報 \d+ · 適用除外 \d+$`).MatchString(counts) {
		t.Errorf("the counts read %q", counts)
	}
	for _, w := range []string{"cluster-recreate", "data-risk", "in-place", "worst", " added", " removed", " changes against"} {
		if strings.Contains(got, w) {
			t.Errorf("the Japanese summary shows %q:\n%s", w, got)
		}
	}
	for _, w := range []string{"クラスターの再作成", "データ消失のおそれ", "metadata.name: shop-vpc-prod → shop-vpc-new"} {
		squash := strings.NewReplacer("\n", "", " ", "")
		if !strings.Contains(squash.Replace(got), squash.Replace(w)) {
			t.Errorf("the Japanese summary lacks %q:\n%s", w, got)
		}
	}
}
