package wizard

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/catalog"
)

// TestJapaneseFlavorRowsFitWhereEnglishFits: a Japanese flavor row is no
// wider than the widest English row of the same list, so where English
// shows "compute" whole the Japanese shows コンピュート whole. Before, the
// English padding (name 22, memory 5) plus the 12-cell word made the
// classic and VPC compute rows 55 cells against English's 53, and the
// 120×40 screen showed "コンピ…".
func TestJapaneseFlavorRowsFitWhereEnglishFits(t *testing.T) {
	for _, name := range []string{"tokyo-vpc-production", "tokyo-classic-production", "dev-single-zone"} {
		d := presetDesign(t, name)
		for _, p := range d.Spec.WorkerPools {
			widest := func(l i18n.Lang) (int, string) {
				c := &Ctx{D: d, Cat: catalog.Default(), Lang: l, Width: 80, S: NewStyles(lipgloss.DefaultRenderer())}
				w, row := 0, ""
				for _, o := range flavorOpts(c, p.Isolation) {
					if n := ansi.StringWidth(o.Label); n > w {
						w, row = n, o.Label
					}
				}
				return w, row
			}
			en, enRow := widest(i18n.EN)
			ja, jaRow := widest(i18n.JA)
			if en == 0 || ja > en {
				t.Errorf("%s pool %s: Japanese row %q is %d cells, English's widest %q %d", name, p.Name, jaRow, ja, enRow, en)
			}
		}
	}
}

// TestLongListHintsInJapanese: the long-list select's hints and counts
// are in the run's language (they said "↑ 21 more", "41 options ·
// / filters", "nothing matches" on Japanese screens).
func TestLongListHintsInJapanese(t *testing.T) {
	var opts []Opt[string]
	data := map[string]bool{"enter": true, "esc": true} // key names
	for i := range 50 {
		opts = append(opts, Opt[string]{Value: fmt.Sprint(i), Label: fmt.Sprintf("team-%04d", i)})
		data[opts[i].Label] = true
	}
	got := "0"
	v := newVList("k", "グループ", "", opts, func() string { return got }, func(s string) { got = s })
	v.lang = i18n.JA
	v.WithTheme(Theme())
	v.WithWidth(60).WithHeight(15)
	v.Focus()
	for range 20 {
		v.Update(tea.KeyMsg{Type: tea.KeyDown})
	}
	views := []string{ansi.Strip(v.View())}
	v.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	v.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zz")})
	views = append(views, ansi.Strip(v.View()))
	v.Update(tea.KeyMsg{Type: tea.KeyEnter})
	views = append(views, ansi.Strip(v.View()))
	for _, view := range views {
		if w := englishWords(view, data); len(w) > 0 {
			t.Errorf("English %q on the Japanese long list:\n%s", w, view)
		}
	}
	if !strings.Contains(views[0], "↑ ほか") || !strings.Contains(views[0], "件 · / で絞り込み") {
		t.Errorf("no Japanese hints:\n%s", views[0])
	}
	if moreHint(i18n.EN, "↑", 3) != "↑ 3 more" {
		t.Errorf("English hint is %q", moreHint(i18n.EN, "↑", 3))
	}
}
