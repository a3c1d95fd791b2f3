package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/change"
	rchange "github.com/iksplan/iksplan/render/change"
)

func newDiffCommand(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "diff OLD.yaml NEW.yaml",
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

Exit status: 0 no change, 1 changes, 2 bad usage or a file that cannot be
read or does not fit the design schema.`,
		Example: `  iksplan diff shop-prod.yaml shop-prod-next.yaml
  iksplan diff old.yaml new.yaml -o markdown > CHANGES.md
  iksplan diff old.yaml new.yaml -o json | jq '.changes[] | select(.class=="cluster-recreate")'`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" && format != "markdown" {
				return usageErr("--output must be text, json or markdown, not %q", format)
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
			return a.writeDiff(format, rchange.NewReport(oldName, newName, change.Diff(old, nw, cat)))
		},
	}
	cmd.Flags().StringVarP(&format, "output", "o", "text", "output format: text, json or markdown")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletions("text", "json", "markdown"))
	return cmd
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
		return withCode(ExitFindings, fmt.Errorf("%d changes", len(r.Changes)))
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
