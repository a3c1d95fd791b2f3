package main

// Snapshot is the JSON the tool writes: the argument schema of the chosen
// resource and data source types at one commit of the provider.
type Snapshot struct {
	// Provider is the registry address the schema belongs to.
	Provider string `json:"provider"`
	// Source is the repository the schema was read from.
	Source  string `json:"source"`
	Version string `json:"version"`
	Commit  string `json:"commit"`
	// Resources and DataSources are keyed by type name (ibm_is_vpc).
	Resources   map[string]*Block `json:"resources"`
	DataSources map[string]*Block `json:"data_sources"`
	// Unresolved lists what could not be read statically, as
	// "<type>.<path>: <why>".
	Unresolved []string `json:"unresolved,omitempty"`
}

// Block is a schema.Resource: the top level of a type, or a nested block
// (an argument whose Elem is a *schema.Resource).
type Block struct {
	Attributes map[string]*Attribute `json:"attributes"`
}

// Attribute is one schema.Schema entry.
type Attribute struct {
	// Type is the schema.ValueType without its prefix, lowercased:
	// string, int, bool, float, list, set, map.
	Type     string `json:"type"`
	Required bool   `json:"required,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	Computed bool   `json:"computed,omitempty"`
	ForceNew bool   `json:"force_new,omitempty"`
	// ApplyOnce is true when DiffSuppressFunc is flex.ApplyOnce: the
	// provider sends the value at create and ignores later edits.
	ApplyOnce  bool   `json:"apply_once,omitempty"`
	Deprecated string `json:"deprecated,omitempty"`
	// Default is the Go source text of a Default value, when there is one.
	Default  string `json:"default,omitempty"`
	MaxItems int    `json:"max_items,omitempty"`
	MinItems int    `json:"min_items,omitempty"`
	// ElemType is the element type of a list, set or map of primitives.
	ElemType string `json:"elem_type,omitempty"`
	// Block is the nested block of a list or set of resources.
	Block         *Block   `json:"block,omitempty"`
	ConflictsWith []string `json:"conflicts_with,omitempty"`
	ExactlyOneOf  []string `json:"exactly_one_of,omitempty"`
	AtLeastOneOf  []string `json:"at_least_one_of,omitempty"`
	RequiredWith  []string `json:"required_with,omitempty"`
	Description   string   `json:"description,omitempty"`
	// Allowed are the values of an inline validation.StringInSlice
	// ValidateFunc; AllowedIgnoreCase is its ignoreCase argument.
	Allowed           []string `json:"allowed,omitempty"`
	AllowedIgnoreCase bool     `json:"allowed_ignore_case,omitempty"`
}
