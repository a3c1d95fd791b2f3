package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestBareVersionIsTheCommand: Run prints a bare `version` without the
// command tree; what it prints is what the cobra command prints.
func TestBareVersionIsTheCommand(t *testing.T) {
	build := BuildInfo{Version: "1.2.3", Commit: "abc1234"}
	var fast, errOut bytes.Buffer
	if code := Run(build, []string{"version"}, strings.NewReader(""), &fast, &errOut); code != ExitOK || errOut.Len() != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var tree bytes.Buffer
	root := NewRootCommand(build, strings.NewReader(""), &tree, io.Discard)
	root.SetArgs([]string{"version"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if fast.String() != tree.String() {
		t.Fatalf("bare version printed\n%s\nthe command prints\n%s", fast.String(), tree.String())
	}
	if !strings.HasPrefix(fast.String(), "iksplan 1.2.3 (abc1234)\ncatalog as of ") {
		t.Fatalf("bare version printed %q", fast.String())
	}
}

// TestBareVersionBuildsNoCommandTree: the tree alone is 263 allocations
// (every command, flag and completion); the bare command needs a few.
func TestBareVersionBuildsNoCommandTree(t *testing.T) {
	n := testing.AllocsPerRun(5, func() {
		Run(BuildInfo{}, []string{"version"}, strings.NewReader(""), io.Discard, io.Discard)
	})
	if n > 20 {
		t.Fatalf("bare version: %v allocations; want at most 20 (no command tree)", n)
	}
}
