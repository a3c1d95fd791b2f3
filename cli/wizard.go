package cli

import (
	"github.com/spf13/cobra"
)

// runWizard starts the interactive wizard. Until the wizard lands, iksplan
// run bare prints its help.
func runWizard(cmd *cobra.Command, _ *app) error {
	return cmd.Help()
}
