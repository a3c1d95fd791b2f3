package wizard

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/model/rules"
)

// Accessible mode asks the same steps as plain line prompts (huh's
// accessible mode): for screen readers and dumb serial consoles. Each page's
// form is built right before it is asked, from the answers so far, so the
// options are always current even though huh's accessible mode does not
// evaluate dynamic fields. A page's live numbers are printed as text.

// ErrInputEnded is returned when the input ends before the wizard does;
// the draft keeps every answer given.
var ErrInputEnded = errors.New("input ended before the wizard finished; the draft keeps the answers")

// lineReader hands huh one line per Read: huh's accessible prompts create a
// new bufio.Scanner for every question, which would otherwise swallow the
// answers to later questions from a pipe. After the input ends it stops
// the run instead of letting a prompt that needs an answer loop forever.
//
// It also gives every question two answers of its own: "?" prints the why
// text of the field being asked (the question stays open), and "<" goes
// back to the previous question. A signal (ctrl+c, SIGTERM) ends the run
// while a question waits, so the wizard saves the draft and exits with the
// signal's code instead of dying with the answers of the page.
type lineReader struct {
	r       *bufio.Reader
	pending []byte
	eofs    int
	// req asks the reading goroutine for one line; it answers on resp. A
	// line is read only when a prompt asks for it (tests answer by what
	// was printed).
	req  chan struct{}
	resp chan lineResult
	// sigs, when set, interrupts a waiting Read.
	sigs <-chan os.Signal
	// help prints the why text of the question being asked.
	help func()
	// suggest is the answer "+" gives to the question being asked (its
	// suggestion, suggest.go); "" when it has none.
	suggest string
}

type lineResult struct {
	line []byte
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	l := &lineReader{r: bufio.NewReader(r), req: make(chan struct{}), resp: make(chan lineResult)}
	go func() {
		for range l.req {
			line, err := l.r.ReadBytes('\n')
			l.resp <- lineResult{line, err}
		}
	}()
	return l
}

// next returns the next line of input, or panics with the signal that
// arrived while waiting for it.
func (l *lineReader) next() lineResult {
	l.req <- struct{}{}
	select {
	case res := <-l.resp:
		return res
	case sig := <-l.sigs:
		panic(interruptPanic{sig})
	}
}

func (l *lineReader) Read(p []byte) (int, error) {
	for len(l.pending) == 0 {
		res := l.next()
		if len(res.line) == 0 && res.err != nil {
			l.eofs++
			if l.eofs > 3 {
				panic(errInputEndedPanic{})
			}
			return 0, io.EOF
		}
		switch strings.TrimSpace(string(res.line)) {
		case "?":
			if l.help != nil {
				l.help()
				continue
			}
		case "<":
			panic(backPanic{})
		case "+":
			if l.suggest != "" {
				res.line = []byte(l.suggest + "\n")
			}
		}
		l.pending = res.line
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}

type errInputEndedPanic struct{}

// backPanic is "<": back to the previous question.
type backPanic struct{}

// interruptPanic is a signal that arrived while a question waited.
type interruptPanic struct{ sig os.Signal }

// RunAccessible runs the wizard in accessible mode on in and out. SIGINT
// (ctrl+c), SIGTERM and SIGHUP save the draft and return an
// *InterruptedError.
func RunAccessible(opts Options, in io.Reader, out io.Writer) (err error) {
	opts.defaults()
	lr := newLineReader(in)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	lr.sigs = sigs
	out = withHuhWords(out, opts.Lang)
	defer func() {
		if r := recover(); r != nil {
			switch r := r.(type) {
			case errInputEndedPanic:
				err = ErrInputEnded
				return
			case interruptPanic:
				err = &InterruptedError{Signal: r.sig}
				return
			}
			panic(r)
		}
	}()
	l := opts.Lang
	fmt.Fprintln(out, trIn(l, "iksplan: design a production IBM Cloud Kubernetes Service cluster."))
	fmt.Fprintln(out, trIn(l, "Answer each question on its line; an empty line keeps the answer shown in [brackets]."))
	fmt.Fprintln(out, trIn(l, "Lists with several answers: enter a number to toggle it, 0 when done."))
	fmt.Fprintln(out, trIn(l, "Answer ? for why a question matters, < to go back a question. Every answer is saved as you go; ctrl+c stops (the draft keeps the answers)."))
	fmt.Fprintln(out)
	var st draftState
	var id string
	d := opts.Design
	switch {
	case d != nil && opts.File != "":
		d, st, id, err = accessibleOpenFile(opts, d, opts.File, lr, out)
		if err != nil {
			return err
		}
	case d != nil:
		st, id = draftState{Step: StepBasics, Done: allSteps()}, NewDraftID(opts.Now())
	default:
		d, st, id, err = accessibleStart(opts, lr, out)
		if err != nil {
			return err
		}
	}
	if d == nil {
		return nil // quit at the draft question
	}
	return runAccessibleSteps(opts, d, st, id, lr, out, "")
}

// plainStyles are styles that render no escape codes.
func plainStyles() *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return NewStyles(r)
}

