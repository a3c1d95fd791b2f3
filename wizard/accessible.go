package wizard

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

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
type lineReader struct {
	r    *bufio.Reader
	eofs int
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{r: bufio.NewReader(r)} }

func (l *lineReader) Read(p []byte) (int, error) {
	line, err := l.r.ReadSlice('\n')
	if len(line) > 0 {
		n := copy(p, line)
		if n < len(line) {
			// Too long for p: return the rest on the next call.
			l.r = bufio.NewReader(io.MultiReader(strings.NewReader(string(line[n:])), l.r))
		}
		return n, nil
	}
	if err != nil {
		l.eofs++
		if l.eofs > 3 {
			panic(errInputEndedPanic{})
		}
		return 0, io.EOF
	}
	return 0, nil
}

type errInputEndedPanic struct{}

// RunAccessible runs the wizard in accessible mode on in and out.
func RunAccessible(opts Options, in io.Reader, out io.Writer) (err error) {
	opts.defaults()
	lr := newLineReader(in)
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(errInputEndedPanic); ok {
				err = ErrInputEnded
				return
			}
			panic(r)
		}
	}()
	fmt.Fprintln(out, "iksplan: design a production IBM Cloud Kubernetes Service cluster.")
	fmt.Fprintln(out, "Answer each question on its line; an empty line keeps the answer shown in [brackets].")
	fmt.Fprintln(out, "Lists with several answers: enter a number to toggle it, 0 when done.")
	fmt.Fprintln(out)
	d, st := opts.Design, draftState{Step: StepBasics, Source: opts.File}
	if d == nil {
		d, st, err = accessibleStart(opts, lr, out)
		if err != nil {
			return err
		}
	} else {
		st.Done = allSteps()
	}
	return runAccessibleDesign(opts, d, st, lr, out)
}

// plainStyles are styles that render no escape codes.
func plainStyles() *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return NewStyles(r)
}

// accessibleStart asks how to start: a draft, a preset, blank or a file.
func accessibleStart(opts Options, lr io.Reader, out io.Writer) (*model.Design, draftState, error) {
	var choice string
	var sopts []huh.Option[string]
	drafts, _ := opts.Drafts.List()
	for _, d := range drafts {
		sopts = append(sopts, huh.NewOption(fmt.Sprintf("Resume draft %s (saved %s)", d.Name, Age(d.Saved, opts.Now())), startDraft+d.Name))
	}
	for _, p := range presets.All() {
		sopts = append(sopts, huh.NewOption("Start from preset "+p.Name+" — "+p.Summary, startPre+p.Name))
	}
	sopts = append(sopts, huh.NewOption("Start blank", startBlank), huh.NewOption("Open a design file", startOpen))
	choice = sopts[0].Value
	sel := huh.NewSelect[string]().Title("How do you want to start?").Options(sopts...).Value(&choice)
	if err := accessibleForm(huh.NewGroup(sel), lr, out).Run(); err != nil {
		return nil, draftState{}, err
	}
	switch {
	case choice == startBlank:
		return model.New(""), draftState{Step: StepBasics}, nil
	case choice == startOpen:
		var path string
		in := huh.NewInput().Title("Design file:").Value(&path).Validate(func(s string) error {
			if _, err := os.Stat(s); err != nil {
				return fmt.Errorf("cannot read %q", s)
			}
			return nil
		})
		if err := accessibleForm(huh.NewGroup(in), lr, out).Run(); err != nil {
			return nil, draftState{}, err
		}
		d, err := loadDesignFile(path)
		return d, draftState{Step: StepBasics, Source: path, Done: allSteps()}, err
	case strings.HasPrefix(choice, startPre):
		d, err := presets.Design(strings.TrimPrefix(choice, startPre))
		return d, draftState{Step: StepBasics, Done: allSteps()}, err
	default:
		d, st, err := opts.Drafts.Load(strings.TrimPrefix(choice, startDraft))
		if st.Step == "" {
			st.Step = StepBasics
		}
		return d, st, err
	}
}

func accessibleForm(g *huh.Group, in io.Reader, out io.Writer) *huh.Form {
	return huh.NewForm(g).WithTheme(AccessibleTheme()).WithAccessible(true).WithInput(in).WithOutput(out)
}

// runAccessibleDesign asks every step's pages in turn, from st.Step on.
func runAccessibleDesign(opts Options, d *model.Design, st draftState, in io.Reader, out io.Writer) error {
	return runAccessibleSteps(opts, d, st, in, out, "")
}

// runAccessibleSteps is runAccessibleDesign that, with only set, stops
// when that step is done (tests use it).
func runAccessibleSteps(opts Options, d *model.Design, st draftState, in io.Reader, out io.Writer, only StepID) error {
	model.ApplyDefaults(d)
	ctx := &Ctx{D: d, Cat: opts.Catalog, Accessible: true, S: plainStyles(), Width: 78, Today: opts.Now().Format("2006-01-02")}
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
	draft := DraftName(d)
	save := func() {
		name := DraftName(ctx.D)
		ds := draftState{Step: f.step().ID, Page: f.cur.Page, Source: ctx.svc.file}
		for _, s := range f.steps {
			if f.done[s.ID] {
				ds.Done = append(ds.Done, s.ID)
			}
		}
		if path, err := opts.Drafts.Save(name, ctx.D, ds); err == nil {
			if draft != name {
				opts.Drafts.Remove(draft)
				draft = name
			}
			fmt.Fprintf(out, "(draft saved: %s)\n", path)
		}
	}
	f.onStepDone = func(StepID) { save() }
	defer func() {
		if r := recover(); r != nil {
			save()
			panic(r)
		}
	}()
	f.start(st.Step)
	lastStep := -1
	for !f.finished && (only == "" || f.step().ID == only) {
		if f.cur.Step != lastStep {
			lastStep = f.cur.Step
			fmt.Fprintf(out, "\n== Step %d of %d: %s ==\n", f.cur.Step+1, len(f.steps), f.step().Title)
		}
		p := f.page
		if p.Title != "" {
			fmt.Fprintf(out, "\n%s\n", p.Title)
		}
		if p.Description != "" {
			fmt.Fprintln(out, p.Description)
		}
		if f.err != nil {
			fmt.Fprintf(out, "Error: %v\n", f.err)
		}
		if p.Live != nil {
			if live := p.Live(ctx); live != "" {
				fmt.Fprintln(out, live)
			}
		}
		fmt.Fprintln(out)
		if err := f.form.WithInput(in).WithOutput(out).Run(); err != nil {
			save()
			return err
		}
		for _, fn := range ctx.afterRun {
			fn()
		}
		f.complete()
	}
	save()
	if only != "" {
		return nil
	}
	r := &ctx.svc.review
	fmt.Fprintf(out, "\nWrote %d files to %s.\n", len(r.written), r.dir)
	for _, p := range r.written {
		fmt.Fprintln(out, "  "+p)
	}
	fmt.Fprintln(out, "Next:")
	for _, c := range nextCommands(r.dir) {
		fmt.Fprintln(out, "  "+c)
	}
	return nil
}
