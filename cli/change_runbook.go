package cli

import (
	"errors"
	"fmt"
	"sort"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
	rchange "github.com/iksplan/iksplan/render/change"
)

// changeRunbook makes the change runbook with make (rchange.Runbook or
// RunbookBeside), printing the reasons when IBM cannot make the change in
// place.
func (a *app) changeRunbook(old, nw *model.Design, make func(o, n *model.Design, cat *catalog.Catalog) ([]byte, error)) ([]byte, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	b, err := make(old, nw, cat)
	var refusal *rchange.Refusal
	if errors.As(err, &refusal) {
		fmt.Fprintln(a.stderr, "\nNo change runbook, because:")
		for _, r := range refusal.Reasons {
			fmt.Fprintln(a.stderr, "  - "+model.Escape(r))
		}
		return nil, withCode(ExitFindings, fmt.Errorf("no change runbook: %s above", plural(len(refusal.Reasons), "reason")))
	}
	return b, err
}

// withChangeRunbook adds change-runbook.sh, from the design at oldPath to
// nw, to a render set (render --change-from).
func (a *app) withChangeRunbook(arts []render.Artifact, oldPath string, nw *model.Design) ([]render.Artifact, error) {
	old, _, err := a.loadDesign(oldPath)
	if err != nil {
		return nil, err
	}
	b, err := a.changeRunbook(old, nw, rchange.RunbookBeside)
	if err != nil {
		return nil, err
	}
	arts = append(arts, render.Artifact{Path: "change-runbook.sh", Data: b, Mode: 0o755})
	sort.Slice(arts, func(i, j int) bool { return arts[i].Path < arts[j].Path })
	return arts, nil
}
