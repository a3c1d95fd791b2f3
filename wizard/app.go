package wizard

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/model/rules"
)

// Options configure a wizard run.
type Options struct {
	// Catalog is the IBM Cloud catalog; nil means the embedded one.
	Catalog *catalog.Catalog
	// Drafts is where drafts are saved; a zero value means DefaultDraftDir.
	Drafts Drafts
	// Design, when set, opens the wizard on it (iksplan edit FILE) instead
	// of the welcome screen; File is where it came from, and the review
	// offers to save the design back there.
	Design *model.Design
	File   string
	// OutDir is the output folder the review offers ("out").
	OutDir string
	// Now is the clock (tests fix it).
	Now func() time.Time
	// Write renders and writes the artifacts; nil means render.All +
	// render.Write (output.go).
	Write WriteFunc
	// Preview renders the side panel's artifact excerpt; nil means the
	// runbook through render (output.go).
	Preview PreviewFunc
	// Renderer is the lipgloss renderer of the stream the TUI draws on;
	// nil means lipgloss's default (stdout).
	Renderer *lipgloss.Renderer
	// Lang is the language the wizard starts in (the command line resolves
	// --lang, the design's documentLanguage and the locale); the welcome
	// screen can switch it. LangExplicit says --lang chose it, so English
	// too is recorded in the design.
	Lang         i18n.Lang
	LangExplicit bool
}

// WriteFunc renders a design's artifacts and writes them, with the design
// itself when req.SaveTo is set, as one transaction: it checks for files in
// the way first and, without req.Overwrite, writes nothing at all and
// returns a *WriteConflict naming them. It returns the paths written.
type WriteFunc func(req WriteRequest) ([]string, error)

// WriteRequest is one write of the review.
type WriteRequest struct {
	Design  *model.Design
	Catalog *catalog.Catalog
	// Source is the design's file name printed in the artifacts' headers.
	Source string
	Dir    string
	// SaveTo is the design file to save with the artifacts ("" none).
	SaveTo    string
	Overwrite bool
}

// PreviewFunc returns a short excerpt of the artifact a step affects.
type PreviewFunc func(d *model.Design, cat *catalog.Catalog, step StepID) (title, text string)

// WriteConflict lists files that are in the way of a write.
type WriteConflict struct {
	Dir   string
	Paths []string
}

func (e *WriteConflict) Error() string {
	return fmt.Sprintf("%d file(s) already exist in %s", len(e.Paths), e.Dir)
}

