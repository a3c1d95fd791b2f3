package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

const testSwagger = `{
  "definitions": {
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"},
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": "string", "format": "int-or-string"},
    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {
      "type": "object",
      "properties": {"name": {"type": "string"}, "labels": {"type": "object", "additionalProperties": {"type": "string"}}}
    },
    "io.k8s.api.test.v1.Node": {
      "type": "object",
      "properties": {"child": {"$ref": "#/definitions/io.k8s.api.test.v1.Node"}, "name": {"type": "string"}}
    },
    "io.k8s.api.test.v1.Free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true, "properties": {"a": {"type": "string"}}},
    "io.k8s.api.test.v1.WidgetSpec": {
      "type": "object",
      "required": ["size"],
      "properties": {
        "size": {"type": "integer", "format": "int32"},
        "port": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString", "description": "port"},
        "cpu": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"},
        "tree": {"$ref": "#/definitions/io.k8s.api.test.v1.Node"},
        "free": {"$ref": "#/definitions/io.k8s.api.test.v1.Free"},
        "tags": {"type": "array", "items": {"type": "string"}}
      }
    },
    "io.k8s.api.test.v1.Widget": {
      "type": "object",
      "required": ["spec"],
      "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
        "spec": {"$ref": "#/definitions/io.k8s.api.test.v1.WidgetSpec"}
      },
      "x-kubernetes-group-version-kind": [{"group": "test.example.io", "kind": "Widget", "version": "v1"}]
    },
    "io.k8s.api.core.v1.Thing": {
      "type": "object",
      "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}},
      "x-kubernetes-group-version-kind": [{"group": "", "kind": "Thing", "version": "v1"}]
    }
  }
}`

func get(t *testing.T, s any, path ...string) any {
	t.Helper()
	for _, p := range path {
		m, ok := s.(map[string]any)
		if !ok {
			t.Fatalf("at %q: %T is not an object", p, s)
		}
		s, ok = m[p]
		if !ok {
			t.Fatalf("no key %q in %v", p, m)
		}
	}
	return s
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestKinds(t *testing.T) {
	c, err := ParseSwagger([]byte(testSwagger))
	if err != nil {
		t.Fatal(err)
	}
	rs, skipped, err := c.Kinds()
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 0 {
		t.Errorf("skipped: %v", skipped)
	}
	var files []string
	byFile := map[string]Schema{}
	for _, r := range rs {
		files = append(files, r.GVK.FileName())
		byFile[r.GVK.FileName()] = r.Schema
	}
	if want := []string{"thing-v1.json", "widget-test-v1.json"}; !reflect.DeepEqual(files, want) {
		t.Fatalf("files %v, want %v", files, want)
	}
	w := byFile["widget-test-v1.json"]
	checks := []struct {
		path []string
		want string
	}{
		{[]string{"additionalProperties"}, `false`},
		{[]string{"properties", "apiVersion", "enum"}, `["test.example.io/v1"]`},
		{[]string{"properties", "kind", "enum"}, `["Widget"]`},
		{[]string{"properties", "spec", "type"}, `"object"`}, // required: no null
		{[]string{"properties", "metadata", "type"}, `["object","null"]`},
		{[]string{"properties", "metadata", "additionalProperties"}, `false`},
		{[]string{"properties", "spec", "additionalProperties"}, `false`},
		{[]string{"properties", "spec", "properties", "size", "type"}, `"integer"`},
		{[]string{"properties", "spec", "properties", "port", "oneOf"}, `[{"type":"string"},{"type":"integer"},{"type":"null"}]`},
		{[]string{"properties", "spec", "properties", "port", "description"}, `"port"`},
		{[]string{"properties", "spec", "properties", "cpu", "oneOf"}, `[{"type":"string"},{"type":"number"},{"type":"null"}]`},
		{[]string{"properties", "spec", "properties", "tags", "type"}, `["array","null"]`},
		{[]string{"properties", "spec", "properties", "tags", "items", "type"}, `"string"`},
		{[]string{"properties", "spec", "properties", "tree", "properties", "child"}, `{}`},
		{[]string{"properties", "spec", "properties", "free", "type"}, `["object","null"]`},
	}
	for _, ck := range checks {
		if got := jsonOf(t, get(t, w, ck.path...)); got != ck.want {
			t.Errorf("%v = %s, want %s", ck.path, got, ck.want)
		}
	}
	if _, ok := get(t, w, "properties", "spec", "properties", "free").(map[string]any)["additionalProperties"]; ok {
		t.Errorf("preserve-unknown-fields object must not get additionalProperties")
	}
	if got := jsonOf(t, get(t, byFile["thing-v1.json"], "properties", "apiVersion", "enum")); got != `["v1"]` {
		t.Errorf("core apiVersion enum = %s", got)
	}
}

const testCRD = `{
  "apiVersion": "apiextensions.k8s.io/v1",
  "kind": "CustomResourceDefinition",
  "metadata": {"name": "gadgets.example.org"},
  "spec": {
    "group": "example.org",
    "names": {"kind": "Gadget", "plural": "gadgets"},
    "scope": "Cluster",
    "versions": [{"name": "v3", "served": true, "storage": true, "schema": {"openAPIV3Schema": {
      "type": "object",
      "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "metadata": {"type": "object"},
        "spec": {"type": "object", "properties": {
          "port": {"anyOf": [{"type": "integer"}, {"type": "string"}], "x-kubernetes-int-or-string": true},
          "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
          "action": {"type": "string"}
        }}
      }
    }}}]
  }
}`

func TestCRDKindsAndMain(t *testing.T) {
	dir := t.TempDir()
	sw := filepath.Join(dir, "swagger.json")
	crd := filepath.Join(dir, "crd.json")
	if err := os.WriteFile(sw, []byte(testSwagger), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crd, []byte(testCRD), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := run([]string{"-out", out, "-kubernetes-version", "1.2.3", "-swagger", sw, "-crd", crd}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "v1.2.3-standalone-strict", "gadget-example-v3.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s Schema
	if err := decodeJSON(data, &s); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		path []string
		want string
	}{
		{[]string{"additionalProperties"}, `false`},
		{[]string{"properties", "apiVersion", "enum"}, `["example.org/v3"]`},
		{[]string{"properties", "spec", "additionalProperties"}, `false`},
		{[]string{"properties", "spec", "properties", "port", "oneOf"}, `[{"type":"string"},{"type":"integer"},{"type":"null"}]`},
		// metadata is replaced by ObjectMeta from the swagger definitions
		{[]string{"properties", "metadata", "additionalProperties"}, `false`},
		{[]string{"properties", "metadata", "properties", "name", "type"}, `["string","null"]`},
	}
	for _, ck := range checks {
		if got := jsonOf(t, get(t, s, ck.path...)); got != ck.want {
			t.Errorf("%v = %s, want %s", ck.path, got, ck.want)
		}
	}
	if _, ok := get(t, s, "properties", "spec", "properties", "extra").(map[string]any)["additionalProperties"]; ok {
		t.Errorf("preserve-unknown-fields object must not get additionalProperties")
	}
	if _, err := os.Stat(filepath.Join(out, "v1.2.3-standalone-strict", "widget-test-v1.json")); err != nil {
		t.Errorf("swagger kinds not written: %v", err)
	}
}

func TestRunUsage(t *testing.T) {
	if err := run([]string{"-out", t.TempDir()}); err == nil {
		t.Fatal("want an error without inputs")
	}
}
