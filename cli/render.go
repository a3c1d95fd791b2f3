package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
	"github.com/iksplan/iksplan/render"
	"github.com/iksplan/iksplan/render/view"
)

func newRenderCommand(a *app) *cobra.Command {
	var out, only, changeFrom string
	var force bool
	cmd := &cobra.Command{
		Use:   "render FILE --out DIR",
		Short: "Write the design document, runbook, manifests and Terraform of a design",
		Long: `render writes, into DIR: design.yaml (the resolved design), DESIGN.md,
runbook.sh, manifests/NN-<topic>.yaml, calico/NN-<topic>.yaml (classic),
values/*.yaml and terraform/ (the same design as a Terraform root module for
the IBM Cloud provider; its README says which runbook steps follow the
apply). It refuses while any error-severity finding is not waived, and never
overwrites a file without --force: without it, nothing is written when any
file is in the way. The files are written as one set: the folder holds
the old set or the new one, never a mix, even when render is killed; files
of DIR that are not artifacts stay. A symlinked DIR or subfolder is refused.

With --change-from OLD.yaml, the set also holds change-runbook.sh: the
ordered, idempotent commands that take a cluster built from OLD to FILE (the
script ` + "`iksplan diff OLD FILE --runbook`" + ` writes); it runs the runbook.sh beside
it for what FILE adds. When IBM cannot make the change in place, nothing is
written and the reasons are printed.

Exit status: 0 written, 1 error findings, 2 bad usage or unreadable input,
3 nothing written (a file in the way, a symlink, an I/O error).`,
		Example: `  iksplan render shop-prod.yaml --out out
  iksplan render shop-prod.yaml --out out --only doc --force
  iksplan render shop-prod-v2.yaml --out out --change-from shop-prod.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageErr("--out DIR is required")
			}
			kinds, err := render.ParseKinds(only)
			if err != nil {
				return usageErr("%w", err)
			}
			// The templates need no design: parse them on another core
			// while this one reads and judges the design.
			preloaded := make(chan struct{})
			if slices.Contains(kinds, render.KindDoc) || slices.Contains(kinds, render.KindRunbook) {
				go func() {
					defer close(preloaded)
					view.Preload()
				}()
			} else {
				close(preloaded)
			}
			defer func() { <-preloaded }()
			l, err := a.loadAndJudge(args[0])
			if err != nil {
				return err
			}
			if l.report.HasErrors() {
				cat, _ := a.catalog()
				blocking := *l
				blocking.report = rules.Report{}
				for _, f := range l.report.Findings {
					if f.Severity == rules.Error {
						blocking.report.Findings = append(blocking.report.Findings, f)
					}
				}
				loc := a.localizer()
				blocking.report = rules.Localize(blocking.report, loc.Lang())
				if err := writeReportText(a.stderr, &blocking, cat.AsOf, loc); err != nil {
					return err
				}
				return withCode(ExitFindings, fmt.Errorf("%s: %s; fix them or waive them in spec.waivers, then render again",
					l.name, plural(l.report.Count(rules.Error), "error")))
			}
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if err := a.settleDocumentLanguage(l.design); err != nil {
				return err
			}
			arts, err := render.All(render.Input{Design: l.design, SourceName: l.name, Catalog: cat}, kinds...)
			if err != nil {
				return withCode(ExitFindings, err)
			}
			if changeFrom != "" {
				if arts, err = a.withChangeRunbook(arts, changeFrom, l.design); err != nil {
					return err
				}
			}
			if err := render.Write(out, arts, force); err != nil {
				var ce *render.ConflictError
				var se *render.SymlinkError
				if errors.As(err, &ce) || errors.As(err, &se) {
					return withCode(ExitIO, err)
				}
				return withCode(ExitIO, fmt.Errorf("write artifacts: %w", err))
			}
			for _, art := range arts {
				fmt.Fprintln(a.stdout, model.Escape(filepath.Join(out, filepath.FromSlash(art.Path))))
			}
			if w := l.report.Count(rules.Warning); w > 0 {
				a.warn("%s remain; `iksplan validate %s` lists them", plural(w, "warning"), args[0])
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "directory to write the artifacts into")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite files that already exist")
	cmd.Flags().StringVar(&only, "only", "", "render only these: doc, runbook, manifests, terraform (comma-separated)")
	cmd.Flags().StringVar(&changeFrom, "change-from", "", "also write change-runbook.sh, which takes a cluster built from this OLD design to FILE")
	_ = cmd.MarkFlagDirname("out")
	return cmd
}
