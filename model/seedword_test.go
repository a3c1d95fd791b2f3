package model_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/deckword"
)

// TestNoSeedInUserText fails when a string literal of the model packages
// (labels, option descriptions, rule titles, whys and messages, preset
// summaries) or a shipped preset file (its comments reach the user through
// `iksplan init`) says "seed". Comments in Go code are for developers and
// are not checked.
func TestNoSeedInUserText(t *testing.T) {
	for _, dir := range []string{".", "rules", "presets", "catalog", "change"} {
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			switch {
			case strings.HasSuffix(f, "_test.go"):
			case strings.HasSuffix(f, ".go"):
				for _, s := range literalsIn(t, f) {
					if deckword.Find(s.text) != "" {
						t.Errorf("%s: user text says seed: %q", s.pos, s.text)
					}
				}
			case strings.HasSuffix(f, ".yaml"):
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range deckword.Lines(string(data)) {
					t.Errorf("%s:%d: says seed: %q", f, l.N, l.Text)
				}
			}
		}
	}
}

type literal struct {
	pos  token.Position
	text string
}

// literalsIn returns the string literals of the Go file f.
func literalsIn(t *testing.T, f string) []literal {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []literal
	ast.Inspect(file, func(n ast.Node) bool {
		if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
			if s, err := strconv.Unquote(bl.Value); err == nil {
				out = append(out, literal{fset.Position(bl.Pos()), s})
			}
		}
		return true
	})
	return out
}
