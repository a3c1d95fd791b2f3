package catalog

import (
	"bytes"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestBucketClassesAreCatalogFacts: every bucket class a design can name
// has its cos plug-in --class keyword in the catalog (the runbook's
// bucket-create reads it there; the mapping was a switch in
// render/runbook/storage.go), and a catalog file that leaves one out is
// refused by Check.
func TestBucketClassesAreCatalogFacts(t *testing.T) {
	c := Default()
	for _, bc := range model.BucketClass("").Choices() {
		if k, ok := c.COSClass(bc.Value); !ok || k == "" {
			t.Errorf("bucket class %s has no cos --class keyword in the catalog", bc.Value)
		}
	}
	_, err := Parse(bytes.Replace(Embedded(), []byte("    - {class: cold, cosClass: cold}\n"), nil, 1), "without cold")
	if err == nil || !strings.Contains(err.Error(), "bucketClasses") {
		t.Fatalf("a catalog without the cold class: %v; want Check to name objectStorage.bucketClasses", err)
	}
}
