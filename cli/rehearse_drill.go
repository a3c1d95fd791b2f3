package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/rehearse/drill"
)

// runDrill runs the drill req.Name against the control plane behind
// --kubeconfig: zone-loss (every zone of a multizone design, or the planned
// failure of a single-zone design: one worker). It prints one line per
// trial and fails (ExitFindings) when a replica finds no place or the
// scheduler disagrees with the model.
func runDrill(a *app, req drillRequest) error {
	if req.Name != "zone-loss" {
		return usageErr("unknown drill %q (known: zone-loss)", req.Name)
	}
	if req.Kubeconfig == "" {
		return usageErr("--drill zone-loss needs --kubeconfig: a control plane with kube-scheduler, kube-controller-manager and kwok")
	}
	kubeconfig, err := filepath.Abs(req.Kubeconfig)
	if err != nil {
		return err
	}
	bin := os.Getenv("KUBECTL")
	if bin == "" {
		if bin, err = exec.LookPath("kubectl"); err != nil {
			return usageErr("--drill needs kubectl: put it on PATH or set KUBECTL")
		}
	}
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	plan := model.PlanCapacity(&req.Design.Spec, cat)
	p, err := drill.PlanFor(req.Design, plan)
	if err != nil {
		return withCode(ExitFindings, err)
	}
	results, err := drill.Run(context.Background(), drill.Kubectl{Bin: bin, Kubeconfig: kubeconfig}, p, p.Failures(), drill.Options{Log: req.Stderr})
	for _, r := range results {
		fmt.Fprintln(req.Stdout, r.Line(p.Design))
	}
	if err != nil {
		return fmt.Errorf("drill %s: %w", p.Design, err)
	}
	failed, disagree := 0, 0
	for _, r := range results {
		if !r.Survived() {
			failed++
		}
		if !r.Agrees() {
			disagree++
		}
	}
	switch {
	case disagree > 0:
		return withCode(ExitFindings, fmt.Errorf("drill %s: kube-scheduler disagrees with the sizing model in %d of %d trials", p.Design, disagree, len(results)))
	case failed > 0:
		return withCode(ExitFindings, fmt.Errorf("drill %s: %s of %d leave replicas Pending, as the sizing model says", p.Design, plural(failed, "trial"), len(results)))
	}
	return nil
}
