// Command timing runs commands interleaved and prints the median wall time
// of each, for bench/run.sh. Two modes:
//
//	timing exec  [-n N] [-dir D] SPEC...   whole runs (exec to exit)
//	timing frame [-n N] [-dir D] SPEC...   exec to first frame in a 120x40 pty
//
// SPEC is "label|marker|command args..." (arguments split on spaces). For
// frame, the first frame is the first time the output holds marker; the
// harness answers the terminal queries programs send at start (background
// colour, cursor position) as a terminal would, then kills the process.
// Runs are interleaved (A B, then B A, ...) so drifts in machine load fall
// on every command alike. Output: one line per spec, "label median min n
// cpu": wall-clock median and minimum, runs, and the median CPU time (user
// plus system, from the child's rusage) in ms. On a loaded machine the
// wall times mostly measure the wait for a core; CPU time is what the
// command itself costs (for frame, up to the kill just after the frame).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

type spec struct {
	label, marker string
	argv          []string
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: timing exec|frame [-n N] [-dir D] 'label|marker|cmd args'...")
		os.Exit(2)
	}
	mode := os.Args[1]
	fs := flag.NewFlagSet(mode, flag.ExitOnError)
	n := fs.Int("n", 20, "runs per command")
	dir := fs.String("dir", "", "working directory of the commands")
	_ = fs.Parse(os.Args[2:])
	var specs []spec
	for _, a := range fs.Args() {
		parts := strings.SplitN(a, "|", 3)
		if len(parts) != 3 || len(strings.Fields(parts[2])) == 0 {
			fmt.Fprintf(os.Stderr, "timing: bad spec %q (want label|marker|command)\n", a)
			os.Exit(2)
		}
		specs = append(specs, spec{parts[0], parts[1], strings.Fields(parts[2])})
	}
	var run func(spec, string) (time.Duration, time.Duration, error)
	switch mode {
	case "exec":
		run = execOnce
	case "frame":
		run = frameOnce
	default:
		fmt.Fprintf(os.Stderr, "timing: unknown mode %q\n", mode)
		os.Exit(2)
	}
	times := make([][]time.Duration, len(specs))
	cpus := make([][]time.Duration, len(specs))
	// One untimed warm-up run each: page cache, not the first exec, is measured.
	for _, s := range specs {
		if _, _, err := run(s, *dir); err != nil {
			fmt.Fprintf(os.Stderr, "timing: %s: %v\n", s.label, err)
			os.Exit(1)
		}
	}
	for r := range *n {
		order := make([]int, len(specs))
		for i := range order {
			order[i] = i
		}
		if r%2 == 1 {
			slices.Reverse(order)
		}
		for _, i := range order {
			d, c, err := run(specs[i], *dir)
			if err != nil {
				fmt.Fprintf(os.Stderr, "timing: %s: %v\n", specs[i].label, err)
				os.Exit(1)
			}
			times[i] = append(times[i], d)
			cpus[i] = append(cpus[i], c)
		}
	}
	for i, s := range specs {
		t, c := times[i], cpus[i]
		slices.Sort(t)
		slices.Sort(c)
		fmt.Printf("%s %.2f %.2f %d %.2f\n", s.label, ms(t[len(t)/2]), ms(t[0]), len(t), ms(c[len(c)/2]))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuOf is the CPU time (user and system) a finished command used.
func cpuOf(ps *os.ProcessState) time.Duration {
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

func execOnce(s spec, dir string) (time.Duration, time.Duration, error) {
	cmd := exec.Command(s.argv[0], s.argv[1:]...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	return d, cpuOf(cmd.ProcessState), nil
}

// frameOnce starts the command on a new 120x40 pty and waits for its
// marker.
func frameOnce(s spec, dir string) (time.Duration, time.Duration, error) {
	ptm, pts, err := openPty(120, 40)
	if err != nil {
		return 0, 0, err
	}
	defer ptm.Close()
	cmd := exec.Command(s.argv[0], s.argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		pts.Close()
		return 0, 0, err
	}
	pts.Close()
	found := make(chan time.Duration, 1)
	go func() {
		var out []byte
		buf := make([]byte, 64<<10)
		answered := map[int]bool{}
		for {
			k, err := ptm.Read(buf)
			if k > 0 {
				out = append(out, buf[:k]...)
				// Answer each query once, in the order they came, as a
				// terminal would.
				for {
					q, i := nextQuery(out, answered)
					if i < 0 {
						break
					}
					answered[i] = true
					_, _ = ptm.Write([]byte(q.answer))
				}
				if bytes.Contains(out, []byte(s.marker)) {
					found <- time.Since(start)
					return
				}
			}
			if err != nil {
				close(found)
				return
			}
		}
	}()
	var d time.Duration
	var ok bool
	select {
	case d, ok = <-found:
	case <-time.After(10 * time.Second):
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Wait()
	if !ok {
		return 0, 0, errors.New("no first frame with " + fmt.Sprintf("%q", s.marker) + " within 10s")
	}
	return d, cpuOf(cmd.ProcessState), nil
}

// query is a terminal query and a terminal's answer.
type query struct{ ask, answer string }

var queries = []query{
	{"\x1b]11;?", "\x1b]11;rgb:0000/0000/0000\x1b\\"}, // background colour
	{"\x1b]10;?", "\x1b]10;rgb:ffff/ffff/ffff\x1b\\"}, // foreground colour
	{"\x1b[6n", "\x1b[1;1R"},                          // cursor position
	{"\x1b[c", "\x1b[?62;22c"},                        // device attributes
}

// nextQuery finds the earliest unanswered query in out, by its offset.
func nextQuery(out []byte, answered map[int]bool) (query, int) {
	best, at := query{}, -1
	for _, q := range queries {
		from := 0
		for {
			i := bytes.Index(out[from:], []byte(q.ask))
			if i < 0 {
				break
			}
			i += from
			if !answered[i] {
				if at < 0 || i < at {
					best, at = q, i
				}
				break
			}
			from = i + 1
		}
	}
	return best, at
}

// openPty opens a pseudo-terminal pair with the given size.
func openPty(cols, rows uint16) (ptm, pts *os.File, err error) {
	ptm, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(ptm.Fd())
	unlock := 0
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), unix.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		ptm.Close()
		return nil, nil, fmt.Errorf("unlockpt: %v", e)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		ptm.Close()
		return nil, nil, fmt.Errorf("ptsname: %w", err)
	}
	pts, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptm.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols}); err != nil {
		ptm.Close()
		pts.Close()
		return nil, nil, fmt.Errorf("set size: %w", err)
	}
	return ptm, pts, nil
}
