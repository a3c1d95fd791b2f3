package wizard

import (
	"sync"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Every style of the wizard lives in this file: a small palette of adaptive
// colors, one Styles struct built from a renderer, and the one huh theme.
// Step files and the panel never build a style themselves; they ask Styles.
//
// NO_COLOR, CLICOLOR and the terminal's profile are honoured by lipgloss's
// renderer (termenv): nothing here forces a color profile. Tests pin the
// profile to Ascii in TestMain so goldens hold no escape codes.

// The palette. IBM's Carbon blue for the accent, so the wizard looks like
// the cloud it designs for; every color adapts to light and dark terminals.
var (
	colorText    = lipgloss.AdaptiveColor{Light: "235", Dark: "252"}
	colorMuted   = lipgloss.AdaptiveColor{Light: "243", Dark: "245"}
	colorFaint   = lipgloss.AdaptiveColor{Light: "250", Dark: "238"}
	colorAccent  = lipgloss.AdaptiveColor{Light: "#0F62FE", Dark: "#78A9FF"}
	colorAccent2 = lipgloss.AdaptiveColor{Light: "#8A3FFC", Dark: "#BE95FF"}
	colorOK      = lipgloss.AdaptiveColor{Light: "#198038", Dark: "#42BE65"}
	colorWarn    = lipgloss.AdaptiveColor{Light: "#8E6A00", Dark: "#F1C21B"}
	colorError   = lipgloss.AdaptiveColor{Light: "#DA1E28", Dark: "#FA4D56"}
	colorOnBadge = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#161616"}
)

// Styles is every style the wizard draws with.
type Styles struct {
	// App frames the whole screen.
	App lipgloss.Style
	// Header is the top line: product name, design name, step progress.
	Header      lipgloss.Style
	HeaderTitle lipgloss.Style
	// Step list.
	StepCurrent lipgloss.Style
	StepDone    lipgloss.Style
	StepTodo    lipgloss.Style
	StepFinding lipgloss.Style
	// Panel is the live side panel's box; PanelTitle its section titles.
	Panel      lipgloss.Style
	PanelTitle lipgloss.Style
	// Why is the why panel's box.
	Why      lipgloss.Style
	WhyTitle lipgloss.Style
	WhyLink  lipgloss.Style
	// Badge marks a decision fixed at cluster creation.
	Badge lipgloss.Style
	// Text styles.
	Text   lipgloss.Style
	Muted  lipgloss.Style
	Strong lipgloss.Style
	Code   lipgloss.Style
	OK     lipgloss.Style
	Warn   lipgloss.Style
	Error  lipgloss.Style
	// Bar draws the capacity bar: the filled part, the empty part.
	BarFull  lipgloss.Style
	BarLow   lipgloss.Style
	BarEmpty lipgloss.Style
	// Live is the box under the form with a page's live numbers.
	Live lipgloss.Style
	// Footer holds the key help.
	Footer lipgloss.Style
	// Dialog is a centred question (quit, overwrite).
	Dialog lipgloss.Style
	// Selected is a highlighted row in a list of the wizard's own (welcome).
	Selected lipgloss.Style
}

// NewStyles builds the styles for a renderer (the one bound to the stream
// the TUI draws on).
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := newStyles(r)
	pinStyles(r, s)
	return s
}

// newStyles is NewStyles with the palette's colours as written.
func newStyles(r *lipgloss.Renderer) *Styles {
	s := &Styles{}
	n := r.NewStyle
	s.App = n().Padding(0, 1)
	s.Header = n().Foreground(colorMuted)
	s.HeaderTitle = n().Foreground(colorAccent).Bold(true)
	s.StepCurrent = n().Foreground(colorAccent).Bold(true)
	s.StepDone = n().Foreground(colorOK)
	s.StepTodo = n().Foreground(colorMuted)
	s.StepFinding = n().Foreground(colorWarn).Bold(true)
	s.Panel = n().Border(lipgloss.RoundedBorder()).BorderForeground(colorFaint).Padding(0, 1)
	s.PanelTitle = n().Foreground(colorAccent).Bold(true)
	s.Why = n().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent2).Padding(0, 1)
	s.WhyTitle = n().Foreground(colorAccent2).Bold(true)
	s.WhyLink = n().Foreground(colorAccent).Underline(true)
	s.Badge = n().Foreground(colorOnBadge).Background(colorAccent2).Padding(0, 1)
	s.Text = n().Foreground(colorText)
	s.Muted = n().Foreground(colorMuted)
	s.Strong = n().Foreground(colorText).Bold(true)
	s.Code = n().Foreground(colorAccent)
	s.OK = n().Foreground(colorOK)
	s.Warn = n().Foreground(colorWarn)
	s.Error = n().Foreground(colorError)
	s.BarFull = n().Foreground(colorOK)
	s.BarLow = n().Foreground(colorError)
	s.BarEmpty = n().Foreground(colorFaint)
	s.Live = n().Border(lipgloss.NormalBorder(), true, false, false, false).BorderForeground(colorFaint).Foreground(colorText)
	s.Footer = n().Foreground(colorMuted)
	s.Dialog = n().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent).Padding(1, 2)
	s.Selected = n().Foreground(colorAccent).Bold(true)
	return s
}

var (
	themeOnce sync.Once
	theme     *huh.Theme
)

// Theme is the wizard's one huh theme: huh's Charm theme with the wizard's
// palette. It is built once: building a theme is most of the cost of a
// form, and huh only reads it.
func Theme() *huh.Theme {
	themeOnce.Do(func() {
		theme = newTheme()
		// NB: huh draws the theme with lipgloss's default renderer.
		pinStyles(lipgloss.DefaultRenderer(), theme)
	})
	return theme
}

func newTheme() *huh.Theme {
	t := huh.ThemeCharm()
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n\n")
	t.Focused.Title = t.Focused.Title.Foreground(colorAccent)
	t.Focused.NoteTitle = t.Focused.NoteTitle.Foreground(colorAccent).MarginBottom(0)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(colorAccent2)
	t.Focused.MultiSelectSelector = t.Focused.MultiSelectSelector.Foreground(colorAccent2)
	t.Focused.NextIndicator = t.Focused.NextIndicator.Foreground(colorAccent2)
	t.Focused.PrevIndicator = t.Focused.PrevIndicator.Foreground(colorAccent2)
	t.Focused.TextInput.Prompt = t.Focused.TextInput.Prompt.Foreground(colorAccent2)
	t.Focused.FocusedButton = t.Focused.FocusedButton.Background(colorAccent)
	t.Focused.Next = t.Focused.FocusedButton
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.Foreground(colorError)
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.Foreground(colorError)
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.Title = t.Blurred.Title.Foreground(colorMuted).Bold(false)
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	t.Group.Title = t.Focused.Title.Bold(true)
	t.Group.Description = t.Focused.Description
	return t
}

// AccessibleTheme is the theme of accessible mode: no color, no borders,
// so a screen reader or a serial console reads plain text.
func AccessibleTheme() *huh.Theme {
	accessibleOnce.Do(func() { accessibleTheme = huh.ThemeBase() })
	return accessibleTheme
}

var (
	accessibleOnce  sync.Once
	accessibleTheme *huh.Theme
)

// themed gives fields the theme before huh groups them: huh.NewGroup
// renders every field to measure it, and a field without a theme builds
// huh's default theme on every render.
func themed(t *huh.Theme, fields ...huh.Field) []huh.Field {
	for _, f := range fields {
		f.WithTheme(t)
	}
	return fields
}