func (o *Options) defaults() {
	if o.Catalog == nil {
		o.Catalog = catalog.Default()
	}
	if o.Drafts.Dir == "" {
		o.Drafts.Dir = DefaultDraftDir()
	}
	if o.OutDir == "" {
		o.OutDir = "out"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Write == nil {
		o.Write = renderAndWrite
	}
	if o.Preview == nil {
		o.Preview = renderPreview
	}
}

// services are what the review step needs from the wizard around it.
type services struct {
	report func() rules.Report
	write  WriteFunc
	file   string
	outDir string
	review reviewState
	// orig is the design as the file being edited holds it (nil for a new
	// design): the review shows what the changes do to a running cluster.
	orig *model.Design
}

type screen int

const (
	screenWelcome screen = iota
	screenWizard
	screenFinal
)

// Layout constants: the side panel needs room to be useful, the step list
// less; below the minimum the wizard asks for a bigger terminal instead of
// drawing a broken screen.
const (
	minWidth       = 40
	minHeight      = 12
	panelMinTotal  = 100
	stepListMinTot = 70
	stepListWidth  = 20
	analyzeDelay   = 120 * time.Millisecond
	finalGrace     = 400 * time.Millisecond
)

// App is the wizard's bubbletea model: welcome screen, step list, the
// current page's form, the live side panel, the why panel and the footer.
type App struct {
	opts   Options
	cat    *catalog.Catalog
	styles *Styles
	keys   KeyMap
	help   help.Model

	screen  screen
	welcome welcomeState

	// lang is the language of the run (lang.go); langExplicit says the
	// user chose it (--lang or the welcome switch) rather than the locale.
	lang         i18n.Lang
	langExplicit bool

	ctx  *Ctx
	flow *flow

	width, height int
	sized         bool
	showWhy       bool
	quitAsk       bool
	quitting      bool
	status        string
	statusErr     bool
	// suggestExplained: the status line has said once what a suggestion
	// is (suggest.go).
	suggestExplained bool

	// Analysis: rev counts changes; the rules and the preview run a moment
	// after the last change (never per keystroke), the plan on every change.
	rev         int
	analyzedRev int
	// analyzedStep is the step the preview was made for.
	analyzedStep StepID
	plan         model.CapacityPlan
	report       rules.Report
	previewT     string
	previewX     string
	live         string
	// whyH is the height the why panel under the form got (0: none).
	whyH int

	// The side panel is cached: panelRev counts changes to what it draws.
	panelRev    int
	panelRegion string
	panelZones  []string
	panelKey    panelKey
	panelCache  string

	// draftID is the identity of the draft (draft.go); saves are numbered
	// (saveSeq) and written by saver, off the update loop.
	draftID string
	saver   *saver
	saveSeq int
	// lastKey is the page and field that had focus after the last key:
	// when it changes, an answer was committed and the draft is saved.
	lastKey string
	// Saved is the path of the last draft saved.
	Saved string
	// finalAt is when the final screen appeared (wall clock).
	finalAt time.Time
	// Interrupted is the signal that stopped the wizard (nil when it ended
	// otherwise); a ctrl+c quit counts as SIGINT.
	Interrupted os.Signal
}

// New returns the wizard model.
func New(opts Options) *App {
	opts.defaults()
	r := opts.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	m := &App{opts: opts, cat: opts.Catalog, styles: NewStyles(r), keys: DefaultKeyMap(), help: help.New()}
	m.help.Styles.ShortKey = m.styles.Strong
	m.help.Styles.ShortDesc = m.styles.Muted
	m.help.Styles.ShortSeparator = m.styles.Muted
	m.help.Styles.Ellipsis = m.styles.Muted
	m.width, m.height = 100, 30
	m.lang, m.langExplicit = opts.Lang, opts.LangExplicit
	if m.lang != i18n.JA {
		m.lang = i18n.EN
	}
	m.saver = &saver{drafts: opts.Drafts}
	switch {
	case opts.Design != nil && opts.File != "":
		m.openFile(opts.Design, opts.File)
	case opts.Design != nil:
		m.begin(opts.Design, draftState{Step: StepBasics, Done: allSteps()}, NewDraftID(opts.Now()))
	default:
		m.buildWelcome()
	}
	return m
}

// openFile starts on a design read from file, unless the file already has
// a draft: then the wizard asks whether to resume it or to start over from
// the file, showing both, before anything replaces the draft.
func (m *App) openFile(d *model.Design, file string) tea.Cmd {
	if data, err := os.ReadFile(file); err == nil {
		if src, ok := RenderedSource(data); ok {
			m.askRendered(d, file, src)
			return m.startWelcome()
		}
	}
	return m.openDesign(d, file)
}

// openDesign is openFile once the file is known to be a design to edit.
func (m *App) openDesign(d *model.Design, file string) tea.Cmd {
	id := FileDraftID(file)
	if di, ok := m.opts.Drafts.Info(id); ok {
		m.askDraftConflict(di, d, file)
		return m.startWelcome()
	}
	return m.begin(d, draftState{Step: StepBasics, Done: allSteps(), Source: file}, id)
}

func allSteps() []StepID {
	var out []StepID
	for _, s := range Steps() {
		if s.ID != StepReview {
			out = append(out, s.ID)
		}
	}
	return out
}

// Design returns the design being edited (nil on the welcome screen).
func (m *App) Design() *model.Design {
	if m.ctx == nil {
		return nil
	}
	return m.ctx.D
}

// Init implements tea.Model.
func (m *App) Init() tea.Cmd {
	if m.screen == screenWelcome {
		return m.startWelcome()
	}
	return tea.Batch(m.flow.form.Init(), m.touch())
}

// begin starts the wizard on design d at the position st, saving to the
// draft id.
func (m *App) begin(d *model.Design, st draftState, id string) tea.Cmd {
	model.ApplyDefaults(d)
	m.draftID = id
	m.ctx = &Ctx{D: d, Cat: m.cat, S: m.styles, Today: m.opts.Now().Format("2006-01-02"), Lang: m.lang}
	m.recordLang()
	m.ctx.svc = &services{
		report: func() rules.Report { return rules.Evaluate(m.ctx.D, m.cat, nil) },
		write:  m.opts.Write,
		file:   st.Source,
		outDir: m.opts.OutDir,
	}
	if m.ctx.svc.file == "" {
		m.ctx.svc.file = m.opts.File
	}
	m.ctx.svc.orig = loadOriginal(m.ctx.svc.file)
	m.flow = newFlow(m.ctx, Steps())
	for _, id := range st.Done {
		m.flow.done[id] = true
	}
	m.screen = screenWizard
	m.relayout()
	cmd := startFlow(m.flow, st)
	m.lastKey = m.posKey()
	// The rules and the preview run just after the first frame (touch):
	// starting stays as fast as a bare form.
	m.plan = model.PlanCapacity(&d.Spec, m.cat)
	m.analyzedStep = m.flow.step().ID
	m.relayout()
	return cmd
}

// startFlow shows the position st: with a saved typed state (a resumed
// draft) the same page and field with the same answers, else the first
// page of st.Step with the state derived from the design.
func startFlow(f *flow, st draftState) tea.Cmd {
	for _, s := range f.steps {
		if s.Enter != nil {
			s.Enter(f.ctx)
		}
	}
	if st.UI != nil {
		f.ctx.UI = *st.UI
		f.restored = true
	}
	if i := f.stepIndex(st.Step); i >= 0 && st.Page != "" && !strings.HasPrefix(st.Page, "\x00") {
		f.enterStep(i)
		l := loc{i, st.Page}
		if _, _, ok := f.steps[i].page(st.Page); ok && !f.skipped(l) {
			cmd := f.show(l)
			f.focusKey(st.Field)
			return cmd
		}
	}
	f.restored = false
	return f.start(st.Step)
}

// sizeQuery is the type of bubbletea's window-size query, the message of
// tea.WindowSize() (huh's Form.Init returns it): bubbletea answers it with
// a WindowSizeMsg and hands the query itself to the model too, where it
// means nothing.
var sizeQuery = reflect.TypeOf(tea.WindowSize()())

// isFieldRefresh reports whether t is huh's field refresh, the message a
// group's Init sends so that fields bound to functions (TitleFunc,
// OptionsFunc, ...) evaluate them. The welcome screen's fields have fixed
// texts (the wizard sets a new description itself, descwrap.go), so the
// refresh changes nothing there but costs an Update that runs the select's
// Update three times, each measuring every option, and a view rebuild. The
// type is huh's own (unexported): matched by name, it is only skipped
// while huh calls it so; renamed, the refresh is forwarded as before.
func isFieldRefresh(t reflect.Type) bool {
	return t != nil && t.Name() == "updateFieldMsg" && t.PkgPath() == "github.com/charmbracelet/huh"
}

// Update implements tea.Model.
func (m *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.screen == screenWelcome {
		if t := reflect.TypeOf(msg); t == sizeQuery || isFieldRefresh(t) {
			// NB: bubbletea answers the query with a WindowSizeMsg;
			// forwarded, either message had huh lay the select out three
			// times and rebuild the view it has, for nothing.
			return m, nil
		}
		if ws, ok := msg.(tea.WindowSizeMsg); !ok || !m.sized || ws.Width != m.width || ws.Height != m.height {
			m.welcome.frame = ""
		}
	}
	if _, size := msg.(tea.WindowSizeMsg); !size && m.screen == screenWelcome && !m.welcome.started {
		// A message before any window size (an output that is not a
		// terminal sends none): the form starts at the size it has, and
		// so do the forms after it.
		m.welcome.unsized, m.welcome.started = true, true
		start := m.welcome.form.Init()
		_, cmd := m.Update(msg)
		return m, tea.Batch(start, cmd)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height, m.sized = msg.Width, msg.Height, true
		m.relayout()
		if m.screen == screenWelcome && !m.welcome.started {
			// NB: after relayout: the form's Init builds its view once,
			// at this size.
			return m, m.startWelcome()
		}
		return m, nil
	case analyzeMsg:
		if msg.rev == m.rev && m.analyzedRev != m.rev && m.screen == screenWizard {
			m.analyze()
			m.relayout()
		}
		return m, nil
	case signalMsg:
		if m.screen == screenWizard {
			m.saveDraft()
		}
		m.Interrupted = msg.sig
		m.quitting = true
		return m, tea.Quit
	case actionMsg:
		if m.flow == nil {
			return m, nil
		}
		cmd := m.flow.actionDone(msg)
		m.afterFlow()
		return m, tea.Batch(cmd, m.touch(), m.commitCmd())
	case draftSavedMsg:
		if msg.err != nil {
			m.status, m.statusErr = msg.err.Error(), true
		} else if msg.path != "" {
			m.Saved = msg.path
		}
		return m, nil
	case tea.KeyMsg:
		if m.quitting {
			return m, nil
		}
		msg = literalBurst(msg)
		switch m.screen {
		case screenWelcome:
			return m, m.updateWelcome(msg)
		case screenFinal:
			// NB: an enter typed ahead while the files were written must
			// not close the summary before it was seen.
			if time.Since(m.finalAt) < finalGrace && !key.Matches(msg, m.keys.Quit) {
				return m, nil
			}
			if key.Matches(msg, m.keys.Quit, m.keys.Select, m.keys.Cancel) || msg.String() == "q" {
				m.quitting = true
				return m, tea.Quit
			}
			return m, nil
		}
		cmd := m.updateWizardKey(msg)
		return m, tea.Batch(cmd, m.commitCmd())
	}
	switch m.screen {
	case screenWelcome:
		return m, m.forwardWelcome(msg)
	case screenWizard:
		cmd := m.flow.update(msg)
		m.afterFlow()
		return m, tea.Batch(cmd, m.commitCmd())
	}
	return m, nil
}

// updateWizardKey handles a key on a wizard page.
func (m *App) updateWizardKey(msg tea.KeyMsg) tea.Cmd {
	if m.quitAsk {
		switch {
		case key.Matches(msg, m.keys.Yes), key.Matches(msg, m.keys.Quit):
			m.saveDraft()
			m.Interrupted = os.Interrupt
			m.quitting = true
			return tea.Quit
		case key.Matches(msg, m.keys.No):
			m.quitAsk = false
			m.relayout()
		}
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		m.quitAsk = true
		return nil
	case m.flow.busy:
		return nil // a page's action (the write) is running
	case key.Matches(msg, m.keys.Save):
		m.saveDraft()
		return nil
	case key.Matches(msg, m.keys.Take):
		if cmd, ok := m.takeSuggestion(); ok {
			m.afterFlow()
			return tea.Batch(cmd, m.touch())
		}
	case msg.String() == "f1" || msg.String() == "?" && !m.textFocused():
		m.showWhy = !m.showWhy
		m.relayout()
		return nil
	case msg.String() == "esc" && m.flow.closeSubForm():
		m.afterFlow()
		return m.flow.form.Init()
	case key.Matches(msg, m.keys.Back) && m.flow.atFirstField():
		cmd := m.flow.back()
		m.afterFlow()
		return cmd
	case key.Matches(msg, m.keys.PrevStep):
		cmd := m.flow.prevStep()
		m.afterFlow()
		return cmd
	case key.Matches(msg, m.keys.NextStep):
		cmd := m.flow.nextStep()
		m.afterFlow()
		return cmd
	}
	cmd := m.flow.update(msg)
	m.afterFlow()
	return tea.Batch(cmd, m.touch())
}

// posKey is where focus is: step, page and field.
func (m *App) posKey() string {
	if m.flow == nil {
		return ""
	}
	return string(m.flow.step().ID) + "/" + m.flow.cur.Page + "/" + m.flow.focusedKey()
}

// commitCmd saves the draft when the last key committed an answer: focus
// left a field (enter, tab, a new page), so a kill loses at most the
// keystrokes of the field being typed.
func (m *App) commitCmd() tea.Cmd {
	if m.ctx == nil || m.screen == screenWelcome {
		return nil
	}
	k := m.posKey()
	if k == m.lastKey {
		return nil
	}
	m.lastKey = k
	return m.saveCmd()
}

// literalBurst marks text that arrived in one burst (a paste without
// bracketed paste, tmux send-keys -l, fast typing over a slow link) as
// pasted: bubbletea hands a burst of letters over as one key whose name is
// the text, so the word "up" would move a cursor and "tab" the focus. A
// pasted key never matches a binding (its name is "[up]"), and inputs
// insert its runes. Bracketed paste (bubbletea's default, left on) marks
// real pastes already.
func literalBurst(msg tea.KeyMsg) tea.KeyMsg {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Alt {
		msg.Paste = true
	}
	return msg
}

// textFocused reports whether a text field has focus, where ? is typed.
func (m *App) textFocused() bool {
	if m.flow == nil || m.flow.form == nil {
		return false
	}
	switch m.flow.form.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}

// afterFlow reacts to the flow: the end of the wizard, a new page. A new
// step gets its preview at once.
func (m *App) afterFlow() {
	if m.flow.finished && m.screen != screenFinal {
		m.screen = screenFinal
		m.finalAt = time.Now()
		m.saveDraft()
	}
	if m.flow.step().ID != m.analyzedStep && m.screen == screenWizard {
		m.analyze()
	}
	m.explainSuggestions()
	m.relayout()
}

type analyzeMsg struct{ rev int }

type signalMsg struct{ sig os.Signal }

// touch records that the design may have changed: the plan follows at
// once (cheap), the rules and preview a moment after the last change.
func (m *App) touch() tea.Cmd {
	if m.ctx == nil {
		return nil
	}
	m.rev++
	m.setPlan(model.PlanCapacity(&m.ctx.D.Spec, m.cat))
	rev := m.rev
	return tea.Tick(analyzeDelay, func(time.Time) tea.Msg { return analyzeMsg{rev} })
}

// setPlan keeps a new capacity plan; the side panel is redrawn only when
// the plan or the zones it draws changed.
func (m *App) setPlan(p model.CapacityPlan) {
	s := &m.ctx.D.Spec
	if !reflect.DeepEqual(p, m.plan) || s.Region != m.panelRegion || !slices.Equal(s.Zones, m.panelZones) {
		m.panelRev++
		m.panelRegion = s.Region
		m.panelZones = slices.Clone(s.Zones)
	}
	m.plan = p
}

// analyze runs the rules and the preview for the current design.
func (m *App) analyze() {
	if m.ctx == nil {
		return
	}
	m.report = rules.Evaluate(m.ctx.D, m.cat, nil)
	m.plan = model.PlanCapacity(&m.ctx.D.Spec, m.cat)
	m.panelRev++
	m.analyzedStep = m.flow.step().ID
	m.previewT, m.previewX = m.opts.Preview(m.ctx.D, m.cat, m.analyzedStep)
	m.analyzedRev = m.rev
}

// draftSavedMsg reports a draft written by saveCmd.
type draftSavedMsg struct {
	path string
	err  error
}

// snapshot encodes the design and where the user is, on the update loop,
// so the bytes are one consistent state; seq numbers it.
func (m *App) snapshot() (seq int, data []byte, err error) {
	st := draftState{Step: m.flow.step().ID, Page: m.flow.cur.Page, Field: m.flow.focusedKey(), Source: m.ctx.svc.file}
	for _, s := range m.flow.steps {
		if m.flow.done[s.ID] {
			st.Done = append(st.Done, s.ID)
		}
	}
	ui := m.ctx.UI.clone()
	st.UI = &ui
	data, err = encodeDraft(m.ctx.D, st)
	m.saveSeq++
	return m.saveSeq, data, err
}

// saveCmd saves the draft off the update loop.
func (m *App) saveCmd() tea.Cmd {
	if m.ctx == nil {
		return nil
	}
	seq, data, err := m.snapshot()
	if err != nil {
		return func() tea.Msg { return draftSavedMsg{err: fmt.Errorf("save draft: %w", err)} }
	}
	sv, id := m.saver, m.draftID
	return func() tea.Msg {
		path, _, err := sv.write(seq, id, data)
		return draftSavedMsg{path: path, err: err}
	}
}

// saveDraft saves the design and where the user is, now (ctrl+s, quit,
// a signal, the end).
func (m *App) saveDraft() {
	if m.ctx == nil {
		return
	}
	seq, data, err := m.snapshot()
	if err == nil {
		var path string
		path, _, err = m.saver.write(seq, m.draftID, data)
		if path != "" {
			m.Saved = path
		}
	}
	if err != nil {
		m.status, m.statusErr = err.Error(), true
		return
	}
	m.status, m.statusErr = m.trf("draft saved: %s", m.Saved), false
}

// ---- welcome screen --------------------------------------------------------

type welcomeState struct {
	form *huh.Form
	// w and h are the size the form was last given.
	w, h   int
	choice string
	path   string
	stage  int
	err    error
	// note is said above the choices (a damaged draft, a conflict).
	note string
	// conflict is the design file waiting for the answer to "resume its
	// draft or start over" (stage 2).
	conflict *pendingFile
	// rewrap gives the select and its group their descriptions wrapped
	// to a form width: huh wraps at spaces only, which cut a Japanese
	// description at 80 columns (descwrap.go).
	rewrap func(width int)
	// ctx is the welcome select's Ctx (its wrapped descriptions); hints
	// is the select with its scroll hints, given its height back on a
	// resize as the steps' selects are (flow.resize).
	ctx   *Ctx
	hints *scrollHints
	// group is the form's one group: relayout redraws it (its Init, which
	// rebuilds the view) after a resize instead of sending the form an
	// Update, which ran the select's Update three times, each laying out
	// every option again, before the same rebuild (BenchmarkFirstFrame).
	group *huh.Group
	// started says the form has had its Init (startWelcome). Until the
	// first window size it has not: Init builds the group's view, which
	// huh does at the size it has then, so an Init before the size built
	// a view that the size threw away (BenchmarkFirstFrame).
	started bool
	// frame is the last welcome screen drawn, kept while nothing can have
	// changed it: bubbletea draws after every message, and at start three
	// messages (huh's field refresh, bubbletea's size query and the size it
	// answers with, unchanged) follow the first size (App.View).
	frame string
	// unsized: a message came before any window size; forms start
	// without waiting for one.
	unsized bool
}

// startWelcome starts the welcome form (its Init: focus, the group's view)
// once the form has its size; before the first window size it returns
// nil and Update starts the form when the size (or any other message)
// arrives.
func (m *App) startWelcome() tea.Cmd {
	if !m.sized && !m.welcome.unsized {
		return nil
	}
	m.welcome.started = true
	return m.welcome.form.Init()
}

// pendingFile is a design read from a file that has a draft already.
type pendingFile struct {
	d    *model.Design
	file string
	id   string
}

const (
	startSource = "source:"
	startAdopt  = "adopt"
	startBlank  = "blank"
	startOpen   = "open"
	startPre    = "preset:"
	startDraft  = "draft:"
	startPrev   = "prev:"
	startFile   = "file"
	startQuit   = "quit"
	startLang   = "lang:"
)

// draftOption is the welcome screen's line for a saved draft: a damaged
// draft says so and offers its last good copy instead.
// twin says the list has another draft of the same label: the option then
// says what tells them apart (DraftInfo.apart).
func draftOption(l i18n.Lang, di DraftInfo, now time.Time, twin bool) (Opt[string], bool) {
	where := ""
	if di.Step != "" {
		where = trfIn(l, ", at %s", trIn(l, stepTitle(di.Step)))
	}
	age := ageIn(l, di.Saved, now)
	if twin {
		age = di.savedAt(now)
		if a := di.apart(); a != "" {
			where += trIn(l, "; ") + a
		}
	}
	if di.Damaged == "" {
		return Opt[string]{Value: startDraft + di.ID, Label: trfIn(l, "Resume draft %s (saved %s%s)", di.labelIn(l), age, where),
			Help: trfIn(l, "draft %s", di.ID)}, true
	}
	if di.HasPrev {
		return Opt[string]{Value: startPrev + di.ID, Label: trfIn(l, "Resume the last good copy of draft %s%s (the newest is damaged: %s)", di.labelIn(l), where, di.Damaged),
			Help: trIn(l, "the newest save of this draft is incomplete; its previous save is whole and loses at most the last answer")}, true
	}
	return Opt[string]{}, false
}

func (m *App) buildWelcome() {
	m.screen = screenWelcome
	w := &m.welcome
	var opts []Opt[string]
	drafts, err := m.opts.Drafts.List()
	if err != nil {
		w.err = err
	}
	now := m.opts.Now()
	var damaged []string
	labels := map[string]int{}
	for _, d := range drafts {
		labels[d.Label()]++
	}
	for _, d := range drafts {
		if o, ok := draftOption(m.lang, d, now, labels[d.Label()] > 1); ok {
			opts = append(opts, o)
		}
		if d.Damaged != "" {
			damaged = append(damaged, m.trf("draft %s is damaged (%s)%s", d.labelIn(m.lang), d.Damaged,
				map[bool]string{true: m.tr("; its last good copy is offered"), false: m.trf(" and has no good copy; the file stays in %s", m.opts.Drafts.Dir)}[d.HasPrev]))
		}
	}
	w.note = strings.Join(damaged, "\n")
	for _, p := range presets.All() {
		opts = append(opts, Opt[string]{Value: startPre + p.Name, Label: m.trf("Start from preset %s", p.Name), Help: presetSummary(m.lang, p)})
	}
	opts = append(opts, Opt[string]{Value: startBlank, Label: m.tr("Start blank")}, Opt[string]{Value: startOpen, Label: m.tr("Open a design file…")})
	opts = append(opts, langSwitch(m.lang))
	w.choice = opts[0].Value
	w.stage = 0
	desc := m.tr("drafts keep every answer; presets are complete designs to adapt")
	if w.note != "" {
		desc = w.note + "\n" + desc
	}
	m.welcomeSelect(m.tr("How do you want to start?"), desc, opts,
		m.tr("Answer each step with the help panel open (? or f1); every answer is saved as you go."))
}

// welcomeSelect shows one select on the welcome screen. It is a Pick like
// the steps' selects (its texts come translated, so its Ctx speaks
// English): the same scroll hints when the list is cut, labels cut to one
// line only when the list does not fit, descriptions wrapped again at each
// width.
func (m *App) welcomeSelect(title, desc string, opts []Opt[string], groupDesc string) {
	w := &m.welcome
	c := &Ctx{Lang: i18n.EN, S: m.styles, stepless: true}
	w.ctx = c
	plain := make([]Opt[string], len(opts))
	for i, o := range opts {
		plain[i] = Opt[string]{Value: o.Value, Label: o.Label} // the description says what the screen is for
	}
	sel := PickFunc(c, "welcome", title, desc, func() string { return w.choice }, func(v string) { w.choice = v }, plain)
	if len(opts) > 10 {
		sel.Height(14)
	}
	fields := withScrollHints(c, themed(Theme(), sel))
	w.hints, _ = fields[0].(*scrollHints)
	group := huh.NewGroup(fields...).Title(m.tr("iksplan: design a production IBM Cloud Kubernetes Service cluster")).
		Description(groupDesc)
	w.rewrap = func(width int) {
		c.Width = width
		c.rewrap()
		if ownWrap(groupDesc) {
			group.Description(wrapTo(groupDesc, width))
		}
	}
	w.form = m.newForm(group)
}

// askDraftConflict asks what to do with a design file that has a draft:
// resume the draft or start over from the file (which replaces the draft).
func (m *App) askDraftConflict(di DraftInfo, d *model.Design, file string) {
	m.screen = screenWelcome
	w := &m.welcome
	w.stage = 2
	w.conflict = &pendingFile{d: d, file: file, id: di.ID}
	now := m.opts.Now()
	var opts []Opt[string]
	if o, ok := draftOption(m.lang, di, now, false); ok {
		opts = append(opts, o)
	}
	fileWhen := ""
	if fi, err := os.Stat(file); err == nil {
		fileWhen = m.trf(", changed %s", ageIn(m.lang, fi.ModTime(), now))
	}
	opts = append(opts,
		Opt[string]{Value: startFile, Label: m.trf("Start over from %s (cluster %s%s): the draft is replaced", file, d.Metadata.Name, fileWhen)},
		Opt[string]{Value: startQuit, Label: m.tr("Quit and decide later (nothing changes)")})
	w.choice = opts[0].Value
	desc := m.trf("The draft (cluster %s, saved %s) holds answers not yet saved to the file.", di.Cluster, ageIn(m.lang, di.Saved, now))
	if di.Damaged != "" {
		desc = m.trf("The draft is damaged (%s).", di.Damaged)
	}
	m.welcomeSelect(m.trf("%s already has a draft", file), desc, opts, m.tr("Nothing is replaced without asking."))
}

// askRendered asks what to do with a rendered design.yaml: edit its
// source, or adopt the copy as the design.
func (m *App) askRendered(d *model.Design, file, src string) {
	m.screen = screenWelcome
	w := &m.welcome
	w.stage = 3
	w.conflict = &pendingFile{d: d, file: file}
	var opts []Opt[string]
	if found := findSource(file, src); found != "" {
		opts = append(opts, Opt[string]{Value: startSource + found, Label: m.trf("Edit its source %s (recommended)", found)})
	}
	opts = append(opts,
		Opt[string]{Value: startAdopt, Label: m.tr("Adopt this copy as the design: computed sizes become computed again, saving drops the generated header")},
		Opt[string]{Value: startQuit, Label: m.tr("Quit (nothing changes)")})
	w.choice = opts[0].Value
	m.welcomeSelect(m.trf("%s is a rendered copy", file),
		m.trf("iksplan generated it from %s with defaults and the computed workersPerZone filled in; editing it as it is would freeze those sizes.", src),
		opts, m.tr("Rendered copies are never mistaken for the design."))
}

func (m *App) newForm(g *huh.Group) *huh.Form {
	f := huh.NewForm(g).WithTheme(Theme()).WithKeyMap(formKeyMap()).WithShowHelp(false)
	m.welcome.w, m.welcome.h = 0, 0
	m.welcome.form, m.welcome.group = f, g
	m.welcome.started = false
	m.welcome.frame = ""
	if m.sized {
		// NB: sizing renders the form; before the first window size
		// arrives, relayout does it once then.
		m.relayout()
	}
	return f
}

func (m *App) updateWelcome(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Quit) {
		m.quitting = true
		m.Interrupted = os.Interrupt
		return tea.Quit
	}
	if m.welcome.stage == 1 && key.Matches(msg, m.keys.Cancel) {
		m.buildWelcome()
		return m.startWelcome()
	}
	return m.forwardWelcome(msg)
}

