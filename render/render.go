package render

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

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
//
// The renderers are pure functions of the shared context, so they run at
// once, each on its own goroutine (on two cores a 1,000-namespace render
// took about half the wall time). All waits for every one of them; the
// outcome is the one of rendering them in turn: design.yaml then kinds in
// the order given, the first failure in that order wins, whichever
// finished first. A renderer's panic is raised again, with its value, on
// the caller's goroutine (the wizard's preview recovers it).
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
	jobs := make([]func() ([]Artifact, error), 0, 1+len(kinds))
	jobs = append(jobs, func() ([]Artifact, error) {
		a, err := resolvedDesign(c)
		if err != nil {
			return nil, err
		}
		return []Artifact{a}, nil
	})
	for _, k := range kinds {
		jobs = append(jobs, renderer(c, k))
	}
	arts, err := gather(runAll(jobs))
	if err != nil {
		return nil, err
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

// renderer returns the renderer of kind k for context c.
func renderer(c *view.Context, k Kind) func() ([]Artifact, error) {
	switch k {
	case KindDoc:
		return func() ([]Artifact, error) { return doc.Render(c) }
	case KindRunbook:
		return func() ([]Artifact, error) { return runbook.Render(c) }
	case KindManifests:
		return func() ([]Artifact, error) { return manifests.Render(c) }
	case KindTerraform:
		return func() ([]Artifact, error) { return terraform.Render(c) }
	}
	return func() ([]Artifact, error) { return nil, fmt.Errorf("render: unknown artifact kind %q", k) }
}

// result is what one renderer returned, or the value it panicked with.
type result struct {
	arts       []Artifact
	err        error
	panicked   bool
	panicValue any
}

// runAll runs every job, the first on the caller's goroutine and the rest
// on goroutines of their own, and returns once all have ended, their
// results in the jobs' order.
func runAll(jobs []func() ([]Artifact, error)) []result {
	results := make([]result, len(jobs))
	var wg sync.WaitGroup
	for i := 1; i < len(jobs); i++ {
		wg.Go(func() { results[i] = run(jobs[i]) })
	}
	if len(jobs) > 0 {
		results[0] = run(jobs[0])
	}
	wg.Wait()
	return results
}

// gather joins the artifacts of results in their order, or stops at the
// first that failed: its error is returned, its panic raised again.
func gather(results []result) ([]Artifact, error) {
	arts := []Artifact{}
	for _, r := range results {
		if r.panicked {
			panic(r.panicValue)
		}
		if r.err != nil {
			return nil, r.err
		}
		arts = append(arts, r.arts...)
	}
	return arts, nil
}

// run calls job, turning a panic into a result so it cannot end the
// process from a goroutine All does not own.
func run(job func() ([]Artifact, error)) (r result) {
	defer func() {
		if v := recover(); v != nil {
			r = result{panicked: true, panicValue: v}
		}
	}()
	r.arts, r.err = job()
	return r
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
