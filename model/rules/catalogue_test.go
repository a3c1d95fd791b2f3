package rules

import (
	"bytes"
	"go/ast"
	"go/token"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"gopkg.in/yaml.v3"

	"github.com/iksplan/iksplan/internal/golden"
	"github.com/iksplan/iksplan/internal/gosource"
	"github.com/iksplan/iksplan/internal/i18n"
)

// englishCatalogue is where the rules' English text lives for the message
// catalogue. The Go source stays the English original (a rule reads whole in
// one place); this file is generated from it, and the Japanese file must
// hold the same keys (internal/i18n's tests).
const englishCatalogue = "../../internal/i18n/locales/en/rules.yaml"

// sourceFormats reads every hit/hitSev format string of the package's
// source, grouped by the rule (ID) whose literal holds the call, or by the
// function ("shared.NAME") for hits built outside a rule literal. A
// non-constant format is an error: it could not be translated.
func sourceFormats(t *testing.T) (map[string][]string, []string) {
	t.Helper()
	fset, files := gosource.Parse(t)
	out := map[string][]string{}
	var order []string
	add := func(owner, f string) {
		if _, ok := out[owner]; !ok {
			order = append(order, owner)
		}
		if !slices.Contains(out[owner], f) {
			out[owner] = append(out[owner], f)
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Name.Name == "hit" || fn.Name.Name == "hitSev" {
				continue
			}
			var owners []string // stack of rule IDs of enclosing literals
			var stack []ast.Node
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if n == nil {
					top := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if cl, ok := top.(*ast.CompositeLit); ok && ruleID(cl) != "" {
						owners = owners[:len(owners)-1]
					}
					return true
				}
				stack = append(stack, n)
				if cl, ok := n.(*ast.CompositeLit); ok {
					if id := ruleID(cl); id != "" {
						owners = append(owners, id)
					}
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fi, ok := call.Fun.(*ast.Ident)
				if !ok || (fi.Name != "hit" && fi.Name != "hitSev") {
					return true
				}
				arg := 1
				if fi.Name == "hitSev" {
					arg = 2
				}
				s, ok := constString(call.Args[arg])
				if !ok {
					t.Errorf("%s: the format of %s must be a constant string, to be translatable", fset.Position(call.Pos()), fi.Name)
					return true
				}
				owner := "shared." + fn.Name.Name
				if len(owners) > 0 {
					owner = owners[len(owners)-1]
				}
				add(owner, s)
				return true
			})
		}
	}
	return out, order
}

// ruleID returns the ID of a Rule literal ({ID: "HA001", ...}), else "".
func ruleID(cl *ast.CompositeLit) string {
	if cl.Type != nil {
		if id, ok := cl.Type.(*ast.Ident); !ok || id.Name != "Rule" {
			return ""
		}
	}
	for _, e := range cl.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return ""
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
			if s, ok := constString(kv.Value); ok {
				return s
			}
		}
	}
	return ""
}

// constString evaluates a string literal or a + of string literals.
func constString(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(v.X)
		b, ok2 := constString(v.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(v.X)
	}
	return "", false
}

// msgKey names a rule's n-th (0-based) distinct hit message.
func msgKey(n int) string {
	if n == 0 {
		return "msg"
	}
	return "msg" + strconv.Itoa(n+1)
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func key(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// buildEnglishCatalogue renders the rules' English messages as the
// catalogue file.
func buildEnglishCatalogue(t *testing.T) []byte {
	formats, order := sourceFormats(t)
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range All() {
		m := &yaml.Node{Kind: yaml.MappingNode}
		m.Content = append(m.Content, key("title"), str(r.Title), key("why"), str(r.Why))
		for i, f := range formats[r.ID] {
			m.Content = append(m.Content, key(msgKey(i)), str(f))
		}
		root.Content = append(root.Content, key(r.ID), m)
		delete(formats, r.ID)
	}
	shared := &yaml.Node{Kind: yaml.MappingNode}
	for _, owner := range order {
		fs, ok := formats[owner]
		if !ok {
			continue
		}
		name, isShared := strings.CutPrefix(owner, "shared.")
		if !isShared {
			t.Errorf("hit messages under %s, which is not a rule of All()", owner)
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		for i, f := range fs {
			m.Content = append(m.Content, key(msgKey(i)), str(f))
		}
		shared.Content = append(shared.Content, key(name), m)
	}
	if len(shared.Content) > 0 {
		root.Content = append(root.Content, key("shared"), shared)
	}
	var b bytes.Buffer
	b.WriteString("# The rules' English text, generated from model/rules/*.go by\n" +
		"#   go test ./model/rules -run TestEnglishCatalogue -update\n" +
		"# Do not edit: change the Go source and regenerate. The Japanese is in ../ja/rules.yaml.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEnglishCatalogue keeps the catalogue's English in step with the rules'
// source: a new rule or a reworded message changes the file, and the
// Japanese file then lacks (or holds a stale) key until translated.
func TestEnglishCatalogue(t *testing.T) {
	got := buildEnglishCatalogue(t)
	if golden.Updating() {
		if err := os.WriteFile(englishCatalogue, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(englishCatalogue)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Fatalf("%s is out of date (rerun with -update, then translate the new text in ../ja/rules.yaml):\n%s",
			englishCatalogue, udiff.Unified(englishCatalogue, "source", string(want), string(got)))
	}
	// The embedded copy is the one Localize reads.
	for _, r := range All() {
		if m, ok := i18n.Message(i18n.EN, "rules."+r.ID+".title"); !ok || m.Other != r.Title {
			t.Errorf("%s: embedded catalogue's title differs from the source", r.ID)
		}
	}
}
