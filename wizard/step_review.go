package wizard

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/change"
	"github.com/iksplan/iksplan/model/rules"
)

// Step 11, Review: the summary, every finding grouped by step (choosing one
// jumps to its step, and finishing that step comes back here), waivers
// with a reason, the output folder, and the write itself.

// reviewState is the review's own UI state.
type reviewState struct {
	action string
	report rules.Report
	// Waiver being written.
	waiveRule  string
	reason     string
	approvedBy string
	// Output.
	dir         string
	saveDesign  bool
	overwrite   bool
	conflict    []string
	written     []string
	savedDesign string
}

const (
	reviewWrite = "write"
	reviewWaive = "waive"
	reviewJump  = "jump:"
)

func registerReview() {
	Register(Step{
		ID:    StepReview,
		Title: "Review and write",
		Areas: []string{"review"},
		Pages: []Page{{
			ID:          "summary",
			Title:       "Review",
			Description: "Every finding, by step: choose one to jump there, waive a finding with a reason, or write the artifacts.",
			Fields:      reviewFields,
			Live:        reviewSummary,
			Validate: func(c *Ctx) error {
				r := &c.svc.review
				if r.action == reviewWrite && r.report.HasErrors() {
					return errors.New(c.trf("%d %s must be fixed or waived before writing: choose one to jump to its step",
						r.report.Count(rules.Error), c.tr(plural(r.report.Count(rules.Error), "error"))))
				}
				return nil
			},
			Next: func(c *Ctx) string {
				r := &c.svc.review
				switch {
				case r.action == reviewWaive:
					return "waive"
				case strings.HasPrefix(r.action, reviewJump):
					id, _, _ := strings.Cut(strings.TrimPrefix(r.action, reviewJump), ":")
					return JumpTo(StepID(id))
				}
				return "output"
			},
		}, {
			ID:          "waive",
			Title:       "Waive a finding",
			Description: "A waiver records that the team accepts the risk: the finding stays in the design document as info, with the reason and who approved it. Warnings come first; an error can be waived too, when the team accepts a risk the rules call blocking.",
			Fields:      waiveFields,
			Done: func(c *Ctx) {
				r := &c.svc.review
				if r.waiveRule == "" {
					return
				}
				c.D.Spec.Waivers = append(c.D.Spec.Waivers, model.Waiver{Rule: r.waiveRule, Reason: r.reason, ApprovedBy: r.approvedBy})
				r.waiveRule, r.reason = "", ""
			},
			Next: func(*Ctx) string { return "summary" },
		}, {
			ID:          "output",
			Title:       "Write the artifacts",
			Description: "DESIGN.md, runbook.sh, manifests/, calico/, values/ and the resolved design.yaml.",
			Fields:      outputFields,
			Action:      func(c *Ctx) tea.Cmd { return writeAction(c, false) },
			Next: func(c *Ctx) string {
				if len(c.svc.review.conflict) > 0 {
					return "overwrite"
				}
				return EndOfStep
			},
		}, {
			ID:    "overwrite",
			Title: "Files are in the way",
			Skip:  func(c *Ctx) bool { return len(c.svc.review.conflict) == 0 },
			Fields: func(c *Ctx) []huh.Field {
				r := &c.svc.review
				r.overwrite = false
				list := r.conflict
				more := ""
				if len(list) > 8 {
					list, more = list[:8], c.trf("\n… and %d more", len(r.conflict)-8)
				}
				return []huh.Field{
					Note(c, c.trf("%d files already exist in %s", len(r.conflict), r.dir), strings.Join(list, "\n")+more),
					YesNo(c, "review.overwrite", "Overwrite them?", "no: choose another folder", &r.overwrite),
				}
			},
			Action: func(c *Ctx) tea.Cmd {
				if !c.svc.review.overwrite {
					return nil // nothing was written: choose another folder
				}
				return writeAction(c, true)
			},
			Next: func(c *Ctx) string {
				if c.svc.review.overwrite {
					return EndOfStep
				}
				return "output"
			},
		}},
	})

	RegisterWhy(Why{
		Key: "review.action",
		Text: "Errors block writing, as `iksplan render` refuses them; warnings are advice. Choose a " +
			"finding to jump to its step: when that step is done you come back here. A waiver " +
			"records an accepted risk with a reason and an approver, so the design document shows it.",
		Doc: "https://cloud.ibm.com/docs/containers?topic=containers-strategy",
	}, Why{
		Key:  "review.dir",
		Text: "The artifacts and the design you save are one write: every file is checked first, and when a file is in the way and you do not overwrite, nothing at all is written. Each file is written whole or not at all, and an existing file is never overwritten without asking. Editing a folder's design.yaml, the design you save takes its place, so the folder's files are generated from it.",
	})
}

