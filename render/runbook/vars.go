package runbook

import (
	"fmt"
	"slices"

	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/render/view"
)

// varDef is one assignment of the variables block.
type varDef struct {
	Name string
	// Value is already quoted for bash.
	Value   string
	Heading string
	Comment string
	raw     string
}

// varSet is the variables block: every design value the runbook uses, in
// the order first defined, each quoted with view.ShellQuote.
type varSet struct {
	list   []varDef
	byName map[string]int
	err    error
}

func newVarSet() *varSet { return &varSet{byName: map[string]int{}} }

var varNameRE = lazyre.New(`^[A-Z][A-Z0-9_]*$`)

// define adds NAME=value unless NAME exists with the same value; a second,
// different value for one name is a bug of this package.
func (vs *varSet) define(name, value, heading, comment string) {
	if !varNameRE.MatchString(name) {
		vs.fail(fmt.Errorf("runbook: bad variable name %q", name))
		return
	}
	if i, ok := vs.byName[name]; ok {
		if vs.list[i].raw != value {
			vs.fail(fmt.Errorf("runbook: variable %s defined twice (%q, %q)", name, vs.list[i].raw, value))
		}
		return
	}
	q, err := view.ShellQuote(value)
	if err != nil {
		vs.fail(fmt.Errorf("runbook: variable %s: %w", name, err))
		return
	}
	vs.byName[name] = len(vs.list)
	vs.list = append(vs.list, varDef{Name: name, Value: q, Heading: heading, Comment: oneLine(comment), raw: value})
}

func (vs *varSet) fail(err error) {
	if vs.err == nil {
		vs.err = err
	}
}

// used returns the variables the steps reference, grouped in the order
// groups gives (definition order within a group), with each group's
// heading on its first variable.
func (vs *varSet) used(uses map[string]bool, groups []string) []varDef {
	rank := func(h string) int {
		if i := slices.Index(groups, h); i >= 0 {
			return i
		}
		return len(groups)
	}
	list := slices.Clone(vs.list)
	slices.SortStableFunc(list, func(a, b varDef) int { return rank(a.Heading) - rank(b.Heading) })
	out := make([]varDef, 0, len(uses))
	printed := ""
	for _, v := range list {
		if !uses[v.Name] {
			continue
		}
		group := v.Heading
		v.Heading = ""
		if group != printed {
			v.Heading = group
			printed = group
		}
		out = append(out, v)
	}
	return out
}

// undefined lists references to variables that were never defined.
func (vs *varSet) undefined(uses map[string]bool) []string {
	var out []string
	for name := range uses {
		if _, ok := vs.byName[name]; !ok {
			out = append(out, name)
		}
	}
	return out
}
