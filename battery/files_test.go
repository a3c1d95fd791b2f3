package battery

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// bigDesign is the VPC preset with n more namespaces (each with a quota,
// so each adds to several manifests), tagged so two tags give two designs
// whose every artifact differs.
func bigDesign(t *testing.T, n int, tag string) []byte {
	t.Helper()
	base := presetBytes(t)
	if !bytes.HasSuffix(bytes.TrimRight(base, "\n"), []byte("quota: {cpu: 24, memoryGiB: 96, pods: 200}")) {
		t.Fatal("the VPC preset no longer ends with its namespaces list")
	}
	var b bytes.Buffer
	b.Write(bytes.Replace(base, []byte("description: "), []byte("description: "+tag+" "), 1))
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    - {name: %s-%04d, podSecurity: restricted, quota: {cpu: 1, memoryGiB: 2, pods: 20}}\n", tag, i)
	}
	return b.Bytes()
}

// snapshot maps each file under dir to its content's hash.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSet(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func renderWith(t *testing.T, design, out string) {
	t.Helper()
	if b, err := exec.Command(iksplan(t), "render", design, "--out", out, "--force").CombinedOutput(); err != nil {
		t.Fatalf("render %s: %v\n%s", design, err, b)
	}
}

// TestKillDuringRenderLeavesOneSet kills `iksplan render --force` of a
// 5,000-namespace design with SIGKILL at random points, 20 times, always
// rendering the other of two designs over the folder. After every kill
// the folder must hold exactly one whole set, the old or the new, never a
// mix; the next run removes what the killed one left.
func TestKillDuringRenderLeavesOneSet(t *testing.T) {
	root := t.TempDir()
	designs := [2]string{filepath.Join(root, "a.yaml"), filepath.Join(root, "b.yaml")}
	for i, tag := range []string{"alpha", "beta"} {
		if err := os.WriteFile(designs[i], bigDesign(t, 5000, tag), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var sets [2]map[string][32]byte
	start := time.Now()
	for i := range designs {
		ref := filepath.Join(root, fmt.Sprintf("ref-%d", i))
		renderWith(t, designs[i], ref)
		sets[i] = snapshot(t, ref)
	}
	full := time.Since(start) / 2

	const workers, kills = 2, 20
	var mu sync.Mutex
	mixed, old, renewed, tried := 0, 0, 0, 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 11))
			out := filepath.Join(root, fmt.Sprintf("w%d", w), "out")
			if b, err := exec.Command(iksplan(t), "render", designs[0], "--out", out).CombinedOutput(); err != nil {
				t.Errorf("render: %v\n%s", err, b)
				return
			}
			// Kill anywhere from the start to a little past the end of a
			// --force render as long as this worker's own, alongside the
			// others.
			began := time.Now()
			if b, err := exec.Command(iksplan(t), "render", designs[1], "--out", out, "--force").CombinedOutput(); err != nil {
				t.Errorf("render: %v\n%s", err, b)
				return
			}
			span := int64(time.Since(began)) * 5 / 4
			holds := 1
			for k := 0; k < kills/workers; k++ {
				next := 1 - holds
				cmd := exec.Command(iksplan(t), "render", designs[next], "--out", out, "--force")
				if err := cmd.Start(); err != nil {
					t.Error(err)
					return
				}
				time.Sleep(time.Duration(rng.Int64N(span)))
				_ = cmd.Process.Signal(syscall.SIGKILL)
				_ = cmd.Wait()
				got := snapshot(t, out)
				mu.Lock()
				tried++
				switch {
				case sameSet(got, sets[holds]):
					old++
				case sameSet(got, sets[next]):
					renewed++
					holds = next
				default:
					mixed++
					t.Errorf("worker %d kill %d: the folder holds neither whole set (%d files)", w, k, len(got))
				}
				mu.Unlock()
			}
			// The next run completes and removes the killed runs' debris.
			renderWith(t, designs[1-holds], out)
			if !sameSet(snapshot(t, out), sets[1-holds]) {
				t.Errorf("worker %d: the run after the kills did not write its whole set", w)
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".out.iksplan-tmp-*"))
			if len(left) > 0 {
				t.Errorf("worker %d: temporaries left after a clean run: %v", w, left)
			}
		}(w)
	}
	wg.Wait()
	t.Logf("kills: %d tried (render of %d files, %.1f s each); %d left the old set, %d the new one, %d mixed",
		tried, len(sets[0]), full.Seconds(), old, renewed, mixed)
}

// signalValidate starts `iksplan validate -` blocked on stdin, sends sig and
// returns the exit code. A signal that lands before the CLI has installed its
// handler kills the process outright (exit -1, "signal: ..."): on a loaded
// machine that start-up can take longer than any fixed sleep, so such a run is
// retried with a longer wait (up to about 5 s in all). A CLI with no handler
// at all is killed every time and still fails.
func signalValidate(t *testing.T, sig syscall.Signal) (int, *os.ProcessState) {
	t.Helper()
	var state *os.ProcessState
	for wait := 150 * time.Millisecond; wait <= 2400*time.Millisecond; wait *= 2 {
		cmd := exec.Command(iksplan(t), "validate", "-")
		w, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait) // let it install its handler and block on stdin
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()
		w.Close()
		state = cmd.ProcessState
		if ws, ok := state.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
			break
		}
	}
	return state.ExitCode(), state
}

// TestSignalsExitCodes sends SIGINT and SIGTERM to `iksplan validate -`
// waiting on stdin, and SIGTERM to a render: 130 and 143, as the table
// says, and the interrupted render leaves no temporary folder.
func TestSignalsExitCodes(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143, syscall.SIGHUP: 129} {
		if code, state := signalValidate(t, sig); code != want {
			t.Errorf("validate - stopped by %v: exit %d (%v), want %d", sig, code, state, want)
		}
	}
	root := t.TempDir()
	design := filepath.Join(root, "big.yaml")
	if err := os.WriteFile(design, bigDesign(t, 3000, "gamma"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out")
	cmd := exec.Command(iksplan(t), "render", design, "--out", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != 143 && code != 0 {
		t.Errorf("render stopped by SIGTERM: exit %d, want 143 (or 0 when it had finished)", code)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".out.iksplan-tmp-*")); len(left) > 0 {
		t.Errorf("SIGTERM left temporaries: %v", left)
	}
}

// TestUmaskHonouredByRender renders under umask 077 and 002 and checks the
// modes the files get, as install and git would give them.
func TestUmaskHonouredByRender(t *testing.T) {
	design := filepath.Join(t.TempDir(), "d.yaml")
	if err := os.WriteFile(design, presetBytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	// Artifacts are 0644 (runbook.sh 0755) and folders 0777 before the
	// umask, as install and git create them.
	for umask, want := range map[string][3]os.FileMode{"077": {0o600, 0o700, 0o700}, "002": {0o644, 0o755, 0o775}, "027": {0o640, 0o750, 0o750}} {
		out := filepath.Join(t.TempDir(), "out")
		sh := exec.Command("sh", "-c", "umask "+umask+" && exec \"$0\" render \"$1\" --out \"$2\"", iksplan(t), design, out)
		if b, err := sh.CombinedOutput(); err != nil {
			t.Fatalf("umask %s: %v\n%s", umask, err, b)
		}
		for p, m := range map[string]os.FileMode{"DESIGN.md": want[0], "runbook.sh": want[1], "manifests": want[2], ".": want[2]} {
			st, err := os.Stat(filepath.Join(out, p))
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != m {
				t.Errorf("umask %s: %s is %v, want %v", umask, p, st.Mode().Perm(), m)
			}
		}
	}
}
