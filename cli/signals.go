package cli

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/fsutil"
)

// isWizardCommand reports whether cmd runs the wizard, which handles its
// own signals (it saves the draft, then exits 128+n).
func isWizardCommand(root, cmd *cobra.Command) bool {
	return cmd == root || cmd.Name() == "edit"
}

// trapSignals makes a command stopped by SIGINT, SIGTERM or SIGHUP remove
// the temporary folder of a set it was writing, then exit 128 + the
// signal's number (130, 143, 129) as the exit-code table says. stop undoes
// it.
func trapSignals() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			fsutil.RemovePending()
			os.Exit(128 + int(s.(syscall.Signal)))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
