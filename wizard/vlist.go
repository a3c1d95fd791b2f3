package wizard

import (
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
)

// vlist is a select for long lists (1,000 access groups, every flavor):
// a huh.Field that renders only the rows in view, so a keystroke costs the
// same for 20 options or 10,000. huh's own Select renders every option on
// every Update and View. It shows "↑ N more" / "↓ N more" hints, keeps the
// cursor in view when the height changes, and filters with "/" (type to
// narrow, esc clears). Pick uses it in the terminal UI once a list is long
// (vlistMin options); accessible mode keeps huh's numbered prompt.
type vlist[T comparable] struct {
	key, title, desc string
	opts             []Opt[T]
	lower            []string
	get              func() T
	set              func(T)

	// view is the indexes of the options shown (all, or the filter's
	// matches); cursor indexes view; offset is the first row in view.
	view      []int
	cursor    int
	offset    int
	filtering bool
	filter    string

	focused       bool
	width, height int
	theme         *huh.Theme
	keymap        *huh.KeyMap
	// lang is the language of the hints and counts it draws (the title,
	// help and labels come translated).
	lang i18n.Lang
}

// vlistMin is the length from which Pick shows a vlist.
const vlistMin = 40

// vlistRows is how many rows a vlist shows when the form gives it no
// height.
const vlistRows = 10

func newVList[T comparable](key, title, desc string, opts []Opt[T], get func() T, set func(T)) *vlist[T] {
	v := &vlist[T]{key: key, title: title, desc: desc, opts: opts, get: get, set: set}
	v.lower = make([]string, len(opts))
	for i, o := range opts {
		v.lower[i] = strings.ToLower(o.Label)
	}
	v.applyFilter()
	cur := get()
	for i, oi := range v.view {
		if v.opts[oi].Value == cur {
			v.cursor = i
		}
	}
	v.clamp()
	return v
}

func (v *vlist[T]) applyFilter() {
	v.view = v.view[:0]
	f := strings.ToLower(v.filter)
	for i := range v.opts {
		if f == "" || strings.Contains(v.lower[i], f) {
			v.view = append(v.view, i)
		}
	}
	v.cursor = min(v.cursor, max(len(v.view)-1, 0))
}

// rows is the number of option rows in view.
func (v *vlist[T]) rows() int {
	r := vlistRows
	if v.height > 0 {
		// Title, description, two hint lines and the filter line.
		r = v.height - 5
	}
	return max(r, 1)
}

// clamp keeps the cursor in view (after a move, a filter or a resize).
func (v *vlist[T]) clamp() {
	n := v.rows()
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+n {
		v.offset = v.cursor - n + 1
	}
	v.offset = max(0, min(v.offset, len(v.view)-n))
}

func (v *vlist[T]) move(d int) {
	if len(v.view) == 0 {
		return
	}
	v.cursor = max(0, min(len(v.view)-1, v.cursor+d))
	v.clamp()
	v.set(v.opts[v.view[v.cursor]].Value)
}

func (v *vlist[T]) Init() tea.Cmd { return nil }

func (v *vlist[T]) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || !v.focused {
		return v, nil
	}
	if v.filtering {
		switch km.Type {
		case tea.KeyEsc:
			v.filtering, v.filter = false, ""
			v.applyFilter()
			v.clamp()
			return v, nil
		case tea.KeyEnter:
			v.filtering = false
			return v, nil
		case tea.KeyBackspace:
			if r := []rune(v.filter); len(r) > 0 {
				v.filter = string(r[:len(r)-1])
			}
			v.applyFilter()
			v.clamp()
			return v, nil
		case tea.KeyRunes, tea.KeySpace:
			v.filter += string(km.Runes)
			v.applyFilter()
			v.clamp()
			if len(v.view) > 0 {
				v.set(v.opts[v.view[v.cursor]].Value)
			}
			return v, nil
		}
	}
	switch km.String() {
	case "up", "k", "ctrl+p":
		v.move(-1)
	case "down", "j", "ctrl+n":
		v.move(1)
	case "home", "g":
		v.move(-len(v.opts))
	case "end", "G":
		v.move(len(v.opts))
	case "/":
		v.filtering = true
	case "esc":
		if v.filter != "" {
			v.filter = ""
			v.applyFilter()
			v.clamp()
		}
	case "enter", "tab":
		if len(v.view) > 0 {
			v.set(v.opts[v.view[v.cursor]].Value)
		}
		return v, huh.NextField
	case "shift+tab":
		return v, huh.PrevField
	}
	return v, nil
}

