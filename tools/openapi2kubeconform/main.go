// Command openapi2kubeconform writes offline JSON schemas for kubeconform.
//
// It converts the definitions of a Kubernetes swagger.json (OpenAPI v2), and optionally
// CustomResourceDefinitions given as JSON, into kubeconform's layout
//
//	OUT/v<version>-standalone-strict/<kind>[-<group-first-label>]-<version>.json
//
// with standalone (all $refs inlined), strict (additionalProperties: false) schemas.
// Use it as: kubeconform -strict -schema-location OUT -kubernetes-version <version> ...
//
// Usage:
//
//	openapi2kubeconform -out DIR -kubernetes-version 1.37.2 [-swagger swagger.json] [-crd crd.json]...
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(s string) error { *f = append(*f, s); return nil }

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "openapi2kubeconform:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("openapi2kubeconform", flag.ContinueOnError)
	var (
		swagger = fs.String("swagger", "", "Kubernetes OpenAPI v2 document (api/openapi-spec/swagger.json)")
		out     = fs.String("out", "", "output schema location (the directory given to kubeconform -schema-location)")
		version = fs.String("kubernetes-version", "", "Kubernetes version, e.g. 1.37.2 (the directory is v<version>-standalone-strict)")
		verbose = fs.Bool("v", false, "list skipped kinds")
		crds    fileList
	)
	fs.Var(&crds, "crd", "CustomResourceDefinition as JSON (a CRD or a List of CRDs); repeatable")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *version == "" || (*swagger == "" && len(crds) == 0) {
		fs.Usage()
		return errors.New("need -out, -kubernetes-version and -swagger and/or -crd")
	}
	dir := filepath.Join(*out, "v"+strings.TrimPrefix(*version, "v")+"-standalone-strict")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	var conv *Converter
	var resources []Resource
	if *swagger != "" {
		data, err := os.ReadFile(*swagger)
		if err != nil {
			return err
		}
		if conv, err = ParseSwagger(data); err != nil {
			return err
		}
		rs, skipped, err := conv.Kinds()
		if err != nil {
			return err
		}
		if *verbose {
			for _, s := range skipped {
				fmt.Fprintln(os.Stderr, "skipped:", s)
			}
		}
		resources = append(resources, rs...)
	}
	for _, f := range crds {
		rs, err := crdFile(conv, f)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		resources = append(resources, rs...)
	}
	for _, r := range resources {
		data, err := json.MarshalIndent(r.Schema, "", " ")
		if err != nil {
			return fmt.Errorf("%s: %w", r.GVK.FileName(), err)
		}
		if err := os.WriteFile(filepath.Join(dir, r.GVK.FileName()), append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "openapi2kubeconform: wrote %d schemas to %s\n", len(resources), dir)
	return nil
}

func crdFile(conv *Converter, path string) ([]Resource, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc Schema
	if err := decodeJSON(data, &doc); err != nil {
		return nil, err
	}
	docs := []any{doc}
	if items, ok := doc["items"].([]any); ok && strings.HasSuffix(str(doc["kind"]), "List") {
		docs = items
	}
	var out []Resource
	for _, d := range docs {
		rs, err := conv.CRDKinds(mapOf(d))
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}
