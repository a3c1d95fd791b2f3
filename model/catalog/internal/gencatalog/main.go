// Command gencatalog compiles catalog.yaml into Go data: it parses and
// checks the catalog as `--catalog FILE` would, then writes catalog_gen.go,
// a composite literal of the same value. The program then starts without
// parsing YAML (parsing the embedded catalog was most of the time before
// the wizard's first frame, issue 15).
//
// Run it through go generate in model/catalog:
//
//	go generate ./model/catalog
//
// It builds with -tags nogencatalog, which leaves the generated file out,
// so a stale catalog_gen.go that no longer compiles cannot stop it.
package main

import (
	"fmt"
	"os"

	"github.com/iksplan/iksplan/internal/fsutil"
	"github.com/iksplan/iksplan/model/catalog"
)

func main() {
	if err := run("catalog.yaml", "catalog_gen.go"); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	c, err := catalog.LoadFile(in)
	if err != nil {
		return err
	}
	src, err := Source(c)
	if err != nil {
		return err
	}
	// Atomic: an interrupted run leaves the old file whole.
	return fsutil.WriteFile(out, src, 0o644, true)
}
