package wizard

import (
	"fmt"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Two kinds of grey text can sit in an empty input, and they must not look
// alike (issue 10 item 10): a person who sees a name under the cursor and
// presses Enter expects that name to be the answer.
//
//   - A suggestion is an answer the wizard derived for this design (a
//     bucket or key name from the cluster name). It is drawn in the
//     suggestion style, says "→ takes it", and → (or "+" in accessible
//     mode) types it into the field.
//   - An example only shows the form of an answer ("e.g. Sun 02:00-05:00
//     JST", "e.g. dev1@example.com"). It starts with "e.g.", keeps the
//     faint placeholder style and is never a value: Enter leaves the field
//     empty.
//
// The first time a suggestion has focus the status line says this once.

// Suggest offers value as in's answer while in is empty. Give it the
// field's builder result: Suggest(c, Input(c, key, …), suggestName(c, "kms")).
func Suggest(c *Ctx, in *huh.Input, value string) *huh.Input {
	if value == "" {
		return in
	}
	return SuggestFunc(c, in, func() string { return value }, nil)
}

// SuggestFunc offers value() as in's answer while in is empty, for a
// suggestion that follows another answer of the same page: huh asks again
// whenever bindings (a pointer to that answer) changes, so a stage's
// namespace follows the stage name typed just above it. value() == ""
// offers nothing.
func SuggestFunc(c *Ctx, in *huh.Input, value func() string, bindings any) *huh.Input {
	if c.suggestions == nil {
		c.suggestions = map[string]func() string{}
	}
	c.suggestions[in.GetKey()] = value
	if c.Accessible {
		// huh's accessible prompt shows no placeholder; askPage says it.
		return in
	}
	placeholder := func() string {
		if v := value(); v != "" {
			return c.trf("%s  (suggested: → takes it)", v)
		}
		return ""
	}
	in.Placeholder(placeholder())
	if bindings != nil {
		in.PlaceholderFunc(placeholder, bindings)
	}
	// NB: huh keeps the first theme a field is given, so the page's
	// theme (themed) does not replace this one.
	in.WithTheme(suggestTheme())
	return in
}

// freeName is the first of names, then of names[0]-2, names[0]-3 …, that
// taken does not hold: the second bucket is not offered the first one's
// name (a suggestion that is already an answer would be refused).
func freeName(taken func(string) bool, names ...string) string {
	for _, n := range names {
		if !taken(n) {
			return n
		}
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s-%d", names[0], i); !taken(n) {
			return n
		}
	}
}

// Example shows text as a sample answer in the empty input: "e.g. text".
func Example(c *Ctx, in *huh.Input, text string) *huh.Input {
	return in.Placeholder(c.trf("e.g. %s", text))
}

// EmptyMeans says in the empty input what leaving it empty does
// ("empty: all namespaces"), so the text is not taken for a value.
func EmptyMeans(c *Ctx, in *huh.Input, meaning string) *huh.Input {
	return in.Placeholder(c.trf("empty: %s", meaning))
}

var (
	suggestOnce sync.Once
	suggestThm  *huh.Theme
)

// suggestTheme is the wizard's theme with the suggestion style for the
// placeholder: the accent of the input's prompt, in italics, where an
// example is faint grey.
func suggestTheme() *huh.Theme {
	suggestOnce.Do(func() {
		t := *Theme()
		st := lipgloss.NewStyle().Foreground(colorAccent2).Italic(true)
		t.Focused.TextInput.Placeholder = st
		t.Blurred.TextInput.Placeholder = st
		suggestThm = &t
	})
	return suggestThm
}

// focusedSuggestion is the suggestion of the focused input while it is
// empty.
func (m *App) focusedSuggestion() (string, bool) {
	if m.flow == nil || m.flow.form == nil || m.ctx == nil {
		return "", false
	}
	in, ok := m.flow.form.GetFocusedField().(*huh.Input)
	if !ok {
		return "", false
	}
	if v, _ := in.GetValue().(string); v != "" {
		return "", false
	}
	fn, ok := m.ctx.suggestions[in.GetKey()]
	if !ok {
		return "", false
	}
	s := fn()
	return s, s != ""
}

// takeSuggestion types the focused input's suggestion into it; ok is
// false when there is none to take.
func (m *App) takeSuggestion() (tea.Cmd, bool) {
	s, ok := m.focusedSuggestion()
	if !ok {
		return nil, false
	}
	return m.flow.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true}), true
}

// explainSuggestions says once, on the status line, what a suggestion is
// the first time one has focus.
func (m *App) explainSuggestions() {
	if m.suggestExplained {
		return
	}
	if _, ok := m.focusedSuggestion(); !ok {
		return
	}
	m.suggestExplained = true
	m.status, m.statusErr = m.tr("A suggestion (→ takes it) is an answer you may accept; \"e.g.\" text is only an example and leaves the field empty."), false
}
