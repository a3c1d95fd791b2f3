package terraform

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// schemaJSON is the IBM provider's argument schema for the types this
// package renders, extracted from the provider's Go source by
// tools/tfschema (see the snapshot's version and commit fields). Only the
// tests decode it: a render reads createonly_gen.go, generated from it
// (TestCreateOnlyIsTheSnapshot):
//
//	go run ./tools/tfschema -src PROVIDER_CHECKOUT -commit SHA \
//	  -resources ... -data-sources ... -o render/terraform/testdata/ibm-provider-schema.json
//
//go:embed testdata/ibm-provider-schema.json
var schemaJSON []byte

// helmSchemaJSON is the same shape for hashicorp/helm's helm_release (the
// Logs agent, as IBM's terraform-ibm-logs-agent installs it): its
// top-level attributes with Required/Optional/Computed, read from
// helm/resource_helm_release.go of terraform-provider-helm tag v3.1.2
// (commit ecffae07748ea9e2e99660e5ad3f852a12fbc5fc). That provider uses the
// plugin framework, which tools/tfschema (terraform-plugin-sdk literals)
// does not read; its nested attributes (set, set_sensitive) are not
// recorded.
//
//go:embed testdata/helm-provider-schema.json
var helmSchemaJSON []byte

// Schema is the snapshot's shape (tools/tfschema writes it).
type Schema struct {
	Provider    string            `json:"provider"`
	Source      string            `json:"source"`
	Version     string            `json:"version"`
	Commit      string            `json:"commit"`
	Resources   map[string]*Block `json:"resources"`
	DataSources map[string]*Block `json:"data_sources"`
}

// Block is a resource, data source or nested block schema.
type Block struct {
	Attributes map[string]*Attribute `json:"attributes"`
}

// Attribute is one argument or attribute of a block.
type Attribute struct {
	Type          string   `json:"type"`
	Required      bool     `json:"required"`
	Optional      bool     `json:"optional"`
	Computed      bool     `json:"computed"`
	ForceNew      bool     `json:"force_new"`
	ApplyOnce     bool     `json:"apply_once"`
	Deprecated    string   `json:"deprecated"`
	MaxItems      int      `json:"max_items"`
	ElemType      string   `json:"elem_type"`
	Block         *Block   `json:"block"`
	ConflictsWith []string `json:"conflicts_with"`
	ExactlyOneOf  []string `json:"exactly_one_of"`
	Description   string   `json:"description"`
	// Allowed are the values the provider's StringInSlice validator accepts.
	Allowed           []string `json:"allowed"`
	AllowedIgnoreCase bool     `json:"allowed_ignore_case"`
}

var (
	schemaOnce sync.Once
	schemaVal  *Schema
	schemaErr  error

	helmSchemaOnce sync.Once
	helmSchemaVal  *Schema
	helmSchemaErr  error
)

// HelmProviderSchema returns the embedded helm_release snapshot (for the
// tests).
func HelmProviderSchema() (*Schema, error) {
	helmSchemaOnce.Do(func() {
		var s Schema
		if err := json.Unmarshal(helmSchemaJSON, &s); err != nil {
			helmSchemaErr = fmt.Errorf("helm provider schema snapshot: %w", err)
			return
		}
		if s.Version != HelmProviderVersion {
			helmSchemaErr = fmt.Errorf("helm provider schema snapshot is of %s, the module pins %s", s.Version, HelmProviderVersion)
			return
		}
		helmSchemaVal = &s
	})
	return helmSchemaVal, helmSchemaErr
}

// ProviderSchema returns the embedded snapshot (for the tests).
func ProviderSchema() (*Schema, error) {
	schemaOnce.Do(func() {
		var s Schema
		if err := json.Unmarshal(schemaJSON, &s); err != nil {
			schemaErr = fmt.Errorf("provider schema snapshot: %w", err)
			return
		}
		if s.Version != ProviderVersion {
			schemaErr = fmt.Errorf("provider schema snapshot is of %s, the module pins %s", s.Version, ProviderVersion)
			return
		}
		schemaVal = &s
	})
	return schemaVal, schemaErr
}

// Lookup returns the schema of a resource ("resource") or data source
// ("data") type.
func (s *Schema) Lookup(kind, typ string) (*Block, bool) {
	var b *Block
	if kind == "data" {
		b = s.DataSources[typ]
	} else {
		b = s.Resources[typ]
	}
	return b, b != nil
}
