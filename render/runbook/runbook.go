// Package runbook renders runbook.sh, the bash script an engineer runs to
// build the design's cluster today, and the Helm values files (values/*.yaml)
// of the charts it installs.
//
// Every design value reaches the script once, in the variables block at the
// top, quoted with view.ShellQuote; the steps are built in Go from constant
// words and "$VARIABLE" references (words.go), so no value can add, drop
// or split an argument. Each step is numbered as view.Context.Steps says,
// the numbers DESIGN.md's runbook index uses. The commands and flags are the
// ones IBM's current CLI references document; runbook_test.go checks every
// `ibmcloud` call against an allowlist taken from them.
package runbook

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// tmpl is the runbook template with its partials (templates/_runbook-*.tmpl).
var tmpl = view.NewTemplateSet("runbook.sh.tmpl", "_runbook-*.tmpl", nil)

// Render returns runbook.sh (mode 0755) and the values file of every Helm
// chart the runbook installs with one.
func Render(c *view.Context) ([]view.Artifact, error) {
	b := newBuilder(c)
	p, err := b.build()
	if err != nil {
		return nil, fmt.Errorf("render runbook.sh: %w", err)
	}
	script, err := tmpl.Execute(p)
	if err != nil {
		return nil, fmt.Errorf("render runbook.sh: %w", err)
	}
	arts := []view.Artifact{{Path: "runbook.sh", Data: script, Mode: 0o755}}
	values, err := valuesFiles(c)
	if err != nil {
		return nil, fmt.Errorf("render runbook values: %w", err)
	}
	return append(arts, values...), nil
}

// page is the template's view-model.
type page struct {
	Header         string
	AsOf           string
	Infrastructure string
	Env            []envLine
	Tools          string
	// VarLines is the variables block: each assignment after a newline,
	// below its group's heading and its comment, in chunks (text). It is
	// written in Go, not ranged over by the template: a design with 1,000
	// access groups has 5,000 variables, and the template's reflection
	// per field was a sixth of the runbook's time.
	VarLines []string
	Steps    []stepPage
	// LastStep is the highest step number (--from and --only check it).
	LastStep int
	// ReadBack is the quoted, space-separated list of the variables steps
	// read back from IBM Cloud, the only ones logs/state may set.
	ReadBack string
	// Msg holds the template's own messages in the design's language.
	Msg templateMessages
}

// envLine documents one environment variable in the header.
type envLine struct {
	Name, Pad, Text string
}

// stepPage is one numbered step: its banner and shell lines.
type stepPage struct {
	Number int
	// Banner is the comment above the step: "Step N — title".
	Banner      string
	QuotedTitle string
	// Body is the step's shell lines, each after a newline and indented
	// for the step's if, in chunks (text).
	Body []string
}

// envVar is an environment variable the runbook reads; secrets come only
// from these, never from the design.
type envVar struct {
	name, text string
}

// builder collects the variables, environment variables, tools and step
// bodies of one runbook.
type builder struct {
	c     *view.Context
	s     *model.Spec
	vars  *varSet
	env   []envVar
	tools []string
	// stepNo maps each step the design has to its number.
	stepNo map[view.StepID]int
	cur    *body
	uses   map[string]bool
	// readBacks are the variables set from IBM Cloud's answers.
	readBacks []string
	// lang is the runbook's language (documentLang), parsed once: a val
	// or text call each parsing it again made an error value per call for
	// a design without documentLanguage.
	lang i18n.Lang
	// appNS is the application template's namespace once asked for
	// (appNamespace).
	appNS *string
}

// baseVars is about how many variables a runbook defines besides the IAM
// step's (the presets define 40 to 100).
const baseVars = 128

// newBuilder returns the builder of runbook.sh. The variables and the set
// of references are sized once: a design with many access groups defines
// thousands of variables, and growing the maps by doubling rehashed them
// over and over.
func newBuilder(c *view.Context) *builder { return newBuilderFor(c, baseVars+iamVars(c.Spec)) }

