package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func newVersionCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print iksplan's version and its catalog's date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := a.catalog()
			if err != nil {
				return err
			}
			v := a.build.Version
			if v == "" {
				v = "dev"
			}
			fmt.Fprintf(a.stdout, "iksplan %s", v)
			if a.build.Commit != "" {
				fmt.Fprintf(a.stdout, " (%s)", a.build.Commit)
			}
			fmt.Fprintf(a.stdout, "\ncatalog as of %s\n%s %s/%s\n", c.AsOf, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
