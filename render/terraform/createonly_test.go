package terraform

import (
	"bytes"
	"os"
	"testing"

	"github.com/iksplan/iksplan/render/terraform/internal/createonly"
)

// TestCreateOnlyIsTheSnapshot holds createonly_gen.go to the schema
// snapshot twice: byte for byte against what go generate writes now (so a
// snapshot re-extracted without go generate fails here), and argument by
// argument against the snapshot as the other tests decode it, so a wrong
// generator fails too: every top-level argument of every resource type
// gives ForceNew, else ApplyOnce, else nothing, and the commit and
// version are the snapshot's, of the provider release the module pins.
func TestCreateOnlyIsTheSnapshot(t *testing.T) {
	want, err := createonly.Generate(schemaJSON)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(createonly.Out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go generate ./render/terraform", createonly.Out)
	}

	sch, err := ProviderSchema()
	if err != nil {
		t.Fatal(err)
	}
	if schemaCommit != sch.Commit || schemaVersion != sch.Version || schemaVersion != ProviderVersion {
		t.Errorf("generated commit %s version %s, snapshot %s %s, module pins %s",
			schemaCommit, schemaVersion, sch.Commit, sch.Version, ProviderVersion)
	}
	n := 0
	for typ, b := range sch.Resources {
		for name, a := range b.Attributes {
			var k createOnly
			switch {
			case a.ForceNew:
				k = fixedAtCreate
			case a.ApplyOnce:
				k = ignoredAfterCreate
			}
			if k != 0 {
				n++
			}
			if got := createOnlyOf(typ, name); got != k {
				t.Errorf("createOnlyOf(%s, %s) = %d, the snapshot says %d", typ, name, got, k)
			}
		}
		if got := createOnlyOf(typ, "no_such_argument"); got != 0 {
			t.Errorf("createOnlyOf(%s, no_such_argument) = %d", typ, got)
		}
	}
	if n == 0 {
		t.Error("the snapshot marks nothing ForceNew or ApplyOnce")
	}
	// Data sources are never replaced: none of theirs counts, nor an
	// unknown type.
	for typ := range sch.DataSources {
		if _, ok := sch.Resources[typ]; !ok && createOnlyOf(typ, "name") != 0 {
			t.Errorf("createOnlyOf(%s, name) of a data source is not 0", typ)
		}
	}
	if createOnlyOf("ibm_no_such_type", "name") != 0 {
		t.Error("createOnlyOf of an unknown type is not 0")
	}
}