// accessibleSelect asks one choice among opts.
func accessibleSelect(title string, opts []Opt[string], lr io.Reader, out io.Writer) (string, error) {
	choice := opts[0].Value
	hopts := make([]huh.Option[string], len(opts))
	for i, o := range opts {
		label := o.Label
		if o.Help != "" {
			label += " — " + o.Help
		}
		hopts[i] = huh.NewOption(label, o.Value)
	}
	sel := huh.NewSelect[string]().Title(title).Options(hopts...).Value(&choice)
	err := accessibleForm(huh.NewGroup(sel), lr, out).Run()
	return choice, err
}

// accessibleStart asks how to start: a draft, a preset, blank or a file.
func accessibleStart(opts Options, lr io.Reader, out io.Writer) (*model.Design, draftState, string, error) {
	l := opts.Lang
	var sopts []Opt[string]
	drafts, _ := opts.Drafts.List()
	labels := map[string]int{}
	for _, d := range drafts {
		labels[d.Label()]++
	}
	for _, d := range drafts {
		if d.Damaged != "" {
			fmt.Fprintln(out, trfIn(l, "Draft %s is damaged (%s).", d.labelIn(l), d.Damaged))
		}
		if o, ok := draftOption(opts.Lang, d, opts.Now(), labels[d.Label()] > 1); ok {
			o.Help = ""
			sopts = append(sopts, o)
		}
	}
	for _, p := range presets.All() {
		sopts = append(sopts, Opt[string]{Value: startPre + p.Name, Label: trfIn(l, "Start from preset %s", p.Name) + " — " + presetSummary(l, p)})
	}
	sopts = append(sopts, Opt[string]{Value: startBlank, Label: trIn(l, "Start blank")}, Opt[string]{Value: startOpen, Label: trIn(l, "Open a design file")})
	choice, err := accessibleSelect(trIn(l, "How do you want to start?"), sopts, lr, out)
	if err != nil {
		return nil, draftState{}, "", err
	}
	switch {
	case choice == startBlank:
		return model.New(""), draftState{Step: StepBasics}, NewDraftID(opts.Now()), nil
	case choice == startOpen:
		var path string
		in := huh.NewInput().Title(trIn(l, "Design file:")).Value(&path).Validate(func(s string) error {
			if _, err := os.Stat(s); err != nil {
				return errors.New(trfIn(l, "cannot read %s", strconv.Quote(s)))
			}
			return nil
		})
		if err := accessibleForm(huh.NewGroup(in), lr, out).Run(); err != nil {
			return nil, draftState{}, "", err
		}
		d, err := loadDesignFile(path)
		if err != nil {
			return nil, draftState{}, "", err
		}
		return accessibleOpenFile(opts, d, path, lr, out)
	case strings.HasPrefix(choice, startPre):
		d, err := presets.Design(strings.TrimPrefix(choice, startPre))
		return d, draftState{Step: StepBasics, Done: allSteps()}, NewDraftID(opts.Now()), err
	case strings.HasPrefix(choice, startPrev):
		id := strings.TrimPrefix(choice, startPrev)
		d, st, err := opts.Drafts.LoadPrev(id)
		fmt.Fprintln(out, trIn(l, "Resuming the last good copy: the newest save was damaged; check the last answer."))
		return d, resumeState(st), id, err
	default:
		id := strings.TrimPrefix(choice, startDraft)
		d, st, err := opts.Drafts.Load(id)
		return d, resumeState(st), id, err
	}
}

func resumeState(st draftState) draftState {
	if st.Step == "" {
		st.Step = StepBasics
	}
	return st
}

