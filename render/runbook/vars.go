package runbook

import (
	"fmt"

	"github.com/iksplan/iksplan/internal/i18n"
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

// newVarSet returns an empty set with room for n variables.
func newVarSet(n int) *varSet {
	return &varSet{list: make([]varDef, 0, n), byName: make(map[string]int, n)}
}

// validVarName reports whether name is an upper-case shell variable name,
// [A-Z][A-Z0-9_]*: a loop over bytes, not a regular expression, since
// define runs for every variable (thousands at 1,000 access groups).
func validVarName(name string) bool {
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		return false
	}
	for i := 1; i < len(name); i++ {
		c := name[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// define adds NAME=value unless NAME exists with the same value; a second,
// different value for one name is a bug of this package.
func (vs *varSet) define(name, value, heading, comment string) {
	if !validVarName(name) {
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

// used returns the indexes in list of the variables the steps reference,
// grouped in the order groups gives (definition order within a group).
func (vs *varSet) used(uses map[string]bool, groups []string) []int32 {
	rank := make(map[string]int, len(groups))
	for i, h := range groups {
		if _, ok := rank[h]; !ok {
			rank[h] = i
		}
	}
	rankOf := func(h string) int {
		if i, ok := rank[h]; ok {
			return i
		}
		return len(groups)
	}
	// A stable sort by group rank is a bucket per rank, each in definition
	// order: count the used variables per rank, then place each.
	start := make([]int, len(groups)+2)
	ranks := make([]int32, len(vs.list)) // each variable's rank, -1 when unused
	n := 0
	for i := range vs.list {
		ranks[i] = -1
		if uses[vs.list[i].Name] {
			r := rankOf(vs.list[i].Heading)
			ranks[i] = int32(r)
			start[r+1]++
			n++
		}
	}
	for r := 1; r < len(start); r++ {
		start[r] += start[r-1]
	}
	out := make([]int32, n)
	for i, r := range ranks {
		if r >= 0 {
			out[start[r]] = int32(i)
			start[r]++
		}
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

// lines writes the variables block into t and returns it: for each
// variable of order (indexes in list), its group's heading in language l
// (after a blank line) where the group begins, its comment, and
// NAME=value, each line after a newline.
func (vs *varSet) lines(t *text, order []int32, l i18n.Lang) []string {
	printed := ""
	for _, i := range order {
		v := &vs.list[i]
		heading := ""
		if v.Heading != printed {
			printed = v.Heading
			if v.Heading != "" {
				heading = checkedText(l, v.Heading)
			}
		}
		n := 1 + len(v.Name) + 1 + len(v.Value)
		if heading != "" {
			n += 4 + len(heading)
		}
		if v.Comment != "" {
			n += 3 + len(v.Comment)
		}
		t.room(n)
		if heading != "" {
			t.sb.WriteString("\n\n# ")
			t.sb.WriteString(heading)
		}
		if v.Comment != "" {
			t.sb.WriteString("\n# ")
			t.sb.WriteString(v.Comment)
		}
		t.sb.WriteByte('\n')
		t.sb.WriteString(v.Name)
		t.sb.WriteByte('=')
		t.sb.WriteString(v.Value)
	}
	return t.step()
}
