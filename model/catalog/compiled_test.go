package catalog

import (
	"reflect"
	"testing"
)

// TestCompiledIsCatalogYAML fails when catalog_gen.go no longer holds what
// catalog.yaml says (someone edited the YAML and did not run go generate):
// the program reads the compiled data, the tests and --catalog users read
// the YAML.
func TestCompiledIsCatalogYAML(t *testing.T) {
	if compiled == nil {
		t.Skip("built with -tags nogencatalog: no compiled catalog")
	}
	parsed, err := Parse(embedded, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(compiled, parsed) {
		t.Fatal("catalog_gen.go is stale against catalog.yaml: run go generate ./model/catalog")
	}
	if Default() != compiled {
		t.Fatal("Default does not return the compiled catalog")
	}
}