// accessibleOpenFile starts on a design from file; when the file has a
// draft already, it asks first (resume it, start over, or quit).
func accessibleOpenFile(opts Options, d *model.Design, file string, lr io.Reader, out io.Writer) (*model.Design, draftState, string, error) {
	l := opts.Lang
	if data, err := os.ReadFile(file); err == nil {
		if src, ok := RenderedSource(data); ok {
			var sopts []Opt[string]
			if found := findSource(file, src); found != "" {
				sopts = append(sopts, Opt[string]{Value: startSource + found, Label: trfIn(l, "Edit its source %s (recommended)", found)})
			}
			sopts = append(sopts,
				Opt[string]{Value: startAdopt, Label: trIn(l, "Adopt this copy as the design: computed sizes become computed again, saving drops the generated header")},
				Opt[string]{Value: startQuit, Label: trIn(l, "Quit (nothing changes)")})
			choice, err := accessibleSelect(trfIn(l, "%s is a rendered copy, generated from %s with computed sizes filled in", file, src), sopts, lr, out)
			if err != nil {
				return nil, draftState{}, "", err
			}
			switch {
			case strings.HasPrefix(choice, startSource):
				path := strings.TrimPrefix(choice, startSource)
				sd, err := loadDesignFile(path)
				if err != nil {
					return nil, draftState{}, "", err
				}
				return accessibleOpenFile(opts, sd, path, lr, out)
			case choice == startQuit:
				return nil, draftState{}, "", nil
			}
			adoptRendered(d, opts.Catalog)
		}
	}
	id := FileDraftID(file)
	fresh := draftState{Step: StepBasics, Done: allSteps(), Source: file}
	di, ok := opts.Drafts.Info(id)
	if !ok {
		return d, fresh, id, nil
	}
	var sopts []Opt[string]
	if o, ok := draftOption(opts.Lang, di, opts.Now(), false); ok {
		o.Help = ""
		sopts = append(sopts, o)
	}
	sopts = append(sopts,
		Opt[string]{Value: startFile, Label: trfIn(l, "Start over from %s (cluster %s): the draft is replaced", file, d.Metadata.Name)},
		Opt[string]{Value: startQuit, Label: trIn(l, "Quit and decide later (nothing changes)")})
	choice, err := accessibleSelect(trfIn(l, "%s already has a draft (cluster %s, saved %s)", file, di.Cluster, ageIn(l, di.Saved, opts.Now())), sopts, lr, out)
	if err != nil {
		return nil, draftState{}, "", err
	}
	switch {
	case choice == startFile:
		opts.Drafts.Remove(id)
		return d, fresh, id, nil
	case choice == startQuit:
		return nil, draftState{}, "", nil
	case strings.HasPrefix(choice, startPrev):
		pd, st, err := opts.Drafts.LoadPrev(id)
		return pd, resumeState(st), id, err
	}
	pd, st, err := opts.Drafts.Load(id)
	return pd, resumeState(st), id, err
}

func accessibleForm(g *huh.Group, in io.Reader, out io.Writer) *huh.Form {
	return huh.NewForm(g).WithTheme(AccessibleTheme()).WithAccessible(true).WithInput(in).WithOutput(out)
}

// runAccessibleSteps asks every step's pages in turn, from st.Step on,
// one question at a time: the draft is saved after every answer. With only
// set, it stops when that step is done (tests use it).
func runAccessibleSteps(opts Options, d *model.Design, st draftState, id string, lr *lineReader, out io.Writer, only StepID) error {
	model.ApplyDefaults(d)
	ctx := &Ctx{D: d, Cat: opts.Catalog, Accessible: true, S: plainStyles(), Width: 78, Today: opts.Now().Format("2006-01-02"), Lang: opts.Lang}
	ctx.svc = &services{
		report: func() rules.Report { return rules.Evaluate(ctx.D, opts.Catalog, nil) },
		write:  opts.Write, file: st.Source, outDir: opts.OutDir,
	}
	f := newFlow(ctx, Steps())
	f.accessible = true
	f.width = 78
	for _, id := range st.Done {
		f.done[id] = true
	}
	field := ""
	save := func() {
		ds := draftState{Step: f.step().ID, Page: f.cur.Page, Field: field, Source: ctx.svc.file}
		for _, s := range f.steps {
			if f.done[s.ID] {
				ds.Done = append(ds.Done, s.ID)
			}
		}
		ui := ctx.UI.clone()
		ds.UI = &ui
		if _, err := opts.Drafts.Save(id, ctx.D, ds); err != nil {
			fmt.Fprintln(out, ctx.trf("(the draft could not be saved: %v)", err))
		}
	}
	defer func() {
		if r := recover(); r != nil {
			save()
			if ip, ok := r.(interruptPanic); ok {
				fmt.Fprintln(out, "\n"+ctx.trf("Stopped (%s). Every answer given is in the draft %s; run iksplan --accessible again to resume.", signalName(ip.sig), id))
			}
			panic(r)
		}
	}()
	startFlow(f, st)
	resumeField := st.Field
	lastStep := -1
	for !f.finished && (only == "" || f.step().ID == only) {
		if f.cur.Step != lastStep {
			lastStep = f.cur.Step
			fmt.Fprintln(out, "\n"+ctx.trf("== Step %d of %d: %s ==", f.cur.Step+1, len(f.steps), ctx.tr(f.step().Title)))
		}
		p := f.page
		if p.Title != "" {
			fmt.Fprintf(out, "\n%s\n", ctx.tr(p.Title))
		}
		if p.Description != "" {
			fmt.Fprintln(out, ctx.tr(p.Description))
		}
		if f.err != nil {
			fmt.Fprintln(out, ctx.trf("Error: %v", f.err))
		}
		if p.Live != nil {
			if live := p.Live(ctx); live != "" {
				fmt.Fprintln(out, live)
			}
		}
		fmt.Fprintln(out)
		back := askPage(f, lr, out, resumeField, func(key string) { field = key; save() })
		resumeField = ""
		if back {
			f.back() // on the first page, the page is asked again
			continue
		}
		f.runNow()
		field = ""
		save()
	}
	save()
	if only != "" {
		return nil
	}
	r := &ctx.svc.review
	fmt.Fprintln(out, "\n"+ctx.trf("Wrote %d files to %s.", len(r.written), r.dir))
	for _, p := range r.written {
		fmt.Fprintln(out, "  "+p)
	}
	fmt.Fprintln(out, ctx.tr("Next:"))
	for _, c := range nextCommands(r.dir) {
		fmt.Fprintln(out, "  "+c)
	}
	return nil
}

