package cli

import (
	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
)

// clusterSource is how a command reaches a running cluster (import
// --cluster, diff --live): the cluster's name or ID under the command's
// flag, and --from-dir, a folder of recorded ibmcloud answers read instead
// of calling IBM Cloud. Both commands check the name the same way, naming
// their own flag in the error.
type clusterSource struct {
	flag    string
	cluster string
	fromDir string
}

// addFlags adds the cluster flag and --from-dir with the command's help.
func (s *clusterSource) addFlags(cmd *cobra.Command, clusterHelp, fromDirHelp string) {
	cmd.Flags().StringVar(&s.cluster, s.flag, "", clusterHelp)
	cmd.Flags().StringVar(&s.fromDir, "from-dir", "", fromDirHelp)
}

// check refuses a missing cluster or a name IBM's rules refuse.
func (s *clusterSource) check() error {
	if s.cluster == "" {
		return usageErr("--%s is required", s.flag)
	}
	if err := model.ValidateClusterName(s.cluster); err != nil {
		return usageErr("--%s: %w", s.flag, err)
	}
	return nil
}
