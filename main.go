// Command iksplan designs a production IBM Cloud Kubernetes Service cluster
// with you in the terminal and renders its design document, runbook and
// Kubernetes manifests.
package main

import (
	"os"
	"path/filepath"
	"runtime/debug"

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
	tuneGC(os.Getenv)
	// `iksplan rehearse` re-runs this binary as ibmcloud, kubectl, helm and
	// calicoctl: the IBM Cloud double.
	if tool := filepath.Base(os.Args[0]); ibmcloud.IsTool(tool) {
		os.Exit(ibmcloud.Main(tool, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, term.IsTerminal(int(os.Stdin.Fd()))))
	}
	os.Exit(cli.Execute(cli.BuildInfo{Version: version, Commit: commit}))
}

// gcPercent is the collector's target heap growth for iksplan's runs. A
// render, a validate or one call of the double lives for tens of
// milliseconds and allocates a few times its live heap: with Go's default
// (100) the collector ran several cycles per run, 10% of a render's CPU
// samples by perf, for memory the process returns at exit anyway. At 400
// `iksplan render` of tokyo-classic-production takes 30 ms of CPU instead
// of 41 (perf stat -r 20, task-clock; issue 15); the double, which
// rehearse starts once per ibmcloud, kubectl and helm call, gains the
// same. gcMemoryLimit keeps a large design's render, or a long wizard
// session, from growing the heap past it: near the limit the collector
// runs as often as it must.
const (
	gcPercent     = 400
	gcMemoryLimit = 1 << 30
)

// tuneGC sets gcPercent and gcMemoryLimit unless the user set GOGC or
// GOMEMLIMIT, which keep their meaning.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcMemoryLimit)
	}
}
