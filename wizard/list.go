package wizard

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
)

// List is the add / edit / remove pattern for a list in the design (worker
// pools, access groups, buckets, …). Pages() returns the pages to put in a
// step: a list page that offers "edit X", "add", "remove X" and "done",
// then the item pages for the chosen item, then back to the list page.
type List[T any] struct {
	// ID prefixes the page IDs; unique within the step ("pools").
	ID string
	// Texts are the list editor's sentences about this list's items.
	Texts ListTexts
	// Title and Description head the list page.
	Title       string
	Description string
	// Items points at the list in the design.
	Items func(d *model.Design) *[]T
	// Label is the one line that names an item on the list page.
	Label func(c *Ctx, item *T) string
	// New returns a new item with sensible defaults; it is appended and
	// opened in the item pages.
	New func(c *Ctx) T
	// Min is how many items must remain (remove is not offered below it);
	// Max, when > 0, how many may exist.
	Min, Max int
	// ItemPages edit one item; they are shown in order for the chosen item.
	ItemPages []ItemPage[T]
	// Live, when set, renders under the list page.
	Live func(c *Ctx) string
	// Skip, when it returns true, skips the whole list (e.g. a disabled
	// feature).
	Skip func(c *Ctx) bool
	// After is the page shown when the list is done; "" ends the step.
	After string
	// Incomplete, when set, reports an item that still lacks an answer the
	// design cannot do without (a pool without a flavor): the list page then
	// opens on "Edit" for it and refuses "Done" until it is answered.
	Incomplete func(item *T) bool
}

// ListTexts are whole sentences, one message each in the catalogue: they
// were composed from a noun ("Remove " + "a" + " worker pool"), which
// Japanese cannot reuse (no articles, other word order) and which left
// the remove page and the errors in English on a Japanese screen.
type ListTexts struct {
	// Add is the list page's option that adds an item ("Add a worker pool").
	Add string
	// Remove titles the remove page ("Remove a worker pool"); the list
	// page's option is Remove with an ellipsis (it asks which one).
	Remove string
	// RemoveOption is the list page's option to remove one ("Remove a
	// worker pool…").
	RemoveOption string
	// Which asks which item to remove ("Which worker pool?").
	Which string
	// Help is the list page's help line.
	Help string
	// TooFew is the list page's error when fewer than Min items remain;
	// needed when Min > 0.
	TooFew string
	// Unfinished is a printf format taking an item's label: the list
	// page's error when an item is incomplete; needed with Incomplete.
	Unfinished string
}

// check panics when a text the list uses is missing: a list without its
// sentences is a programming error every test run finds (Steps builds
// every list).
func (l *List[T]) check() {
	t := l.Texts
	if t.Add == "" || t.Remove == "" || t.RemoveOption == "" || t.Which == "" || t.Help == "" ||
		l.Min > 0 && t.TooFew == "" || l.Incomplete != nil && t.Unfinished == "" {
		panic("wizard: list " + l.ID + " lacks some of its Texts")
	}
}

// firstIncomplete is the index of the first incomplete item, or -1.
func (l *List[T]) firstIncomplete(items []T) int {
	if l.Incomplete == nil {
		return -1
	}
	for i := range items {
		if l.Incomplete(&items[i]) {
			return i
		}
	}
	return -1
}

// ItemPage is one page of fields for the item being edited.
type ItemPage[T any] struct {
	ID          string
	Title       string
	Description string
	// Fields binds fields to item (a pointer into the design's slice) and
	// gets the item's index, for keys and validators that compare items.
	Fields func(c *Ctx, item *T, index int) []huh.Field
	Skip   func(c *Ctx, item *T) bool
	// Validate checks the item once its page is done.
	Validate func(c *Ctx, item *T, index int) error
	Live     func(c *Ctx, item *T) string
}

// listState is the list editor's own state: the action chosen on the list
// page, the item being edited and whether a removal was confirmed. It is UI
// state, not part of the design; it lives in uiState.Lists so a draft saved
// on an item page resumes on the same item (not on the list's first one).
type listState struct {
	Action  string `json:"action,omitempty"`
	Index   int    `json:"index"`
	Confirm bool   `json:"confirm,omitempty"`
}

const (
	listDone   = "done"
	listAdd    = "add"
	listEdit   = "edit:"
	listRemove = "remove"
)

// ListPageID is the ID of the list page of a list, for Next functions.
func ListPageID(id string) string { return id }

