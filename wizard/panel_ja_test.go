package wizard

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// TestJapanesePanel: the side panel's counts put the noun first in
// Japanese like every other count ("✗ エラー 1  ! 警告 0  · 情報 2"; they
// read "✗ 1 エラー  ! 0 警告  · 情報 2"), and the IAM step's preview is
// Japanese: its title ("Kubernetes RBAC from IAM"), "all namespaces",
// and the other previews' titles ("Files to write (N)") were English.
func TestJapanesePanel(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.DocumentLanguage = model.LangJapanese
	d.Spec.IAM.AccessGroups[0].Namespaces = nil // all namespaces
	rep := rules.Report{Findings: []rules.Finding{
		{RuleID: "HA001", Severity: rules.Error, Area: rules.AreaZones, Message: "x"},
		{RuleID: "INF1", Severity: rules.Info, Area: rules.AreaZones, Message: "y"},
		{RuleID: "INF2", Severity: rules.Info, Area: rules.AreaZones, Message: "z"},
	}}
	got := ansi.Strip(findingCounts(panelData{Report: rep, S: plainStyles(), Lang: i18n.JA}, 60))
	if !regexp.MustCompile(`✗ エラー 1  ! 警告 0  · 情報 2`).MatchString(got) {
		t.Errorf("the counts read %q", got)
	}
	if got := ansi.Strip(findingCounts(panelData{Report: rep, S: plainStyles(), Lang: i18n.EN}, 60)); !strings.Contains(got, "✗ 1 error  ! 0 warnings  · 2 info") {
		t.Errorf("the English counts changed: %q", got)
	}
	title, body := renderPreview(d, testOptions(t, nil).Catalog, StepIAM)
	for _, s := range []string{title, body} {
		if e := englishOnScreen(s, designValues(d)); len(e) > 0 || strings.Contains(s, "all namespaces") || strings.Contains(s, "from IAM") {
			t.Errorf("the IAM preview is not Japanese: %q %v", s, e)
		}
	}
	if !strings.Contains(body, "すべての名前空間") {
		t.Errorf("the IAM preview does not say all namespaces in Japanese:\n%s", body)
	}
	if title, _ := renderPreview(d, testOptions(t, nil).Catalog, StepReview); !hasWide(title) {
		t.Errorf("the review preview's title is %q", title)
	}
	if got := runbookExcerpt("", StepOperations, i18n.JA); !hasWide(got) {
		t.Errorf("a step without runbook commands says %q", got)
	}
}
