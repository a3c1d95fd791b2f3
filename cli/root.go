// Package cli is iksplan's command line: cobra commands that create,
// validate, explain and render designs without any TUI, and start the
// wizard when run bare in a terminal.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Exit codes, the same for every command (README "Exit codes"):
//
//	0    success
//	1    the design has error findings (validate, render, rehearse)
//	2    bad usage, or input that cannot be read or parsed (not a regular
//	     file, too large, not YAML, more than one YAML document)
//	3    an output could not be written (a file in the way without --force,
//	     a symlinked folder, no permission, a full disk)
//	130  stopped by SIGINT (ctrl+c); 143 stopped by SIGTERM; 129 SIGHUP:
//	     128 + the signal's number, as a shell reports it
const (
	ExitOK          = 0
	ExitFindings    = 1
	ExitUsage       = 2
	ExitIO          = 3
	ExitHangup      = 128 + 1
	ExitInterrupted = 128 + 2
	ExitTerminated  = 128 + 15
)

// exitError carries an exit code with an error message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, a ...any) error {
	return &exitError{ExitUsage, fmt.Errorf(format, a...)}
}

func withCode(code int, err error) error { return &exitError{code, err} }

// BuildInfo is what `iksplan version` prints; main sets it from ldflags.
type BuildInfo struct {
	Version string
	Commit  string
}

// app is the state the commands share.
type app struct {
	build       BuildInfo
	catalogPath string
	cat         *catalog.Catalog
	stdin       io.Reader
	stdout      io.Writer
	stderr      io.Writer
	// langFlag is --lang as typed; language() resolves it with the locale.
	langFlag string
}

// language is the language of this run's messages: --lang, else the
// locale (LC_ALL, LC_MESSAGES, LANG), else English. A bad --lang is a
// usage error naming the flag.
func (a *app) language() (i18n.Lang, error) {
	l, err := i18n.Resolve(a.langFlag)
	if err != nil {
		return i18n.EN, usageErr("%w", err)
	}
	return l, nil
}

// localizer is the run's message localizer (English if --lang is bad; the
// command reports that through language()).
func (a *app) localizer() *i18n.Localizer {
	l, _ := a.language()
	return i18n.For(l)
}

// catalog returns the catalog chosen with --catalog, or the embedded one.
func (a *app) catalog() (*catalog.Catalog, error) {
	if a.cat != nil {
		return a.cat, nil
	}
	if a.catalogPath == "" {
		a.cat = catalog.Default()
		return a.cat, nil
	}
	c, err := catalog.LoadFile(a.catalogPath)
	if err != nil {
		return nil, usageErr("%w", err)
	}
	a.cat = c
	return c, nil
}

// NewRootCommand builds the iksplan command tree.
func NewRootCommand(build BuildInfo, stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	a := &app{build: build, stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "iksplan",
		Short: "Design a production IBM Cloud Kubernetes Service cluster",
		Long: `iksplan designs a production cluster on IBM Cloud Kubernetes Service (IKS)
with you: zones, hardware, sizing, storage, network and firewall, logging and
monitoring, IAM, CI/CD and operations. Every answer lands in one design file;
from it iksplan renders a design document, a runbook of ibmcloud commands and
Kubernetes manifests.

Run it without arguments in a terminal to start the wizard.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWizard(cmd, a)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&a.catalogPath, "catalog", "", "use this catalog file instead of the embedded IBM Cloud facts")
	// English written here like every other flag's help (cli.yaml's
	// cli.flag.lang must equal it; the help function swaps in the run's
	// language): looking it up in the catalogue parsed cli.yaml on every
	// start, a quarter of `iksplan version`'s time (issue 15).
	root.PersistentFlags().StringVar(&a.langFlag, "lang", "", "language of messages and of newly written documents: en or ja (default: LC_ALL, LC_MESSAGES or LANG, else en)")
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletions("en", "ja"))
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		_, err := a.language()
		return err
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr("%w", err) })
	root.AddCommand(
		newPresetsCommand(a),
		newInitCommand(a),
		newValidateCommand(a),
		newCatalogCommand(a),
		newRenderCommand(a),
		newRehearseCommand(a),
		newDiffCommand(a),
		newImportCommand(a),
		newSchemaCommand(a),
		newVersionCommand(a),
	)
	registerWizard(root, a)
	fixCompletionCommand(root)
	installHelp(root, a)
	return root
}

// Execute runs iksplan with the process's arguments and returns the exit
// code. Errors are printed as one line on stderr.
func Execute(build BuildInfo) int {
	return Run(build, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// fixCompletionCommand makes `iksplan completion SHELL` refuse a shell it
// does not know (tcsh) with exit 2, instead of cobra's help and exit 0.
func fixCompletionCommand(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErr("name a shell: %s", strings.Join(shells, ", "))
			}
			return usageErr("iksplan completes %s, not %s", strings.Join(shells, ", "), model.QuoteValue(args[0]))
		}
	}
}

// Run runs iksplan with args; tests call it directly.
func Run(build BuildInfo, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if isBareVersion(args) {
		_ = printVersion(&app{build: build, stdin: stdin, stdout: stdout, stderr: stderr})
		return ExitOK
	}
	root := NewRootCommand(build, stdin, stdout, stderr)
	root.SetArgs(args)
	if cmd, _, err := root.Find(args); err == nil && !isWizardCommand(root, cmd) {
		stop := trapSignals()
		defer stop()
	}
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintf(stderr, "iksplan: %s\n", model.Escape(localizeError(ee.err.Error(), runLocalizer(root, args))))
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "iksplan: %s\n", model.Escape(localizeError(err.Error(), runLocalizer(root, args))))
	// cobra reports unknown commands and wrong argument counts as plain
	// errors: those are usage errors.
	if isCobraUsageError(err) {
		return ExitUsage
	}
	return ExitFindings
}
