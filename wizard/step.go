package wizard

import (
	"fmt"
	"github.com/iksplan/iksplan/model/change"
	"slices"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// This file is the step contract. A step is one area of the design (Basics,
// Zones, …); it is a short sequence of pages, and each page is one huh
// group whose fields are bound to the design through pointers
// (Value(&c.D.Spec.Region)). The wizard builds a page's form right before
// it shows the page, in the terminal UI and in accessible mode alike, so a
// page can compute its options from answers given on earlier pages with
// plain static Options: no *Func is needed across pages, and accessible
// mode (which does not evaluate *Func in huh v1.0.0) asks the same
// questions. A field whose options depend on another field therefore goes
// on a later page.
//
// Step files register themselves with Register from a register function
// that registerAll calls on first use; the wizard orders them by
// StepOrder, so a step that is not written yet is simply not listed.

// StepID names a step. Where a step judges one rule area, its ID is that
// area's name (rules.Area), so findings map to steps by name.
type StepID string

// The steps, in wizard order.
const (
	StepBasics        StepID = "basics"
	StepZones         StepID = "zones"
	StepVersion       StepID = "version"
	StepHardware      StepID = "hardware"
	StepSizing        StepID = "sizing"
	StepStorage       StepID = "storage"
	StepNetwork       StepID = "network"
	StepSecurity      StepID = "security"
	StepObservability StepID = "observability"
	StepIAM           StepID = "iam"
	StepOperations    StepID = "operations"
	StepReview        StepID = "review"
)

// StepOrder is the order of the steps; Steps returns the registered ones
// in this order.
var StepOrder = []StepID{
	StepBasics, StepZones, StepVersion, StepHardware, StepSizing, StepStorage,
	StepNetwork, StepSecurity, StepObservability, StepIAM, StepOperations, StepReview,
}

// EndOfStep is what Page.Next returns to finish the step.
const EndOfStep = "\x00end"

// jumpPrefix marks a Next value that jumps to another step.
const jumpPrefix = "\x00step:"

// JumpTo is what Page.Next returns to show another step; when that step is
// finished the wizard returns to this page (the review uses it).
func JumpTo(id StepID) string { return jumpPrefix + string(id) }

// Step is one wizard step.
type Step struct {
	ID StepID
	// Title is the name in the step list ("Kubernetes version").
	Title string
	// Areas are the rule areas (rules.Area values) whose findings belong to
	// this step; empty means the step's ID.
	Areas []string
	// Pages are shown in order, except where a page's Next says otherwise.
	Pages []Page
	// Enter runs when the wizard enters the step from another one (not on
	// a resume, which restores the saved state): it derives the step's
	// typed state (Ctx.UI) from the design and may normalize the design.
	Enter func(c *Ctx)
}

// Page is one screen of a step: one huh group.
type Page struct {
	// ID is unique within the step ("pools", "pool-hardware").
	ID string
	// Title and Description head the page (the group's title).
	Title       string
	Description string
	// Enter runs right before the page's fields are built, each time the
	// page is shown: the place to normalize the design for the page (a
	// subnet row per zone). Fields itself must not change the design.
	Enter func(c *Ctx)
	// Fields builds the page's fields, bound to c.D through pointers. It is
	// called each time the page is shown, after every earlier answer.
	Fields func(c *Ctx) []huh.Field
	// Skip, when it returns true, skips the page (forwards and backwards).
	Skip func(c *Ctx) bool
	// Next returns the ID of the page to show after this one, or EndOfStep;
	// "" or a nil Next means the following page of Pages (or the end).
	Next func(c *Ctx) string
	// Validate checks the page's answers together once the page is done;
	// an error keeps the user on the page and is shown above the form.
	Validate func(c *Ctx) error
	// Action is the page's side effect (writing files), run once the page
	// is answered and validated, before Done and Next. It does its work on
	// the update loop only as far as it must (rendering from the design)
	// and returns a tea.Cmd for the rest (the I/O), whose message is an
	// ActionResult; an error keeps the user on the page. Accessible mode
	// runs the command in line.
	Action func(c *Ctx) tea.Cmd
	// Done runs after the page was answered and validated, e.g. to apply
	// defaults that depend on the answers.
	Done func(c *Ctx)
	// Live renders numbers that follow the answers as they change (sizing
	// results, RBAC bindings), under the form; it must be cheap: it runs on
	// every frame. Style it with c.S; wrap it to c.Width. Accessible mode
	// prints it after the page.
	Live func(c *Ctx) string
}

var (
	registryMu sync.Mutex
	registry   = map[StepID]Step{}
)

// registerAll registers every step and its why texts, once, on the first
// Steps or WhyFor: in init() they made the wizard package's init the
// largest of iksplan's own (376 allocations, 105 kB, 0.2-0.4 ms by
// GODEBUG=inittrace=1), paid by every command, `iksplan version` and
// render included (issue 15).
func registerAll() {
	registerOnce.Do(func() {
		for _, register := range stepRegisters {
			register()
		}
	})
}

var (
	registerOnce sync.Once
	// stepRegisters is set in init, not by an initializer: the register
	// functions reach package variables (poolList) whose closures reach
	// WhyFor, an initialization cycle for the compiler.
	stepRegisters []func()
)

func init() {
	stepRegisters = []func(){registerBasics, registerZones, registerNetwork, registerHardware, registerSizing,
		registerVersion, registerStorage, registerSecurity, registerIAM, registerObservability, registerOperations, registerReview}
}

// Register adds a step to the wizard. Step files call it from their
// register function (registerAll).
func Register(s Step) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if !slices.Contains(StepOrder, s.ID) {
		panic(fmt.Sprintf("wizard: step %q is not in StepOrder", s.ID))
	}
	if _, dup := registry[s.ID]; dup {
		panic(fmt.Sprintf("wizard: step %q registered twice", s.ID))
	}
	if len(s.Pages) == 0 {
		panic(fmt.Sprintf("wizard: step %q has no pages", s.ID))
	}
	ids := map[string]bool{}
	for _, p := range s.Pages {
		if p.ID == "" || ids[p.ID] {
			panic(fmt.Sprintf("wizard: step %q: page ID %q empty or repeated", s.ID, p.ID))
		}
		ids[p.ID] = true
	}
	registry[s.ID] = s
}

