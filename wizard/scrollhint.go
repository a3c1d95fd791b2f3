package wizard

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
)

// scrollHints wraps a select whose options may not all fit: huh draws a
// cut list with nothing to say options are hidden (the flavor list opened
// with two flavors hidden above), so this adds a line under it, "↑ 2 more
// · ↓ 5 more", counted from the option labels the view shows. It takes
// that line from the height the field is given.
type scrollHints struct {
	huh.Field
	// labels are the options' labels in order (first line of each).
	labels []string
	// natural is the field's height as built (0: as tall as its options,
	// whose wrapped description depends on the width): huh only ever
	// shrinks a field to fit, so a resize gives it this height back first.
	natural int
	focused bool
	// fit cuts the options to one line at a width (or gives them back
	// whole) and returns the labels then shown (optionfit.go); nil for a
	// select that Pick did not build.
	fit func(width int, cutting bool) []string
	// width is the field's width; whole says the labels are whole, which
	// they are while the list fits (it is not scrolled then).
	width int
	whole bool
	// lang is the language of the hint.
	lang i18n.Lang
}

// withScrollHints wraps every select of fields whose options Pick noted.
func withScrollHints(c *Ctx, fields []huh.Field) []huh.Field {
	for i, fl := range fields {
		if labels, ok := c.options[fl.GetKey()]; ok && len(labels) > 1 {
			sh := &scrollHints{Field: fl, labels: labels, fit: c.optionFits[fl.GetKey()], lang: c.Lang}
			if h := lipgloss.Height(fl.View()); h <= len(labels) {
				sh.natural = h // a height the step chose (Height(12)) that cuts the list
			}
			fields[i] = sh
		}
	}
	return fields
}

func (s *scrollHints) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := s.Field.Update(msg)
	if f, ok := m.(huh.Field); ok {
		s.Field = f
	}
	return s, cmd
}

func (s *scrollHints) Focus() tea.Cmd { s.focused = true; return s.Field.Focus() }
func (s *scrollHints) Blur() tea.Cmd  { s.focused = false; return s.Field.Blur() }

// regrow gives the field its height as built (before a resize).
func (s *scrollHints) regrow() { s.Field.WithHeight(s.natural) }

// WithWidth keeps the options whole at the new width when the list is as
// tall as its options (huh then shows them all, wrapped labels too), and
// on one line each when the step gave it a height that scrolls it, so
// huh's scrolling by option index and the hints' counts hold.
func (s *scrollHints) WithWidth(w int) huh.Field {
	s.Field.WithWidth(w) // NB: first, so huh measures the cut options at w
	s.width = w
	s.refit(s.natural == 0)
	return s
}

// refit gives the labels whole or cut to one line.
func (s *scrollHints) refit(whole bool) {
	if s.fit == nil {
		return
	}
	s.whole = whole
	if labels := s.fit(s.width, !whole); labels != nil {
		s.labels = labels
	}
}

// WithHeight gives the field a height, which huh only does when the field
// is taller (or on regrow): the list then scrolls, so its labels are cut
// to one line each first.
func (s *scrollHints) WithHeight(h int) huh.Field {
	if s.whole && h < lipgloss.Height(s.Field.View()) {
		s.refit(false)
	}
	if h > 0 {
		h--
	}
	s.Field.WithHeight(h)
	return s
}

// hidden counts the options above the first and below the last label the
// inner view shows.
func (s *scrollHints) hidden(view string) (above, below int) {
	first, last := -1, -1
	next := 0
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		l = strings.TrimSpace(strings.TrimLeft(l, "┃│> "))
		for i := next; i < len(s.labels); i++ {
			// NB: huh wraps a long label: its first line is a prefix. Not
			// once optionFit keeps every label on one line: then the
			// description's first line (a cut option's whole label,
			// wrapped) is a prefix of that option's label but not an
			// option line.
			if l != "" && (l == s.labels[i] || s.fit == nil && len(l) >= 12 && strings.HasPrefix(s.labels[i], l)) {
				if first < 0 {
					first = i
				}
				last, next = i, i+1
				break
			}
		}
	}
	if first < 0 {
		return 0, 0
	}
	return first, len(s.labels) - 1 - last
}

func (s *scrollHints) View() string {
	v := s.Field.View()
	if s.whole {
		return v // the list is shown whole (its labels too, wrapped)
	}
	above, below := s.hidden(v)
	if above == 0 && below == 0 {
		return v
	}
	var parts []string
	if above > 0 {
		parts = append(parts, moreHint(s.lang, "↑", above))
	}
	if below > 0 {
		parts = append(parts, moreHint(s.lang, "↓", below))
	}
	st := &Theme().Blurred
	if s.focused {
		st = &Theme().Focused
	}
	return v + "\n" + st.Base.Render(st.Description.Render(strings.Join(parts, " · ")))
}
