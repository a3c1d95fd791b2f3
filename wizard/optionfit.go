package wizard

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// huh v1.0.0 scrolls a select by option index as if every option were one
// line (field_select.go:203 and :543 set the viewport's line offset to the
// selected index; :428 and :465 compare the index with it), but it wraps
// an option wider than the field onto more lines. In a list cut to the
// page's height a wrapped option then hides the highlighted one or shows
// only part of it, and the scroll hints count a cut option as shown.
//
// optionFit keeps every option on one line instead, when the list does
// not fit: a label wider than the field is cut with "…" to the width huh
// wraps at, and while such an option is highlighted the field's
// description starts with its whole label, so nothing is lost. A list
// that fits whole, wrapped labels and all, is never scrolled, so its
// labels stay whole (a pool menu of three options cut "Edit default
// (General workloads, Dedicated virtual, b…" at 80 columns for nothing).
// It is redone when the field's width or height changes
// (scrollHints.WithWidth and WithHeight).
type optionFit[T comparable] struct {
	sel *huh.Select[T]
	// full are the options as built, labels whole.
	full []huh.Option[T]
	// help is the description for the highlighted value (Pick's helpOf).
	help func(T) string
	get  func() T
	// acc is the select's accessor (Pick's), put back after a refit.
	acc huh.Accessor[T]
	// wrapped is describe as Pick shows it (wrapped for Japanese).
	wrapped func(T) string
	// room is the label width last fitted to (-1: not yet) and cutting
	// whether labels were cut to it; cut says which values have a cut
	// label at that width.
	room    int
	cutting bool
	cut     map[T]string
}

func newOptionFit[T comparable](sel *huh.Select[T], full []huh.Option[T], help func(T) string, get func() T) *optionFit[T] {
	return &optionFit[T]{sel: sel, full: full, help: help, get: get, room: -1}
}

// labelRoom is the width huh wraps an option's label at in a field of
// width: the field's frame and the cursor ("> ") take the rest.
func labelRoom(t *huh.Theme, width int) int {
	frame := max(t.Focused.Base.GetHorizontalFrameSize(), t.Blurred.Base.GetHorizontalFrameSize())
	cursor := max(lipgloss.Width(t.Focused.SelectSelector.String()), lipgloss.Width(t.Blurred.SelectSelector.String()))
	return width - frame - cursor
}

// fit cuts the labels to a field of width when cutting (the list does not
// fit whole), or gives them back whole, and returns the labels now shown
// (for the scroll hints); nil when nothing changed.
func (o *optionFit[T]) fit(t *huh.Theme, width int, cutting bool) []string {
	room := labelRoom(t, width)
	if room < 4 || room == o.room && cutting == o.cutting {
		return nil
	}
	o.room, o.cutting = room, cutting
	o.cut = map[T]string{}
	opts := make([]huh.Option[T], len(o.full))
	labels := make([]string, len(o.full))
	for i, op := range o.full {
		label := op.Key
		switch {
		case cutting && ansi.StringWidth(label) > room:
			label = ansi.Truncate(label, room, "…")
			o.cut[op.Value] = op.Key
		case ansi.StringWidth(label) > room:
			// NB: wrapped here, at spaces: huh breaks a label at ".,-;"
			// too ("end of support 2027-" and "08-01").
			label = wrapTo(label, room)
		}
		opts[i] = huh.NewOption(label, op.Value)
		labels[i] = label
	}
	// NB: Options selects the accessor's value and scrolls the viewport to
	// its index as a line offset; in a list as tall as its options that
	// leaves the options above the highlighted one out of view for good
	// (only key presses scroll it back). So the options are set while the
	// select holds the first value (offset 0), then the real accessor is
	// put back, which moves the cursor without scrolling.
	o.sel.Accessor(&heldAccessor[T]{v: o.full[0].Value})
	o.sel.Options(opts...)
	o.sel.Accessor(o.acc)
	if o.wrapped != nil {
		o.sel.Description(o.wrapped(o.get()))
	} else {
		o.sel.Description(o.describe(o.get()))
	}
	return labels
}

// heldAccessor is a value huh may read and write without touching the
// design, for the moment the options are replaced.
type heldAccessor[T any] struct{ v T }

func (a *heldAccessor[T]) Get() T  { return a.v }
func (a *heldAccessor[T]) Set(x T) { a.v = x }

// describe is the description while x is highlighted: its whole label
// first when the option shows it cut.
func (o *optionFit[T]) describe(x T) string {
	help := o.help(x)
	if full, ok := o.cut[x]; ok {
		if help == "" {
			return full
		}
		return full + "\n" + help
	}
	return help
}
