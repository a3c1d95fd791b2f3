package wizard

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/iksplan/iksplan/internal/i18n"
)

// At 80 columns the Japanese welcome screen shows its whole description
// and banner: huh wraps at spaces only and cut the description's last
// character ("…完成した設計で", no "す"), and broke the banner at its one space.
func TestJapaneseWelcomeWrapsAt80Columns(t *testing.T) {
	opts := testOptions(t, nil)
	opts.Lang = i18n.JA
	h := startApp(t, opts, 80, 24)
	screen := h.View()
	var flat strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "┃"))
		flat.WriteString(strings.TrimSpace(l))
	}
	for _, want := range []string{
		"ドラフトには回答がすべて残ります。プリセットは手直しして使う完成した設計です",
		"ヘルプ・パネル(?またはf1)を開いたまま各ステップに答えてください。回答はその都度保存されます。",
	} {
		if !strings.Contains(strings.ReplaceAll(flat.String(), " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the welcome screen at 80×24 does not show %q whole:\n%s", want, screen)
		}
	}
	for _, l := range strings.Split(screen, "\n") {
		if strings.TrimSpace(l) == "ヘルプ・パネル (? または f1)" {
			t.Errorf("the banner breaks after its only space:\n%s", screen)
		}
	}
}

// saveDrafts saves n drafts of preset name into drafts, one minute apart.
func saveDrafts(t *testing.T, drafts Drafts, name string, n int) {
	t.Helper()
	for i := range n {
		d := presetDesign(t, name)
		p, err := drafts.Save(NewDraftID(fixedNow()), d, draftState{Step: StepBasics, Cluster: d.Metadata.Name})
		if err != nil {
			t.Fatal(err)
		}
		when := fixedNow().Add(-time.Duration(i+1) * time.Minute)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
}

// flatten joins a screen's lines without the field border and spaces, to
// look for a text whatever its line breaks.
func flatten(screen string) string {
	var flat strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "┃"))
		flat.WriteString(strings.ReplaceAll(l, " ", ""))
	}
	return flat.String()
}

// With more than 10 choices (6 drafts) the welcome select has a height of
// its own; huh measured it before the description was wrapped and counted
// one description line, and the form drew its group as laid out before the
// window size until the next key: the first frame at 80×24 lost the
// description's second line ("…完成した設計で", no "す"). English and
// Japanese, at 80×24 and 60×20.
func TestWelcomeWithManyDraftsShowsItsWholeDescription(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.JA, i18n.EN} {
		for _, size := range [][2]int{{80, 24}, {60, 20}} {
			opts := testOptions(t, nil)
			opts.Lang = lang
			saveDrafts(t, opts.Drafts, "tokyo-vpc-production", 6)
			// NB: as a terminal does: the window size arrives after Init's
			// commands ran, and nothing follows it before the first frame.
			h := &harness{t: t, app: New(opts)}
			h.run(h.app.Init())
			h.send(windowSize(size[0], size[1]))
			screen := h.View()
			want := trIn(lang, "drafts keep every answer; presets are complete designs to adapt")
			if !strings.Contains(flatten(screen), strings.ReplaceAll(want, " ", "")) {
				t.Errorf("%s %d×%d: the welcome screen with 6 drafts does not show %q whole:\n%s", lang, size[0], size[1], want, screen)
			}
			if n := strings.Count(screen, "\n") + 1; n > size[1] {
				t.Errorf("%s %d×%d: the welcome screen has %d lines", lang, size[0], size[1], n)
			}
		}
	}
}

// TestDraftsOfOneClusterNameLookApart (issue 10): drafts of the same
// cluster name, saved within the same minute, looked alike on the welcome
// screen ("Resume draft shop-vpc-prod (saved 1 min ago, at Basics)" six
// times); now each says its region and infrastructure and the time of its
// last save, in both languages.
func TestDraftsOfOneClusterNameLookApart(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		opts := testOptions(t, nil)
		opts.Lang = lang
		for i, name := range []string{"tokyo-vpc-production", "tokyo-vpc-production", "tokyo-classic-production"} {
			d := presetDesign(t, name)
			d.Metadata.Name = "shop-prod"
			p, err := opts.Drafts.Save(NewDraftID(fixedNow()), d, draftState{Step: StepBasics, Cluster: d.Metadata.Name})
			if err != nil {
				t.Fatal(err)
			}
			when := fixedNow().Add(-30 * time.Second).Add(time.Duration(i) * time.Second)
			if err := os.Chtimes(p, when, when); err != nil {
				t.Fatal(err)
			}
		}
		h := startApp(t, opts, 120, 40)
		seen := map[string]bool{}
		for _, l := range strings.Split(h.View(), "\n") {
			l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "┃> "))
			if !strings.Contains(l, "shop-prod") {
				continue
			}
			if seen[l] {
				t.Errorf("%s: two drafts look alike: %q\n%s", lang, l, h.View())
			}
			seen[l] = true
			if lang == i18n.JA && strings.Contains(l, "saved") {
				t.Errorf("ja: English in %q", l)
			}
		}
		if len(seen) != 3 {
			t.Errorf("%s: want 3 draft lines, got %d\n%s", lang, len(seen), h.View())
		}
	}
}
