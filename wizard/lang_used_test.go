package wizard

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/internal/i18n"
)

// TestWizardMessagesAreUsed: every wizard message's English is a text the
// code can pass to tr: a string constant of the wizard or the model (a
// literal or literals joined with +, a plural's noun with its s), a text
// of the catalog, or one of huh's key help words. A message the code no
// longer says is dead, and its Japanese goes stale with it: the old
// Monitoring plan's why ("graduated-tier bills by monitored hosts…"),
// help texts kept with the catalog's values filled in ("/23 or larger;
// empty: IBM's default 172.17.0.0/18"), the review's old count format.
func TestWizardMessagesAreUsed(t *testing.T) {
	said := map[string]bool{}
	var addLit func(e ast.Expr) (string, bool)
	addLit = func(e ast.Expr) (string, bool) {
		switch x := e.(type) {
		case *ast.BasicLit:
			if x.Kind == token.STRING {
				s, err := strconv.Unquote(x.Value)
				return s, err == nil
			}
		case *ast.BinaryExpr:
			if x.Op == token.ADD {
				a, ok1 := addLit(x.X)
				b, ok2 := addLit(x.Y)
				return a + b, ok1 && ok2
			}
		case *ast.ParenExpr:
			return addLit(x.X)
		}
		return "", false
	}
	var catalogText strings.Builder
	for _, root := range []string{".", "../model"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasSuffix(p, ".yaml") && strings.Contains(p, "catalog") {
				b, err := os.ReadFile(p)
				catalogText.Write(b)
				return err
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "plural" && len(call.Args) == 2 {
						if s, ok := addLit(call.Args[1]); ok {
							said[s+"s"] = true
						}
					}
				}
				if e, ok := n.(ast.Expr); ok {
					if s, ok := addLit(e); ok {
						said[s] = true
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// huh's key help ("submit", "toggle", …), which trBindings translates.
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if b, ok := v.Interface().(key.Binding); ok {
			said[b.Help().Desc] = true
			return
		}
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(huh.NewDefaultKeyMap()))
	catalog := catalogText.String()
	for _, id := range i18n.IDs(i18n.EN) {
		// NB: the presets' summaries are found by the preset's name
		// (presetSummary), so their English may lag the Go text.
		if !slices.ContainsFunc([]string{wizardArea, wizardStepArea}, func(a string) bool { return strings.HasPrefix(id, a) }) ||
			strings.HasPrefix(id, "wizard-presets.") {
			continue
		}
		m, _ := i18n.Message(i18n.EN, id)
		if !said[m.Other] && !strings.Contains(catalog, m.Other) {
			t.Errorf("%s: no code says %q", id, m.Other)
		}
	}
}
