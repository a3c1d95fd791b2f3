// Command iksplan designs a production IBM Cloud Kubernetes Service cluster
// with you in the terminal and renders its design document, runbook and
// Kubernetes manifests.
package main

import (
	"os"

	"github.com/iksplan/iksplan/cli"
)

// Set with -ldflags "-X main.version=… -X main.commit=…" at release time.
var (
	version = ""
	commit  = ""
)

func main() {
	os.Exit(cli.Execute(cli.BuildInfo{Version: version, Commit: commit}))
}