// Steps returns the registered steps in StepOrder.
func Steps() []Step {
	registerAll()
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]Step, 0, len(registry))
	for _, id := range StepOrder {
		if s, ok := registry[id]; ok {
			out = append(out, s)
		}
	}
	return out
}

// areas returns the rule areas of the step.
func (s Step) areas() []string {
	if len(s.Areas) > 0 {
		return s.Areas
	}
	return []string{string(s.ID)}
}

// page returns the page with id.
func (s Step) page(id string) (Page, int, bool) {
	for i, p := range s.Pages {
		if p.ID == id {
			return p, i, true
		}
	}
	return Page{}, -1, false
}

// Ctx is what a page sees: the design it edits, the catalog it offers
// choices from, and the wizard's styles.
type Ctx struct {
	// D is the design; bind fields to its fields (&c.D.Spec.Region).
	D *model.Design
	// Cat is the IBM Cloud catalog the options come from.
	Cat *catalog.Catalog
	// Accessible is true in accessible mode: plain prompts, no colors,
	// option labels carry their help text.
	Accessible bool
	// S are the wizard's styles, for Live output.
	S *Styles
	// Width is the width of the form column, for Live output.
	Width int

	// Today is the date the wizard judges versions against (YYYY-MM-DD).
	Today string

	// Lang is the language the wizard speaks (lang.go): the field
	// builders translate the step files' English through it.
	Lang i18n.Lang

	// stepless marks the welcome screen's Ctx: its questions belong to
	// no step and have no why text, so Title does not look one up.
	// WhyFor registers every step first (registerAll), about 3% of the
	// first frame's CPU (perf, issue 15), only to learn that the
	// welcome's question has none.
	stepless bool

	// UI is the steps' typed state that is not part of the design (ui.go);
	// it is saved with the draft.
	UI uiState

	// options are the option labels of the current page's selects by
	// key (Pick notes them), for their scroll hints.
	options map[string][]string
	// optionFits cut those selects' labels to a width (optionfit.go).
	optionFits map[string]func(width int, cutting bool) []string
	// suggestions are the answers the current page's inputs offer by key
	// (Suggest notes them), for → and accessible mode's "+"; a func
	// because a suggestion may follow another answer (SuggestFunc).
	suggestions map[string]func() string
	// rewraps wrap the current page's descriptions again when the width
	// changes (descwrap.go).
	rewraps []func()
	// afterRun write accessible-mode answers back (see PickFunc).
	afterRun []func()
	// svc are the wizard's services for the review step.
	svc *services
}

