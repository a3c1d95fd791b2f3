package cli

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/invopop/jsonschema"
	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/model"
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
			b, err := DesignSchema()
			if err != nil {
				return err
			}
			_, err = a.stdout.Write(append(b, '\n'))
			return err
		},
	}
}

var enumType = reflect.TypeFor[model.Enum]()

// DesignSchema generates the JSON Schema of the design file from the model's
// types: yaml field names, closed enums from each type's EnumValues, no
// unknown properties (the loader is strict too).
func DesignSchema() ([]byte, error) {
	r := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			if t.Kind() == reflect.String && t.Implements(enumType) {
				vals := reflect.Zero(t).Interface().(model.Enum).EnumValues()
				s := &jsonschema.Schema{Type: "string"}
				for _, v := range vals {
					s.Enum = append(s.Enum, v)
				}
				return s
			}
			return nil
		},
	}
	s := r.Reflect(&model.Design{})
	s.Title = "iksplan ClusterDesign " + model.APIVersion
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode schema: %w", err)
	}
	return b, nil
}
