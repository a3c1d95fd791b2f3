package runbook

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/gosource"
	"github.com/iksplan/iksplan/internal/i18n"
)

// messageHelpers are the functions whose arguments are a runbook message,
// mapped to the index of the message's first part.
var messageHelpers = map[string]int{"say": 0, "note": 0, "msg": 0, "msgLit": 0, "localWord": 1, "localLit": 1,
	"localText": 1, "useEnv": 1, "text": 0}

// formatHelpers take a format (looked up by its English text) and its
// arguments: only the format is the message.
var formatHelpers = map[string]bool{"comment": true}

// argHelpers take one message argument, at the index given: a variable's
// comment (val, later, readBack).
var argHelpers = map[string]int{"val": 3, "later": 2, "readBack": 3}

// passThrough are functions that translate a message checked where it was
// given (checkedText: useEnv's text).
var passThrough = map[string]bool{"checkedText": true, "localDescription": true}

// sourceMessages reads the package's Go source and returns the English
// shape of every message it passes to say, note, msg, msgLit, localWord,
// localLit and unlessExists, with the position of each, and one problem per
// message part that is not constant text or a marked variable.
func sourceMessages(t *testing.T) (map[string]string, []string) {
	t.Helper()
	fset, files := gosource.Parse(t)
	shapes := map[string]string{}
	var probs []string
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if _, helper := messageHelpers[fd.Name.Name]; helper || formatHelpers[fd.Name.Name] || passThrough[fd.Name.Name] || fd.Name.Name == "unlessExists" {
				continue // the helpers pass their caller's parts on
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var parts []ast.Expr
				suffix := ""
				fn := calleeName(call.Fun)
				if fn == "cmd" {
					// A placeholder argument ("<id of the cluster>", capture's
					// description) is translated by body.call.
					for _, a := range call.Args {
						if s, ok := constString(a); ok && strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
							shapes[s] = fset.Position(a.Pos()).String()
						}
						if pre, post, ok := concatEnds(a); ok && strings.HasPrefix(pre, "<") {
							// "<id of the CBR rule for the "+api+" API>": one
							// entry per value, matched by its two ends.
							shapes[pre+"\x00"+post] = fset.Position(a.Pos()).String()
						}
						if c, ok := a.(*ast.CallExpr); ok && calleeName(c.Fun) == "cat" && len(c.Args) > 0 {
							if s, ok := constString(c.Args[0]); ok && strings.HasPrefix(s, "<") {
								if shape, bad := partsShape(c.Args); bad == "" {
									shapes[shape] = fset.Position(a.Pos()).String()
								}
							}
						}
					}
					return true
				}
				if first, ok := messageHelpers[fn]; ok && len(call.Args) > first {
					parts = call.Args[first:]
				} else if formatHelpers[fn] && len(call.Args) > 0 {
					parts = call.Args[:1]
				} else if i, ok := argHelpers[fn]; ok && len(call.Args) > i {
					parts = call.Args[i : i+1]
					if s, ok := constString(parts[0]); ok && s == "" {
						return true // no comment
					}
					switch x := parts[0].(type) {
					case *ast.Ident:
						return true // a variable set from text(…), checked there
					case *ast.CallExpr:
						if n := calleeName(x.Fun); n == "text" || n == "productName" {
							return true // checked at text's call; a product name stays
						}
					}
				} else if fn == "unlessExists" && len(call.Args) == 3 {
					lit, ok := call.Args[1].(*ast.CompositeLit)
					if !ok {
						probs = append(probs, fset.Position(call.Pos()).String()+": unlessExists needs a []any{...} literal")
						return true
					}
					parts, suffix = lit.Elts, " exists; not creating it again"
				} else {
					return true
				}
				pos := fset.Position(call.Pos()).String()
				s, bad := partsShape(parts)
				if bad != "" {
					probs = append(probs, pos+": "+fn+" part "+bad+" is neither constant text nor varRef/textArg/shellVar")
					return true
				}
				shapes[s+suffix] = pos
				return true
			})
		}
	}
	return shapes, probs
}

