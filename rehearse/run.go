// Package rehearse executes a design's rendered runbook.sh for real, with
// iksplan's IBM Cloud double (internal/ibmcloud) on PATH: a fresh run, a
// second run that must not change anything, a run per injected fault that
// must stop with a resumable message and converge on rerun, and a cluster
// that never becomes ready.
package rehearse

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/iksplan/iksplan/internal/ibmcloud"
)

// world is one simulated account plus the rendered runbook it runs on.
type world struct {
	dir      string // the world's root: state/, home/, bin/
	runbook  string // directory holding runbook.sh and its files
	binary   string // the iksplan executable
	cfg      ibmcloud.Config
	groups   []string
	realPath string
	// seed adds what the design says already exists (an existing VPC
	// and its subnets) to the fresh account.
	seed func(*ibmcloud.State)
}

// timeout bounds one execution of the runbook (IKSPLAN_REHEARSE_TIMEOUT,
// a Go duration; default 20m).
func (w *world) timeout() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("IKSPLAN_REHEARSE_TIMEOUT")); err == nil && d > 0 {
		return d
	}
	return 20 * time.Minute
}

func (w *world) stateDir() string { return filepath.Join(w.dir, "state") }

// setup creates the state, a HOME and a bin/ of tool links.
func (w *world) setup() error {
	for _, d := range []string{w.stateDir(), filepath.Join(w.dir, "home"), filepath.Join(w.dir, "bin")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	st := ibmcloud.NewState(w.groups...)
	if w.seed != nil {
		w.seed(st)
	}
	if err := st.Save(w.stateDir()); err != nil {
		return err
	}
	if err := ibmcloud.WriteConfig(w.stateDir(), w.cfg); err != nil {
		return err
	}
	for _, t := range ibmcloud.Tools {
		link := filepath.Join(w.dir, "bin", t)
		_ = os.Remove(link)
		if err := os.Symlink(w.binary, link); err != nil {
			return err
		}
	}
	return nil
}

// result is one execution of runbook.sh.
type result struct {
	exit   int
	output string // stdout and stderr, interleaved
	calls  []ibmcloud.Record
}

// mutating counts the mutating ibmcloud calls of the run.
func (r result) mutating() []ibmcloud.Record {
	var out []ibmcloud.Record
	for _, c := range r.calls {
		if c.Tool == "ibmcloud" && c.Mutating {
			out = append(out, c)
		}
	}
	return out
}

// run executes runbook.sh once. fault > 0 fails the fault-th mutating
// call; progress, if set, gets each step banner as it starts.
func (w *world) run(fault int, progress func(string)) (result, error) {
	return w.runScript(filepath.Join(w.runbook, "runbook.sh"), nil, fault, progress)
}

// runScript executes script (in its own directory) with the world's
// environment plus extra (NAME=value), as run does for runbook.sh.
func (w *world) runScript(script string, extra []string, fault int, progress func(string)) (result, error) {
	logPath := filepath.Join(w.stateDir(), "calls.jsonl")
	_ = os.Remove(logPath)
	ctx, cancel := context.WithTimeout(context.Background(), w.timeout())
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", script)
	cmd.WaitDelay = 5 * time.Second
	cmd.Dir = filepath.Dir(script)
	home := filepath.Join(w.dir, "home")
	cmd.Env = []string{
		"PATH=" + filepath.Join(w.dir, "bin") + string(os.PathListSeparator) + w.realPath,
		"HOME=" + home,
		"KUBECONFIG=" + filepath.Join(home, ".kube", "config"),
		"LANG=C.UTF-8",
		ibmcloud.EnvState + "=" + w.stateDir(),
		// The runbook's secrets come from the environment; rehearsal
		// passes stand-ins (never real keys).
		"IBMCLOUD_API_KEY=rehearsal-not-a-key",
		"LOGS_AGENT_API_KEY=rehearsal-logs-agent-key",
		"MONITORING_ACCESS_KEY=rehearsal-monitoring-key",
		// The double counts polls, so wait_for need not sleep; against a
		// real control plane, kwok and the controllers take real seconds.
		"RUNBOOK_POLL_SECONDS=" + w.pollSeconds(),
	}
	cmd.Env = append(cmd.Env, extra...)
	if fault > 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%d", ibmcloud.EnvFault, fault))
	}
	cmd.Stdin = nil // /dev/null: nothing answers a prompt
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			buf.WriteString(line + "\n")
			if progress != nil && (strings.HasPrefix(line, "==== Step ") || strings.HasPrefix(line, "==== ステップ ")) {
				progress(strings.TrimSuffix(strings.TrimPrefix(line, "==== "), " ===="))
			}
		}
		close(done)
	}()
	err := cmd.Start()
	if err != nil {
		pw.Close()
		<-done
		return result{}, err
	}
	werr := cmd.Wait()
	pw.Close()
	<-done
	res := result{output: buf.String()}
	if ctx.Err() != nil {
		res.output += fmt.Sprintf("rehearse: the runbook did not finish within %s; stopped it\n", w.timeout())
	}
	if werr != nil {
		ee, ok := werr.(*exec.ExitError)
		if !ok {
			return res, werr
		}
		res.exit = ee.ExitCode()
	}
	res.calls, err = ibmcloud.ReadCalls(w.stateDir())
	return res, err
}

func (w *world) pollSeconds() string {
	if w.cfg.RealKubectl != "" {
		return "2"
	}
	return "0"
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
