package cli

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/iksplan/iksplan/internal/i18n"
)

// helpTexts walks the English command tree and returns every catalogue ID
// its help needs, with the English text each must equal.
func helpTexts() map[string]string {
	root := NewRootCommand(BuildInfo{}, nil, io.Discard, io.Discard)
	out := map[string]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !translatedCommand(c) {
			return
		}
		key := helpKey(c)
		for id, s := range map[string]string{"short": c.Short, "long": c.Long, "example": c.Example} {
			if s != "" {
				out["cli.help."+key+"."+id] = s
			}
		}
		flag := func(f *pflag.Flag) {
			switch f.Name {
			case "help":
			case "lang":
				out["cli.flag.lang"] = f.Usage
			default:
				out["cli.flagHelp."+key+"."+f.Name] = f.Usage
			}
		}
		c.LocalNonPersistentFlags().VisitAll(flag)
		c.PersistentFlags().VisitAll(flag)
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return out
}

// TestHelpCatalogueMatchesCommands: the English catalogue holds every
// command's and flag's help exactly as the command says it, and nothing
// else, so a new or changed help text fails here until it is in cli.yaml
// (and then the catalogue tests demand its Japanese).
func TestHelpCatalogueMatchesCommands(t *testing.T) {
	want := helpTexts()
	en := i18n.For(i18n.EN)
	for id, s := range want {
		if !en.Has(id) {
			t.Errorf("%s is not in locales/en/cli.yaml (add it in both languages): %q", id, s)
			continue
		}
		if got := en.T(id, nil); got != s {
			t.Errorf("%s in locales/en/cli.yaml differs from the command's help:\n catalogue: %q\n command:   %q", id, got, s)
		}
	}
	for _, id := range i18n.IDsIn(i18n.EN, "cli") {
		if (strings.HasPrefix(id, "cli.help.") || strings.HasPrefix(id, "cli.flagHelp.")) && want[id] == "" {
			t.Errorf("%s: no command or flag has this help any more; remove it", id)
		}
	}
	if len(want) < 50 {
		t.Errorf("only %d help texts found: the walk misses commands", len(want))
	}
}

// TestHelpInJapanese: --lang ja and a Japanese locale print every help in
// Japanese (headings, texts, flags); English help is unchanged.
func TestHelpInJapanese(t *testing.T) {
	english := helpTexts()
	for _, args := range [][]string{{"--lang", "ja", "--help"}, {"--lang", "ja", "render", "--help"}, {"help", "diff", "--lang", "ja"}, {"validate", "-h", "--lang", "ja"}, {"rehearse", "--help", "--lang", "ja"}} {
		code, out, errOut := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		for _, h := range []string{"使用法:", "フラグ:"} {
			if !strings.Contains(out, h) {
				t.Errorf("%v: no %q in\n%s", args, h, out)
			}
		}
		for id, s := range english {
			if strings.HasSuffix(id, ".example") {
				continue // commands, the same in both languages (some continue on a second line)
			}
			for _, line := range strings.Split(s, "\n") {
				if line = strings.TrimSpace(line); len(line) > 20 && !strings.HasPrefix(line, "iksplan ") && strings.Contains(out, line) {
					t.Errorf("%v: English help line %q in\n%s", args, line, out)
				}
			}
		}
		if args[0] == "validate" && !strings.Contains(out, `(既定値: "text")`) {
			t.Errorf("%v: pflag's default of --output not in Japanese:\n%s", args, out)
		}
		for _, w := range []string{"Usage:", "Flags:", "Global Flags:", "help for", "(default "} {
			if strings.Contains(out, w) {
				t.Errorf("%v: English %q in\n%s", args, w, out)
			}
		}
	}
	t.Setenv("LANG", "ja_JP.UTF-8")
	if _, out, _ := run(t, "", "init", "--help"); !strings.Contains(out, "プリセット") {
		t.Errorf("LANG=ja_JP.UTF-8: init help not Japanese:\n%s", out)
	}
	os.Unsetenv("LANG")
	if _, out, _ := run(t, "", "init", "--help"); !strings.Contains(out, "Usage:") || !strings.Contains(out, english["cli.help.init.short"]) {
		t.Errorf("English help changed:\n%s", out)
	}
}