// newBuilderFor returns a builder with room for n variables (valuesFiles,
// which defines none, asks for 0).
func newBuilderFor(c *view.Context, n int) *builder {
	b := &builder{c: c, s: c.Spec, vars: newVarSet(n), stepNo: map[view.StepID]int{}, uses: make(map[string]bool, n), lang: documentLang(c.Spec)}
	for _, st := range c.Steps {
		b.stepNo[st.ID] = st.Number
	}
	return b
}

// stepFuncs writes the body of each step.
var stepFuncs = map[view.StepID]func(*builder){
	view.StepPreflight:      (*builder).preflight,
	view.StepInfrastructure: (*builder).infrastructure,
	view.StepKeys:           (*builder).keys,
	view.StepCluster:        (*builder).cluster,
	view.StepZones:          (*builder).zones,
	view.StepWorkerPools:    (*builder).workerPools,
	view.StepAccess:         (*builder).access,
	view.StepSecurity:       (*builder).security,
	view.StepStorage:        (*builder).storage,
	view.StepNetwork:        (*builder).network,
	view.StepObservability:  (*builder).observability,
	view.StepIAM:            (*builder).iam,
	view.StepAutoscaler:     (*builder).autoscaler,
	view.StepManifests:      (*builder).manifests,
	view.StepVerify:         (*builder).verify,
}

func (b *builder) build() (*page, error) {
	b.defineCommon()
	var steps []stepPage
	var out text
	for _, st := range b.c.Steps {
		fn, ok := stepFuncs[st.ID]
		if !ok {
			return nil, fmt.Errorf("no runbook text for step %q", st.ID)
		}
		lang := b.lang
		b.cur = newBody(&out, b.uses)
		b.cur.lang = lang
		fn(b)
		if b.cur.n == 0 {
			b.cur.comment("Nothing to do for this design.")
		}
		stTitle := stepTitle(lang, st, b.s.IsVPC())
		title, err := view.ShellQuote(stTitle)
		if err != nil {
			return nil, err
		}
		banner := oneLine(localText(lang, "Step ", textArg(strconv.Itoa(st.Number)), " — ", textArg(stTitle)))
		steps = append(steps, stepPage{Number: st.Number, Banner: banner, QuotedTitle: title, Body: out.step()})
	}
	if b.vars.err != nil {
		return nil, b.vars.err
	}
	b.useEnv("RUNBOOK_POLL_SECONDS", "optional: seconds between two polls of a wait (default 60; a wait of N minutes polls N times)")
	order := b.vars.used(b.uses, groupOrder)
	if err := b.checkUses(order); err != nil {
		return nil, err
	}
	var readBack []string
	for _, name := range b.readBacks {
		if b.uses[name] {
			readBack = append(readBack, name)
		}
	}
	quotedReadBack, err := view.ShellQuote(strings.Join(readBack, " "))
	if err != nil {
		return nil, err
	}
	last := 0
	for _, st := range steps {
		last = max(last, st.Number)
	}
	return &page{
		Header:         b.c.Header,
		AsOf:           b.c.AsOf,
		Infrastructure: b.s.Infrastructure.Label(),
		Env:            b.envLines(),
		Tools:          strings.Join(b.tools, ", "),
		VarLines:       b.vars.lines(&out, order, b.lang),
		Steps:          steps,
		LastStep:       last,
		ReadBack:       quotedReadBack,
		Msg:            newTemplateMessages(b.lang, b.s.Infrastructure.Label(), b.c.AsOf, strings.Join(b.tools, ", ")),
	}, nil
}

// checkUses fails when a step references a variable the variables block
// does not define. order is vars.used(uses): the defined variables that
// are referenced, each once, so every reference is defined exactly when
// there are as many of them as references. Only then is the set of
// references walked for the names (a walk of thousands of map entries at
// 1,000 access groups, for a bug of this package).
func (b *builder) checkUses(order []int32) error {
	if len(order) == len(b.uses) {
		return nil
	}
	missing := b.vars.undefined(b.uses)
	sort.Strings(missing)
	return fmt.Errorf("runbook uses undefined variables %s", strings.Join(missing, ", "))
}

