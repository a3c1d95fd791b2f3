package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model/presets"
)

func newPresetsCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "presets",
		Short: "List the built-in preset designs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for _, p := range presets.All() {
				fmt.Fprintf(w, "%s\t%s\n", p.Name, p.Summary)
			}
			return w.Flush()
		},
	}
}
