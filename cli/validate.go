package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

func newValidateCommand(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a design against every rule and print the findings",
		Long: `validate reads a design file strictly and prints every finding: rule ID,
severity, YAML path and line, message, why, and IBM's documentation.

Exit status: 0 when no error remains (warnings and waived findings are fine),
1 when any error-severity finding is not waived, 2 for bad usage or a file
that cannot be read or parsed (not a regular file, over 1 MiB, not YAML, more
than one YAML document). FILE may be - for stdin.`,
		Example: `  iksplan validate shop-prod.yaml
  iksplan validate shop-prod.yaml -o json |
    jq '.findings[] | select(.severity=="error")'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr("--output must be text or json, not %q", format)
			}
			l, err := a.loadAndJudge(args[0])
			if err != nil {
				return err
			}
			loc := a.localizer()
			l.report = rules.Localize(l.report, loc.Lang())
			if format == "json" {
				err = writeReportJSON(a.stdout, l)
			} else {
				cat, _ := a.catalog()
				err = writeReportText(a.stdout, l, cat.AsOf, loc)
			}
			if err != nil {
				return err
			}
			if l.report.HasErrors() {
				return withCode(ExitFindings, errors.New(loc.T("cli.validate.failed", map[string]any{
					"File": l.name, "Errors": loc.N("cli.count.error", l.report.Count(rules.Error), nil)})))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions("text", "json"))
	return cmd
}

func fixedCompletions(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

type jsonReport struct {
	File     string          `json:"file"`
	Errors   int             `json:"errors"`
	Warnings int             `json:"warnings"`
	Infos    int             `json:"infos"`
	Findings []rules.Finding `json:"findings"`
}

func writeReportJSON(w io.Writer, l *loaded) error {
	r := l.report
	out := jsonReport{l.name, r.Count(rules.Error), r.Count(rules.Warning), r.Count(rules.Info), r.Findings}
	if out.Findings == nil {
		out.Findings = []rules.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// maxShownMessage bounds one finding's message in the text report; the
// JSON report keeps it whole.
const maxShownMessage = 1000

// writeReportText prints findings for a person. Every value comes from the
// design file, so each field is escaped (model.Escape): a value cannot
// forge a line, an ANSI/OSC sequence or a bidi override. Findings of one
// kind (same rule, same path with its indexes dropped, same wording) after
// the first model.MaxRepeated are counted in one line.
//
// The words around the findings come from the catalogue in the run's
// language (loc); the findings arrive already localized (rules.Localize).
func writeReportText(w io.Writer, l *loaded, asOf string, loc *i18n.Localizer) error {
	r := l.report
	var b strings.Builder
	b.WriteString(loc.T("cli.validate.header", map[string]any{
		"File":     model.Escape(l.name),
		"Errors":   loc.N("cli.count.error", r.Count(rules.Error), nil),
		"Warnings": loc.N("cli.count.warning", r.Count(rules.Warning), nil),
		"Infos":    loc.N("cli.count.info", r.Count(rules.Info), nil),
		"AsOf":     asOf,
	}) + "\n")
	count := map[string]int{}
	for _, f := range r.Findings {
		count[findingKind(f)]++
	}
	shown := map[string]int{}
	for _, f := range r.Findings {
		k := findingKind(f)
		shown[k]++
		if shown[k] > model.MaxRepeated {
			if shown[k] == model.MaxRepeated+1 {
				fmt.Fprintf(&b, "\n%s %-7s %s\n", severityWord(loc, f.Severity), f.RuleID, loc.N("cli.validate.more", count[k]-model.MaxRepeated, nil))
			}
			continue
		}
		where := model.Escape(f.Path)
		if f.Line > 0 {
			where = loc.T("cli.validate.line", map[string]any{"Path": where, "Line": f.Line})
		}
		fmt.Fprintf(&b, "\n%s %-7s %s\n", severityWord(loc, f.Severity), f.RuleID, where)
		fmt.Fprintf(&b, "         %s\n", shorten(model.Escape(f.Message)))
		if f.Waiver != nil {
			sev := ""
			if f.WaivedSeverity != "" {
				sev = " (" + strings.TrimRight(severityWord(loc, f.WaivedSeverity), " ") + ")"
			}
			fmt.Fprintf(&b, "         %s\n", loc.T("cli.validate.waived", map[string]any{
				"Was": sev, "Reason": shorten(model.Escape(f.Waiver.Reason)), "By": shorten(model.Escape(f.Waiver.ApprovedBy))}))
		}
		if f.Why != "" {
			fmt.Fprintf(&b, "         %s%s\n", loc.T("cli.validate.why", nil), model.Escape(f.Why))
		}
		if f.DocURL != "" {
			fmt.Fprintf(&b, "         %s%s\n", loc.T("cli.validate.doc", nil), model.Escape(f.DocURL))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// severityWord is a finding's severity in the run's language, padded to
// eight columns: a Japanese report said "error"/"warning"/"info" among
// Japanese words. The JSON output keeps the contract's English values.
// NB: padded by display width: エラー is three runes but six columns.
func severityWord(loc *i18n.Localizer, s rules.Severity) string {
	w := string(s)
	if id := "cli.validate.severity." + string(s); loc.Has(id) {
		w = loc.T(id, nil)
	}
	return w + strings.Repeat(" ", max(0, 8-ansi.StringWidth(w)))
}

func findingKind(f rules.Finding) string {
	return string(f.Severity) + " " + f.RuleID + " " + model.RepeatKey(f.Path, f.Message)
}

// shorten cuts an escaped message to maxShownMessage characters.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxShownMessage {
		return s
	}
	r := []rune(s)
	return fmt.Sprintf("%s… (%d characters in all; -o json shows them)", string(r[:maxShownMessage]), len(r))
}
