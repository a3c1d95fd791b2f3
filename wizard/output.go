package wizard

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

// The wizard writes and previews artifacts only through the render package
// (render.All + render.Write), so what the wizard shows and writes is what
// `iksplan render` would produce.

// renderAndWrite is the default WriteFunc: one transaction of the design
// and its artifacts.
//
//   - Everything is rendered and every path checked before anything is
//     written: a conflict the user declines leaves the folder and the
//     design file as they were.
//   - When the design file is the folder's design.yaml (editing a rendered
//     or adopted copy), the design takes the rendered copy's place in the
//     set: the folder's design.yaml is the source the other artifacts say
//     they were generated from, not a copy pointing at itself.
//   - The artifacts go in one render.Write; a design file outside the
//     folder is written right after (atomically), and a failure then says
//     that the artifacts are new and the draft keeps the design.
func renderAndWrite(req WriteRequest) ([]string, error) {
	arts, err := render.All(render.Input{Design: req.Design, SourceName: req.Source, Catalog: req.Catalog})
	if err != nil {
		return nil, err
	}
	var designData []byte
	inSet := false
	if req.SaveTo != "" {
		if designData, err = model.Marshal(req.Design); err != nil {
			return nil, err
		}
		for i, a := range arts {
			if samePath(filepath.Join(req.Dir, filepath.FromSlash(a.Path)), req.SaveTo) {
				arts[i].Data, inSet = designData, true
			}
		}
	}
	var inWay []string
	for _, a := range arts {
		p := filepath.Join(req.Dir, filepath.FromSlash(a.Path))
		if fsutil.Exists(p) && !(inSet && samePath(p, req.SaveTo)) {
			inWay = append(inWay, a.Path)
		}
	}
	if len(inWay) > 0 && !req.Overwrite {
		return nil, &WriteConflict{Dir: req.Dir, Paths: inWay}
	}
	// NB: every path was checked (and, for the ones in the way, the user
	// said yes), so the set write may replace them; the source in the set
	// replaces itself.
	if err := render.Write(req.Dir, arts, len(inWay) > 0 || inSet); err != nil {
		var ce *render.ConflictError
		if errors.As(err, &ce) {
			return nil, &WriteConflict{Dir: ce.Dir, Paths: ce.Paths}
		}
		return nil, err
	}
	out := make([]string, 0, len(arts)+1)
	for _, a := range arts {
		out = append(out, filepath.ToSlash(filepath.Join(req.Dir, a.Path)))
	}
	if req.SaveTo != "" && !inSet {
		if err := fsutil.WriteFile(req.SaveTo, designData, 0o644, true); err != nil {
			return out, fmt.Errorf("the artifacts in %s are written, but the design could not be saved (the draft keeps it): %w", req.Dir, err)
		}
	}
	return out, nil
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// renderPreview is the default PreviewFunc: the IAM bindings for the IAM
// step, the runbook's commands for the others. A defect in a renderer must
// not end the user's session, so a panic becomes a message in the panel.
// It speaks the design's document language, as the runbook excerpt it
// shows does (the wizard records its language there).
func renderPreview(d *model.Design, cat *catalog.Catalog, step StepID) (title, body string) {
	l := previewLang(d)
	defer func() {
		if r := recover(); r != nil {
			title, body = trIn(l, "Preview"), trfIn(l, "preview failed (please report this): %v", r)
		}
	}()
	if step == StepIAM {
		return trIn(l, "Kubernetes RBAC from IAM"), rbacPreview(d, cat)
	}
	kinds := []render.Kind{render.KindRunbook}
	if step == StepReview {
		kinds = nil
	}
	arts, err := render.All(render.Input{Design: d, SourceName: "design.yaml", Catalog: cat}, kinds...)
	var incomplete *render.IncompleteError
	switch {
	case errors.As(err, &incomplete):
		return trIn(l, "Preview"), trfIn(l, "answer these first: %s", strings.Join(incomplete.Missing, "; "))
	case err != nil:
		return trIn(l, "Preview"), trfIn(l, "cannot render yet: %s", err.Error())
	}
	if step == StepReview {
		var b strings.Builder
		for _, a := range arts {
			b.WriteString(a.Path + "\n")
		}
		return trfIn(l, "Files to write (%d)", len(arts)), strings.TrimSuffix(b.String(), "\n")
	}
	for _, a := range arts {
		if a.Path == "runbook.sh" {
			return "runbook.sh", runbookExcerpt(string(a.Data), step, l)
		}
	}
	return trIn(l, "Preview"), ""
}

// previewLang is the language of the design's documents.
func previewLang(d *model.Design) i18n.Lang {
	if l, err := i18n.Parse(string(d.Spec.DocumentLanguage)); err == nil {
		return l
	}
	return i18n.EN
}
