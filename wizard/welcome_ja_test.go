package wizard

import (
	"strings"
	"testing"

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
