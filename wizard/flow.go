package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// flow is the wizard's navigation through steps and pages: which page is
// shown, where "back" returns to, which steps are done. It owns the current
// page's huh form and knows nothing about layout; the app model draws it.

// loc is a place in the wizard: a step (by index in flow.steps) and a page.
type loc struct {
	Step int
	Page string
}

// errNotDone is shown when the user skips ahead over a step never answered.
var errNotDone = errors.New("answer this step first (enter moves on); pgdn skips only steps answered before")

type flow struct {
	ctx   *Ctx
	steps []Step
	cur   loc
	// hist is every page left forwards, so back returns exactly where the
	// user came from, across steps.
	hist []loc
	form *huh.Form
	// group is the form's one group (nil in accessible mode): its header
	// is part of the height a field needs.
	group *huh.Group
	page  Page
	// first is the first field that takes focus: shift+tab there goes back
	// a page.
	first huh.Field
	// err is the page's validation error, shown above the form.
	err error
	// done holds the steps answered to the end at least once.
	done map[StepID]bool
	// returnTo is the review page to come back to after a jump from it.
	returnTo *loc
	// finished is set when the last step ends.
	finished bool
	width    int
	height   int
	// sizedErrs is the error count the form was last sized with.
	sizedErrs int
	// accessible builds forms for huh's accessible mode.
	accessible bool
	// onStepDone runs when a step is finished (the app saves the draft).
	onStepDone func(StepID)
	// busy is set while a page's action runs: keys wait.
	busy bool
	// fields are the current page's fields.
	fields []huh.Field
	// entered is the step whose Enter hook ran last (-1: none yet);
	// restored skips the next Enter because the state came from a draft.
	entered  int
	restored bool
}

func newFlow(ctx *Ctx, steps []Step) *flow {
	return &flow{ctx: ctx, steps: steps, done: map[StepID]bool{}, width: 60, height: 20, entered: -1}
}

// enterStep runs step i's Enter hook when the wizard comes to it from
// another step, before anything asks its pages whether they are skipped
// (skips read the typed state Enter derives).
func (f *flow) enterStep(i int) {
	if i == f.entered || i >= len(f.steps) {
		return
	}
	f.entered = i
	if enter := f.steps[i].Enter; enter != nil && !f.restored {
		enter(f.ctx)
	}
	f.restored = false
}

// focusKey moves the focus to the field with key on the current page, if
// the page has it (a resume lands on the field the user was on).
func (f *flow) focusKey(key string) {
	if f.form == nil || key == "" || !slices.ContainsFunc(f.fields, func(fl huh.Field) bool { return fl.GetKey() == key && !fl.Skip() }) {
		return
	}
	for i := 0; i < len(f.fields) && f.form.GetFocusedField() != nil && f.form.GetFocusedField().GetKey() != key; i++ {
		f.form.NextField()
	}
}

// focusedKey is the key of the field with focus ("" without a form).
func (f *flow) focusedKey() string {
	if f.form == nil || f.finished {
		return ""
	}
	if fl := f.form.GetFocusedField(); fl != nil {
		return fl.GetKey()
	}
	return ""
}

// step returns the current step.
func (f *flow) step() Step { return f.steps[f.cur.Step] }

// stepIndex returns the index of the step with id, or -1.
func (f *flow) stepIndex(id StepID) int {
	return slices.IndexFunc(f.steps, func(s Step) bool { return s.ID == id })
}

// skipped reports whether the page at l is skipped for the current answers.
func (f *flow) skipped(l loc) bool {
	p, _, ok := f.steps[l.Step].page(l.Page)
	return !ok || p.Skip != nil && p.Skip(f.ctx)
}

// orderNext returns the page after l in its step's order, or ok=false at
// the end of the step.
func (f *flow) orderNext(l loc) (loc, bool) {
	s := f.steps[l.Step]
	_, i, _ := s.page(l.Page)
	if i+1 < len(s.Pages) {
		return loc{l.Step, s.Pages[i+1].ID}, true
	}
	return loc{}, false
}

