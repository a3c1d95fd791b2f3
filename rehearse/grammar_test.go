package rehearse

import (
	"sort"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

// designs are every preset and every rehearsal variant, by name
// (testsupport.DesignsByName; the name other rehearse tests use).
func designs(t testing.TB) map[string]*model.Design { return testsupport.DesignsByName(t) }

func runbookOf(t testing.TB, d *model.Design) string {
	t.Helper()
	arts, err := render.All(render.Input{Design: d, SourceName: "design.yaml", Catalog: catalog.Default()}, render.KindRunbook)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Path == "runbook.sh" {
			return string(a.Data)
		}
	}
	t.Fatal("no runbook.sh rendered")
	return ""
}

// ibmcloudCalls finds every ibmcloud command line in a script: wherever a
// call's argument list contains the literal word ibmcloud (directly, or
// behind a helper such as run, exists, check or wait_for), the words after
// it. Words that are not literal (quoted variables) become VALUE. Static,
// so every branch is seen, not only the ones a run takes.
func ibmcloudCalls(t testing.TB, script string) [][]string {
	t.Helper()
	f, err := syntax.NewParser().Parse(strings.NewReader(script), "runbook.sh")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	syntax.Walk(f, func(n syntax.Node) bool {
		ce, ok := n.(*syntax.CallExpr)
		if !ok || len(ce.Args) == 0 {
			return true
		}
		switch ce.Args[0].Lit() {
		case "need", "command", "type", "hash":
			return true // checks that the tool is installed, not calls of it
		}
		for i, w := range ce.Args {
			if w.Lit() != "ibmcloud" {
				continue
			}
			var words []string
			for _, a := range ce.Args[i+1:] {
				if lit, ok := literal(a); ok {
					words = append(words, lit)
				} else {
					words = append(words, "VALUE")
				}
			}
			out = append(out, words)
			break
		}
		return true
	})
	return out
}

// literal is the word's value when it has no expansion in it.
func literal(w *syntax.Word) (string, bool) {
	var b strings.Builder
	for _, p := range w.Parts {
		switch x := p.(type) {
		case *syntax.Lit:
			b.WriteString(x.Value)
		case *syntax.SglQuoted:
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			for _, q := range x.Parts {
				l, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				b.WriteString(l.Value)
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}

// TestDoubleKnowsRunbookGrammar fails when a runbook of any preset or
// variant uses an ibmcloud command path or flag the double does not know,
// or leaves out a flag the double (as IBM's reference) requires.
func TestDoubleKnowsRunbookGrammar(t *testing.T) {
	used := map[string]bool{}
	for name, d := range testsupport.DesignsByName(t) {
		calls := ibmcloudCalls(t, runbookOf(t, d))
		if len(calls) < 10 {
			t.Fatalf("%s: found only %d ibmcloud calls in the runbook", name, len(calls))
		}
		for _, args := range calls {
			c, err := ibmcloud.Parse(ibmcloud.Specs(), "ibmcloud", args)
			if err != nil {
				t.Errorf("%s: ibmcloud %s: %v", name, strings.Join(args, " "), err)
				continue
			}
			used[c.Spec.Path] = true
		}
	}
	var unused []string
	for _, p := range ibmcloud.Paths(ibmcloud.Specs()) {
		if !used[p] {
			unused = append(unused, p)
		}
	}
	sort.Strings(unused)
	t.Logf("double command paths no rendered runbook uses (kept for read-backs and steps in progress): %s", strings.Join(unused, ", "))
}

// TestGrammarCheckCatchesUnknownFlags shows the check above can fail.
func TestGrammarCheckCatchesUnknownFlags(t *testing.T) {
	for _, bad := range [][]string{
		{"ks", "cluster", "get", "--cluster", "X", "--json"},
		{"ks", "cluster", "get", "X"},
		{"ks", "kms", "enable", "--cluster", "X", "--instance-id", "I"},
		{"ks", "cluster", "frobnicate", "--cluster", "X"},
		{"resource", "service-instance-create", "NAME", "kms"},
	} {
		if _, err := ibmcloud.Parse(ibmcloud.Specs(), "ibmcloud", bad); err == nil {
			t.Errorf("ibmcloud %s parsed", strings.Join(bad, " "))
		}
	}
	calls := ibmcloudCalls(t, "run ibmcloud ks cluster get --cluster \"$C\" --output json\nif exists ibmcloud is vpc \"$V\"; then :; fi\n")
	if len(calls) != 2 || strings.Join(calls[0], " ") != "ks cluster get --cluster VALUE --output json" {
		t.Fatalf("ibmcloudCalls = %q", calls)
	}
}
