package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/invopop/jsonschema"

	"github.com/iksplan/iksplan/internal/golden"
	"github.com/iksplan/iksplan/model"
)

var enumType = reflect.TypeFor[model.Enum]()

// generateDesignSchema generates the JSON Schema of the design file from
// the model's types: yaml field names, closed enums from each type's
// EnumValues, no unknown properties (the loader is strict too).
func generateDesignSchema(t *testing.T) []byte {
	t.Helper()
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
		t.Fatalf("encode schema: %v", err)
	}
	return append(b, '\n')
}

// TestDesignSchemaIsGenerated fails when design.schema.json, which the
// binary embeds and `iksplan schema` prints, is not what the generator
// makes of the model's types now (a field, tag or enum value changed):
// go test ./cli -run TestDesignSchemaIsGenerated -update rewrites it.
func TestDesignSchemaIsGenerated(t *testing.T) {
	got := generateDesignSchema(t)
	if golden.Updating() {
		if err := os.WriteFile("design.schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(designSchema, got) {
		t.Fatalf("design.schema.json is out of date (go test ./cli -run TestDesignSchemaIsGenerated -update, then review the diff):\n%s",
			udiff.Unified("design.schema.json", "generated", string(designSchema), string(got)))
	}
}
