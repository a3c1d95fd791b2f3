package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
	"github.com/iksplan/iksplan/rehearse"
	"github.com/iksplan/iksplan/render"
	rchange "github.com/iksplan/iksplan/render/change"
)

// changeRehearsal is `iksplan rehearse NEW.yaml --change-from OLD.yaml`.
type changeRehearsal struct {
	oldPath             string
	nw                  *loaded
	out                 string // --out (made absolute here)
	kubeconfig, kubectl string
	bin                 string
}

// rehearseChange renders OLD and NEW and the change runbook between them
// (as `iksplan diff OLD NEW --runbook` writes it), then rehearses it:
// OLD's runbook builds, the change runbook takes the cluster to NEW, the
// state must equal NEW built from nothing, and a rerun changes nothing.
func (a *app) rehearseChange(r changeRehearsal) error {
	old, err := a.loadAndJudge(r.oldPath)
	if err != nil {
		return err
	}
	if old.report.HasErrors() {
		return withCode(ExitFindings, fmt.Errorf("%s: %s; `iksplan validate %s` lists them", old.name, plural(old.report.Count(rules.Error), "error"), r.oldPath))
	}
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(r.out)
	if err != nil {
		return err
	}
	for _, set := range []struct {
		dir string
		l   *loaded
	}{{"old", old}, {"new", r.nw}} {
		arts, err := render.All(render.Input{Design: set.l.design, SourceName: set.l.name, Catalog: cat})
		if err != nil {
			return withCode(ExitFindings, err)
		}
		dir := filepath.Join(abs, set.dir)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := render.Write(dir, arts, false); err != nil {
			return withCode(ExitFindings, fmt.Errorf("write artifacts: %w", err))
		}
	}
	script, err := rchange.Runbook(old.design, r.nw.design, cat)
	var refusal *rchange.Refusal
	if errors.As(err, &refusal) {
		fmt.Fprintln(a.stderr, "No change runbook, so nothing to rehearse, because:")
		for _, reason := range refusal.Reasons {
			fmt.Fprintln(a.stderr, "  - "+model.Escape(reason))
		}
		return withCode(ExitFindings, fmt.Errorf("no change runbook: %s above", plural(len(refusal.Reasons), "reason")))
	}
	if err != nil {
		return err
	}
	changeDir := filepath.Join(abs, "change")
	if err := os.MkdirAll(changeDir, 0o700); err != nil {
		return err
	}
	path := filepath.Join(changeDir, "change-runbook.sh")
	if err := os.WriteFile(path, script, 0o700); err != nil {
		return withCode(ExitIO, err)
	}
	name := old.design.Metadata.Name + ": " + filepath.Base(r.oldPath) + " → " + filepath.Base(r.nw.name)
	_, err = rehearse.RunChange(rehearse.ChangeOptions{
		Name: name, Old: model.Resolve(old.design, cat), New: model.Resolve(r.nw.design, cat),
		OldRunbookDir: filepath.Join(abs, "old"), NewRunbookDir: filepath.Join(abs, "new"), ChangeRunbook: path,
		WorkDir: filepath.Join(abs, "worlds"), Binary: r.bin, Kubeconfig: r.kubeconfig, Kubectl: r.kubectl, Out: a.stdout,
	})
	if errors.Is(err, rehearse.ErrFailed) {
		return withCode(ExitFindings, fmt.Errorf("change rehearsal failed; logs in %s", filepath.Join(abs, "worlds")))
	}
	if err != nil {
		return withCode(ExitFindings, err)
	}
	return nil
}
