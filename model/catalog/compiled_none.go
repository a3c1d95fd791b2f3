//go:build nogencatalog

package catalog

// compiled is nil when the generated catalog_gen.go is left out (go
// generate builds its generator so, which lets it run when the generated
// file is stale and no longer compiles): Default then parses catalog.yaml.
var compiled *Catalog
