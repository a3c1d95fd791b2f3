package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model/catalog"
)

func newVersionCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print iksplan's version and its catalog's date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return printVersion(a)
		},
	}
}

// printVersion prints the version, the catalog's date and the Go build.
func printVersion(a *app) error {
	// The embedded catalog's date needs no parse (most of this
	// command's time otherwise); a --catalog file is read and
	// checked, so a broken one fails here too.
	asOf := catalog.EmbeddedAsOf()
	if a.catalogPath != "" {
		c, err := a.catalog()
		if err != nil {
			return err
		}
		asOf = c.AsOf
	}
	v := a.build.Version
	if v == "" {
		v = "dev"
	}
	fmt.Fprintf(a.stdout, "iksplan %s", v)
	if a.build.Commit != "" {
		fmt.Fprintf(a.stdout, " (%s)", a.build.Commit)
	}
	fmt.Fprintf(a.stdout, "\ncatalog as of %s\n%s %s/%s\n", asOf, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// isBareVersion reports whether args are exactly `version`: Run prints it
// without building the command tree, whose construction (every command,
// flag and completion, 263 allocations) was the largest part of the
// command's own work (issue 15). With anything else (--catalog, --lang,
// --help, more words) cobra parses the line as always. The bare command
// cannot fail: it reads no file, and no locale is an error (i18n.Resolve
// of no --lang); it writes no file, so it needs no signal trap either.
func isBareVersion(args []string) bool {
	return len(args) == 1 && args[0] == "version"
}
