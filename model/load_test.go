package model_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

func TestPresetsRoundTrip(t *testing.T) {
	for _, p := range presets.All() {
		t.Run(p.Name, func(t *testing.T) {
			d, _, err := model.Load(p.Data, p.Name)
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			model.ApplyDefaults(d)
			out, err := model.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			back, _, err := model.Load(out, "round-trip")
			if err != nil {
				t.Fatalf("reload: %v\n%s", err, out)
			}
			if !reflect.DeepEqual(d, back) {
				t.Fatalf("marshal → load changed the design:\n%s", out)
			}
		})
	}
}

func TestNewDesignRoundTrips(t *testing.T) {
	d := model.New("demo")
	out, err := model.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := model.Load(out, "new")
	if err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(d, back) {
		t.Fatalf("round trip changed the new design:\n%s", out)
	}
}

func TestDefaultsAreIdempotentAndKeepValues(t *testing.T) {
	d := model.New("demo")
	d.Spec.WorkerPools[0].Isolation = model.IsolationBareMetal
	d.Spec.Logging.Sources = []model.LogSource{model.SourceIngress}
	once := d.Clone()
	model.ApplyDefaults(d)
	if !reflect.DeepEqual(once, d) {
		t.Fatal("ApplyDefaults changed an already-defaulted design")
	}
	if d.Spec.WorkerPools[0].Isolation != model.IsolationBareMetal || len(d.Spec.Logging.Sources) != 1 {
		t.Fatal("ApplyDefaults overwrote a user's value")
	}
}

const valid = `apiVersion: iksplan/v1alpha1
kind: ClusterDesign
metadata:
  name: shop-prod
spec:
  environment: production
  infrastructure: classic
  region: jp-tok
  zones: [tok02, tok04, tok05]
  kubernetesVersion: "1.34"
  sizing:
    demand: {cpu: 40, memoryGiB: 160}
  workerPools:
    - name: default
      isolation: dedicated
      flavor: b3c.8x32
`

func TestLoadStrictProblems(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(string) string
		path     string
		line     int
		contains string
	}{
		{"unknown key", func(s string) string {
			return strings.Replace(s, "  region: jp-tok\n", "  region: jp-tok\n  regoin: x\n", 1)
		}, "spec.regoin", 9, `unknown field "regoin"`},
		{"wrong type", func(s string) string {
			return strings.Replace(s, "cpu: 40", "cpu: forty", 1)
		}, "spec.sizing.demand.cpu", 12, "expected a number"},
		{"list expected", func(s string) string {
			return strings.Replace(s, "zones: [tok02, tok04, tok05]", "zones: tok02", 1)
		}, "spec.zones", 9, "expected a list"},
		{"wrong apiVersion", func(s string) string {
			return strings.Replace(s, "iksplan/v1alpha1", "iksplan/v2", 1)
		}, "apiVersion", 1, `iksplan reads "iksplan/v1alpha1"`},
		{"wrong kind", func(s string) string {
			return strings.Replace(s, "kind: ClusterDesign", "kind: Cluster", 1)
		}, "kind", 2, "expected"},
		{"bad enum", func(s string) string {
			return strings.Replace(s, "isolation: dedicated", "isolation: private", 1)
		}, "spec.workerPools[0].isolation", 15, `"private" is not one of: shared, dedicated, bare-metal`},
		{"unknown key in a list item", func(s string) string {
			return strings.Replace(s, "      flavor: b3c.8x32\n", "      flavor: b3c.8x32\n      size: 3\n", 1)
		}, "spec.workerPools[0].size", 17, `unknown field "size"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := model.Load([]byte(tc.edit(valid)), "d.yaml")
			var se *model.SchemaError
			if !errors.As(err, &se) {
				t.Fatalf("want *SchemaError, got %T %v", err, err)
			}
			for _, p := range se.Problems {
				if p.Path == tc.path && p.Line == tc.line && strings.Contains(p.Message, tc.contains) {
					return
				}
			}
			t.Fatalf("no problem at %s line %d containing %q; got %v", tc.path, tc.line, tc.contains, se.Problems)
		})
	}
}

func TestLoadValidHasNoProblems(t *testing.T) {
	d, src, err := model.Load([]byte(valid), "d.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Metadata.Name != "shop-prod" || len(d.Spec.Zones) != 3 {
		t.Fatalf("decoded %+v", d.Metadata)
	}
	if got := src.Line("spec.workerPools[0].flavor"); got != 16 {
		t.Fatalf("line of flavor = %d, want 16", got)
	}
	// A path the file does not write points at its nearest written parent.
	if got := src.Line("spec.network.ingress"); got != 5 || src.Has("spec.network") {
		t.Fatalf("a path not in the file has line %d", got)
	}
	if got := src.Line("spec.zones[1]"); got != 9 {
		t.Fatalf("line of zones[1] = %d, want 9", got)
	}
}

func TestLoadSyntaxErrors(t *testing.T) {
	for name, text := range map[string]string{
		"not yaml":   "apiVersion: [unclosed\n",
		"empty":      "",
		"comment":    "# nothing\n",
		"a list":     "- a\n- b\n",
		"tab indent": "apiVersion: x\n\tkind: y\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := model.Load([]byte(text), "d.yaml")
			var se *model.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("want *SyntaxError, got %T %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), "d.yaml: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
		})
	}
}

func TestCloneIsDeepAndExact(t *testing.T) {
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		model.ApplyDefaults(d)
		c := d.Clone()
		if !reflect.DeepEqual(d, c) {
			t.Fatalf("%s: clone differs", p.Name)
		}
		c.Spec.Zones[0] = "changed"
		c.Spec.WorkerPools[0].Labels = map[string]string{"a": "b"}
		if c.Spec.Network.VPC != nil {
			c.Spec.Network.VPC.VPCName = "changed"
		}
		if reflect.DeepEqual(d, c) || d.Spec.Zones[0] == "changed" || d.Spec.WorkerPools[0].Labels != nil ||
			d.Spec.Network.VPC != nil && d.Spec.Network.VPC.VPCName == "changed" {
			t.Fatalf("%s: clone shares memory with the original", p.Name)
		}
	}
}
