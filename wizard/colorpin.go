package wizard

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Colours pinned to the terminal once. lipgloss resolves a style's colour
// on every Render: an adaptive colour picks light or dark, and on a 256- or
// 16-colour terminal a hex colour is matched to the nearest palette entry
// by a perceptual distance over the whole cube (termenv's
// hexToANSI256Color), for every styled piece of every frame: about 5% of
// the first frame's CPU under TERM=xterm-256color (perf, issue 15). The
// renderer's profile and background do not change while it draws, so each
// hex colour is matched once, when the styles are built, and the style
// keeps the palette index, which lipgloss turns into the same escape
// sequence (TestPinnedStylesRenderAlike).

// pinColor returns the colour c resolves to on r as a palette index, and
// true, when c is a hex colour (adaptive or not) and r a 256- or
// 16-colour terminal; otherwise false (c is cheap to resolve as it is).
func pinColor(r *lipgloss.Renderer, c lipgloss.TerminalColor) (lipgloss.TerminalColor, bool) {
	var s string
	switch c := c.(type) {
	case lipgloss.AdaptiveColor:
		s = c.Light
		if r.HasDarkBackground() {
			s = c.Dark
		}
	case lipgloss.Color:
		s = string(c)
	default:
		return c, false
	}
	if !strings.HasPrefix(s, "#") {
		return c, false
	}
	if p := r.ColorProfile(); p != termenv.ANSI256 && p != termenv.ANSI {
		return c, false
	}
	if pc, ok := paletteOf(s); ok {
		return pc, true
	}
	return c, false
}

// palette memoizes paletteOf: the wizard's styles and huh's theme use a
// dozen hex colours in some hundred places, and each match searches the
// whole cube (termenv.Profile.Color was about 2.5% of the first frame's
// CPU, perf, issue 15).
var palette struct {
	sync.Mutex
	of map[string]lipgloss.Color
}

// paletteOf is the 256-colour palette index of hex colour s, and false
// when termenv cannot match it. The match depends on s alone.
func paletteOf(s string) (lipgloss.Color, bool) {
	palette.Lock()
	defer palette.Unlock()
	if pc, ok := palette.of[s]; ok {
		return pc, pc != ""
	}
	// NB: the 256-colour match: a 16-colour profile converts the index to
	// its 16 colours as it converts the hex (termenv Profile.Convert).
	var pc lipgloss.Color
	if n, ok := termenv.ANSI256.Color(s).(termenv.ANSI256Color); ok {
		pc = lipgloss.Color(strconv.Itoa(int(n)))
	}
	if palette.of == nil {
		palette.of = map[string]lipgloss.Color{}
	}
	palette.of[s] = pc
	return pc, pc != ""
}

// styleColor is one colour slot of a lipgloss style: how to read it and
// how to set it.
type styleColor struct {
	get func(lipgloss.Style) lipgloss.TerminalColor
	set func(lipgloss.Style, lipgloss.TerminalColor) lipgloss.Style
}

// styleColors are the colour slots pinStyle pins: text, background, and
// each border side's foreground and background.
var styleColors = [...]styleColor{
	{lipgloss.Style.GetForeground, lipgloss.Style.Foreground},
	{lipgloss.Style.GetBackground, lipgloss.Style.Background},
	{lipgloss.Style.GetBorderTopForeground, lipgloss.Style.BorderTopForeground},
	{lipgloss.Style.GetBorderRightForeground, lipgloss.Style.BorderRightForeground},
	{lipgloss.Style.GetBorderBottomForeground, lipgloss.Style.BorderBottomForeground},
	{lipgloss.Style.GetBorderLeftForeground, lipgloss.Style.BorderLeftForeground},
	{lipgloss.Style.GetBorderTopBackground, lipgloss.Style.BorderTopBackground},
	{lipgloss.Style.GetBorderRightBackground, lipgloss.Style.BorderRightBackground},
	{lipgloss.Style.GetBorderBottomBackground, lipgloss.Style.BorderBottomBackground},
	{lipgloss.Style.GetBorderLeftBackground, lipgloss.Style.BorderLeftBackground},
}

// pinStyle is s with its text, background and border colours pinned to r.
func pinStyle(r *lipgloss.Renderer, s lipgloss.Style) lipgloss.Style {
	for _, sc := range styleColors {
		if c, ok := pinColor(r, sc.get(s)); ok {
			s = sc.set(s, c)
		}
	}
	return s
}

var styleType = reflect.TypeFor[lipgloss.Style]()

// pinStyles pins every lipgloss.Style reachable through the exported
// fields of the struct v points to (Styles, a huh.Theme and its nested
// field styles).
func pinStyles(r *lipgloss.Renderer, v any) {
	pinValue(r, reflect.ValueOf(v).Elem())
}

func pinValue(r *lipgloss.Renderer, v reflect.Value) {
	switch {
	case v.Type() == styleType:
		if v.CanSet() {
			v.Set(reflect.ValueOf(pinStyle(r, v.Interface().(lipgloss.Style))))
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				pinValue(r, f)
			}
		}
	}
}
