package bench

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLinksNoKubernetesLibrary fails when the iksplan binary links a
// k8s.io module again, or sigs.k8s.io/yaml and the go.yaml.in/yaml/v2 it
// brings (a third YAML library's init on every start; internal/kube/kyaml
// writes the same bytes over the v4 the binary holds anyway). Their package init (API scheme and protobuf
// registration, json-iterator, klog) ran on every start, `iksplan version`
// included, and they made 5.9 MB of the 20.5 MB release binary; the
// manifests, the double and the drill use internal/kube's copies of the
// types, and only tests import the library (issue 15).
//
// It fails as well on github.com/invopop/jsonschema or go/parser in the
// binary: `iksplan schema` prints the schema a test generates
// (cli/design.schema.json); the generator and the go/parser, go/doc and
// ordered map it links were 6 package inits of every start.
func TestBinaryLinksNoKubernetesLibrary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "..").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var bad []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "k8s.io/") || strings.HasPrefix(p, "sigs.k8s.io/") || p == "go.yaml.in/yaml/v2" ||
			p == "github.com/invopop/jsonschema" || p == "go/parser" {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		t.Fatalf("the binary links %d k8s.io, sigs.k8s.io, yaml/v2, jsonschema or go/parser packages (use internal/kube, internal/kube/kyaml and cli/design.schema.json; `go list -deps .` shows who imports them):\n%s", len(bad), strings.Join(bad, "\n"))
	}
}