// resolve returns the first page to show from l on, following skipped
// pages forwards (by their Next when they have one, else in order) and
// moving into the next steps when a step's remaining pages are all
// skipped. ok is false past the last step.
func (f *flow) resolve(l loc) (loc, bool) {
	for guard := 0; guard < 1000; guard++ {
		if l.Step >= len(f.steps) {
			return loc{}, false
		}
		if l.Page == "" {
			l.Page = f.steps[l.Step].Pages[0].ID
		}
		f.enterStep(l.Step)
		if !f.skipped(l) {
			return l, true
		}
		p, _, _ := f.steps[l.Step].page(l.Page)
		next := ""
		if p.Next != nil {
			next = p.Next(f.ctx)
		}
		switch {
		case next == EndOfStep:
			l = loc{l.Step + 1, ""}
		case next != "" && !strings.HasPrefix(next, jumpPrefix):
			if _, _, ok := f.steps[l.Step].page(next); ok {
				l = loc{l.Step, next}
				continue
			}
			fallthrough
		default:
			n, ok := f.orderNext(l)
			if !ok {
				n = loc{l.Step + 1, ""}
			}
			l = n
		}
	}
	return loc{}, false
}

// reached reports whether step i was reached: done, or at or before the
// current one (its questions have been asked).
func (f *flow) reached(i int) bool { return i <= f.cur.Step || f.done[f.steps[i].ID] }

// reachedAreas are the rule areas of the steps reached: the findings the
// user has been asked about.
func (f *flow) reachedAreas() []string {
	var out []string
	for i, s := range f.steps {
		if f.reached(i) {
			out = append(out, s.areas()...)
		}
	}
	return out
}

// stepSkipped reports whether every page of step i is skipped.
func (f *flow) stepSkipped(i int) bool {
	for _, p := range f.steps[i].Pages {
		if !f.skipped(loc{i, p.ID}) {
			return false
		}
	}
	return true
}

// start shows the first page of step id (or of the first step).
func (f *flow) start(id StepID) tea.Cmd {
	l, ok := f.resolve(loc{max(f.stepIndex(id), 0), ""})
	if !ok {
		f.finished = true
		return nil
	}
	return f.show(l)
}

// show builds and shows the page at l.
func (f *flow) show(l loc) tea.Cmd {
	f.cur = l
	f.enterStep(l.Step)
	p, _, _ := f.steps[l.Step].page(l.Page)
	f.page = p
	f.ctx.Width = f.width
	f.ctx.afterRun = nil
	f.sizedErrs = 0
	if p.Enter != nil {
		p.Enter(f.ctx)
	}
	f.ctx.options = nil
	f.ctx.optionFits = nil
	f.ctx.suggestions = nil
	f.ctx.rewraps = nil
	fields := p.Fields(f.ctx)
	if !f.accessible {
		fields = withScrollHints(f.ctx, fields)
	}
	f.fields = fields
	f.first = nil
	for _, fl := range fields {
		if !fl.Skip() {
			f.first = fl
			break
		}
	}
	f.group = nil
	if f.accessible {
		// The runner prints the title and description itself.
		f.form = huh.NewForm(huh.NewGroup(themed(AccessibleTheme(), fields...)...)).WithTheme(AccessibleTheme()).WithAccessible(true)
		return nil
	}
	g := huh.NewGroup(themed(Theme(), fields...)...).Title(f.ctx.tr(p.Title))
	// NB: a group has no border: its description takes the whole width.
	f.ctx.describeIn(f.ctx.tr(p.Description), 0, func(s string) { g.Description(s) })
	f.group = g
	f.form = huh.NewForm(g).
		WithTheme(Theme()).
		WithKeyMap(formKeyMap()).
		WithShowHelp(false).
		WithWidth(f.width).
		WithHeight(f.height)
	return f.form.Init()
}