// askPage asks the current page's questions one at a time, from the field
// with key from on (a resume), calling saved with the key of each field
// answered. "<" on the first question returns back=true: the caller shows
// the page before.
func askPage(f *flow, lr *lineReader, out io.Writer, from string, saved func(key string)) (back bool) {
	fields := f.fields
	i := 0
	if from != "" {
		for j, fl := range fields {
			if fl.GetKey() == from {
				i = j
			}
		}
	}
	for i < len(fields) {
		fl := fields[i]
		lr.help = func() { fmt.Fprintln(out, accessibleWhy(f.ctx, fl.GetKey())) }
		lr.suggest = ""
		if fn, ok := f.ctx.suggestions[fl.GetKey()]; ok {
			if v, _ := fl.GetValue().(string); v == "" && fn() != "" {
				s := fn()
				lr.suggest = s
				fmt.Fprintln(out, f.ctx.trf("Suggested: %s (answer + to take it)", s))
			}
		}
		if askField(fl, lr, out) {
			// Back: the previous question of the page, or the page before.
			j := i - 1
			for j >= 0 && isNote(fields[j]) {
				j--
			}
			if j < 0 {
				return true
			}
			i = j
			continue
		}
		for _, fn := range f.ctx.afterRun {
			fn()
		}
		if !isNote(fl) {
			saved(fl.GetKey())
		}
		i++
	}
	lr.help, lr.suggest = nil, ""
	return false
}

// askField asks one question; it reports whether the answer was "<".
func askField(fl huh.Field, lr io.Reader, out io.Writer) (back bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(backPanic); ok {
				back = true
				return
			}
			panic(r)
		}
	}()
	fl.Init()
	fl.Focus()
	_ = fl.WithAccessible(true).RunAccessible(out, lr)
	fmt.Fprintln(out)
	return false
}

func isNote(fl huh.Field) bool {
	_, ok := fl.(*huh.Note)
	return ok
}

// accessibleWhy is the why text of a field as plain lines, in the run's
// language (translated as written, then the catalog's facts filled in, as
// the why panel does).
func accessibleWhy(c *Ctx, key string) string {
	w, ok := WhyFor(pathKey(key))
	w.Text, w.Alternatives = c.tr(w.Text), c.tr(w.Alternatives)
	w = w.withFacts(c.Cat)
	if !ok || w.Text == "" {
		return c.tr("(no help for this question; answer < to go back)") + "\n"
	}
	var b strings.Builder
	b.WriteString(c.tr("Why: ") + w.Text + "\n")
	if w.Alternatives != "" {
		b.WriteString(c.tr("Alternatives: ") + w.Alternatives + "\n")
	}
	if w.Doc != "" {
		b.WriteString(c.tr("IBM docs: ") + w.Doc + "\n")
	}
	b.WriteString(c.tr("(now answer the question above)"))
	return b.String()
}
