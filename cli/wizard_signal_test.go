package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to read while the wizard writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWizardSignalExitCodes (issue 11 F12): a wizard stopped by SIGTERM
// exits 143, by SIGINT (ctrl+c) 130, after saving the draft.
func TestWizardSignalExitCodes(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		t.Setenv("XDG_STATE_HOME", t.TempDir())
		t.Setenv("ACCESSIBLE", "1")
		pr, pw := io.Pipe()
		var out, errb lockedBuffer
		done := make(chan int, 1)
		go func() { done <- Run(BuildInfo{}, nil, pr, &out, &errb) }()
		// Start from the first preset, then stop at the first question.
		waitOut(t, &out, "How do you want to start?")
		go io.WriteString(pw, "1\n")
		waitOut(t, &out, "== Step 1 of")
		if err := syscall.Kill(syscall.Getpid(), tc.sig); err != nil {
			t.Fatal(err)
		}
		select {
		case code := <-done:
			if code != tc.code || !strings.Contains(errb.String(), "wizard stopped by") {
				t.Fatalf("%v: exit %d, stderr %q", tc.sig, code, errb.String())
			}
			if drafts, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "iksplan", "drafts", "*.yaml")); len(drafts) != 1 {
				t.Fatalf("%v: drafts %v", tc.sig, drafts)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: the wizard did not stop", tc.sig)
		}
		pw.Close()
	}
}

func waitOut(t *testing.T, out *lockedBuffer, s string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(out.String(), s) {
			return
		}
	}
	t.Fatalf("timed out waiting for %q in %q", s, out.String())
}
