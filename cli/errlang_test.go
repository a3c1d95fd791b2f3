package cli

import (
	"go/ast"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/iksplan/iksplan/internal/gosource"
	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/wizard"
)

// errorFormats returns every constant error format of the cli package's
// Go source (usageErr, fmt.Errorf, a.warn) that has words, with its position.
func errorFormats(t *testing.T) map[string]string {
	t.Helper()
	fset, files := gosource.Parse(t)
	out := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			fn := ""
			switch x := c.Fun.(type) {
			case *ast.Ident:
				fn = x.Name
			case *ast.SelectorExpr:
				fn = x.Sel.Name
				if id, ok := x.X.(*ast.Ident); ok && id.Name == "fmt" {
					fn = "fmt." + fn
				}
			}
			if fn != "usageErr" && fn != "fmt.Errorf" && fn != "warn" {
				return true
			}
			lit, ok := c.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || strings.TrimSpace(verbRE.ReplaceAllString(s, "")) == "" {
				return true
			}
			out[s] = fset.Position(c.Pos()).String()
			return true
		})
	}
	return out
}

// TestEveryCLIErrorIsInTheCatalogue: each error format of the source is an
// English message of cli.yaml err.* (so it has a Japanese one), and each
// err.* message outside cobra's and the libraries' is still used.
func TestEveryCLIErrorIsInTheCatalogue(t *testing.T) {
	src := errorFormats(t)
	cat := map[string]string{}
	for _, id := range i18n.IDsIn(i18n.EN, "cli") {
		if strings.HasPrefix(id, "cli.err.") {
			m, _ := i18n.Message(i18n.EN, id)
			cat[m.Other] = id
		}
	}
	for s, pos := range src {
		if _, ok := cat[s]; !ok {
			t.Errorf("%s: error format not in locales/en/cli.yaml err (add it in both languages): %q", pos, s)
		}
	}
	for s, id := range cat {
		if _, ok := src[s]; !ok && !strings.HasPrefix(id, "cli.err.cobra.") && !strings.HasPrefix(id, "cli.err.lib.") && !strings.HasPrefix(id, "cli.err.load.") {
			t.Errorf("%s: no error of cli/ has this format any more: %q", id, s)
		}
	}
	if len(src) < 30 {
		t.Errorf("only %d error formats found: the reader misses call sites", len(src))
	}
}

// TestErrorsInJapanese: with --lang ja or a Japanese locale the CLI's own
// errors, cobra's usage errors and counts are Japanese, keep their values
// (flags, file names, YAML paths with their lines) and their exit codes.
func TestErrorsInJapanese(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nmetadata: {name: x}\nspec:\n  zones: 3\n")
	for _, tc := range []struct {
		args      []string
		code      int
		want, not string
	}{
		{[]string{"init"}, 2, "--preset が必要です", "is required"},
		{[]string{"validate", "-o", "xml", bad}, 2, `--output は text または json です (指定値: "xml")`, "must be"},
		{[]string{"render", "--bogus"}, 2, "不明なフラグです: --bogus", "unknown flag"},
		{[]string{"render", "a", "b"}, 2, "引数は 1\u00a0個です (指定: 2\u00a0個)", "accepts"},
		{[]string{"frobnicate"}, 2, `不明なコマンド "frobnicate"`, "unknown command"},
		{[]string{"render", bad, "--out", t.TempDir()}, 1, bad + ": エラー 1\u00a0件。修正するか", "fix them"},
		{[]string{"edit", bad}, 2, "spec.zones (5\u00a0行目): リストを書く箇所に、数値 \"3\" が書かれています", "expected a list"},
		{[]string{"diff", bad, bad}, 2, "spec.zones (5\u00a0行目): リストを書く箇所に", "expected a list"},
		{[]string{"validate", writeFile(t, "two.yaml", "a: 1\n---\nb: 2\n")}, 2, "有効な YAML ではありません: 設計ファイルに入る YAML 文書は 1\u00a0つですが、2\u00a0行目から", "a second one starts"},
	} {
		code, _, errOut := run(t, "", append(tc.args, "--lang", "ja")...)
		if code != tc.code || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, tc.not) {
			t.Errorf("%v: exit %d (want %d), stderr:\n%s\nwant %q, not %q", tc.args, code, tc.code, errOut, tc.want, tc.not)
		}
		codeEN, _, errEN := run(t, "", tc.args...)
		if codeEN != tc.code || !strings.Contains(errEN, tc.not) {
			t.Errorf("%v English: exit %d, stderr %q lacks %q", tc.args, codeEN, errEN, tc.not)
		}
	}
	t.Setenv("LANG", "ja_JP.UTF-8")
	if _, _, errOut := run(t, "", "init"); !strings.Contains(errOut, "--preset が必要です") {
		t.Errorf("LANG=ja_JP.UTF-8: %q", errOut)
	}
}

// TestWizardInterruptInJapanese: the line a ctrl+c or a signal leaves on
// stderr (wizard.InterruptedError, with and without a draft) is Japanese
// under --lang ja; it stayed English while the wizard above it was not.
func TestWizardInterruptInJapanese(t *testing.T) {
	ja := i18n.For(i18n.JA)
	for _, c := range []struct {
		err  wizard.InterruptedError
		want string
	}{
		{wizard.InterruptedError{Signal: syscall.SIGINT, Draft: "/home/u/.local/state/iksplan/drafts/new-1.yaml"}, "ウィザードは SIGINT で停止しました。回答はドラフト /home/u/.local/state/iksplan/drafts/new-1.yaml にあります"},
		{wizard.InterruptedError{Signal: syscall.SIGTERM}, "ウィザードは SIGTERM で停止しました"},
	} {
		if got := localizeError(c.err.Error(), ja); got != c.want {
			t.Errorf("localizeError(%q) = %q, want %q", c.err.Error(), got, c.want)
		}
	}
}
