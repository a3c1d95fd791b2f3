package wizard

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Run runs the wizard in the terminal on in and out. SIGTERM, SIGHUP and
// SIGINT save the draft before the wizard exits, as quitting does; the
// draft is saved once more after the program ends, whatever ended it.
func Run(ctx context.Context, opts Options, in io.Reader, out io.Writer) error {
	if opts.Renderer == nil {
		// On the process's stdout, lipgloss's default renderer already knows
		// the terminal's background: bubbletea v1's init asked the terminal
		// for it (OSC 11). A new renderer would ask again before the first
		// frame, one more terminal round trip.
		opts.Renderer = lipgloss.DefaultRenderer()
		if out != io.Writer(os.Stdout) {
			opts.Renderer = lipgloss.NewRenderer(out)
		}
	}
	start := &laterStart{opts: opts}
	p := tea.NewProgram(start,
		tea.WithContext(ctx),
		tea.WithInput(in),
		tea.WithOutput(out),
		tea.WithAltScreen(),
		// NB: bracketed paste stays on (bubbletea's default): a paste
		// arrives as one key marked Paste, never read as key names;
		// literalBurst does the same for unbracketed bursts.
		// NB: bubbletea's own handler turns SIGTERM into a quit the model
		// never sees; ours saves the draft first.
		tea.WithoutSignalHandler(),
	)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sig:
			p.Send(signalMsg{s})
		case <-done:
		}
	}()
	_, err := p.Run()
	close(done)
	signal.Stop(sig)
	m := start.app
	if m == nil {
		// The program ended before Init (the terminal could not be set
		// up): nothing was asked, nothing is to be saved.
		if err != nil {
			return fmt.Errorf("wizard: %w", err)
		}
		return nil
	}
	if m.ctx != nil {
		m.saveDraft()
		if m.screen != screenFinal && m.Saved != "" && m.Interrupted == nil {
			fmt.Fprintln(out, trfIn(m.lang, "Answers saved in the draft %s; run iksplan again to resume.", m.Saved))
		}
	}
	if err != nil && err != tea.ErrProgramKilled {
		return fmt.Errorf("wizard: %w", err)
	}
	if m.Interrupted != nil {
		return &InterruptedError{Signal: m.Interrupted, Draft: m.Saved}
	}
	return nil
}

// InterruptedError says the wizard was stopped by a signal (or a ctrl+c
// quit, which counts as SIGINT) before it finished; the draft keeps the
// answers. The command line exits with 128 + the signal's number.
type InterruptedError struct {
	Signal os.Signal
	// Draft is the path of the draft saved, when known.
	Draft string
}

func (e *InterruptedError) Error() string {
	msg := "wizard stopped by " + signalName(e.Signal)
	if e.Draft != "" {
		msg += "; the answers are in the draft " + e.Draft
	}
	return msg
}

// signalName is SIGINT, SIGTERM… for the signals the wizard handles.
func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}