func calleeName(e ast.Expr) string {
	switch f := e.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// partsShape is the English catalogue form of message parts in the source.
func partsShape(parts []ast.Expr) (string, string) {
	var b strings.Builder
	n := 0
	for _, p := range parts {
		switch x := p.(type) {
		case *ast.BasicLit, *ast.BinaryExpr:
			s, ok := constString(x)
			if !ok {
				return "", types(x)
			}
			b.WriteString(s)
			continue
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && (id.Name == "varRef" || id.Name == "textArg" || id.Name == "shellVar") {
				n++
				b.WriteString("{{.V" + strconv.Itoa(n) + "}}")
				continue
			}
		}
		return "", types(p)
	}
	return b.String(), ""
}

// concatEnds is the constant first and last part of a + of a string
// literal, other expressions and a string literal.
func concatEnds(e ast.Expr) (string, string, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD {
		return "", "", false
	}
	if _, whole := constString(b); whole {
		return "", "", false
	}
	post, ok := constString(b.Y)
	for ok {
		l, isBin := b.X.(*ast.BinaryExpr)
		if !isBin || l.Op != token.ADD {
			break
		}
		b = l
	}
	pre, okPre := constString(b.X)
	return pre, post, ok && okPre
}

// constString is the value of a string literal or a + of string literals.
func constString(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(x.Value)
		return s, x.Kind == token.STRING && err == nil
	case *ast.BinaryExpr:
		l, ok1 := constString(x.X)
		r, ok2 := constString(x.Y)
		return l + r, x.Op == token.ADD && ok1 && ok2
	case *ast.ParenExpr:
		return constString(x.X)
	}
	return "", false
}

func types(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return types(x.X) + "." + x.Sel.Name
	case *ast.CallExpr:
		return types(x.Fun) + "(…)"
	}
	return "expression"
}

// TestEveryRunbookMessageIsInTheCatalogue: every message the runbook's Go
// source says has an entry in the English runbook catalogue (so a
// Japanese runbook never says it in English on some path no preset takes),
// every entry is said somewhere (no stale translation), and every part of a
// message is constant text or a marked variable (so the shape is known).
func TestEveryRunbookMessageIsInTheCatalogue(t *testing.T) {
	shapes, probs := sourceMessages(t)
	for _, h := range groupOrder {
		shapes[h] = "common.go: the variables block's heading" // varSet.lines
	}
	for _, p := range probs {
		t.Error(p)
	}
	catalogue := map[string]string{}
	for _, id := range i18n.IDsIn(i18n.EN, runbookArea) {
		m, _ := i18n.Message(i18n.EN, id)
		catalogue[m.Other] = id
	}
	var missing []string
	var ends [][2]string
	for s := range shapes {
		if pre, post, ok := strings.Cut(s, "\x00"); ok {
			ends = append(ends, [2]string{pre, post})
			delete(shapes, s)
		}
	}
	for s, pos := range shapes {
		if _, ok := catalogue[s]; !ok {
			missing = append(missing, pos+": "+strconv.Quote(s))
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("message not in internal/i18n/locales/en/runbook.yaml (add it in both languages): %s", m)
	}
	var stale []string
	for s, id := range catalogue {
		byEnds := slices.ContainsFunc(ends, func(e [2]string) bool { return strings.HasPrefix(s, e[0]) && strings.HasSuffix(s, e[1]) })
		if _, ok := shapes[s]; !ok && !byEnds {
			stale = append(stale, id+": "+strconv.Quote(s))
		}
	}
	slices.Sort(stale)
	for _, s := range stale {
		t.Errorf("catalogue message said nowhere in render/runbook (remove it or fix its text): %s", s)
	}
	if len(shapes) < 40 {
		t.Errorf("found only %d messages in the source: the reader misses call sites", len(shapes))
	}
}
