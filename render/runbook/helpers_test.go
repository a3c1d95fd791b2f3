package runbook

import (
	"bytes"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// presetDesigns loads every built-in preset.
func presetDesigns(t testing.TB) map[string]*model.Design {
	t.Helper()
	out := map[string]*model.Design{}
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatalf("preset %s: %v", p.Name, err)
		}
		out[p.Name] = d
	}
	if len(out) == 0 {
		t.Fatal("no presets")
	}
	return out
}

// renderDesign renders the runbook artifacts of d.
func renderDesign(t testing.TB, d *model.Design, name string) map[string][]byte {
	t.Helper()
	c := view.New(d, catalog.Default(), name+".yaml")
	arts, err := Render(c)
	if err != nil {
		t.Fatalf("%s: render: %v", name, err)
	}
	out := map[string][]byte{}
	for _, a := range arts {
		if _, dup := out[a.Path]; dup {
			t.Fatalf("%s: artifact %s twice", name, a.Path)
		}
		out[a.Path] = a.Data
	}
	return out
}

// parseScript parses a runbook as bash.
func parseScript(t testing.TB, name string, data []byte) *syntax.File {
	t.Helper()
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(data), name)
	if err != nil {
		t.Fatalf("%s: runbook.sh does not parse: %v", name, err)
	}
	return f
}

// wrappers are the runbook's helper functions that take a command, with
// the number of their own arguments before it.
var wrappers = map[string]int{
	"run": 0, "attempt": 0, "exists": 0, "json_has": 2, "listed": 3, "text_has": 1, "matches": 1, "require": 1,
	"check": 3, "check_text": 2, "capture": 4, "capture_all": 4, "find_id": 3, "wait_for": 4, "save_b64": 2,
}

// command is one simple command of the script, with the command a helper
// wraps unwrapped.
type command struct {
	call    *syntax.CallExpr
	wrapper string
	// words is the wrapped command (all words when there is no wrapper).
	words []*syntax.Word
}

// commands lists every simple command with arguments, in source order.
func commands(f *syntax.File) []command {
	var out []command
	syntax.Walk(f, func(n syntax.Node) bool {
		ce, ok := n.(*syntax.CallExpr)
		if !ok || len(ce.Args) == 0 {
			return true
		}
		c := command{call: ce, words: ce.Args}
		if name, ok := constWord(ce.Args[0]); ok {
			if skip, ok := wrappers[name]; ok {
				c.wrapper = name
				if len(ce.Args) > 1+skip {
					c.words = ce.Args[1+skip:]
				} else {
					c.words = nil
				}
			}
		}
		out = append(out, c)
		return true
	})
	return out
}

// constWord returns a word's value when it has no expansion at all.
func constWord(w *syntax.Word) (string, bool) {
	for _, p := range w.Parts {
		switch x := p.(type) {
		case *syntax.Lit, *syntax.SglQuoted:
		case *syntax.DblQuoted:
			for _, q := range x.Parts {
				if _, ok := q.(*syntax.Lit); !ok {
					return "", false
				}
			}
		default:
			return "", false
		}
	}
	s, err := expand.Literal(nil, w)
	if err != nil {
		return "", false
	}
	return s, true
}

// tool returns the name of the wrapped command (ibmcloud, kubectl …).
func (c command) tool() string {
	if len(c.words) == 0 {
		return ""
	}
	s, _ := constWord(c.words[0])
	return s
}

// shape is the command's structure: constant words as they are, every
// expansion as <arg>. Design values only ever reach the script as
// expansions, so a design's values cannot change any command's shape.
func (c command) shape() string {
	parts := make([]string, len(c.call.Args))
	for i, w := range c.call.Args {
		if s, ok := constWord(w); ok {
			parts[i] = s
		} else {
			parts[i] = "<arg>"
		}
	}
	return strings.Join(parts, " ")
}

// assignments returns the script's top-level VAR=value assignments,
// evaluated as bash would.
func assignments(t testing.TB, f *syntax.File) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, st := range f.Stmts {
		ce, ok := st.Cmd.(*syntax.CallExpr)
		if !ok || len(ce.Args) != 0 {
			continue
		}
		for _, a := range ce.Assigns {
			v, err := expand.Literal(nil, a.Value)
			if err != nil {
				continue // DRY_RUN="${DRY_RUN:-0}" and the like
			}
			out[a.Name.Value] = v
		}
	}
	return out
}

// expandConfig expands words with the variables block as the environment.
func expandConfig(vars map[string]string) *expand.Config {
	pairs := make([]string, 0, len(vars))
	for k, v := range vars {
		pairs = append(pairs, k+"="+v)
	}
	return &expand.Config{
		Env:       expand.ListEnviron(pairs...),
		ProcSubst: func(*syntax.ProcSubst) (string, error) { return "/dev/fd/63", nil },
	}
}

// expandArgs expands a command's words the way bash splits them into
// arguments.
func expandArgs(t testing.TB, cfg *expand.Config, words []*syntax.Word) []string {
	t.Helper()
	fields, err := expand.Fields(cfg, words...)
	if err != nil {
		t.Fatalf("expand %v: %v", words, err)
	}
	return fields
}
