package importer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"golang.org/x/term"
)

// TestMain lets the test binary play the IBM double, as in rehearse: the
// rehearsal links ibmcloud, kubectl, helm and calicoctl to it.
func TestMain(m *testing.M) {
	if tool := filepath.Base(os.Args[0]); ibmcloud.IsTool(tool) {
		os.Exit(ibmcloud.Main(tool, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, term.IsTerminal(int(os.Stdin.Fd()))))
	}
	os.Exit(m.Run())
}
