package ibmcloud

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Environment variables of the double. rehearse sets them; nothing else
// should.
const (
	// EnvState is the state directory; without it the tools refuse to run.
	EnvState = "IKSPLAN_DOUBLE_STATE"
	// EnvFault makes the Nth mutating ibmcloud call of this run fail once
	// with a transient error.
	EnvFault = "IKSPLAN_DOUBLE_FAULT"
)

// Config is the rehearsal's set-up of the double, in STATE_DIR/config.json.
type Config struct {
	// RealKubectl and Kubeconfig point at a real control plane: kubectl
	// passes through to it and provisioned workers become kwok nodes.
	RealKubectl string `json:"realKubectl,omitempty"`
	Kubeconfig  string `json:"kubeconfig,omitempty"`
	// NeverNormal keeps every cluster deploying (scenario 4).
	NeverNormal bool `json:"neverNormal,omitempty"`
	// MasterPolls and WorkerPolls are how many reads a master and a worker
	// take to become ready ("deploying → normal over several polls").
	MasterPolls int `json:"masterPolls"`
	WorkerPolls int `json:"workerPolls"`
}

// WriteConfig writes cfg into dir.
func WriteConfig(dir string, cfg Config) error {
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "config.json"), b, 0o600)
}

func readConfig(dir string) (Config, error) {
	cfg := Config{MasterPolls: 2, WorkerPolls: 2}
	b, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, err
	}
	return cfg, json.Unmarshal(b, &cfg)
}

// Env is what a handler works with.
type Env struct {
	Dir    string
	State  *State
	Config Config
	Stdin  io.Reader
	Out    io.Writer
	Err    io.Writer
	// IsTerminal reports whether stdin is a terminal (prompts need one, or
	// an answer on stdin).
	IsTerminal bool
	// Vars is the process environment.
	Vars func(string) string
}

// Record is one line of STATE_DIR/calls.jsonl: every call any tool got.
type Record struct {
	Tool     string   `json:"tool"`
	Args     []string `json:"args"`
	Path     string   `json:"path,omitempty"`
	Mutating bool     `json:"mutating,omitempty"`
	Fault    bool     `json:"fault,omitempty"`
	Exit     int      `json:"exit"`
	Error    string   `json:"error,omitempty"`
}

// Tools are the names the iksplan binary answers to as the double.
var Tools = []string{"ibmcloud", "kubectl", "helm", "calicoctl"}

// IsTool reports whether name (argv[0]'s base name) is one of Tools.
func IsTool(name string) bool {
	for _, t := range Tools {
		if t == name {
			return true
		}
	}
	return false
}

// Main runs tool with args and returns the exit code.
func Main(tool string, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, isTerminal bool) int {
	dir := getenv(EnvState)
	if dir == "" {
		fmt.Fprintf(stderr, "%s: this is iksplan's rehearsal double of %s; it runs only inside `iksplan rehearse` (%s is not set)\n", tool, tool, EnvState)
		return 2
	}
	unlock, err := lock(dir)
	if err != nil {
		fmt.Fprintf(stderr, "%s (double): lock state: %v\n", tool, err)
		return 2
	}
	defer unlock()
	st, err := LoadState(dir)
	if err != nil {
		fmt.Fprintf(stderr, "%s (double): %v\n", tool, err)
		return 2
	}
	cfg, err := readConfig(dir)
	if err != nil {
		fmt.Fprintf(stderr, "%s (double): config: %v\n", tool, err)
		return 2
	}
	env := &Env{Dir: dir, State: st, Config: cfg, Stdin: stdin, Out: stdout, Err: stderr, Vars: getenv, IsTerminal: isTerminal}
	rec := Record{Tool: tool, Args: args}
	var code int
	switch tool {
	case "ibmcloud":
		code = runIBMCloud(env, args, &rec)
	case "kubectl":
		code = runKubectl(env, args, &rec)
	case "helm":
		code = runHelm(env, args, &rec)
	case "calicoctl":
		code = runCalicoctl(env, args, &rec)
	default:
		fmt.Fprintf(stderr, "iksplan double: unknown tool %q\n", tool)
		return 2
	}
	rec.Exit = code
	if err := st.Save(dir); err != nil {
		fmt.Fprintf(stderr, "%s (double): save state: %v\n", tool, err)
		return 2
	}
	if err := appendRecord(dir, rec); err != nil {
		fmt.Fprintf(stderr, "%s (double): log call: %v\n", tool, err)
		return 2
	}
	return code
}

func appendRecord(dir string, rec Record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, "calls.jsonl"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReadCalls reads the call log of dir.
func ReadCalls(dir string) ([]Record, error) {
	b, err := os.ReadFile(filepath.Join(dir, "calls.jsonl"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line == "" {
			continue
		}
		var r Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// ibmError is a failed ibmcloud call: IBM's CLI prints FAILED and the
// message and exits 1.
type ibmError struct{ msg string }

func (e *ibmError) Error() string { return e.msg }

func failf(format string, a ...any) error { return &ibmError{fmt.Sprintf(format, a...)} }

func runIBMCloud(env *Env, args []string, rec *Record) int {
	call, err := Parse(Specs(), "ibmcloud", args)
	if err != nil {
		// IBM prints FAILED, then the usage error. The core CLI has exited 0
		// on usage errors (IBM-Cloud/ibm-cloud-cli-release#144, still open in
		// 2025); plug-in commands exit 1. The double always exits 1: a runbook
		// that passed a wrong flag must not look successful.
		fmt.Fprintf(env.Err, "FAILED\n%s\n", err)
		rec.Error = err.Error()
		return 1
	}
	call.env = env
	rec.Path = call.Spec.Path
	rec.Mutating = call.Spec.Mutating
	if call.Spec.Mutating {
		if n, _ := strconv.Atoi(env.Vars(EnvFault)); n > 0 && countMutating(env.Dir)+1 == n {
			rec.Fault = true
			// A transient server-side failure as the IKS API returns it
			// through the CLI (HTTP 503). Injected before any change.
			msg := "Service Unavailable: the request could not be processed at this time; try again later. (HTTP 503; fault injected by iksplan rehearse)"
			fmt.Fprintf(env.Err, "FAILED\n%s\n", msg)
			rec.Error = msg
			return 1
		}
	}
	if !env.State.Session.LoggedIn && needsLogin(call.Spec.Path) {
		// What the CLI says to a command that needs a session.
		err = failf("Not logged in. Use 'ibmcloud login' to log in.")
	} else {
		err = call.Spec.Run(call)
	}
	if err != nil {
		fmt.Fprintf(env.Err, "FAILED\n%s\n", err)
		rec.Error = err.Error()
		return 1
	}
	return 0
}

// needsLogin lists the read commands that work without a session.
func needsLogin(path string) bool {
	switch path {
	case "plugin show", "target", "login":
		return false
	}
	return true
}

func countMutating(dir string) int {
	calls, _ := ReadCalls(dir)
	n := 0
	for _, c := range calls {
		if c.Tool == "ibmcloud" && c.Mutating {
			n++
		}
	}
	return n
}

func printJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func ok(c *Call) error {
	fmt.Fprintln(c.env.Out, "OK")
	return nil
}
