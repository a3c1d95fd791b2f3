package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/internal/lazyre"
)

// Help in the run's language. The commands are built with their English
// help (cobra's Short, Long, Example and flag usages, written next to the
// code they describe); when --lang or the locale asks for another language,
// the help function swaps in the catalogue's texts (cli.yaml: help.<command>,
// flagHelp.<command>.<flag>, helpUI for cobra's own headings) just before
// printing. TestHelpCatalogueMatchesCommands keeps the English catalogue
// equal to the commands, so a new command or flag without its translation
// fails the catalogue tests.

// helpKey is a command's key in the catalogue: its path below iksplan joined
// with _, "root" for iksplan itself.
func helpKey(c *cobra.Command) string {
	path := strings.Fields(c.CommandPath())
	if len(path) <= 1 {
		return "root"
	}
	return strings.Join(path[1:], "_")
}

// translatedCommand reports whether c's help is in the catalogue: every
// command but cobra's generated completion and help commands.
func translatedCommand(c *cobra.Command) bool {
	for p := c; p != nil; p = p.Parent() {
		if p.Name() == "completion" || p.Name() == "help" {
			return false
		}
	}
	return true
}

// installHelp makes the command tree print its help in the run's language.
func installHelp(root *cobra.Command, a *app) {
	english := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if l, err := a.language(); err == nil && l != i18n.EN {
			localizeHelp(c.Root(), i18n.For(l))
		}
		english(c, args)
	})
}

// localizeHelp replaces the tree's help texts with loc's.
func localizeHelp(root *cobra.Command, loc *i18n.Localizer) {
	root.InitDefaultHelpCmd()
	root.InitDefaultHelpFlag()
	root.SetUsageFunc(localizedUsage(loc))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		key := helpKey(c)
		if translatedCommand(c) {
			for _, f := range []struct {
				field *string
				id    string
			}{{&c.Short, "short"}, {&c.Long, "long"}, {&c.Example, "example"}} {
				if id := "cli.help." + key + "." + f.id; *f.field != "" && loc.Has(id) {
					*f.field = loc.T(id, nil)
				}
			}
			c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) { localizeFlag(loc, key, f) })
			c.PersistentFlags().VisitAll(func(f *pflag.Flag) { localizeFlag(loc, key, f) })
		}
		switch {
		case c.Name() == "help" && c.Parent() == root:
			c.Short = loc.T("cli.helpUI.helpCommand", nil)
		case c.Name() == "completion" && c.Parent() == root:
			c.Short = loc.T("cli.helpUI.completion", nil)
		}
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = loc.T("cli.helpUI.helpFlag", map[string]any{"Cmd": c.Name()})
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

func localizeFlag(loc *i18n.Localizer, key string, f *pflag.Flag) {
	if f.Name == "lang" {
		f.Usage = loc.T("cli.flag.lang", nil)
		return
	}
	if id := "cli.flagHelp." + key + "." + f.Name; loc.Has(id) {
		f.Usage = loc.T(id, nil)
	}
}

// localizedUsage prints cobra's own usage text (its default, written in Go)
// with the headings and the closing hint in loc's language. It rewrites the
// printed text rather than cobra's usage template: SetUsageTemplate would
// execute a text/template, whose method lookup by name makes the linker keep
// every exported method in the binary (bench TestNoRunTimeMethodLookup).
func localizedUsage(loc *i18n.Localizer) func(*cobra.Command) error {
	// A command with no parent and no usage function of its own hands out
	// cobra's default, which prints the command it is given.
	english := (&cobra.Command{}).UsageFunc()
	capturing := false
	return func(c *cobra.Command) error {
		if capturing {
			return english(c)
		}
		capturing = true
		text := c.UsageString() // calls back here, printing English into a buffer
		capturing = false
		_, err := io.WriteString(c.OutOrStderr(), localizeUsageText(text, c.CommandPath(), loc))
		return err
	}
}

// flagDefault is a flag line of pflag's usage that ends with the flag's
// default, which pflag writes in English: ` (default "none")`, ` (default 60)`
// (pflag flag.go FlagUsagesWrapped).
var flagDefault = lazyre.New(`^(\s+-.*) \(default (.+)\)$`)

// localizeUsageText replaces cobra's headings, each a line of its own, and
// its last line, naming the command.
func localizeUsageText(text, path string, loc *i18n.Localizer) string {
	t := func(id string) string { return loc.T("cli.helpUI."+id, nil) }
	headings := map[string]string{
		"Usage:":                  t("usage"),
		"Aliases:":                t("aliases"),
		"Examples:":               t("examples"),
		"Available Commands:":     t("commands"),
		"Additional Commands:":    t("additional"),
		"Flags:":                  t("flags"),
		"Global Flags:":           t("globalFlags"),
		"Additional help topics:": t("topics"),
	}
	more := `Use "` + path + ` [command] --help" for more information about a command.`
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if h, ok := headings[line]; ok {
			lines[i] = h
		} else if line == more {
			lines[i] = loc.T("cli.helpUI.more", map[string]any{"Cmd": path})
		} else if m := flagDefault.FindStringSubmatch(line); m != nil {
			lines[i] = m[1] + " " + loc.T("cli.helpUI.default", map[string]any{"Value": m[2]})
		}
	}
	return strings.Join(lines, "\n")
}
