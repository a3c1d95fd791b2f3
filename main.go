// Command iksplan designs a production IBM Cloud Kubernetes Service cluster
// with you in the terminal and renders its design document, runbook and
// Kubernetes manifests.
package main

import (
	"os"
	"path/filepath"

	"golang.org/x/term"

	"github.com/iksplan/iksplan/cli"
	"github.com/iksplan/iksplan/internal/ibmcloud"
)

// Set with -ldflags "-X main.version=… -X main.commit=…" at release time.
var (
	version = ""
	commit  = ""
)

func main() {
	// `iksplan rehearse` re-runs this binary as ibmcloud, kubectl, helm and
	// calicoctl: the IBM Cloud double.
	if tool := filepath.Base(os.Args[0]); ibmcloud.IsTool(tool) {
		os.Exit(ibmcloud.Main(tool, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, term.IsTerminal(int(os.Stdin.Fd()))))
	}
	os.Exit(cli.Execute(cli.BuildInfo{Version: version, Commit: commit}))
}
