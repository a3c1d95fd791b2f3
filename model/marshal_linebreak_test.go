package model_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// TestMarshalRefusesLeadingLineBreak: yaml.v3 writes "\n" as a block
// scalar that reads back as "" (FuzzFields: vpcID "\n" came back as no VPC
// ID, so the runbook created a new VPC) and "\n x" as " x". Marshal refuses
// such a value rather than lose it, and Load names it with its line.
func TestMarshalRefusesLeadingLineBreak(t *testing.T) {
	for _, v := range []string{"\n", "\n\n", "\n x"} {
		d, err := presets.Design("tokyo-vpc-production")
		if err != nil {
			t.Fatal(err)
		}
		d.Spec.Network.VPC.VPCID = v
		if _, err := model.Marshal(d); err == nil || !strings.Contains(err.Error(), "spec.network.vpc.vpcID begins with a line break") {
			t.Errorf("Marshal of vpcID %q: err %v, want a refusal that names spec.network.vpc.vpcID", v, err)
		}
	}
	file := "apiVersion: iksplan.dev/v1\nkind: ClusterDesign\nmetadata:\n  name: shop\nspec:\n  infrastructure: vpc\n  region: jp-tok\n  network:\n    vpc:\n      vpcID: \"\\n x\"\n"
	_, _, err := model.Load([]byte(file), "d.yaml")
	var se *model.SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("Load: %v, want a schema error", err)
	}
	for _, p := range se.Problems {
		if p.Path == "spec.network.vpc.vpcID" && p.Line == 10 && strings.Contains(p.Message, "begins with a line break") {
			return
		}
	}
	t.Errorf("Load problems %v: none at spec.network.vpc.vpcID line 10 about the line break", se.Problems)
}
