package wizard

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

// The wizard writes and previews artifacts only through the render package
// (render.All + render.Write), so what the wizard shows and writes is what
// `iksplan render` would produce.

// renderAndWrite is the default WriteFunc.
func renderAndWrite(d *model.Design, cat *catalog.Catalog, source, dir string, overwrite bool) ([]string, error) {
	arts, err := render.All(render.Input{Design: d, SourceName: source, Catalog: cat})
	if err != nil {
		return nil, err
	}
	if err := render.Write(dir, arts, overwrite); err != nil {
		var ce *render.ConflictError
		if errors.As(err, &ce) {
			return nil, &WriteConflict{Dir: ce.Dir, Paths: ce.Paths}
		}
		return nil, err
	}
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = filepath.ToSlash(filepath.Join(dir, a.Path))
	}
	return out, nil
}

// renderPreview is the default PreviewFunc: the IAM bindings for the IAM
// step, the runbook's commands for the others. A defect in a renderer must
// not end the user's session, so a panic becomes a message in the panel.
func renderPreview(d *model.Design, cat *catalog.Catalog, step StepID) (title, body string) {
	defer func() {
		if r := recover(); r != nil {
			title, body = "Preview", fmt.Sprintf("preview failed (please report this): %v", r)
		}
	}()
	if step == StepIAM {
		return "Kubernetes RBAC from IAM", rbacPreview(d, cat)
	}
	kinds := []render.Kind{render.KindRunbook}
	if step == StepReview {
		kinds = nil
	}
	arts, err := render.All(render.Input{Design: d, SourceName: "design.yaml", Catalog: cat}, kinds...)
	var incomplete *render.IncompleteError
	switch {
	case errors.As(err, &incomplete):
		return "Preview", "answer these first: " + strings.Join(incomplete.Missing, "; ")
	case err != nil:
		return "Preview", "cannot render yet: " + err.Error()
	}
	if step == StepReview {
		var b strings.Builder
		for _, a := range arts {
			b.WriteString(a.Path + "\n")
		}
		return fmt.Sprintf("Files to write (%d)", len(arts)), strings.TrimSuffix(b.String(), "\n")
	}
	for _, a := range arts {
		if a.Path == "runbook.sh" {
			return "runbook.sh", runbookExcerpt(string(a.Data), step)
		}
	}
	return "Preview", ""
}
