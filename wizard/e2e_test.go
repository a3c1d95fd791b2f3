package wizard

import (
	"bytes"
	"github.com/charmbracelet/x/ansi"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/iksplan/iksplan/model"
)

// outputWatcher reads a program's output in the background and says when
// some text has appeared.
type outputWatcher struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func watch(r io.Reader) *outputWatcher {
	w := &outputWatcher{}
	go func() {
		b := make([]byte, 32<<10)
		for {
			n, err := r.Read(b)
			w.mu.Lock()
			w.buf.Write(b[:n])
			w.mu.Unlock()
			if err != nil && err != io.EOF {
				return
			}
			if n == 0 {
				time.Sleep(5 * time.Millisecond)
			}
		}
	}()
	return w
}

func (w *outputWatcher) has(s string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return bytes.Contains(w.buf.Bytes(), []byte(s))
}

// TestEndToEnd runs the real program (teatest, 120×40) from the welcome
// screen through every step of a preset to written artifacts, answering
// each page with enter, one key at a time.
func TestEndToEnd(t *testing.T) {
	dir := t.TempDir()
	opts := testOptions(t, nil)
	opts.Write = nil // the real renderers
	opts.OutDir = filepath.Join(dir, "out")
	m := New(opts)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	out := watch(tm.Output())
	enter := tea.KeyMsg{Type: tea.KeyEnter}

	waitFor := func(s string) {
		t.Helper()
		for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if out.has(s) {
				return
			}
		}
		t.Fatalf("timed out waiting for %q", s)
	}
	waitFor("How do you want to start?")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown}) // tokyo-classic-production
	tm.Send(enter)
	waitFor("step 1/12 Basics")
	// NB: a deadline, not a count of keys: on a loaded machine several
	// enters can be handled between two frames, so a short step may never
	// be drawn; the harness tests check every page.
	for deadline := time.Now().Add(2 * time.Minute); !out.has("12/12 Review"); time.Sleep(40 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("stuck before the review")
		}
		tm.Send(enter)
	}
	for deadline := time.Now().Add(2 * time.Minute); !out.has("Design written"); time.Sleep(80 * time.Millisecond) {
		if time.Now().After(deadline) {
			out.mu.Lock()
			tail := out.buf.String()
			out.mu.Unlock()
			t.Fatalf("review did not write; last output:\n%s", ansi.Strip(tail[max(len(tail)-3000, 0):]))
		}
		tm.Send(enter)
	}
	time.Sleep(500 * time.Millisecond) // keys typed ahead do not close the summary at once
	tm.Send(enter)                     // leave the final screen
	tm.WaitFinished(t, teatest.WithFinalTimeout(time.Minute))
	final := tm.FinalModel(t).(*App)
	if final.screen != screenFinal || len(final.ctx.svc.review.written) < 5 {
		t.Fatalf("final screen %v, written %v", final.screen, final.ctx.svc.review.written)
	}
	for _, f := range []string{"DESIGN.md", "runbook.sh", "design.yaml"} {
		if _, err := os.Stat(filepath.Join(opts.OutDir, f)); err != nil {
			t.Error(err)
		}
	}
	if !out.has("DRY_RUN=1 ") || !out.has("kubectl apply -f ") {
		t.Error("final screen lacks the next commands")
	}
	d, _, err := opts.Drafts.Load(final.draftID)
	if err != nil || marshal(t, d) != marshal(t, final.Design()) {
		t.Fatalf("draft after the run: %v", err)
	}
	if !strings.Contains(marshal(t, final.Design()), "name: shop-prod") {
		t.Fatal("design lost its name")
	}
	_ = model.APIVersion
}
