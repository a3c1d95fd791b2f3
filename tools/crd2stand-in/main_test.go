package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

const upstream = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: globalnetworksets.crd.projectcalico.org
spec:
  group: crd.projectcalico.org
  names:
    kind: GlobalNetworkSet
    listKind: GlobalNetworkSetList
    plural: globalnetworksets
    singular: globalnetworkset
  scope: Cluster
  versions:
  - name: v1
    schema:
      openAPIV3Schema:
        properties:
          spec:
            properties:
              nets:
                items:
                  type: string
                type: array
            type: object
        type: object
    served: true
    storage: true
status:
  acceptedNames:
    kind: ""
    plural: ""
  conditions: []
  storedVersions: []
`

func TestStandIn(t *testing.T) {
	crd, err := StandIn([]byte(upstream), "projectcalico.org", "v3")
	if err != nil {
		t.Fatal(err)
	}
	if crd.Metadata.Name != "globalnetworksets.projectcalico.org" || crd.Spec.Group != "projectcalico.org" {
		t.Errorf("name %q group %q", crd.Metadata.Name, crd.Spec.Group)
	}
	if _, ok := crd.raw["status"]; ok {
		t.Error("status kept")
	}
	vs := crd.raw["spec"].(map[string]any)["versions"].([]any)
	v := vs[0].(map[string]any)
	if len(vs) != 1 || v["name"] != "v3" || v["served"] != true || v["storage"] != true {
		t.Errorf("versions = %v", vs)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "crd.projectcalico.org_globalnetworksets.yaml")
	if err := os.WriteFile(in, []byte(upstream), 0o644); err != nil {
		t.Fatal(err)
	}
	out, js := filepath.Join(dir, "y"), filepath.Join(dir, "j")
	if err := run([]string{"-group", "projectcalico.org", "-version", "v3", "-out", out, "-json-out", js, "-kinds", "GlobalNetworkSet", in}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "globalnetworksets.projectcalico.org.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := yaml.UnmarshalStrict(data, &back); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "group: projectcalico.org") {
		t.Errorf("output:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(js, "globalnetworksets.projectcalico.org.json")); err != nil {
		t.Error(err)
	}
	if err := run([]string{"-group", "g.io", "-version", "v3", "-out", out, "-kinds", "NetworkSet", in}); err == nil ||
		!strings.Contains(err.Error(), "NetworkSet") {
		t.Errorf("missing kind: err = %v", err)
	}
}
