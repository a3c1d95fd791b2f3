package cli

import (
	_ "embed"

	"github.com/spf13/cobra"
)

func newSchemaCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the design file, for editors",
		Long: `schema prints the JSON Schema of iksplan's design file, generated from the
Go types iksplan itself reads, so editors can validate and complete design
files. For VS Code's YAML extension, save it and add to the design file:

  # yaml-language-server: $schema=iksplan.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := a.stdout.Write(designSchema)
			return err
		},
	}
}

// designSchema is the JSON Schema of the design file, generated from the
// model's types by github.com/invopop/jsonschema in a test
// (TestDesignSchemaIsGenerated, which fails when the types and this file
// differ; -update rewrites it). The binary embeds the bytes instead of
// linking the generator: invopop/jsonschema brought go/parser, go/doc,
// an ordered map and a JSON parser, whose package init and pages every
// start paid, `iksplan version` included (6 package inits and 58
// allocations by GODEBUG=inittrace=1, 130 kB of binary; issue 15), for a
// command that prints the same bytes every time.
//
//go:embed design.schema.json
var designSchema []byte
