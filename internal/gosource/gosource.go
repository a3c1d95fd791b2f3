// Package gosource parses the Go source of the package a test runs in.
// The catalogue tests of several packages (rules, cli, runbook) read their
// own package's message formats from its source, so that a message added
// in code without a translation fails a test; this is the one place that
// finds and parses those files. Only tests import it.
package gosource

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Parse returns the non-test Go files of the current directory (a test's
// working directory is its package's), parsed in name order, with the file
// set that gives their positions.
func Parse(t testing.TB) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatal("no Go source in the test's directory")
	}
	return fset, files
}
