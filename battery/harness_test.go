package battery

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"gopkg.in/yaml.v3"
	"mvdan.cc/sh/v3/syntax"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/rules"
	"github.com/iksplan/iksplan/render"
)

// outcome is what became of one hostile value in one field.
type outcome int

const (
	rejected        outcome = iota // refused with an error at the field's path and line
	rejectedRelated                // a valid value there, but the design refused with an error at a related path and line
	rendered                       // rendered, and every check of the output held
	unsafe                         // anything else: the battery fails
)

// shape is what a value may not change about the output: the number of
// commands of the runbook (parsed by mvdan/sh, as bash would) and the
// number of YAML documents of the manifests.
type shape struct {
	commands  int
	documents int
}

// harness judges hostile values against one base design.
type harness struct {
	cat  *catalog.Catalog
	base *model.Design
	// runbooks holds each distinct runbook that rendered, for bash -n,
	// shellcheck and a dry run (batch checks).
	runbooks map[[32]byte]runbookCase
	// own is the shape of the base design itself.
	own *shape
	// existing holds every free-text value of the base design: names of
	// things the design already has (a namespace, a bucket, a pool).
	existing map[string]bool
}

type runbookCase struct {
	field, value string
	script       []byte
}

func newHarness(cat *catalog.Catalog, base *model.Design) *harness {
	existing := map[string]bool{}
	for _, f := range freeTextFields(base) {
		existing[f.Value] = true
	}
	return &harness{cat: cat, base: base, runbooks: map[[32]byte]runbookCase{}, existing: existing}
}

// try puts v into f of a copy of the base, writes it as a design file,
// and takes it through what `iksplan render` does: strict load, rules,
// render. want is the shape the same field with a harmless value gives.
func (h *harness) try(f field, v string, want *shape) (outcome, string) {
	o, detail, _ := h.tryShape(f, v, want)
	return o, detail
}

func (h *harness) tryShape(f field, v string, want *shape) (outcome, string, *shape) {
	d := h.base.Clone()
	f.set(d, v)
	data, err := model.Marshal(d)
	if err != nil {
		return rejected, "the design cannot be written: " + err.Error(), nil
	}
	loaded, src, err := model.Load(data, "hostile.yaml")
	var se *model.SchemaError
	var syn *model.SyntaxError
	switch {
	case errors.As(err, &se):
		for _, p := range se.Problems {
			if onPath(p.Path, f.Path) && p.Line > 0 {
				return rejected, p.Error(), nil
			}
		}
		return unsafe, fmt.Sprintf("schema error, but none at %s with a line: %v", f.Path, se), nil
	case errors.As(err, &syn):
		if strings.Contains(syn.Error(), "line ") {
			return rejected, syn.Error(), nil
		}
		return unsafe, "syntax error without a line: " + syn.Error(), nil
	case err != nil:
		return unsafe, "load: " + err.Error(), nil
	}
	report := rules.Evaluate(loaded, h.cat, src)
	if report.HasErrors() {
		for _, fd := range report.Findings {
			if fd.Severity == rules.Error && onPath(fd.Path, f.Path) && fd.Line > 0 {
				return rejected, fd.RuleID + " " + fd.Message, nil
			}
		}
		// A value valid for its own field can break a reference elsewhere
		// (a bucket renamed away from the backups' bucket): refused all
		// the same, at the path that names it.
		var got []string
		for _, fd := range report.Findings {
			if fd.Severity == rules.Error {
				if fd.Line > 0 {
					return rejectedRelated, fd.RuleID + " " + fd.Path + " " + fd.Message, nil
				}
				got = append(got, fmt.Sprintf("%s %s (line %d)", fd.RuleID, fd.Path, fd.Line))
			}
		}
		return unsafe, fmt.Sprintf("error findings, but none with a line: %v", got), nil
	}
	arts, err := render.All(render.Input{Design: loaded, SourceName: "hostile.yaml", Catalog: h.cat})
	if err != nil {
		return unsafe, "a design that validates does not render: " + err.Error(), nil
	}
	got, script, err := outputShape(arts)
	if err != nil {
		return unsafe, err.Error(), nil
	}
	// An empty value switches a feature off (no binding, a new VPC):
	// it may change the shape, but it cannot inject anything. A value the
	// base already holds names something the design has: a database bound
	// to the existing namespace "shop" reuses it, where the harmless value
	// adds a namespace of its own (7 documents more), so the shape may
	// change there too. Both still have to render, and their runbooks go
	// through bash -n, shellcheck and the dry run like every other.
	if want != nil && v != "" && !h.existing[v] && got != *want {
		return unsafe, fmt.Sprintf("output shape %+v, want %+v", got, *want), nil
	}
	sum := sha256.Sum256(script)
	if _, ok := h.runbooks[sum]; !ok {
		h.runbooks[sum] = runbookCase{f.Path, v, script}
	}
	return rendered, "", &got
}

// onPath reports whether a finding at p is about the field at want (the
// field itself, inside it, or, for a map key, the map it is in).
func onPath(p, want string) bool {
	if k, ok := strings.CutSuffix(want, " (key)"); ok {
		want = k[:strings.LastIndexByte(k, '.')]
	}
	return p == want || strings.HasPrefix(p, want+".") || strings.HasPrefix(p, want+"[") ||
		strings.HasPrefix(want, p+".") || strings.HasPrefix(want, p+"[")
}

// outputShape parses the runbook with mvdan/sh and counts its commands,
// and counts the YAML documents of every manifest.
func outputShape(arts []render.Artifact) (shape, []byte, error) {
	var s shape
	var script []byte
	for _, a := range arts {
		switch {
		case a.Path == "runbook.sh":
			script = a.Data
			f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(a.Data), "runbook.sh")
			if err != nil {
				return s, nil, fmt.Errorf("runbook.sh does not parse: %w", err)
			}
			syntax.Walk(f, func(n syntax.Node) bool {
				if _, ok := n.(*syntax.CallExpr); ok {
					s.commands++
				}
				return true
			})
		case path.Ext(a.Path) == ".yaml" && a.Path != "design.yaml":
			dec := yaml.NewDecoder(bytes.NewReader(a.Data))
			for {
				var n yaml.Node
				err := dec.Decode(&n)
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return s, nil, fmt.Errorf("%s is not YAML: %w", a.Path, err)
				}
				s.documents++
			}
		}
	}
	if script == nil {
		return s, nil, errors.New("no runbook.sh rendered")
	}
	return s, script, nil
}
