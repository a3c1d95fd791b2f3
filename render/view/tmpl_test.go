package view

import "testing"

// TestPreloadParsesFirstSetOfEachFile checks that Preload parses a set
// before its first Execute, and only the first set made of a template file
// (render/doc's later-language sets would be parsed for nothing).
func TestPreloadParsesFirstSetOfEachFile(t *testing.T) {
	registry.Lock()
	saved := registry.sets
	registry.sets = nil
	registry.Unlock()
	t.Cleanup(func() {
		registry.Lock()
		registry.sets = saved
		registry.Unlock()
	})
	first := NewTemplateSet("runbook.sh.tmpl", "_runbook-*.tmpl", nil)
	second := NewTemplateSet("runbook.sh.tmpl", "_runbook-*.tmpl", nil)
	Preload()
	if first.tmpl == nil || first.err != nil {
		t.Fatalf("first set of runbook.sh.tmpl not parsed: tmpl %v, err %v", first.tmpl, first.err)
	}
	if second.tmpl != nil || second.err != nil {
		t.Fatal("Preload parsed a second set of the same template file")
	}
	// The second set still parses on its first use.
	if _, err := second.load(); err != nil {
		t.Fatal(err)
	}
}
