package main

import (
	"encoding/json"
	"testing"
)

// The fixture under testdata/src is a few made-up files in the provider's
// layout, written for this test.
func TestExtractFixture(t *testing.T) {
	snap, err := Extract("testdata/src", "0123456789abcdef0123456789abcdef01234567", []string{"demo_other", "demo_thing"}, []string{"demo_thing"})
	if err != nil {
		t.Fatal(err)
	}
	if snap.Version != "9.8.7" || snap.Commit[:4] != "0123" {
		t.Errorf("version %q commit %q", snap.Version, snap.Commit)
	}
	if len(snap.Unresolved) > 0 {
		t.Errorf("unresolved: %v", snap.Unresolved)
	}
	got, _ := json.Marshal(snap.Resources["demo_thing"])
	want := `{"attributes":{"console_url":{"type":"string","computed":true},` +
		`"effect":{"type":"string","optional":true,"allowed":["NoSchedule","NoExecute"]},` +
		`"labels":{"type":"map","optional":true,"elem_type":"string"},` +
		`"mode":{"type":"string","optional":true,"allowed":["a","size"],"allowed_ignore_case":true},` +
		`"name":{"type":"string","required":true,"force_new":true,"description":"The name"},` +
		`"old":{"type":"bool","optional":true,"deprecated":"use name"},` +
		`"size":{"type":"int","optional":true,"apply_once":true,"default":"1"},` +
		`"tags":{"type":"set","optional":true,"elem_type":"string"},` +
		`"zones":{"type":"list","required":true,"max_items":3,"block":{"attributes":{"zone":{"type":"string","required":true,"conflicts_with":["other"]}}}}}}`
	if string(got) != want {
		t.Errorf("demo_thing:\n got %s\nwant %s", got, want)
	}
	other := snap.Resources["demo_other"].Attributes
	if other["id_of"] == nil || !other["id_of"].Required || other["added"] == nil || other["late"] == nil {
		t.Errorf("demo_other: a schema built in steps lost entries: %v", other)
	}
	ds := snap.DataSources["demo_thing"].Attributes["name"]
	if ds == nil || len(ds.ExactlyOneOf) != 2 {
		t.Errorf("data source demo_thing: %+v", ds)
	}
}

func TestExtractRefusesUnknownTypes(t *testing.T) {
	if _, err := Extract("testdata/src", "c", []string{"demo_missing"}, nil); err == nil {
		t.Fatal("an unregistered type was accepted")
	}
}