// afterOpen follows an open that may have started the wizard or asked a
// question first.
func (m *App) afterOpen(cmd tea.Cmd) tea.Cmd {
	if m.screen == screenWizard {
		return tea.Batch(cmd, m.touch())
	}
	return cmd
}

// resume starts on a saved draft (or its last good copy).
func (m *App) resume(id string, prev bool) tea.Cmd {
	load := m.opts.Drafts.Load
	if prev {
		load = m.opts.Drafts.LoadPrev
	}
	d, st, err := load(id)
	if err != nil {
		m.welcome.err = err
		return nil
	}
	if st.Step == "" {
		st.Step = StepBasics
	}
	cmd := m.begin(d, st, id)
	if prev {
		m.status, m.statusErr = m.trf("resumed the last good copy of draft %s: the newest save was damaged; check the last answer", id), true
	}
	return cmd
}

func (m *App) forwardWelcome(msg tea.Msg) tea.Cmd {
	w := &m.welcome
	fm, cmd := w.form.Update(msg)
	w.form = fm.(*huh.Form)
	if w.form.State != huh.StateCompleted {
		return cmd
	}
	switch w.stage {
	case 1:
		d, err := loadDesignFile(w.path)
		if err != nil {
			w.err = err
			return m.askPath()
		}
		return m.afterOpen(m.openFile(d, w.path))
	case 3:
		pf := w.conflict
		w.conflict = nil
		switch c := w.choice; {
		case strings.HasPrefix(c, startSource):
			path := strings.TrimPrefix(c, startSource)
			d, err := loadDesignFile(path)
			if err != nil {
				w.err = err
				break
			}
			return m.afterOpen(m.openFile(d, path))
		case c == startAdopt:
			adoptRendered(pf.d, m.cat)
			return m.afterOpen(m.openDesign(pf.d, pf.file))
		case c == startQuit:
			m.quitting = true
			return tea.Quit
		}
		m.buildWelcome()
		return m.startWelcome()
	case 2:
		pf := w.conflict
		w.conflict = nil
		switch c := w.choice; {
		case c == startFile:
			m.opts.Drafts.Remove(pf.id)
			return tea.Batch(m.begin(pf.d, draftState{Step: StepBasics, Done: allSteps(), Source: pf.file}, pf.id), m.touch())
		case c == startQuit:
			m.quitting = true
			return tea.Quit
		case strings.HasPrefix(c, startDraft), strings.HasPrefix(c, startPrev):
			if cmd := m.resume(pf.id, strings.HasPrefix(c, startPrev)); m.screen == screenWizard {
				return tea.Batch(cmd, m.touch())
			}
		}
		m.buildWelcome()
		return m.startWelcome()
	}
	switch c := w.choice; {
	case strings.HasPrefix(c, startLang):
		if l, err := i18n.Parse(strings.TrimPrefix(c, startLang)); err == nil {
			m.setLang(l, true)
		}
	case c == startBlank:
		return tea.Batch(m.begin(model.New(""), draftState{Step: StepBasics}, NewDraftID(m.opts.Now())), m.touch())
	case c == startOpen:
		return m.askPath()
	case strings.HasPrefix(c, startPre):
		d, err := presets.Design(strings.TrimPrefix(c, startPre))
		if err == nil {
			return tea.Batch(m.begin(d, draftState{Step: StepBasics, Done: allSteps()}, NewDraftID(m.opts.Now())), m.touch())
		}
		w.err = err
	case strings.HasPrefix(c, startDraft):
		if cmd := m.resume(strings.TrimPrefix(c, startDraft), false); m.screen == screenWizard {
			return tea.Batch(cmd, m.touch())
		}
	case strings.HasPrefix(c, startPrev):
		if cmd := m.resume(strings.TrimPrefix(c, startPrev), true); m.screen == screenWizard {
			return tea.Batch(cmd, m.touch())
		}
	}
	m.buildWelcome()
	return m.startWelcome()
}

