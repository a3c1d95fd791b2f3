package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/change"
	rchange "github.com/iksplan/iksplan/render/change"
)

func newDiffCommand(a *app) *cobra.Command {
	var format, runbook string
	var force bool
	src := clusterSource{flag: "live"}
	cmd := &cobra.Command{
		Use:   "diff OLD.yaml NEW.yaml | diff DESIGN.yaml --live CLUSTER",
		Short: "List what changes between two designs and what each change costs on a running cluster",
		Long: `diff compares two designs field by field and gives every change its impact
class, the most severe first:

  data-risk         data can be lost (a zone with zone-bound volumes dropped,
                    a bucket, database or volume deleted)
  cluster-recreate  IBM fixes it at create: only a new cluster has it (name,
                    infrastructure, region, VPC, resource group, pod or
                    service subnet, KMS disabled)
  pool-replace      a new pool, a drain through the PDBs, the old pool removed
                    (flavor, isolation, disk or boot-volume encryption)
  rolling           workers replaced one at a time (Kubernetes version, OS)
  in-place          applied to the running cluster (resize, labels, taints,
                    zone add or rm, add-ons, ALBs, KMS enable or rotate)

Each change cites the IBM document or terraform-provider-ibm attribute that
makes it so. The same table marks the "fixed at create" choices in the
wizard and the design document.

With --runbook FILE, diff also writes the change runbook: the ordered,
idempotent ibmcloud and kubectl commands that take a cluster built from OLD
to NEW (resize; NEW's own runbook for additions; pools NEW drops drained
through their PDBs and removed; zones NEW drops; the master one minor at a
time, each followed by worker replace --update one worker per zone at a
time). It refuses, saying why and what to do instead, when a change is
cluster-recreate or data-risk, when a pool-replace change keeps the pool's
name, and when the cluster-autoscaler add-on does not support the new
version.

With --live CLUSTER, diff imports the running cluster (see ` + "`iksplan import`" + `;
--from-dir reads recorded answers) and reports its drift from the design:
the changes that would take the design to what runs, leaving out the fields
IBM does not return.

Exit status: 0 no change, 1 changes, 2 bad usage or a file that cannot be
read or does not fit the design schema.`,
		Example: `  iksplan diff shop-prod.yaml shop-prod-next.yaml
  iksplan diff old.yaml new.yaml -o markdown > CHANGES.md
  iksplan diff old.yaml new.yaml -o json |
    jq '.changes[] | select(.class=="cluster-recreate")'
  iksplan diff shop-prod.yaml --live shop-prod`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" && format != "markdown" {
				return usageErr("--output must be text, json or markdown, not %q", format)
			}
			if src.cluster != "" || src.fromDir != "" {
				if len(args) != 1 || src.cluster == "" {
					return usageErr("drift takes one design and --live CLUSTER: iksplan diff DESIGN.yaml --live CLUSTER [--from-dir DIR]")
				}
				return a.drift(format, args[0], src)
			}
			if len(args) != 2 {
				return usageErr("diff takes two designs, or one with --live CLUSTER")
			}

			old, oldName, err := a.loadDesign(args[0])
			if err != nil {
				return err
			}
			nw, newName, err := a.loadDesign(args[1])
			if err != nil {
				return err
			}
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			derr := a.writeDiff(format, rchange.NewReport(oldName, newName, change.Diff(old, nw, cat)))
			if runbook != "" {
				if err := a.writeChangeRunbook(old, nw, runbook, force); err != nil {
					return err
				}
			}
			return derr
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "text", "output format: text, json or markdown")
	cmd.Flags().StringVar(&runbook, "runbook", "", "also write the change runbook from OLD to NEW to this file")
	cmd.Flags().BoolVar(&force, "force", false, "with --runbook: overwrite the file if it exists")
	src.addFlags(cmd, "compare the design with this running cluster (drift)", "with --live: read recorded ibmcloud answers from this folder")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions("text", "json", "markdown"))
	return cmd
}

// writeChangeRunbook writes the runbook from OLD to NEW, or explains the
// refusal (exit 1: the change needs another way).
func (a *app) writeChangeRunbook(old, nw *model.Design, out string, force bool) error {
	b, err := a.changeRunbook(old, nw, rchange.Runbook)
	if err != nil {
		return err
	}
	if err := fsutil.WriteFile(out, b, 0o755, force); err != nil {
		return withCode(ExitIO, err)
	}
	fmt.Fprintf(a.stderr, "wrote the change runbook to %s\n", model.Escape(out))
	return nil
}

// drift imports the live cluster and diffs the design against it, leaving
// out the fields import cannot know: they would all look like drift.
func (a *app) drift(format, designPath string, src clusterSource) error {
	d, name, err := a.loadDesign(designPath)
	if err != nil {
		return err
	}
	if err := src.check(); err != nil {
		return err
	}
	r, err := a.importCluster(src, "")
	if err != nil {
		return err
	}
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	// The design as built: pool sizes computed from the sizing, defaults
	// filled, as the runbook that built the cluster saw it.
	var cs []change.Change
	for _, c := range change.Diff(model.Resolve(d, cat), r.Design, cat) {
		if !r.Covers(c.Key) {
			cs = append(cs, c)
		}
	}
	writeWorkers(a.stderr, r)
	return a.writeDiff(format, rchange.NewReport(name, "live cluster "+src.cluster, cs))
}

// writeDiff prints the report and turns "there are changes" into exit 1.
func (a *app) writeDiff(format string, r rchange.Report) error {
	var err error
	switch format {
	case "json":
		err = rchange.WriteJSON(a.stdout, r)
	case "markdown":
		err = rchange.WriteMarkdown(a.stdout, r)
	default:
		err = rchange.WriteText(a.stdout, r)
	}
	if err != nil {
		return err
	}
	if len(r.Changes) > 0 {
		return withCode(ExitFindings, fmt.Errorf("%s", plural(len(r.Changes), "change")))
	}
	return nil
}

// loadDesign reads a design strictly. Unlike validate, a design that does
// not fit the schema is a usage error here: a diff of a half-read design
// would mislead.
func (a *app) loadDesign(path string) (*model.Design, string, error) {
	data, name, err := a.readInput(path)
	if err != nil {
		return nil, "", err
	}
	d, _, err := model.Load(data, name)
	var se *model.SchemaError
	if errors.As(err, &se) {
		var b strings.Builder
		for _, p := range se.Problems {
			b.WriteString("\n  " + p.Error())
		}
		return nil, "", usageErr("%s does not fit the design schema:%s", model.Escape(name), b.String())
	}
	if err != nil {
		return nil, "", usageErr("%w", err)
	}
	return d, name, nil
}