// val defines a variable holding a design value and returns its reference.
// The comment is in the runbook's language (looked up by its English text).
func (b *builder) val(name, value, heading, comment string) word {
	b.vars.define(name, value, heading, checkedText(b.lang, comment))
	return ref(name)
}

// later defines an empty variable that a step reads back from IBM Cloud
// (an ID known only after something is created) and returns its reference.
func (b *builder) later(name string, step view.StepID, what string) word {
	l := b.lang
	comment := checkedText(l, what)
	if n, ok := b.stepNo[step]; ok {
		comment += localText(l, ": read back in step ", textArg(strconv.Itoa(n)))
	}
	b.vars.define(name, "", hLater, comment)
	return ref(name)
}

// useEnv records an environment variable the header documents.
func (b *builder) useEnv(name, text string) {
	for _, e := range b.env {
		if e.name == name {
			return
		}
	}
	b.env = append(b.env, envVar{name, text})
}

// useTool records a tool the runbook needs.
func (b *builder) useTool(name string) {
	if !slices.Contains(b.tools, name) {
		b.tools = append(b.tools, name)
	}
}

func (b *builder) envLines() []envLine {
	width := 0
	for _, e := range b.env {
		width = max(width, len(e.name))
	}
	out := make([]envLine, len(b.env))
	for i, e := range b.env {
		out[i] = envLine{Name: e.name, Pad: strings.Repeat(" ", width-len(e.name)), Text: checkedText(b.lang, e.text)}
	}
	return out
}

// stepRef is "step N" for a message or comment in the runbook's
// language, or "a later step" when the design has no such step.
func (b *builder) stepRef(id view.StepID) string { return b.stepRefIn(b.lang, id) }

// stepRefIn is stepRef in language l (the Helm values files' comments are
// English).
func (b *builder) stepRefIn(l i18n.Lang, id view.StepID) string {
	if n, ok := b.stepNo[id]; ok {
		return localText(l, "step ", textArg(strconv.Itoa(n)))
	}
	return localText(l, "a later step")
}

// has reports whether the design has the step.
func (b *builder) has(id view.StepID) bool {
	_, ok := b.stepNo[id]
	return ok
}

// readBack calls a helper that sets variable name from IBM Cloud's answer
// (capture, capture_all, find_id) and declares the variable, empty, in the
// variables block with what it holds and the step that reads it.
func (b *builder) readBack(helper, name string, step view.StepID, what string, rest ...word) {
	b.later(name, step, what)
	if helper != "capture_all" && !slices.Contains(b.readBacks, name) {
		b.readBacks = append(b.readBacks, name)
	}
	b.cur.uses[name] = true
	b.cur.call(helper, append([]word{lit(name)}, rest...)...)
}

// documentLang is the language of the runbook's messages: the design's
// spec.documentLanguage, English when empty or unknown.
func documentLang(s *model.Spec) i18n.Lang {
	if l, err := i18n.Parse(string(s.DocumentLanguage)); err == nil {
		return l
	}
	return i18n.EN
}

// stepTitle is the title of step st in language l: the English one of
// view.Steps, or the design document's translation of it
// (doc.step.title.ID), so DESIGN.md's runbook index and the runbook name
// a step alike.
func stepTitle(l i18n.Lang, st view.Step, vpc bool) string {
	if l == i18n.EN {
		return st.Title
	}
	id := "doc.step.title." + string(st.ID)
	if st.ID == view.StepInfrastructure {
		id += map[bool]string{true: ".vpc", false: ".classic"}[vpc]
	}
	if m, ok := i18n.Message(l, id); ok {
		return m.Other
	}
	return st.Title
}
