package catalog

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed catalog.yaml
var embedded []byte

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
	defaultErr  error
)

//go:generate go run -tags nogencatalog ./internal/gencatalog

// Default returns the embedded catalog. It is compiled into Go data
// (catalog_gen.go, from catalog.yaml by go generate), so no YAML is parsed
// on the way to the wizard's first frame: parsing it was 13.5 ms of the
// 34 ms of CPU a start took under perf on a loaded machine, the largest
// part (issue 15). Built with -tags nogencatalog, it parses
// catalog.yaml once instead. The package's tests check both the YAML and
// that the compiled data equals it, so an error here is a build defect.
func Default() *Catalog {
	defaultOnce.Do(func() {
		if compiled != nil {
			defaultCat = compiled
			return
		}
		defaultCat, defaultErr = Parse(embedded, "embedded catalog")
	})
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultCat
}

// Embedded returns the embedded catalog file's bytes, for `--catalog` users
// who want a copy to edit.
func Embedded() []byte { return bytes.Clone(embedded) }

// LoadFile reads a catalog file that replaces the embedded one.
func LoadFile(path string) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read catalog: %w", err)
	}
	return Parse(data, path)
}

// Parse reads a catalog strictly: unknown keys are errors, so a typo in a
// hand-edited catalog is caught rather than silently ignored.
func Parse(data []byte, name string) (*Catalog, error) {
	var c Catalog
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("parse catalog %s: %w", name, err)
	}
	if err := c.Check(); err != nil {
		return nil, fmt.Errorf("catalog %s: %w", name, err)
	}
	return &c, nil
}
