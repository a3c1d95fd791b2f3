package wizard

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
)

// TestLongOptionsStayWhole (issue 10): huh v1.0.0 scrolls a select by
// option index as if every option were one line (field_select.go:543 on
// open and resize, :428 and :465 on up and down), so in a cut list an
// option wrapped onto two lines pushes the highlighted one out of view or
// shows only part of it, and the scroll hints counted a cut option as
// shown. Options wider than the field are cut to one line with "…" and
// the highlighted one's full label is in the description. Opened on any
// option and walked down and up, the highlighted option is on screen,
// every option line is whole, no line is wider than the field, and the
// hints add up.
func TestLongOptionsStayWhole(t *testing.T) {
	const n = 20
	hint := regexp.MustCompile(`(↑ (\d+) more)?( · )?(↓ (\d+) more)?\s*$`)
	// NB: at 48 the first line of the description (the highlighted
	// option's whole label, wrapped) is a prefix of that option's cut
	// line, which the hints once took for the option itself.
	for _, width := range []int{40, 48, 60} {
		for _, start := range []int{0, 7, n - 1} {
			h := newHarness(t, nil, StepBasics)
			c := h.app.ctx
			opts := make([]Opt[string], n)
			for i := range opts {
				opts[i] = Opt[string]{Value: fmt.Sprint(i),
					Label: fmt.Sprintf("option %02d with a label far longer than the field is wide, so huh wraps it", i)}
			}
			v := fmt.Sprint(start)
			c.options = nil
			f := withScrollHints(c, themedOne(Pick(c, "test.pick", "Pick one", "", &v, opts)))[0]
			f.WithKeyMap(huh.NewDefaultKeyMap())
			f.WithWidth(width)
			f.WithHeight(10)
			f.Focus()
			check := func(i int) {
				t.Helper()
				view := ansi.Strip(f.View())
				where := fmt.Sprintf("width %d, opened on %d, on %d", width, start, i)
				if !strings.Contains(view, fmt.Sprintf("> option %02d", i)) {
					t.Fatalf("%s: the highlighted option is not shown:\n%s", where, view)
				}
				shown := 0
				lines := strings.Split(view, "\n")
				full := ansi.StringWidth(lines[0]) // the title line: the field's width
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > full {
						t.Fatalf("%s: line %q is %d wide", where, l, w)
					}
					l = strings.TrimSpace(strings.TrimLeft(l, "┃│> "))
					if strings.HasPrefix(l, "option ") && strings.HasSuffix(l, "…") {
						shown++ // an option's line (the description has the whole label)
					}
					if strings.HasPrefix(l, "than the field") {
						t.Fatalf("%s: an option wraps:\n%s", where, view)
					}
				}
				m := hint.FindStringSubmatch(strings.TrimRight(view, " \n"))
				above, _ := strconv.Atoi(m[2])
				below, _ := strconv.Atoi(m[5])
				if above+below+shown != n {
					t.Fatalf("%s: hint %q: %d above + %d shown + %d below != %d\n%s", where, m[0], above, shown, below, n, view)
				}
				if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(view, "┃", "")), " "), fmt.Sprintf("option %02d with a label far longer than the field is wide, so huh wraps it", i)) {
					t.Fatalf("%s: the highlighted option's full label is not shown:\n%s", where, view)
				}
			}
			for i := start; i < n-1; i++ {
				check(i)
				f.Update(keyMsg("down"))
			}
			for i := n - 1; i > 0; i-- {
				check(i)
				f.Update(keyMsg("up"))
			}
			check(0)
		}
	}
}

// TestLongOptionsCutOnlyWhenTheListDoesNotFit (issue 10): a list that fits
// whole is never scrolled, so its labels stay whole, wrapped at spaces
// (the pool menu's three options showed "Edit default (General workloads,
// Dedicated virtual, b…" at 80 columns for nothing); given a height that
// cuts it, the labels are cut to one line with the scroll hints as above.
func TestLongOptionsCutOnlyWhenTheListDoesNotFit(t *testing.T) {
	h := newHarness(t, nil, StepBasics)
	c := h.app.ctx
	opts := []Opt[string]{
		{Value: "a", Label: "Edit default (General workloads, Dedicated virtual, b3c.8x32, end of support 2027-04-28)"},
		{Value: "b", Label: "Add a worker pool"},
		{Value: "c", Label: "Done: continue"},
	}
	v := "a"
	c.options = nil
	f := withScrollHints(c, themedOne(Pick(c, "test.pick", "What next?", "", &v, opts)))[0]
	f.WithWidth(50)
	f.Focus()
	view := ansi.Strip(f.View())
	flat := strings.Join(strings.Fields(strings.NewReplacer("┃", "", ">", "").Replace(view)), " ")
	if strings.Contains(view, "…") || !strings.Contains(flat, opts[0].Label) {
		t.Errorf("a list that fits cuts a label:\n%s", view)
	}
	if split := regexp.MustCompile(`\d[.-]\s*\n`).FindString(view); split != "" {
		t.Errorf("a whole label breaks inside a number (%q):\n%s", split, view)
	}
	f.WithHeight(4) // less than the wrapped list needs (5 lines)
	view = ansi.Strip(f.View())
	if !strings.Contains(view, "…") || !strings.Contains(view, " more") {
		t.Errorf("a list cut to a height keeps labels on more lines than one, or has no hint:\n%s", view)
	}
}
