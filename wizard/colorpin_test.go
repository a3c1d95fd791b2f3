package wizard

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// renders lists what every style reachable from v draws for a sample text,
// by field path.
func renders(v reflect.Value, path string, out map[string]string) {
	switch {
	case v.Type() == styleType:
		s := v.Interface().(lipgloss.Style)
		out[path] = s.Render("Ab c") + "|" + s.Border(lipgloss.NormalBorder()).Render("x")
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				renders(v.Field(i), path+"."+v.Type().Field(i).Name, out)
			}
		}
	}
}

// TestPinnedStylesRenderAlike: the wizard's styles and its huh theme with
// their colours pinned to the terminal draw exactly what they draw with the
// palette as written, on every profile and background; on a 256-colour
// terminal the hex colours are pinned (the point of it).
func TestPinnedStylesRenderAlike(t *testing.T) {
	def := lipgloss.DefaultRenderer()
	dark := def.HasDarkBackground()
	t.Cleanup(func() {
		lipgloss.SetColorProfile(termenv.Ascii)
		lipgloss.SetHasDarkBackground(dark)
	})
	for _, p := range []termenv.Profile{termenv.ANSI256, termenv.ANSI, termenv.TrueColor, termenv.Ascii} {
		for _, bg := range []bool{true, false} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(p)
			r.SetHasDarkBackground(bg)
			lipgloss.SetColorProfile(p)
			lipgloss.SetHasDarkBackground(bg)
			pinnedTheme := newTheme()
			pinStyles(def, pinnedTheme)
			for name, pair := range map[string][2]any{
				"Styles": {newStyles(r), NewStyles(r)},
				"Theme":  {newTheme(), pinnedTheme},
			} {
				want, got := map[string]string{}, map[string]string{}
				renders(reflect.ValueOf(pair[0]).Elem(), name, want)
				renders(reflect.ValueOf(pair[1]).Elem(), name, got)
				if len(want) < 20 {
					t.Fatalf("%s: only %d styles found", name, len(want))
				}
				for k, w := range want {
					if got[k] != w {
						t.Errorf("profile %v, dark %v: %s draws %q pinned, %q as written", p, bg, k, got[k], w)
					}
				}
			}
			if p == termenv.ANSI256 {
				c, ok := NewStyles(r).HeaderTitle.GetForeground().(lipgloss.Color)
				if !ok || strings.HasPrefix(string(c), "#") {
					t.Errorf("dark %v: the accent is %#v on a 256-colour terminal, not a palette index", bg, NewStyles(r).HeaderTitle.GetForeground())
				}
			}
		}
	}
}

// TestPinStylePinsEverySlot: on a 256-colour terminal every colour slot of
// a style (text, background, each border side's foreground and background)
// comes out of pinStyle as a palette index, not the hex it was written as.
// Written out slot by slot, not from styleColors, so a slot missing there
// fails here.
func TestPinStylePinsEverySlot(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	hex := lipgloss.Color("#0f62fe")
	s := pinStyle(r, r.NewStyle().Foreground(hex).Background(hex).
		BorderTopForeground(hex).BorderRightForeground(hex).BorderBottomForeground(hex).BorderLeftForeground(hex).
		BorderTopBackground(hex).BorderRightBackground(hex).BorderBottomBackground(hex).BorderLeftBackground(hex))
	for name, c := range map[string]lipgloss.TerminalColor{
		"foreground": s.GetForeground(), "background": s.GetBackground(),
		"border top": s.GetBorderTopForeground(), "border right": s.GetBorderRightForeground(),
		"border bottom": s.GetBorderBottomForeground(), "border left": s.GetBorderLeftForeground(),
		"border top background": s.GetBorderTopBackground(), "border right background": s.GetBorderRightBackground(),
		"border bottom background": s.GetBorderBottomBackground(), "border left background": s.GetBorderLeftBackground(),
	} {
		if pc, ok := c.(lipgloss.Color); !ok || strings.HasPrefix(string(pc), "#") {
			t.Errorf("%s is %#v after pinStyle, not a palette index", name, c)
		}
	}
}
