package runbook

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// TestUndefinedReferenceFails: a reference to a variable the block does
// not define fails the build and is named, whether or not other variables
// are referenced too; a block that defines every reference passes.
func TestUndefinedReferenceFails(t *testing.T) {
	d, err := presets.Design("dev-single-zone")
	if err != nil {
		t.Fatal(err)
	}
	b := newBuilder(view.New(d, catalog.Default(), "x.yaml"))
	b.vars.define("DEFINED_A", "a", "", "")
	b.vars.define("DEFINED_B", "b", "", "")
	b.vars.define("NEVER_USED", "c", "", "")
	b.uses["DEFINED_A"] = true
	if err := b.checkUses(b.vars.used(b.uses, groupOrder)); err != nil {
		t.Fatalf("every reference defined: %v", err)
	}
	b.uses["NOT_DEFINED"] = true
	err = b.checkUses(b.vars.used(b.uses, groupOrder))
	if err == nil || !strings.Contains(err.Error(), "undefined variables NOT_DEFINED") {
		t.Fatalf("want the undefined NOT_DEFINED named, got %v", err)
	}
}
