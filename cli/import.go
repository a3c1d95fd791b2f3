package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/internal/importer"
	"github.com/iksplan/iksplan/model"
)

func newImportCommand(a *app) *cobra.Command {
	var out, record string
	var force bool
	src := clusterSource{flag: "cluster"}
	cmd := &cobra.Command{
		Use:   "import --cluster NAME [-o design.yaml] [--from-dir DIR | --record DIR]",
		Short: "Write a design from a live cluster, with the list of what IBM does not tell",
		Long: `import reads a running IKS cluster through the ibmcloud CLI (logged in and
targeted at the cluster's region):

  ibmcloud ks cluster get, ks worker-pool ls, ks workers, ks ingress alb ls,
  ks cluster addon ls, ks cluster master audit-webhook get, ks logging
  config get, and for VPC clusters is vpc and is subnet, each with
  --output json

and writes a design file. What the workers say (behind the master's
version, not ready, a zone whose worker count is not its pool size) is printed
and kept in the file's header. IBM's answers do not hold everything a design
says (the sizing demand, KMS key names, storage, IAM, ...): the file starts
with the list of those fields, why each is unknown, and where to find it.
` + "`iksplan validate`" + ` on the result is an assessment of the live cluster
against the rule catalogue; ` + "`iksplan diff design.yaml imported.yaml`" + ` shows
its drift from the design.

--record DIR keeps every answer as JSON; --from-dir DIR imports from such
a folder (or one you filled by hand) without calling IBM Cloud.

Exit status: 0 written, 2 bad usage or an answer that cannot be read,
3 the file could not be written.`,
		Example: `  iksplan import --cluster shop-prod -o shop-prod-live.yaml
  iksplan import --cluster shop-prod --record answers/ -o live.yaml
  iksplan import --cluster shop-prod --from-dir answers/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := src.check(); err != nil {
				return err
			}
			if src.fromDir != "" && record != "" {
				return usageErr("--from-dir and --record exclude each other: --from-dir does not call IBM Cloud")
			}
			r, err := a.importCluster(src, record)
			if err != nil {
				return err
			}
			text, err := importedFile(r)
			if err != nil {
				return err
			}
			writeUnknowns(a.stderr, r)
			if out == "" || out == "-" {
				_, err := a.stdout.Write(text)
				return err
			}
			if err := fsutil.WriteFile(out, text, 0o644, force); err != nil {
				return withCode(ExitIO, err)
			}
			return nil
		},
	}
	src.addFlags(cmd, "name or ID of the cluster to import", "read recorded JSON answers from this folder instead of calling ibmcloud")
	cmd.Flags().StringVarP(&out, "output", "o", "", "design file to write (default: stdout)")
	cmd.Flags().StringVar(&record, "record", "", "also save every ibmcloud answer as JSON in this folder")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the file if it exists")
	return cmd
}

// importCluster imports src's cluster from its folder of answers or the
// live CLI (record: also keep every answer in that folder).
func (a *app) importCluster(cs clusterSource, record string) (*importer.Result, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	var src importer.Source = importer.Live{Record: record}
	if cs.fromDir != "" {
		fi, err := os.Stat(cs.fromDir)
		if err != nil || !fi.IsDir() {
			return nil, usageErr("--from-dir %s: not a folder", model.QuoteValue(cs.fromDir))
		}
		src = importer.Dir(cs.fromDir)
	}
	if record != "" {
		if err := os.MkdirAll(record, 0o700); err != nil {
			return nil, withCode(ExitIO, fmt.Errorf("--record: %w", err))
		}
	}
	r, err := importer.Import(src, cs.cluster, cat)
	if err != nil {
		return nil, usageErr("import %s: %w", model.QuoteValue(cs.cluster), err)
	}
	return r, nil
}

// importedFile is the design YAML behind a comment that lists what import
// could not know, so the list travels with the file.
func importedFile(r *importer.Result) ([]byte, error) {
	y, err := model.Marshal(r.Design)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("# Imported by iksplan from the live cluster's ibmcloud answers.\n")
	b.WriteString("# IBM does not return these fields; their values here are iksplan's defaults:\n")
	for _, u := range r.Unknown {
		fmt.Fprintf(&b, "#   %s: %s (see: %s)\n", u.Path, u.Why, u.Where)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "# Note: %s\n", n)
	}
	for _, w := range r.Workers {
		fmt.Fprintf(&b, "# Workers: %s\n", w)
	}
	b.Write(y)
	return []byte(b.String()), nil
}

// writeUnknowns tells the user, on stderr, how much is unknown.
func writeUnknowns(w io.Writer, r *importer.Result) {
	fmt.Fprintf(w, "imported %s; %d fields IBM does not return are listed at the top of the file\n", model.Escape(r.Design.Metadata.Name), len(r.Unknown))
	writeWorkers(w, r)
}

// writeWorkers prints what the running workers say (behind the master,
// not ready, a zone short of its size): the part of an assessment no
// design field holds.
func writeWorkers(w io.Writer, r *importer.Result) {
	for _, f := range r.Workers {
		fmt.Fprintf(w, "workers: %s\n", f)
	}
}
