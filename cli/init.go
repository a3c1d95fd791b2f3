package cli

import (
	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/model/presets"
)

func newInitCommand(a *app) *cobra.Command {
	var preset, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "init --preset NAME [-o FILE]",
		Short: "Write a preset design to a file (or stdout) to start from",
		Example: `  iksplan init --preset tokyo-classic-production -o shop-prod.yaml
  iksplan init --preset dev-single-zone > dev.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if preset == "" {
				return usageErr("--preset is required; `iksplan presets` lists them")
			}
			p, err := presets.Get(preset)
			if err != nil {
				return usageErr("%w", err)
			}
			lang, err := a.language()
			if err != nil {
				return err
			}
			data, err := recordLanguage(p.Data, lang, a.langFlag != "")
			if err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := a.stdout.Write(data)
				return err
			}
			if err := fsutil.WriteFile(out, data, 0o644, force); err != nil {
				return withCode(ExitIO, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&preset, "preset", "", "preset name (see `iksplan presets`)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: stdout)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the file if it exists")
	_ = cmd.RegisterFlagCompletionFunc("preset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return presets.Names(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
