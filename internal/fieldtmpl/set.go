package fieldtmpl

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"text/template/parse"
)

// FuncMap maps a function name to a Go function: one result, or a result
// and an error (as text/template.FuncMap).
type FuncMap map[string]any

// MissingKey says what a map lookup of an absent key gives.
type MissingKey int

const (
	// MissingKeyDefault gives "no value" (printed "<no value>"), as
	// text/template's missingkey=default.
	MissingKeyDefault MissingKey = iota
	// MissingKeyError fails the execution, as missingkey=error.
	MissingKeyError
)

// Set is a group of named templates that may invoke one another, with the
// functions they may call. Parse it completely before executing it; a
// parsed Set is safe for concurrent execution.
type Set struct {
	trees      map[string]*parse.Tree
	funcs      map[string]reflect.Value
	parseFuncs map[string]any
	missingKey MissingKey
}

// New returns an empty set whose templates may call funcs and the builtins.
func New(funcs FuncMap, missingKey MissingKey) (*Set, error) {
	s := &Set{
		trees:      map[string]*parse.Tree{},
		funcs:      map[string]reflect.Value{},
		parseFuncs: map[string]any{},
		missingKey: missingKey,
	}
	for name, fn := range builtins {
		s.funcs[name] = reflect.ValueOf(fn)
		s.parseFuncs[name] = fn
	}
	for name, fn := range funcs {
		v := reflect.ValueOf(fn)
		if v.Kind() != reflect.Func {
			return nil, fmt.Errorf("function %q is a %s, not a function", name, v.Kind())
		}
		if err := goodFunc(name, v.Type()); err != nil {
			return nil, err
		}
		s.funcs[name] = v
		s.parseFuncs[name] = fn
	}
	return s, nil
}

// Parse adds the template text under name, and the templates it defines.
// As in text/template, a definition replaces an earlier one of the same
// name unless it is empty (only spaces and comments).
func (s *Set) Parse(name, text string) error {
	trees, err := parse.Parse(name, text, "", "", s.parseFuncs)
	if err != nil {
		return err
	}
	for n, t := range trees {
		if old := s.trees[n]; old != nil && parse.IsEmptyTree(t.Root) {
			continue
		}
		s.trees[n] = t
	}
	return nil
}

// ParseFS adds the files of fsys that match the patterns (path.Match),
// each under its base name, as text/template.ParseFS does.
func (s *Set) ParseFS(fsys fs.FS, patterns ...string) error {
	n := 0
	for _, p := range patterns {
		names, err := fs.Glob(fsys, p)
		if err != nil {
			return err
		}
		if len(names) == 0 {
			return fmt.Errorf("pattern matches no files: %#q", p)
		}
		for _, name := range names {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			if err := s.Parse(path.Base(name), string(b)); err != nil {
				return err
			}
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("no files named")
	}
	return nil
}

// TextSize is the number of bytes of plain text in the set's templates,
// each text counted once however often it runs: with the size of the data,
// about what an execution writes, for callers that size their buffer
// before the first one (render/view).
func (s *Set) TextSize() int {
	n := 0
	for _, t := range s.trees {
		n += textSize(t.Root)
	}
	return n
}

// textSize is the plain text under node.
func textSize(node parse.Node) int {
	switch n := node.(type) {
	case *parse.TextNode:
		return len(n.Text)
	case *parse.ListNode:
		if n == nil {
			return 0
		}
		size := 0
		for _, c := range n.Nodes {
			size += textSize(c)
		}
		return size
	case *parse.IfNode:
		return textSize(n.List) + textSize(n.ElseList)
	case *parse.RangeNode:
		return textSize(n.List) + textSize(n.ElseList)
	case *parse.WithNode:
		return textSize(n.List) + textSize(n.ElseList)
	}
	return 0
}

// Has reports whether the set holds a template of that name.
func (s *Set) Has(name string) bool { return s.trees[name] != nil }

// Execute writes the template name applied to data.
func (s *Set) Execute(w io.Writer, name string, data any) (err error) {
	t := s.trees[name]
	if t == nil {
		return fmt.Errorf("template: no template %q", name)
	}
	st := &state{set: s, tree: t, w: w, node: t.Root}
	defer st.recover(&err)
	dot := reflect.ValueOf(data)
	st.vars = []variable{{"$", dot}}
	st.walk(dot, t.Root)
	return nil
}

// goodFunc reports whether a function's results are one value, or a value
// and an error.
func goodFunc(name string, typ reflect.Type) error {
	switch {
	case typ.NumOut() == 1:
		return nil
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
		return nil
	case typ.NumOut() == 2:
		return fmt.Errorf("function %q: second result is %s, not error", name, typ.Out(1))
	}
	return fmt.Errorf("function %q has %d results; want 1, or 2 with an error", name, typ.NumOut())
}
