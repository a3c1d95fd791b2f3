package render

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/doc"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/runbook"
	"github.com/iksplan/iksplan/render/terraform"
	"github.com/iksplan/iksplan/render/view"
)

// Kind is a group of artifacts the user can ask for with --only.
type Kind string

// The artifact groups. design.yaml is written with every group.
const (
	KindDoc       Kind = "doc"
	KindRunbook   Kind = "runbook"
	KindManifests Kind = "manifests"
	KindTerraform Kind = "terraform"
)

// Kinds lists every artifact group in order.
func Kinds() []Kind { return []Kind{KindDoc, KindRunbook, KindManifests, KindTerraform} }

// ParseKinds parses a --only value such as "doc,runbook". Empty means all.
func ParseKinds(s string) ([]Kind, error) {
	if strings.TrimSpace(s) == "" {
		return Kinds(), nil
	}
	var out []Kind
	for _, part := range strings.Split(s, ",") {
		k := Kind(strings.TrimSpace(part))
		if !slices.Contains(Kinds(), k) {
			return nil, fmt.Errorf("--only: %q is not one of doc, runbook, manifests, terraform", part)
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

// Input is what rendering needs.
type Input struct {
	// Design is the design as written; render resolves a copy.
	Design *model.Design
	// SourceName is the design file's name as the user gave it, printed in
	// every artifact's header ("shop-prod.yaml").
	SourceName string
	Catalog    *catalog.Catalog
}

// Artifact is one rendered file.
type Artifact = view.Artifact

// All renders the artifacts of the requested kinds (all when kinds is
// empty), sorted by path. design.yaml, the resolved design, always comes
// with them.
func All(in Input, kinds ...Kind) ([]Artifact, error) {
	if in.Design == nil || in.Catalog == nil {
		return nil, fmt.Errorf("render: a design and a catalog are required")
	}
	if len(kinds) == 0 {
		kinds = Kinds()
	}
	if err := complete(in.Design); err != nil {
		return nil, err
	}
	c := view.New(in.Design, in.Catalog, in.SourceName)
	arts := []Artifact{}
	resolved, err := resolvedDesign(c)
	if err != nil {
		return nil, err
	}
	arts = append(arts, resolved)
	for _, k := range kinds {
		var more []Artifact
		switch k {
		case KindDoc:
			more, err = doc.Render(c)
		case KindRunbook:
			more, err = runbook.Render(c)
		case KindManifests:
			more, err = manifests.Render(c)
		case KindTerraform:
			more, err = terraform.Render(c)
		default:
			err = fmt.Errorf("render: unknown artifact kind %q", k)
		}
		if err != nil {
			return nil, err
		}
		arts = append(arts, more...)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].Path < arts[j].Path })
	for i := range arts {
		if arts[i].Mode == 0 {
			arts[i].Mode = 0o644
		}
		if path.IsAbs(arts[i].Path) || strings.Contains(arts[i].Path, "..") {
			return nil, fmt.Errorf("render: artifact path %q escapes the output directory", arts[i].Path)
		}
	}
	return arts, nil
}

// IncompleteError says which parts a design needs before it can be
// rendered at all. The CLI never gets here (the rules report the same as
// errors); the wizard's live preview does, while answers are still missing.
type IncompleteError struct {
	Missing []string
}

func (e *IncompleteError) Error() string {
	return "render: the design is incomplete: " + strings.Join(e.Missing, "; ")
}

// complete checks the parts every renderer relies on.
func complete(d *model.Design) error {
	var missing []string
	s := &d.Spec
	if !s.Infrastructure.Valid() {
		missing = append(missing, "spec.infrastructure is not classic or vpc-gen2")
	}
	if s.Region == "" {
		missing = append(missing, "spec.region is empty")
	}
	if len(s.Zones) == 0 {
		missing = append(missing, "spec.zones is empty")
	}
	if len(s.WorkerPools) == 0 {
		missing = append(missing, "spec.workerPools is empty")
	}
	if len(missing) > 0 {
		return &IncompleteError{Missing: missing}
	}
	return nil
}

// resolvedDesign is design.yaml: the design with defaults and computed
// sizing written in, under a header comment.
func resolvedDesign(c *view.Context) (Artifact, error) {
	head := "# " + c.Header + "\n# Defaults and the computed workersPerZone are filled in; catalog as of " + c.AsOf + ".\n"
	b, err := model.AppendMarshal([]byte(head), c.Design)
	if err != nil {
		return Artifact{}, fmt.Errorf("render design.yaml: %w", err)
	}
	return Artifact{Path: "design.yaml", Data: b}, nil
}