func (m *App) askPath() tea.Cmd {
	w := &m.welcome
	w.stage = 1
	in := huh.NewInput().Key("welcome.path").Title(m.tr("Design file")).
		Description(m.tr("a design YAML file (iksplan init --preset … -o FILE writes one); esc goes back")).
		Value(&w.path).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(m.tr("a file name is required"))
		}
		if _, err := os.Stat(s); err != nil {
			return errors.New(m.trf("cannot read %s", s))
		}
		return nil
	})
	w.form = m.newForm(huh.NewGroup(themed(Theme(), in)...).Title(m.tr("Open a design file")))
	return m.startWelcome()
}

// loadDesignFile reads a design strictly.
func loadDesignFile(path string) (*model.Design, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read design: %w", err)
	}
	d, _, err := model.Load(data, path)
	if err != nil {
		return nil, err
	}
	return d, nil
}

func stepTitle(id StepID) string {
	for _, s := range Steps() {
		if s.ID == id {
			return s.Title
		}
	}
	return string(id)
}

// findingsByStep counts the unwaived errors and warnings of each step.
func findingsByStep(steps []Step, rep rules.Report) map[StepID]int {
	out := map[StepID]int{}
	owner := map[string]StepID{}
	for _, s := range steps {
		for _, a := range s.areas() {
			owner[a] = s.ID
		}
	}
	for _, f := range rep.Findings {
		if f.Severity == rules.Info {
			continue
		}
		if id, ok := owner[string(f.Area)]; ok {
			out[id]++
		}
	}
	return out
}

// sortedKeys is for deterministic output of maps.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// loadOriginal reads the design file being edited as it is on disk (nil
// when there is none or it does not load: the review then shows no change
// impact).
func loadOriginal(file string) *model.Design {
	if file == "" {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	d, _, err := model.Load(data, file)
	if err != nil {
		return nil
	}
	return d
}
