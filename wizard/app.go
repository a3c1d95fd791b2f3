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
}

// WriteFunc renders a design's artifacts and writes them into dir. Without
// overwrite it writes nothing when a file is in the way and returns a
// *WriteConflict naming the files. It returns the paths written.
type WriteFunc func(d *model.Design, cat *catalog.Catalog, source, dir string, overwrite bool) ([]string, error)

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

	ctx  *Ctx
	flow *flow

	width, height int
	sized         bool
	showWhy       bool
	quitAsk       bool
	quitting      bool
	status        string
	statusErr     bool

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

	// The side panel is cached: panelRev counts changes to what it draws.
	panelRev    int
	panelRegion string
	panelZones  []string
	panelKey    panelKey
	panelCache  string

	draftName string
	// Saved is the path of the last draft saved.
	Saved string
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
	if opts.Design != nil {
		m.begin(opts.Design, draftState{Step: StepBasics, Done: allSteps(), Source: opts.File})
	} else {
		m.buildWelcome()
	}
	return m
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
		return m.welcome.form.Init()
	}
	return tea.Batch(m.flow.form.Init(), m.touch())
}

// begin starts the wizard on design d at the position st.
func (m *App) begin(d *model.Design, st draftState) tea.Cmd {
	model.ApplyDefaults(d)
	m.ctx = &Ctx{D: d, Cat: m.cat, S: m.styles, Today: m.opts.Now().Format("2006-01-02")}
	m.ctx.svc = &services{
		report: func() rules.Report { return rules.Evaluate(m.ctx.D, m.cat, nil) },
		write:  m.opts.Write,
		file:   st.Source,
		outDir: m.opts.OutDir,
	}
	if m.ctx.svc.file == "" {
		m.ctx.svc.file = m.opts.File
	}
	m.flow = newFlow(m.ctx, Steps())
	for _, id := range st.Done {
		m.flow.done[id] = true
	}
	m.flow.onStepDone = func(StepID) { m.saveDraft() }
	m.screen = screenWizard
	m.draftName = DraftName(d)
	m.relayout()
	cmd := m.flow.start(st.Step)
	if st.Page != "" && m.flow.stepIndex(st.Step) >= 0 {
		l := loc{m.flow.stepIndex(st.Step), st.Page}
		if _, _, ok := m.flow.steps[l.Step].page(l.Page); ok && !m.flow.skipped(l) && !strings.HasPrefix(st.Page, "\x00") {
			cmd = m.flow.show(l)
		}
	}
	// The rules and the preview run just after the first frame (touch):
	// starting stays as fast as a bare form.
	m.plan = model.PlanCapacity(&d.Spec, m.cat)
	m.analyzedStep = m.flow.step().ID
	m.relayout()
	return cmd
}

// Update implements tea.Model.
func (m *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height, m.sized = msg.Width, msg.Height, true
		m.relayout()
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
		m.quitting = true
		return m, tea.Quit
	case tea.KeyMsg:
		if m.quitting {
			return m, nil
		}
		switch m.screen {
		case screenWelcome:
			return m, m.updateWelcome(msg)
		case screenFinal:
			if key.Matches(msg, m.keys.Quit, m.keys.Select, m.keys.Cancel) || msg.String() == "q" {
				m.quitting = true
				return m, tea.Quit
			}
			return m, nil
		}
		return m, m.updateWizardKey(msg)
	}
	switch m.screen {
	case screenWelcome:
		return m, m.forwardWelcome(msg)
	case screenWizard:
		cmd := m.flow.update(msg)
		m.afterFlow()
		return m, cmd
	}
	return m, nil
}