// resize sets the size of the form area.
func (f *flow) resize(w, h int) {
	w, h = max(w, 10), max(h, 3)
	// NB: sizing a form renders every field: skip it unless the size or
	// the errors under the form (part of its height) changed.
	errs := 0
	if f.form != nil {
		errs = len(f.form.Errors())
	}
	if w == f.width && h == f.height && errs == f.sizedErrs {
		return
	}
	f.width, f.height, f.sizedErrs = w, h, errs
	f.ctx.Width = f.width
	if f.form != nil {
		f.ctx.rewrap()
		for _, fl := range f.fields {
			regrow(fl)
		}
		f.form.WithWidth(f.width).WithHeight(f.height)
		// NB: huh rebuilds a group's view only in Update: without one the
		// form keeps drawing the fields wrapped at the old width (cut at
		// the new one) until the next key.
		if m, _ := f.form.Update(relaidMsg{}); m != nil {
			f.form = m.(*huh.Form)
		}
	}
}

// regrow gives a field its height as built before the form sizes it: huh
// only ever shrinks a field that is taller than the form, so without this
// a list cut at a small window stayed cut (DNS, the last CIS feature, was
// missing at 120×40 after 60×20) where a fresh start showed it whole.
// The wizard builds multi-selects and notes without a height (0: as tall
// as their content); selects keep theirs in scrollHints.
func regrow(fl huh.Field) {
	switch x := fl.(type) {
	case *scrollHints:
		x.regrow()
	case *huh.Note:
		x.WithHeight(0)
	default:
		// NB: PickMany builds a MultiSelect of the model's own string
		// types (CISFeature, LogSource, ...): a type switch cannot name
		// them all, its type's name can.
		if strings.HasPrefix(fmt.Sprintf("%T", fl), "*huh.MultiSelect[") {
			fl.WithHeight(0)
		}
	}
}

// relaidMsg makes the form redraw its fields at a new size; no field acts
// on it.
type relaidMsg struct{}

// atFirstField reports whether focus is on the page's first field.
func (f *flow) atFirstField() bool {
	return f.form != nil && (f.first == nil || f.form.GetFocusedField() == f.first)
}

// update forwards a message to the form and moves on when the page is done.
func (f *flow) update(msg tea.Msg) tea.Cmd {
	if f.form == nil || f.finished || f.busy {
		return nil
	}
	m, cmd := f.form.Update(msg)
	if fm, ok := m.(*huh.Form); ok {
		f.form = fm
	}
	if f.form.State == huh.StateCompleted {
		return f.complete()
	}
	return cmd
}

// actionMsg carries a page action's result back to the page it ran for.
type actionMsg struct {
	at  loc
	res ActionResult
}

// complete validates the finished page, runs its action, and shows the
// next one (after the action's result, when it has one).
func (f *flow) complete() tea.Cmd {
	p := f.page
	if p.Validate != nil {
		if err := p.Validate(f.ctx); err != nil {
			f.err = f.ctx.trErr(err)
			return f.show(f.cur)
		}
	}
	f.err = nil
	if p.Action != nil {
		cmd := p.Action(f.ctx)
		if cmd != nil {
			at := f.cur
			f.busy = true
			return func() tea.Msg {
				res, _ := cmd().(ActionResult)
				return actionMsg{at: at, res: res}
			}
		}
	}
	return f.proceed()
}

// actionDone takes a page action's result: an error keeps the user on
// the page, else the wizard moves on.
func (f *flow) actionDone(msg actionMsg) tea.Cmd {
	if msg.at != f.cur {
		return nil
	}
	f.busy = false
	if msg.res.Apply != nil {
		msg.res.Apply()
	}
	if msg.res.Err != nil {
		f.err = msg.res.Err
		return f.show(f.cur)
	}
	return f.proceed()
}

// runNow completes the page and runs its action's command in line (the
// accessible mode has no event loop).
func (f *flow) runNow() {
	cmd := f.complete()
	if !f.busy || cmd == nil {
		return
	}
	if m, ok := cmd().(actionMsg); ok {
		f.actionDone(m)
	}
}

