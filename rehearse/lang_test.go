package rehearse

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
)

// TestRehearseJapaneseRunbook rehearses the fullest preset with its
// runbook in Japanese (spec.documentLanguage ja): only the runbook's
// messages change language, so the run must be as clean as the English one,
// with the same calls (fresh, rerun and a never-ready cluster), and it must
// actually speak Japanese.
func TestRehearseJapaneseRunbook(t *testing.T) {
	const name = "tokyo-vpc-production"
	en := testsupport.DesignsByName(t)[name]
	ja := en.Clone()
	ja.Spec.DocumentLanguage = model.LangJapanese
	se, _ := rehearseDesign(t, en, "none", true)
	sj, out := rehearseDesign(t, ja, "none", true)
	for _, p := range sj.Problems {
		t.Errorf("Japanese rehearsal problem: %s", p)
	}
	if !sj.FreshOK || sj.RerunExit != 0 || !sj.NeverNormalOK {
		t.Errorf("Japanese rehearsal: fresh ok %v, rerun exit %d, never-ready bounded %v", sj.FreshOK, sj.RerunExit, sj.NeverNormalOK)
	}
	if sj.FreshMutating != se.FreshMutating || sj.RerunCalls != se.RerunCalls || sj.RerunMutating != se.RerunMutating {
		t.Errorf("Japanese runbook calls differ: fresh mutating %d (en %d), rerun calls %d (en %d), rerun mutating %d (en %d)",
			sj.FreshMutating, se.FreshMutating, sj.RerunCalls, se.RerunCalls, sj.RerunMutating, se.RerunMutating)
	}
	if !strings.Contains(sj.NeverNormal, "を待っています") && !strings.Contains(sj.NeverNormal, "中止しました") {
		t.Errorf("the never-ready cluster's bounded wait is not in Japanese: %q", sj.NeverNormal)
	}
	if t.Failed() {
		t.Logf("rehearsal output:\n%s", out)
	}
}

// TestRehearseJapaneseRunbookFault: a fault in a Japanese runbook is
// reported with the step and how to resume ("ステップ N (…) が失敗しました …
// --from N"), which the rehearsal recognises as it does the English.
func TestRehearseJapaneseRunbookFault(t *testing.T) {
	ja := testsupport.DesignsByName(t)["tokyo-vpc-production"].Clone()
	ja.Spec.DocumentLanguage = model.LangJapanese
	s, out := rehearseDesign(t, ja, "3", false)
	if s.Faults != 1 || s.FaultsOK != 1 || len(s.Problems) > 0 {
		t.Errorf("Japanese runbook with fault 3: %d/%d converged, problems %q\n%s", s.FaultsOK, s.Faults, s.Problems, out)
	}
}
