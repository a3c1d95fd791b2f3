package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
)

// loadSources are the files whose messages a strict load reports.
var loadSources = []string{"load.go", "enumcheck.go", "ranges.go"}

// loadMessages reads from loadSources every constant format of a problem
// (problemf's, rangeProblem's), every model.Phrase, and every constant
// text of an error wrapped in a SyntaxError (fmt.Errorf, errors.New).
func loadMessages(t *testing.T) (problems, phrases, syntax map[string]string) {
	t.Helper()
	problems, phrases, syntax = map[string]string{}, map[string]string{}, map[string]string{}
	fset := token.NewFileSet()
	consts := map[string]string{}
	var files []*ast.File
	for _, name := range loadSources {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
								consts[n.Name], _ = strconv.Unquote(lit.Value)
							}
						}
					}
				}
			}
		}
	}
	var str func(e ast.Expr) (string, bool)
	str = func(e ast.Expr) (string, bool) {
		switch v := e.(type) {
		case *ast.BinaryExpr:
			a, ok1 := str(v.X)
			b, ok2 := str(v.Y)
			return a + b, ok1 && ok2 && v.Op == token.ADD
		case *ast.BasicLit:
			if v.Kind == token.STRING {
				s, err := strconv.Unquote(v.Value)
				return s, err == nil
			}
		case *ast.Ident:
			s, ok := consts[v.Name]
			return s, ok
		}
		return "", false
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Name.Name == "rangeProblem" {
					ast.Inspect(n.Body, func(m ast.Node) bool {
						if r, ok := m.(*ast.ReturnStmt); ok && len(r.Results) == 2 {
							if s, ok := str(r.Results[0]); ok && s != "" {
								problems[s] = fset.Position(r.Pos()).String()
							}
						}
						return true
					})
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					if x, ok := fn.X.(*ast.Ident); ok {
						name = x.Name + "." + fn.Sel.Name
					}
				}
				switch {
				case name == "problemf" && len(n.Args) > 2:
					if s, ok := str(n.Args[2]); ok {
						problems[s] = fset.Position(n.Pos()).String()
					} else if !isIdent(n.Args[2], "format") { // CheckRanges: rangeProblem's, read above

						t.Errorf("%s: the format of problemf must be a constant, to be translatable", fset.Position(n.Pos()))
					}
				case name == "Phrase" && len(n.Args) == 1:
					if s, ok := str(n.Args[0]); ok {
						phrases[s] = fset.Position(n.Pos()).String()
					}
				case name == "fmt.Errorf" || name == "errors.New":
					if s, ok := str(n.Args[0]); ok {
						syntax[s] = fset.Position(n.Pos()).String()
					}
				}
			}
			return true
		})
	}
	return problems, phrases, syntax
}

// english returns the English messages of an area whose IDs start with
// prefix.
func english(area, prefix string) map[string]bool {
	out := map[string]bool{}
	for _, id := range i18n.IDsIn(i18n.EN, area) {
		if strings.HasPrefix(id, prefix) {
			m, _ := i18n.Message(i18n.EN, id)
			out[m.Other] = true
		}
	}
	return out
}

// TestLoadMessagesInCatalogue: every message of the strict load is in the
// English catalogue (and so, by the catalogue's own tests, in the Japanese
// one), so `iksplan validate --lang ja` prints no English sentence: a
// problem's format in model.yaml (DES001, translated by rules.Finding.In),
// a phrase of its arguments in terms.yaml, a SyntaxError's text in
// cli.yaml err.load (translated by the CLI's error printer).
func TestLoadMessagesInCatalogue(t *testing.T) {
	problems, phrases, syntax := loadMessages(t)
	if len(problems) < 15 || len(phrases) < 7 || len(syntax) < 7 {
		t.Fatalf("found %d problem formats, %d phrases and %d syntax errors", len(problems), len(phrases), len(syntax))
	}
	for _, c := range []struct {
		found        map[string]string
		area, prefix string
	}{{problems, "model", "model."}, {phrases, "terms", "terms.yaml."}, {syntax, "cli", "cli.err.load."}} {
		known := english(c.area, c.prefix)
		for s, where := range c.found {
			if !known[s] {
				t.Errorf("%s: %q is not a message %s* of locales/en/%s.yaml", where, s, c.prefix, c.area)
			}
		}
	}
	// The SyntaxError's own words, which load.go writes in its Error.
	if f := "%s: not valid YAML: %v"; !english("cli", "cli.err.load.")[f] {
		t.Errorf("SyntaxError's %q is not in cli.yaml err.load", f)
	}
	if got := (&SyntaxError{File: "f", Err: errString("x")}).Error(); got != "f: not valid YAML: x" {
		t.Errorf("SyntaxError reads %q: update cli.yaml err.load.notYAML with it", got)
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

type errString string

func (e errString) Error() string { return string(e) }
