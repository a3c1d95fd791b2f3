package runbook

import (
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// unguardedOK are the ibmcloud calls a rerun may repeat: they change only
// the local CLI session (login, target, the cos plug-in's CRN setting).
var unguardedOK = []string{"login", "target", "cos config crn", "ks cluster config"}

// readOnlyVerbs are the last words of ibmcloud commands that only read.
var readOnlyVerbs = []string{"get", "ls", "show", "versions", "vpc", "subnet", "public-gateway", "zones", "rules", "rule",
	"service-instance", "service-instances", "keys", "access-group", "group", "bucket-head",
	"policies", "authorization-policies", "access-group-users", "access-group-policies"}

// ibmcloudKey is the command path of an ibmcloud call (its leading
// constant words that are not flags), or "" when the call is not one.
func ibmcloudKey(ce *syntax.CallExpr) string {
	args := ce.Args
	if len(args) > 0 {
		if name, ok := constWord(args[0]); ok {
			if skip, ok := wrappers[name]; ok && len(args) > 1+skip {
				args = args[1+skip:]
			}
		}
	}
	if len(args) == 0 {
		return ""
	}
	if s, _ := constWord(args[0]); s != "ibmcloud" {
		return ""
	}
	var path []string
	for _, w := range args[1:] {
		s, ok := constWord(w)
		if !ok || strings.HasPrefix(s, "-") {
			break
		}
		path = append(path, s)
	}
	return strings.Join(path, " ")
}

// unguardedMutations lists the mutating ibmcloud calls that run on every
// run: not inside the then/else of an "already done?" if or a loop over
// what is left to do. The `if want N` around each step does not count.
func unguardedMutations(f *syntax.File) []string {
	var out []string
	var walk func(n syntax.Node, guarded bool)
	walkStmts := func(stmts []*syntax.Stmt, guarded bool) {
		for _, st := range stmts {
			walk(st, guarded)
		}
	}
	walk = func(n syntax.Node, guarded bool) {
		switch x := n.(type) {
		case *syntax.Stmt:
			if x.Cmd != nil {
				walk(x.Cmd, guarded)
			}
		case *syntax.IfClause:
			isWant := false
			if len(x.Cond) == 1 {
				if ce, ok := x.Cond[0].Cmd.(*syntax.CallExpr); ok && len(ce.Args) > 0 {
					if s, _ := constWord(ce.Args[0]); s == "want" || s == "dry" {
						isWant = true
					}
				}
			}
			walkStmts(x.Cond, guarded)
			walkStmts(x.Then, guarded || !isWant)
			if x.Else != nil {
				walk(x.Else, guarded || !isWant)
			}
		case *syntax.WhileClause:
			walkStmts(x.Cond, guarded)
			walkStmts(x.Do, true)
		case *syntax.ForClause:
			walkStmts(x.Do, guarded)
		case *syntax.Block:
			walkStmts(x.Stmts, guarded)
		case *syntax.BinaryCmd:
			walk(x.X, guarded)
			walk(x.Y, true)
		case *syntax.FuncDecl:
			// helpers: their bodies run commands they are given
		case *syntax.CallExpr:
			key := ibmcloudKey(x)
			if key == "" || guarded {
				return
			}
			for _, ok := range unguardedOK {
				if key == ok {
					return
				}
			}
			fields := strings.Fields(key)
			if len(fields) > 1 && fields[0] == "plugin" && fields[1] == "show" {
				return
			}
			last := fields[len(fields)-1]
			for _, v := range readOnlyVerbs {
				if last == v {
					return
				}
			}
			out = append(out, key)
		}
	}
	walkStmts(f.Stmts, false)
	return out
}

// TestRerunChangesNothing: every ibmcloud call that changes something is
// guarded by a check of IBM's current state, so a second run of a
// converged runbook makes no mutating call (the rehearsal counts them).
func TestRerunChangesNothing(t *testing.T) {
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			f := parseScript(t, name, renderDesign(t, v.design, name)["runbook.sh"])
			for _, key := range unguardedMutations(f) {
				t.Errorf("%s/%s: ibmcloud %s runs on every run, whatever IBM's state", name, v.name, key)
			}
		}
	}
}

// TestRerunCheckerFindsUnguarded proves the walker sees an unguarded call
// and accepts a guarded one.
func TestRerunCheckerFindsUnguarded(t *testing.T) {
	src := "if want 3; then\n  run ibmcloud ks ingress alb autoupdate enable --cluster \"$C\"\n" +
		"  if ! matches x ibmcloud ks ingress alb autoupdate get --cluster \"$C\"; then\n    run ibmcloud ks ingress alb autoupdate enable --cluster \"$C\"\n  fi\nfi\n"
	f := parseScript(t, "probe", []byte(src))
	got := unguardedMutations(f)
	if len(got) != 1 || got[0] != "ks ingress alb autoupdate enable" {
		t.Errorf("unguarded calls %q, want the first autoupdate enable only", got)
	}
}