// reviewFields builds the review page: findings as options, plus actions.
func reviewFields(c *Ctx) []huh.Field {
	r := &c.svc.review
	r.report = c.svc.report()
	var opts []Opt[string]
	opts = append(opts, Opt[string]{Value: reviewWrite, Label: "Write the artifacts",
		Help: "choose the output folder next"})
	if waivable(r.report) {
		opts = append(opts, Opt[string]{Value: reviewWaive, Label: "Waive a finding…",
			Help: "accept a warning or error with a reason and an approver"})
	}
	steps := Steps()
	for _, s := range steps {
		for _, f := range findingsOf(s, r.report) {
			mark := "!"
			if f.Severity == rules.Error {
				mark = "✗"
			}
			opts = append(opts, Opt[string]{
				Value: reviewJump + string(s.ID) + ":" + f.RuleID + ":" + f.Path,
				// NB: findings quote what the user typed: escaped, so a
				// value cannot draw on the terminal (issue 11 F2).
				Label: fmt.Sprintf("%s %s · %s %s", mark, c.tr(s.Title), f.RuleID, model.Escape(f.In(c.Lang).Message)),
				Help:  model.Escape(f.Path) + ": " + model.Escape(f.In(c.Lang).Why),
			})
		}
	}
	r.action = reviewWrite
	if r.report.HasErrors() {
		for _, o := range opts {
			if strings.HasPrefix(o.Value, reviewJump) {
				r.action = o.Value
				break
			}
		}
	}
	sel := Pick(c, "review.action", "Findings and actions", "", &r.action, opts)
	if len(opts) > 10 {
		sel.Height(18)
	}
	return []huh.Field{sel}
}

// findingsOf returns the unwaived errors and warnings of a step.
func findingsOf(s Step, rep rules.Report) []rules.Finding {
	var out []rules.Finding
	for _, f := range rep.Findings {
		if f.Severity != rules.Info && containsArea(s.areas(), string(f.Area)) {
			out = append(out, f)
		}
	}
	return out
}

func waivable(rep rules.Report) bool {
	for _, f := range rep.Findings {
		if f.Severity != rules.Info && !strings.HasPrefix(f.RuleID, "WVR") {
			return true
		}
	}
	return false
}