// Spec is a shortcut for &c.D.Spec.
func (c *Ctx) Spec() *model.Spec { return &c.D.Spec }

// list returns the state of the list editor id (see list.go).
func (c *Ctx) list(id string) *listState {
	if c.UI.Lists == nil {
		c.UI.Lists = map[string]*listState{}
	}
	st, ok := c.UI.Lists[id]
	if !ok {
		st = &listState{}
		c.UI.Lists[id] = st
	}
	return st
}

// Why is the teaching text behind one question, shown in the why panel
// (toggled with ?) while the field with Key has focus.
type Why struct {
	// Key is the field's key: the YAML path it edits, with [*] for a list
	// index ("spec.workerPools[*].flavor"). Give the field the same Key.
	Key string
	// Text is the reasoning: what the choice means and what the seed deck
	// advises (cite its slide: "seed slide 10"), updated by IBM's current
	// guidance where that changed.
	Text string
	// Alternatives says what else one could choose and why not.
	Alternatives string
	// Doc is IBM's documentation URL.
	Doc string
	// FixedAtCreate marks a choice that cannot change once the cluster
	// exists; the field's title gets a badge.
	FixedAtCreate bool
}

// withFacts fills a why text's catalog placeholders ({classicPodSubnet},
// {vpcPodSubnet}, {vpcNextPodSubnet}, {serviceSubnet}, {registry}, and per
// catalog service ID {service:ID}, {plan:ID}, {trialPlan:ID}) from cat, so
// that IBM's defaults, service names and plans shown in the help are the
// catalog's (networks, registries, services; --catalog FILE included), not
// spelled here. Translate the text first: the placeholders are part of the
// English the locale files match.
func (w Why) withFacts(cat *catalog.Catalog) Why {
	if cat == nil {
		return w
	}
	n := cat.Networks
	pairs := []string{"{classicPodSubnet}", n.ClassicPodSubnet, "{vpcPodSubnet}", n.VPCPodSubnet,
		"{vpcNextPodSubnet}", n.VPCNextPodSubnet, "{serviceSubnet}", n.ServiceSubnet, "{registry}", cat.Registries.Global}
	for _, s := range cat.Services.Items {
		pairs = append(pairs, "{service:"+s.ID+"}", s.ServiceName, "{plan:"+s.ID+"}", s.Plan, "{trialPlan:"+s.ID+"}", s.TrialPlan)
	}
	r := strings.NewReplacer(pairs...)
	w.Text, w.Alternatives = r.Replace(w.Text), r.Replace(w.Alternatives)
	return w
}

var (
	whyMu sync.RWMutex
	whys  = map[string]Why{}
)

// RegisterWhy adds why texts. Step files call it from their register
// function (registerAll).
func RegisterWhy(ws ...Why) {
	whyMu.Lock()
	defer whyMu.Unlock()
	for _, w := range ws {
		if w.Key == "" {
			panic("wizard: why text without a key")
		}
		if _, dup := whys[w.Key]; dup {
			panic(fmt.Sprintf("wizard: why text for %q registered twice", w.Key))
		}
		whys[w.Key] = w
	}
}

// WhyFor returns the why text of a field key.
func WhyFor(key string) (Why, bool) {
	registerAll()
	whyMu.RLock()
	defer whyMu.RUnlock()
	w, ok := whys[key]
	return w, ok
}

// FixedAtCreate reports whether the field with key is fixed at create. For
// a design field (metadata.…, spec.…) the impact table of model/change
// decides, the same table the document and `iksplan diff` read; the Why's
// own flag marks only the wizard's questions that are not design fields
// (zones.vpc.create).
func FixedAtCreate(key string) bool {
	if strings.HasPrefix(key, "spec.") || strings.HasPrefix(key, "metadata.") {
		return change.FixedAtCreate(key)
	}
	w, ok := WhyFor(key)
	return ok && w.FixedAtCreate
}

// pathKey turns a concrete YAML path into the why key of its field:
// spec.workerPools[2].flavor → spec.workerPools[*].flavor.
func pathKey(path string) string { return change.KeyOf(path) }

// ActionResult is the message of a Page.Action's command.
type ActionResult struct {
	Err error
	// Apply, when set, records the result in the wizard's state; it runs
	// on the update loop, before the page moves on.
	Apply func()
}
