package rules

import (
	"go/ast"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/gosource"
	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// sourcePhrases reads, from the package's source, every fixed English
// phrase that goes into a finding as an argument (what a nameCheck names,
// dupHits' and checkClusterSubnet's what, phrasef formats, model.Phrase
// conversions) and every format of an *model.InputError the rules make.
func sourcePhrases(t *testing.T) (phrases, inputFormats map[string]string) {
	t.Helper()
	phrases, inputFormats = map[string]string{}, map[string]string{}
	fset, files := gosource.Parse(t)
	for _, f := range files {
		add := func(m map[string]string, e ast.Expr) {
			if s, ok := constString(e); ok {
				m[s] = fset.Position(e.Pos()).String()
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if isIdent(n.Type, "nameCheck") && len(n.Elts) > 1 {
					add(phrases, n.Elts[1])
				}
				if at, ok := n.Type.(*ast.ArrayType); ok && isIdent(at.Elt, "nameCheck") {
					for _, e := range n.Elts {
						if cl, ok := e.(*ast.CompositeLit); ok && len(cl.Elts) > 1 {
							add(phrases, cl.Elts[1])
						}
					}
				}
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "InputError" {
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Format") {
							add(inputFormats, kv.Value)
						}
					}
				}
			case *ast.CallExpr:
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					switch {
					case fn.Name == "dupHits" || fn.Name == "phrasef" || fn.Name == "asPhrase":
						add(phrases, n.Args[0])
					case fn.Name == "ns" && len(n.Args) == 3:
						add(phrases, n.Args[1])
					case fn.Name == "checkClusterSubnet":
						add(phrases, n.Args[2])
					}
				case *ast.SelectorExpr:
					if fn.Sel.Name == "Phrase" && len(n.Args) == 1 {
						add(phrases, n.Args[0])
					}
				}
			}
			return true
		})
	}
	return phrases, inputFormats
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// TestPhrasesInCatalogue: every fixed phrase a finding carries as an
// argument is a message of locales/en/terms.yaml, and every format of the
// rules' own input errors one of locales/en/model.yaml (and so, by the
// catalogue's tests, of the Japanese files): a Japanese finding names what
// it judges in Japanese ("クラスター名"), not "cluster name".
func TestPhrasesInCatalogue(t *testing.T) {
	phrases, inputs := sourcePhrases(t)
	if len(phrases) < 30 || len(inputs) < 4 {
		t.Fatalf("found %d phrases and %d input error formats in the source", len(phrases), len(inputs))
	}
	english := func(area string) map[string]bool {
		m := map[string]bool{}
		for _, id := range i18n.IDsIn(i18n.EN, area) {
			msg, _ := i18n.Message(i18n.EN, id)
			m[msg.Other] = true
		}
		return m
	}
	terms, model := english("terms"), english("model")
	for p, where := range phrases {
		if !terms[p] {
			t.Errorf("%s: phrase %q is not in locales/en/terms.yaml", where, p)
		}
	}
	for f, where := range inputs {
		if !model[f] {
			t.Errorf("%s: input error %q is not in locales/en/model.yaml", where, f)
		}
	}
}

// TestPhrasesTranslateOnlyWhenTyped: a name check's what and its input
// error are Japanese in a Japanese finding, while a design value that reads
// like a phrase (a namespace named "stage") stays as written.
func TestPhrasesTranslateOnlyWhenTyped(t *testing.T) {
	h := dupHits("namespace", []string{"stage", "stage"}, func(int) string { return "spec.namespaces[1].name" })[0]
	f := Finding{RuleID: "NAM004", Message: h.Message, format: h.format, args: h.args}.In(i18n.JA)
	if !strings.HasPrefix(f.Message, "名前空間 stage ") {
		t.Errorf("dupHits in Japanese: %q", f.Message)
	}
	n := checkNames([]nameCheck{{"metadata.name", "cluster name", "9x", model.ValidateClusterName}})[0]
	f = Finding{RuleID: "NAM001", Message: n.Message, format: n.format, args: n.args}.In(i18n.JA)
	if want := `クラスター名: "9x" は英字で始め`; !strings.HasPrefix(f.Message, want) {
		t.Errorf("checkNames in Japanese: %q, want it to start with %q", f.Message, want)
	}
	if n.Message != `cluster name: "9x" must start with a letter and contain only letters, digits, periods and hyphens` {
		t.Errorf("English changed: %q", n.Message)
	}
}
