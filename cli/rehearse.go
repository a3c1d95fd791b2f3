package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
	"github.com/iksplan/iksplan/rehearse"
	"github.com/iksplan/iksplan/render"
)

// drillRequest is what `iksplan rehearse --drill NAME` hands to the drill
// (runDrill in rehearse_drill.go).
type drillRequest struct {
	Name       string        // the --drill value, e.g. "zone-loss"
	DesignPath string        // the DESIGN.yaml argument as given
	Design     *model.Design // loaded, resolved, no error findings
	Kubeconfig string        // --kubeconfig, "" when none
	OutDir     string        // --out (a fresh temp dir when not given)
	Stdout     io.Writer
	Stderr     io.Writer
}

func newRehearseCommand(a *app) *cobra.Command {
	var faults, kubeconfig, kubectl, out, drill, changeFrom string
	cmd := &cobra.Command{
		Use:   "rehearse FILE [--faults none|each|N] [--kubeconfig FILE] [--out DIR]",
		Short: "Run the design's runbook against a simulated IBM Cloud: fresh, again, and with faults",
		Long: `rehearse renders the design and executes runbook.sh for real, with iksplan's
IBM Cloud double on PATH (ibmcloud, and recording stand-ins for helm,
calicoctl and kubectl). It runs four scenarios:

  1. a fresh run, which must finish and leave the account as the design says;
  2. a second run, which must make no mutating call;
  3. with --faults each (or N): every mutating call k failed once with a
     transient IBM error; the run must stop naming the step and how to
     resume, and a rerun must converge to the state of scenario 1;
  4. a cluster that never becomes ready: the bounded wait must give up
     with a clear message.

With --kubeconfig, kubectl in scenarios 1 and 2 is the real kubectl against
that control plane (kube-apiserver, controllers, kwok), and the workers the
double provisions become kwok nodes. Without it, kubectl is a stand-in that
strict-decodes what is applied and says waits were simulated.

With --change-from OLD.yaml, rehearse rehearses the change runbook from OLD
to FILE instead (the one ` + "`iksplan diff OLD FILE --runbook`" + ` writes): OLD's
runbook builds the cluster, the change runbook takes it to FILE, the account
must equal FILE's runbook run from nothing, and a second run of the change
runbook must make no mutating call.`,
		Example: `  iksplan rehearse shop-prod.yaml
  iksplan rehearse shop-prod.yaml --faults each --out /tmp/rehearsal
  iksplan rehearse shop-prod.yaml --kubeconfig ~/.kube/rehearsal --faults none
  iksplan rehearse shop-prod-v2.yaml --change-from shop-prod.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if faults == "" {
				faults = "none"
			}
			l, err := a.loadAndJudge(args[0])
			if err != nil {
				return err
			}
			if l.report.HasErrors() {
				return withCode(ExitFindings, fmt.Errorf("%s: %s; `iksplan validate %s` lists them", l.name, plural(l.report.Count(rules.Error), "error"), args[0]))
			}
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			if out == "" {
				if out, err = os.MkdirTemp("", "iksplan-rehearse-"); err != nil {
					return err
				}
			} else if err := os.MkdirAll(out, 0o700); err != nil {
				return err
			}
			resolved := model.Resolve(l.design, cat)
			if drill != "" {
				return runDrill(a, drillRequest{Name: drill, DesignPath: args[0], Design: resolved, Kubeconfig: kubeconfig, OutDir: out, Stdout: a.stdout, Stderr: a.stderr})
			}
			if kubeconfig != "" {
				if kubectl == "" {
					if kubectl, err = exec.LookPath("kubectl"); err != nil {
						return usageErr("--kubeconfig needs a real kubectl: put it on PATH or pass --kubectl")
					}
				}
				if kubeconfig, err = filepath.Abs(kubeconfig); err != nil {
					return err
				}
			}
			bin, err := os.Executable()
			if err != nil {
				return fmt.Errorf("find the iksplan binary: %w", err)
			}
			if changeFrom != "" {
				return a.rehearseChange(changeRehearsal{oldPath: changeFrom, nw: l, out: out, kubeconfig: kubeconfig, kubectl: kubectl, bin: bin})
			}
			runbookDir := filepath.Join(out, "artifacts")
			arts, err := render.All(render.Input{Design: l.design, SourceName: l.name, Catalog: cat})
			if err != nil {
				return withCode(ExitFindings, err)
			}
			if err := os.RemoveAll(runbookDir); err != nil {
				return err
			}
			if err := render.Write(runbookDir, arts, false); err != nil {
				return withCode(ExitFindings, fmt.Errorf("write artifacts: %w", err))
			}
			abs, err := filepath.Abs(out)
			if err != nil {
				return err
			}
			_, err = rehearse.Run(rehearse.Options{
				Name: l.design.Metadata.Name, Design: resolved, RunbookDir: filepath.Join(abs, "artifacts"),
				WorkDir: filepath.Join(abs, "worlds"), Binary: bin, Faults: faults,
				Kubeconfig: kubeconfig, Kubectl: kubectl, Out: a.stdout,
			})
			if errors.Is(err, rehearse.ErrFailed) {
				return withCode(ExitFindings, fmt.Errorf("rehearsal of %s failed; logs in %s", l.name, filepath.Join(abs, "worlds")))
			}
			if err != nil {
				return withCode(ExitFindings, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&faults, "faults", "none", "fault injection: none, each (every mutating call once) or N (the N-th mutating call)")
	cmd.Flags().StringVar(&kubeconfig, "kubeconfig", "", "kubeconfig of a real control plane (kube-apiserver + controllers + kwok)")
	cmd.Flags().StringVar(&kubectl, "kubectl", "", "the real kubectl to use with --kubeconfig (default: kubectl on PATH)")
	cmd.Flags().StringVar(&out, "out", "", "directory for the rendered artifacts, state and logs (default: a new temporary directory)")
	cmd.Flags().StringVar(&drill, "drill", "", "run a drill instead of the scenarios (zone-loss)")
	cmd.Flags().StringVar(&changeFrom, "change-from", "", "rehearse the change runbook from this OLD design to FILE instead of the scenarios: OLD is built, changed, compared with FILE built fresh, and changed again (no mutating call allowed)")
	return cmd
}