// updateWizardKey handles a key on a wizard page.
func (m *App) updateWizardKey(msg tea.KeyMsg) tea.Cmd {
	if m.quitAsk {
		switch {
		case key.Matches(msg, m.keys.Yes), key.Matches(msg, m.keys.Quit):
			m.saveDraft()
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
	case key.Matches(msg, m.keys.Save):
		m.saveDraft()
		return nil
	case msg.String() == "f1" || msg.String() == "?" && !m.textFocused():
		m.showWhy = !m.showWhy
		m.relayout()
		return nil
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
	if m.flow.finished {
		m.screen = screenFinal
		m.saveDraft()
	}
	if m.flow.step().ID != m.analyzedStep && m.screen == screenWizard {
		m.analyze()
	}
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

// saveDraft saves the design and where the user is.
func (m *App) saveDraft() {
	if m.ctx == nil {
		return
	}
	name := DraftName(m.ctx.D)
	st := draftState{Step: m.flow.step().ID, Page: m.flow.cur.Page, Source: m.ctx.svc.file}
	for _, s := range m.flow.steps {
		if m.flow.done[s.ID] {
			st.Done = append(st.Done, s.ID)
		}
	}
	path, err := m.opts.Drafts.Save(name, m.ctx.D, st)
	if err != nil {
		m.status, m.statusErr = err.Error(), true
		return
	}
	if m.draftName != "" && m.draftName != name {
		m.opts.Drafts.Remove(m.draftName)
	}
	m.draftName = name
	m.Saved = path
	m.status, m.statusErr = "draft saved: "+path, false
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
}

const (
	startBlank = "blank"
	startOpen  = "open"
	startPre   = "preset:"
	startDraft = "draft:"
)

func (m *App) buildWelcome() {
	m.screen = screenWelcome
	w := &m.welcome
	var opts []huh.Option[string]
	drafts, err := m.opts.Drafts.List()
	if err != nil {
		w.err = err
	}
	now := m.opts.Now()
	for _, d := range drafts {
		where := ""
		if d.Step != "" {
			where = ", at " + stepTitle(d.Step)
		}
		opts = append(opts, huh.NewOption(fmt.Sprintf("Resume draft %s (saved %s%s)", d.Name, Age(d.Saved, now), where), startDraft+d.Name))
	}
	for _, p := range presets.All() {
		opts = append(opts, huh.NewOption("Start from preset "+p.Name, startPre+p.Name))
	}
	opts = append(opts, huh.NewOption("Start blank", startBlank), huh.NewOption("Open a design file…", startOpen))
	w.choice = opts[0].Value
	w.stage = 0
	sel := huh.NewSelect[string]().Key("welcome").Title("How do you want to start?").
		Description("drafts keep every answer; presets are complete designs to adapt")
	sel.WithTheme(Theme())
	sel.Options(opts...).Value(&w.choice)
	if len(opts) > 10 {
		sel.Height(14)
	}
	w.form = m.newForm(huh.NewGroup(themed(Theme(), sel)...).Title("iksplan: design a production IBM Cloud Kubernetes Service cluster").
		Description("Answer each step with the help panel open (? or f1); every answer is saved as you go."))
}

func (m *App) newForm(g *huh.Group) *huh.Form {
	f := huh.NewForm(g).WithTheme(Theme()).WithKeyMap(formKeyMap()).WithShowHelp(false)
	m.welcome.w, m.welcome.h = 0, 0
	m.welcome.form = f
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
		return tea.Quit
	}
	if m.welcome.stage == 1 && key.Matches(msg, m.keys.Cancel) {
		m.buildWelcome()
		return m.welcome.form.Init()
	}
	return m.forwardWelcome(msg)
}

func (m *App) forwardWelcome(msg tea.Msg) tea.Cmd {
	w := &m.welcome
	fm, cmd := w.form.Update(msg)
	w.form = fm.(*huh.Form)
	if w.form.State != huh.StateCompleted {
		return cmd
	}
	if w.stage == 1 {
		d, err := loadDesignFile(w.path)
		if err != nil {
			w.err = err
			return m.askPath()
		}
		return tea.Batch(m.begin(d, draftState{Step: StepBasics, Done: allSteps(), Source: w.path}), m.touch())
	}
	switch c := w.choice; {
	case c == startBlank:
		return tea.Batch(m.begin(model.New(""), draftState{Step: StepBasics}), m.touch())
	case c == startOpen:
		return m.askPath()
	case strings.HasPrefix(c, startPre):
		d, err := presets.Design(strings.TrimPrefix(c, startPre))
		if err == nil {
			return tea.Batch(m.begin(d, draftState{Step: StepBasics, Done: allSteps()}), m.touch())
		}
		w.err = err
	case strings.HasPrefix(c, startDraft):
		d, st, err := m.opts.Drafts.Load(strings.TrimPrefix(c, startDraft))
		if err == nil {
			if st.Step == "" {
				st.Step = StepBasics
			}
			return tea.Batch(m.begin(d, st), m.touch())
		}
		w.err = err
	}
	m.buildWelcome()
	return m.welcome.form.Init()
}

func (m *App) askPath() tea.Cmd {
	w := &m.welcome
	w.stage = 1
	in := huh.NewInput().Key("welcome.path").Title("Design file").
		Description("a design YAML file (iksplan init --preset … -o FILE writes one); esc goes back").
		Value(&w.path).Validate(func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a file name is required")
		}
		if _, err := os.Stat(s); err != nil {
			return fmt.Errorf("cannot read %s", s)
		}
		return nil
	})
	w.form = m.newForm(huh.NewGroup(themed(Theme(), in)...).Title("Open a design file"))
	return w.form.Init()
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