// proceed runs the page's Done and shows the page after it.
func (f *flow) proceed() tea.Cmd {
	p := f.page
	if p.Done != nil {
		p.Done(f.ctx)
	}
	next := ""
	if p.Next != nil {
		next = p.Next(f.ctx)
	}
	from := f.cur
	if strings.HasPrefix(next, jumpPrefix) {
		if i := f.stepIndex(StepID(strings.TrimPrefix(next, jumpPrefix))); i >= 0 {
			if l, ok := f.resolve(loc{i, ""}); ok {
				f.hist = append(f.hist, from)
				f.returnTo = &from
				return f.show(l)
			}
		}
		return f.show(from)
	}
	var target loc
	switch {
	case next == EndOfStep:
		target = loc{from.Step + 1, ""}
	case next != "":
		target = loc{from.Step, next}
	default:
		if n, more := f.orderNext(from); more {
			target = n
		} else {
			target = loc{from.Step + 1, ""}
		}
	}
	to, ok := f.resolve(target)
	f.hist = append(f.hist, from)
	ended := !ok || to.Step != from.Step
	if ended {
		f.done[f.steps[from.Step].ID] = true
		if f.returnTo != nil && f.returnTo.Step != from.Step {
			to, ok = *f.returnTo, true
			f.returnTo = nil
		}
	}
	var cmd tea.Cmd
	if ok {
		cmd = f.show(to)
	} else {
		f.finished = true
		f.form = nil
	}
	// The draft is saved once the next page is current, so resuming
	// starts where the user was going.
	if ended && f.onStepDone != nil {
		f.onStepDone(f.steps[from.Step].ID)
	}
	return cmd
}

// back returns to the page the user came from.
func (f *flow) back() tea.Cmd {
	for len(f.hist) > 0 {
		l := f.hist[len(f.hist)-1]
		f.hist = f.hist[:len(f.hist)-1]
		if !f.skipped(l) {
			f.err = nil
			return f.show(l)
		}
	}
	return nil
}

// jump shows the first page of step id, remembering the current page in
// the history. From the review, finishing that step returns to the review.
func (f *flow) jump(id StepID) tea.Cmd {
	i := f.stepIndex(id)
	if i < 0 || i == f.cur.Step {
		return nil
	}
	if f.step().ID == StepReview && i < f.cur.Step {
		r := f.cur
		f.returnTo = &r
	}
	l, ok := f.resolve(loc{i, ""})
	if !ok {
		return nil
	}
	f.hist = append(f.hist, f.cur)
	f.err = nil
	return f.show(l)
}

// prevStep shows the first page of the step before the current one.
func (f *flow) prevStep() tea.Cmd {
	for i := f.cur.Step - 1; i >= 0; i-- {
		if l, ok := f.resolve(loc{i, ""}); ok && l.Step == i {
			f.hist = append(f.hist, f.cur)
			f.err = nil
			return f.show(l)
		}
	}
	return nil
}

// nextStep skips to the next step if this one was answered before (its
// answers stand as they are), so a user can page through a finished design.
func (f *flow) nextStep() tea.Cmd {
	if !f.done[f.step().ID] {
		f.err = errNotDone
		return nil
	}
	l, ok := f.resolve(loc{f.cur.Step + 1, ""})
	if !ok {
		return nil
	}
	f.hist = append(f.hist, f.cur)
	f.err = nil
	return f.show(l)
}

// closeSubForm is esc on an item page of a list editor (page "pools-flavor"
// of the list page "pools"): it returns to the list page, keeping the
// answers given (they are bound to the design). It reports whether the
// page was a sub-form.
func (f *flow) closeSubForm() bool {
	if f.form == nil || f.busy {
		return false
	}
	for _, p := range f.steps[f.cur.Step].Pages {
		if p.ID != f.cur.Page && strings.HasPrefix(f.cur.Page, p.ID+"-") {
			l := loc{f.cur.Step, p.ID}
			if f.skipped(l) {
				return false
			}
			f.hist = append(f.hist, f.cur)
			f.err = nil
			f.show(l)
			return true
		}
	}
	return false
}