func (v *vlist[T]) styles() *huh.FieldStyles {
	t := v.theme
	if t == nil {
		t = Theme()
	}
	if v.focused {
		return &t.Focused
	}
	return &t.Blurred
}

// View renders the title, the hints and only the rows in view.
func (v *vlist[T]) View() string {
	st := v.styles()
	w := v.width
	if w <= 0 {
		w = 60
	}
	inner := max(w-4, 10)
	var b strings.Builder
	b.WriteString(st.Title.Render(v.title))
	if v.desc != "" {
		b.WriteString("\n" + st.Description.Render(ansi.Truncate(v.desc, inner, "…")))
	}
	n := v.rows()
	above, below := v.offset, max(len(v.view)-v.offset-n, 0)
	b.WriteString("\n" + st.Description.Render(moreHint(v.lang, "↑", above)))
	// NB: the theme's selector carries its own text ("> ").
	sel := st.SelectSelector.Render()
	pad := strings.Repeat(" ", ansi.StringWidth(sel))
	for i := v.offset; i < min(v.offset+n, len(v.view)); i++ {
		label := ansi.Truncate(v.opts[v.view[i]].Label, inner-2, "…")
		if i == v.cursor {
			b.WriteString("\n" + sel + st.SelectedOption.Render(label))
		} else {
			b.WriteString("\n" + pad + st.Option.Render(label))
		}
	}
	if len(v.view) == 0 {
		b.WriteString("\n  " + st.Description.Render(trIn(v.lang, "nothing matches")))
	}
	b.WriteString("\n" + st.Description.Render(moreHint(v.lang, "↓", below)))
	switch {
	case v.filtering:
		b.WriteString("\n" + st.Title.Render("/ ") + v.filter + "▏" + st.Description.Render(trfIn(v.lang, "  %d of %d · enter keeps · esc clears", len(v.view), len(v.opts))))
	case v.filter != "":
		b.WriteString("\n" + st.Description.Render(trfIn(v.lang, "filter %q: %d of %d · esc clears", v.filter, len(v.view), len(v.opts))))
	default:
		b.WriteString("\n" + st.Description.Render(trfIn(v.lang, "%d options · / filters", len(v.opts))))
	}
	return st.Base.Width(w).Render(b.String())
}

// moreHint is "↑ 12 more" in language l, or an empty line when nothing
// is hidden.
func moreHint(l i18n.Lang, arrow string, n int) string {
	if n == 0 {
		return " "
	}
	return trfIn(l, "%s %d more", arrow, n)
}

func (v *vlist[T]) Blur() tea.Cmd  { v.focused = false; return nil }
func (v *vlist[T]) Focus() tea.Cmd { v.focused = true; return nil }
func (v *vlist[T]) Error() error   { return nil }
func (v *vlist[T]) Run() error     { return huh.NewForm(huh.NewGroup(v)).Run() }
func (v *vlist[T]) Skip() bool     { return false }
func (v *vlist[T]) Zoom() bool     { return false }

// RunAccessible asks for a number, as huh's select does.
func (v *vlist[T]) RunAccessible(w io.Writer, r io.Reader) error {
	opts := make([]huh.Option[T], len(v.opts))
	for i, o := range v.opts {
		opts[i] = huh.NewOption(o.Label, o.Value)
	}
	cur := v.get()
	sel := huh.NewSelect[T]().Title(v.title).Options(opts...).Value(&cur)
	err := sel.RunAccessible(w, r)
	v.set(cur)
	return err
}

func (v *vlist[T]) KeyBinds() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
	}
}

func (v *vlist[T]) WithTheme(t *huh.Theme) huh.Field {
	if v.theme == nil {
		v.theme = t
	}
	return v
}
func (v *vlist[T]) WithAccessible(bool) huh.Field            { return v }
func (v *vlist[T]) WithKeyMap(k *huh.KeyMap) huh.Field       { v.keymap = k; return v }
func (v *vlist[T]) WithWidth(w int) huh.Field                { v.width = w; return v }
func (v *vlist[T]) WithHeight(h int) huh.Field               { v.height = h; v.clamp(); return v }
func (v *vlist[T]) WithPosition(huh.FieldPosition) huh.Field { return v }
func (v *vlist[T]) GetKey() string                           { return v.key }
func (v *vlist[T]) GetValue() any                            { return v.get() }