// Pages returns the list's pages.
func (l List[T]) Pages() []Page {
	l.check()
	listID := l.ID
	removeID := l.ID + "-remove"
	first := ""
	if len(l.ItemPages) > 0 {
		first = l.ID + "-" + l.ItemPages[0].ID
	}
	item := func(c *Ctx) (*T, int, bool) {
		st := c.list(l.ID)
		items := l.Items(c.D)
		if st.Index < 0 || st.Index >= len(*items) {
			return nil, -1, false
		}
		return &(*items)[st.Index], st.Index, true
	}
	pages := []Page{{
		ID:          listID,
		Title:       l.Title,
		Description: l.Description,
		Skip:        l.Skip,
		Live:        l.Live,
		Fields: func(c *Ctx) []huh.Field {
			st := c.list(l.ID)
			st.Action = listDone
			items := l.Items(c.D)
			var opts []Opt[string]
			for i := range *items {
				opts = append(opts, Opt[string]{Value: listEdit + strconv.Itoa(i), Label: c.trf("Edit %s", l.Label(c, &(*items)[i]))})
			}
			if l.Max == 0 || len(*items) < l.Max {
				opts = append(opts, Opt[string]{Value: listAdd, Label: l.Texts.Add})
			}
			if len(*items) > l.Min {
				opts = append(opts, Opt[string]{Value: listRemove, Label: l.Texts.RemoveOption})
			}
			opts = append(opts, Opt[string]{Value: listDone, Label: c.tr("Done: continue")})
			if i := l.firstIncomplete(*items); i >= 0 {
				st.Action = listEdit + strconv.Itoa(i)
			}
			help := l.Texts.Help
			if len(opts) >= vlistMin && !c.Accessible {
				// NB: the long-list select renders only the rows in view.
				// It takes its texts as they are shown: translated here.
				v := newVList("list."+l.ID, c.tr("What next?"), c.tr(help), trOpts(c, opts),
					func() string { return st.Action }, func(a string) { st.Action = a })
				v.lang = c.Lang
				return []huh.Field{v}
			}
			sel := Pick(c, "list."+l.ID, "What next?", help, &st.Action, opts)
			if len(opts) > 10 {
				sel.Height(14)
			}
			return []huh.Field{sel}
		},
		Validate: func(c *Ctx) error {
			st := c.list(l.ID)
			n := len(*l.Items(c.D))
			if st.Action == listDone && n < l.Min {
				return errors.New(c.tr(l.Texts.TooFew))
			}
			if i := l.firstIncomplete(*l.Items(c.D)); st.Action == listDone && i >= 0 {
				return errors.New(c.trf(l.Texts.Unfinished, l.Label(c, &(*l.Items(c.D))[i])))
			}
			return nil
		},
		Done: func(c *Ctx) {
			st := c.list(l.ID)
			switch {
			case st.Action == listAdd:
				items := l.Items(c.D)
				*items = append(*items, l.New(c))
				st.Index = len(*items) - 1
			case strings.HasPrefix(st.Action, listEdit):
				st.Index, _ = strconv.Atoi(strings.TrimPrefix(st.Action, listEdit))
			case st.Action == listRemove:
				st.Index = len(*l.Items(c.D)) - 1
				st.Confirm = false
			}
		},
		Next: func(c *Ctx) string {
			st := c.list(l.ID)
			switch {
			case (st.Action == listDone || st.Action == "") && l.After != "":
				return l.After
			case st.Action == listDone || st.Action == "":
				return EndOfStep
			case st.Action == listRemove:
				return removeID
			case first == "":
				return listID
			}
			return first
		},
	}, {
		ID:    removeID,
		Title: l.Texts.Remove,
		Skip:  func(c *Ctx) bool { return l.Skip != nil && l.Skip(c) },
		Fields: func(c *Ctx) []huh.Field {
			st := c.list(l.ID)
			items := l.Items(c.D)
			if len(*items) == 0 {
				return []huh.Field{Note(c, c.tr("Nothing to remove"), "")}
			}
			var opts []Opt[int]
			for i := range *items {
				opts = append(opts, Opt[int]{Value: i, Label: l.Label(c, &(*items)[i])})
			}
			var which huh.Field
			if len(opts) >= vlistMin && !c.Accessible {
				v := newVList("list."+l.ID+".remove", c.tr(l.Texts.Which), "", opts, func() int { return st.Index }, func(i int) { st.Index = i })
				v.lang = c.Lang
				which = v
			} else {
				which = PickFunc(c, "list."+l.ID+".remove", l.Texts.Which, "", func() int { return st.Index },
					func(i int) { st.Index = i }, opts)
			}
			return []huh.Field{which, YesNo(c, "list."+l.ID+".confirm", "Remove it?",
				"its answers are deleted from the design", &st.Confirm)}
		},
		Done: func(c *Ctx) {
			st := c.list(l.ID)
			items := l.Items(c.D)
			if st.Confirm && st.Index >= 0 && st.Index < len(*items) && len(*items) > l.Min {
				*items = append((*items)[:st.Index], (*items)[st.Index+1:]...)
			}
			st.Confirm = false
		},
		Next: func(*Ctx) string { return listID },
	}}
	for i, ip := range l.ItemPages {
		next := listID
		if i+1 < len(l.ItemPages) {
			next = l.ID + "-" + l.ItemPages[i+1].ID
		}
		pages = append(pages, Page{
			ID:          l.ID + "-" + ip.ID,
			Title:       ip.Title,
			Description: ip.Description,
			Fields: func(c *Ctx) []huh.Field {
				it, idx, ok := item(c)
				if !ok {
					return []huh.Field{Note(c, c.tr("Nothing to edit"), "")}
				}
				return ip.Fields(c, it, idx)
			},
			Skip: func(c *Ctx) bool {
				it, _, ok := item(c)
				return !ok || l.Skip != nil && l.Skip(c) || ip.Skip != nil && ip.Skip(c, it)
			},
			Validate: func(c *Ctx) error {
				it, idx, ok := item(c)
				if !ok || ip.Validate == nil {
					return nil
				}
				return ip.Validate(c, it, idx)
			},
			Live: func(c *Ctx) string {
				it, _, ok := item(c)
				if !ok || ip.Live == nil {
					return ""
				}
				return ip.Live(c, it)
			},
			Next: func(*Ctx) string { return next },
		})
	}
	return pages
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
