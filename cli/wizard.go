package cli

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/wizard"
)

// registerWizard adds what the wizard needs to the root command: the
// --accessible flag (iksplan run bare starts the wizard) and `iksplan edit`.
func registerWizard(root *cobra.Command, a *app) {
	root.Flags().Bool("accessible", false, "ask the wizard's questions as plain line prompts (also ACCESSIBLE=1 or TERM=dumb)")
	root.AddCommand(newEditCommand(a))
}

// nonInteractiveHint is the one line printed when the wizard cannot run.
const nonInteractiveHint = "the wizard needs a terminal; without one run `iksplan init --preset NAME -o design.yaml`, then `iksplan validate design.yaml` and `iksplan render design.yaml --out out`"

// runWizard starts the interactive wizard on the welcome screen.
func runWizard(cmd *cobra.Command, a *app) error {
	return a.wizard(cmd, nil, "")
}

// wizard runs the wizard in the mode the flags, the environment and the
// terminal call for: the full-screen TUI, accessible line prompts, or (no
// terminal) a one-line hint and exit 2.
func (a *app) wizard(cmd *cobra.Command, d *model.Design, file string) error {
	accessible := accessibleRequested(cmd)
	tty := isTerminal(a.stdin) && isTerminal(a.stdout)
	// Explicit accessible mode works over pipes (scripts, serial lines);
	// the full-screen wizard and TERM=dumb need a terminal.
	explicit := flagAccessible(cmd) || envAccessible()
	if !tty && !explicit {
		return usageErr("%s", nonInteractiveHint)
	}
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	// The wizard speaks --lang, else the design's documentLanguage (edit),
	// else the locale; it records the language in the design it writes.
	lang, err := a.documentLanguage(d)
	if err != nil {
		return usageErr("%v", err)
	}
	opts := wizard.Options{Catalog: cat, Design: d, File: file, Lang: lang, LangExplicit: a.langFlag != ""}
	if accessible {
		return wizardExit(wizard.RunAccessible(opts, a.stdin, a.stdout))
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	return wizardExit(wizard.Run(ctx, opts, a.stdin, a.stdout))
}

// wizardExit gives a wizard's end its exit code: a signal (or a ctrl+c
// quit, as SIGINT) exits 128 + the signal's number, as a shell reports a
// process killed by it (130 SIGINT, 143 SIGTERM, 129 SIGHUP); input that
// ended early or a failure exits 1.
func wizardExit(err error) error {
	if err == nil {
		return nil
	}
	var ie *wizard.InterruptedError
	if errors.As(err, &ie) {
		if s, ok := ie.Signal.(syscall.Signal); ok {
			return withCode(128+int(s), err)
		}
		return withCode(128+int(syscall.SIGINT), err)
	}
	return withCode(ExitFindings, err)
}

func flagAccessible(cmd *cobra.Command) bool {
	f := cmd.Flags().Lookup("accessible")
	if f == nil {
		f = cmd.InheritedFlags().Lookup("accessible")
	}
	return f != nil && f.Value.String() == "true"
}

// envAccessible parses ACCESSIBLE as a boolean (1, true, yes, on).
func envAccessible() bool {
	v := strings.TrimSpace(strings.ToLower(os.Getenv("ACCESSIBLE")))
	switch v {
	case "yes", "y", "on":
		return true
	}
	b, err := strconv.ParseBool(v)
	return err == nil && b
}

// accessibleRequested reports whether accessible mode was asked for by
// flag, by ACCESSIBLE, or by a dumb terminal.
func accessibleRequested(cmd *cobra.Command) bool {
	return flagAccessible(cmd) || envAccessible() || os.Getenv("TERM") == "dumb"
}

// isTerminal reports whether s is a terminal.
func isTerminal(s any) bool {
	f, ok := s.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