// reviewSummary is the review's live summary of the design.
func reviewSummary(c *Ctx) string {
	s := c.Spec()
	r := &c.svc.review
	plan := r.report.Plan
	var pools []string
	for _, p := range plan.Pools {
		fl := ""
		if p.Index < len(s.WorkerPools) {
			fl = s.WorkerPools[p.Index].Flavor
		}
		pools = append(pools, fmt.Sprintf("%s %d×%s", p.Name, p.WorkersPerZone, fl))
	}
	lines := []string{
		fmt.Sprintf("%s · %s · %s · %s", c.D.Metadata.Name, c.tr(s.Environment.Label()), c.tr(s.Infrastructure.Label()), s.Region),
		c.trf("zones %s · Kubernetes %s", strings.Join(s.Zones, ", "), s.KubernetesVersion),
		c.trf("pools %s per zone · %d workers", strings.Join(pools, ", "), plan.TotalWorkers),
	}
	if !plan.Demand.IsZero() {
		lines = append(lines, c.trf("after %s: %.0f%% of demand", c.tr(plan.Resilience.Scenario), plan.Resilience.Percent))
	}
	ne, nw, nw2 := r.report.Count(rules.Error), r.report.Count(rules.Warning), len(s.Waivers)
	// NB: one message per count, so each language orders number and noun
	// its own way ("エラー 0", not "0 エラー" next to "情報 0").
	counts := strings.Join([]string{
		c.trn(ne, "%d error", "%d errors", ne), c.trn(nw, "%d warning", "%d warnings", nw),
		c.trf("%d info", r.report.Count(rules.Info)), c.trn(nw2, "%d waiver", "%d waivers", nw2),
	}, " · ")
	if c.S != nil {
		st := c.S.OK
		if r.report.HasErrors() {
			st = c.S.Error
		}
		counts = st.Render(counts)
	}
	lines = append(lines, counts)
	lines = append(lines, changeImpact(c)...)
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// changeImpact lists what the edits do to the cluster built from the file
// being edited (model/change), the most severe first: an architect sees a
// cluster re-create before writing it.
func changeImpact(c *Ctx) []string {
	if c.svc == nil || c.svc.orig == nil {
		return nil
	}
	cs := change.Diff(c.svc.orig, c.D, c.Cat)
	name := filepath.Base(c.svc.file)
	if len(cs) == 0 {
		return []string{c.trf("no changes against %s", name)}
	}
	worst, _ := change.Worst(cs)
	out := []string{c.trf("%d %s against %s; worst: %s", len(cs), c.tr(plural(len(cs), "change")), name, className(c, worst))}
	const shown = 5
	for i, ch := range cs {
		if i == shown {
			out = append(out, c.trf("  … %d more (iksplan diff %s with the written design lists all)", len(cs)-shown, name))
			break
		}
		out = append(out, changeLine(c, ch))
	}
	return out
}

// className is an impact class as the review names it: diff's name in
// English ("cluster-recreate"), a phrase in Japanese.
func className(c *Ctx, cl change.Class) string { return c.tr(cl.String()) }

// changeLine is one change of the review's impact list, a whole message
// per operation.
func changeLine(c *Ctx, ch change.Change) string {
	switch ch.Op {
	case change.Added:
		return c.trf("  %s %s added", className(c, ch.Class), ch.Path)
	case change.Removed:
		return c.trf("  %s %s removed", className(c, ch.Class), ch.Path)
	}
	return c.trf("  %s %s: %s → %s", className(c, ch.Class), ch.Path, model.Escape(ch.Old), model.Escape(ch.New))
}

func waiveFields(c *Ctx) []huh.Field {
	r := &c.svc.review
	// Warnings first: they are what waivers are for; an error can be
	// waived too (render accepts it, DESIGN.md records it), and says so.
	var opts, errs []Opt[string]
	seen := map[string]bool{}
	for _, f := range r.report.Findings {
		if f.Severity == rules.Info || strings.HasPrefix(f.RuleID, "WVR") || seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		lf := f.In(c.Lang)
		o := Opt[string]{Value: f.RuleID, Help: model.Escape(lf.Why)}
		if f.Severity == rules.Error {
			o.Label = c.trf("✗ error %s %s", f.RuleID, model.Escape(lf.Message))
			errs = append(errs, o)
			continue
		}
		o.Label = c.trf("! warning %s %s", f.RuleID, model.Escape(lf.Message))
		opts = append(opts, o)
	}
	opts = append(opts, errs...)
	if len(opts) == 0 {
		r.waiveRule = ""
		return []huh.Field{Note(c, c.tr("Nothing to waive"), c.tr("no warning or error is open"))}
	}
	r.waiveRule = opts[0].Value
	return []huh.Field{
		Pick(c, "review.waive.rule", "Finding", "a waiver covers every finding of the rule", &r.waiveRule, opts),
		Input(c, "review.waive.reason", "Reason", "why the risk is accepted", &r.reason, requiredIn(c, model.ValidateFreeText)),
		Input(c, "review.waive.approvedBy", "Approved by", "who accepts the risk (a name or e-mail)", &r.approvedBy, requiredIn(c, model.ValidateFreeText)),
	}
}

func required(validate func(string) error) func(string) error {
	return requiredIn(nil, validate)
}

// requiredIn is required with its error in the language of c.
func requiredIn(c *Ctx, validate func(string) error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(c.tr("required"))
		}
		return validate(s)
	}
}

func outputFields(c *Ctx) []huh.Field {
	r := &c.svc.review
	if r.dir == "" {
		r.dir = defaultOutDir(c.svc.file, c.svc.outDir)
	}
	fields := []huh.Field{
		Input(c, "review.dir", "Output folder", "created if missing; nothing is overwritten without asking", &r.dir,
			requiredIn(c, model.ValidateFreeText)),
	}
	if c.svc.file != "" {
		r.saveDesign = true
		fields = append(fields, YesNo(c, "review.saveDesign", c.trf("Save the design to %s?", c.svc.file),
			"the file you opened; it is replaced atomically", &r.saveDesign))
	}
	return fields
}

// sourceName is the design file name printed in every artifact's header.
func sourceName(c *Ctx) string {
	if c.svc.file != "" {
		return filepath.Base(c.svc.file)
	}
	if model.ValidateClusterName(c.D.Metadata.Name) == nil {
		return c.D.Metadata.Name + ".yaml"
	}
	return "design.yaml"
}

// writeAction is the output pages' action: the design and the artifacts
// as one transaction (WriteFunc). The design is cloned on the update loop;
// the command renders and writes it. A conflict is not an error: it leads
// to the overwrite page, with nothing written.
func writeAction(c *Ctx, overwrite bool) tea.Cmd {
	r := &c.svc.review
	req := WriteRequest{Design: c.D.Clone(), Catalog: c.Cat, Source: sourceName(c), Dir: r.dir, Overwrite: overwrite}
	if c.svc.file != "" && r.saveDesign {
		req.SaveTo = c.svc.file
	}
	write := c.svc.write
	return func() tea.Msg {
		files, err := write(req)
		var wc *WriteConflict
		switch {
		case errors.As(err, &wc):
			return ActionResult{Apply: func() { r.conflict = wc.Paths }}
		case err != nil:
			return ActionResult{Err: err}
		}
		return ActionResult{Apply: func() {
			r.conflict, r.written = nil, files
			if req.SaveTo != "" {
				r.savedDesign = req.SaveTo
			}
		}}
	}
}
