package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
)

// newEditCommand is `iksplan edit FILE`: the wizard on an existing design.
func newEditCommand(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "edit FILE",
		Short: "Open the wizard on an existing design file",
		Long: `Open the wizard on an existing design: every step starts with the file's
answers, and the review offers to save the design back to FILE (atomically)
and to write its artifacts.`,
		Example: "  iksplan edit shop-prod.yaml\n  iksplan edit --accessible shop-prod.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, name, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			d, _, err := model.Load(data, name)
			if err != nil {
				var se *model.SchemaError
				if errors.As(err, &se) {
					return usageErr("%w (`iksplan validate %s` lists every problem)", err, args[0])
				}
				return usageErr("%w", err)
			}
			return a.wizard(cmd, d, args[0])
		},
	}
	cmd.Flags().Bool("accessible", false, "ask the wizard's questions as plain line prompts (also ACCESSIBLE=1 or TERM=dumb)")
	return cmd
}
