package lazyre

import (
	"strings"
	"testing"
)

func TestLazy(t *testing.T) {
	good := New(`^a(\d+)$`)
	if good.re != nil {
		t.Fatal("compiled at declaration")
	}
	if m := good.FindStringSubmatch("a12"); len(m) != 2 || m[1] != "12" {
		t.Fatalf("FindStringSubmatch: %q", m)
	}
	if n, err := CompileAll(); err != nil || n != 1 {
		t.Fatalf("CompileAll with good patterns: %d, %v", n, err)
	}
	New(`a(`)
	if _, err := CompileAll(); err == nil || !strings.Contains(err.Error(), `"a("`) {
		t.Fatalf("CompileAll with a bad pattern: %v, want an error naming it", err)
	}
}
