package battery

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/iksplan/iksplan/model/presets"
)

// Every bomb must be answered in less than these, measured on the real
// process: wall time, and peak resident memory from getrusage.
const (
	bombTime   = 2 * time.Second
	bombMemory = 100 << 20
	refused    = -1 // exit 1 or 2
)

type bomb struct {
	name string
	// file is written to a file and validated; with stdin set the
	// content is streamed to `iksplan validate -` instead.
	file  func() []byte
	stdin func(w io.Writer)
	path  string // validate this path as it is (a device)
	// want is the exit code: 0 valid; refused means 1 (error findings,
	// DES001 for the schema) or 2 (not a design file at all).
	want int
}

func presetBytes(t *testing.T) []byte {
	t.Helper()
	for _, p := range presets.All() {
		if p.Name == "tokyo-vpc-production" {
			return p.Data
		}
	}
	t.Fatal("no tokyo-vpc-production preset")
	return nil
}

func bombs(t *testing.T) []bomb {
	base := presetBytes(t)
	laughs := func() []byte {
		var b strings.Builder
		b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
		prev := "a"
		for i, n := range "bcdefghijklmnopq" {
			_ = i
			fmt.Fprintf(&b, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev)
			prev = string(n)
		}
		return []byte(b.String())
	}
	withSpec := func(extra string) func() []byte {
		return func() []byte { return bytes.Replace(base, []byte("\nspec:\n"), []byte("\nspec:\n"+extra), 1) }
	}
	list := func(n int) func() []byte {
		return func() []byte {
			var b strings.Builder
			b.WriteString("  zones: [")
			for i := 0; i < n; i++ {
				b.WriteString("jp-tok-1,")
			}
			b.WriteString("jp-tok-1]\n")
			doc := bytes.Replace(base, []byte("  zones: [jp-tok-1, jp-tok-2, jp-tok-3]\n"), []byte(b.String()), 1)
			return doc
		}
	}
	return []bomb{
		{name: "billion laughs", file: laughs, want: refused},
		{name: "billion laughs inside a design", file: func() []byte {
			return append(append([]byte{}, base...), []byte("x-bomb: &x [*x]\n")...)
		}, want: refused},
		{name: "10k nested lists", file: func() []byte { return []byte(strings.Repeat("[", 10000) + strings.Repeat("]", 10000)) }, want: refused},
		{name: "10k nested mappings", file: func() []byte { return []byte(strings.Repeat("{a: ", 10000) + "1" + strings.Repeat("}", 10000)) }, want: refused},
		{name: "10k indented mappings", file: func() []byte {
			var b strings.Builder
			for i := 0; i < 10000; i++ {
				b.WriteString(strings.Repeat(" ", i) + "a:\n")
			}
			return []byte(b.String())
		}, want: refused},
		{name: "2 MB file", file: func() []byte {
			return append(append([]byte{}, base...), []byte("# "+strings.Repeat("x", 2<<20)+"\n")...)
		}, want: refused},
		{name: "just under 1 MiB of comments", file: func() []byte {
			return append(append([]byte{}, base...), bytes.Repeat([]byte("# a comment line of padding\n"), (1<<20-len(base))/28-1)...)
		}, want: 0},
		{name: "1 MiB single scalar", file: withSpec("  resourceGroup: " + strings.Repeat("x", 1<<20-8000) + "\n"), want: refused},
		{name: "100k-item list", file: list(100000), want: refused},
		{name: "9,999-item list (judged by the rules)", file: list(9998), want: refused},
		{name: "9,000 bad namespace references", file: func() []byte {
			var b strings.Builder
			b.WriteString("  cicd:\n    stages:\n")
			for i := 0; i < 9000; i++ {
				fmt.Fprintf(&b, "      - {name: s%d, namespace: Bad_%d}\n", i, i)
			}
			return bytes.Replace(base, []byte("\nspec:\n"), []byte("\nspec:\n"+b.String()), 1)
		}, want: refused},
		{name: "BOM", file: func() []byte { return append([]byte("\xef\xbb\xbf"), base...) }, want: 0},
		{name: "CRLF", file: func() []byte { return bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n")) }, want: 0},
		{name: "multi-document", file: func() []byte { return append(append([]byte{}, base...), []byte("---\n: : [ {{ garbage\n")...) }, want: refused},
		{name: "NaN", file: func() []byte { return bytes.Replace(base, []byte("cpu: 40,"), []byte("cpu: .nan,"), 1) }, want: refused},
		{name: "-Inf", file: func() []byte { return bytes.Replace(base, []byte("cpu: 40,"), []byte("cpu: -.inf,"), 1) }, want: refused},
		{name: "huge number", file: func() []byte { return bytes.Replace(base, []byte("cpu: 40,"), []byte("cpu: 1e308,"), 1) }, want: refused},
		{name: "NUL byte", file: func() []byte { return bytes.Replace(base, []byte("shop"), []byte("sh\x00op"), 1) }, want: refused},
		{name: "/dev/zero", path: "/dev/zero", want: refused},
		{name: "300 MB on stdin", stdin: func(w io.Writer) {
			chunk := bytes.Repeat([]byte("# padding\n"), 1<<16)
			for i := 0; i < 300<<20/len(chunk); i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, want: refused},
		{name: "endless zeros on stdin", stdin: func(w io.Writer) {
			chunk := make([]byte, 1<<16)
			for {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, want: refused},
	}
}

// TestYAMLBombsAnswerFast runs `iksplan validate` on each bomb and
// measures the process: every one answers, with its exit code, in less
// than 2 s of CPU and 100 MB. CPU time, not the wall clock: a bomb costs
// work, and a machine busy with other processes stretches the wall clock
// of a cheap answer (landings under load 20 measured 2.2 s and 3.1 s wall
// for answers of well under a second of CPU). A process that hangs
// without working is still killed at 10× the budget of wall time.
func TestYAMLBombsAnswerFast(t *testing.T) {
	dir := t.TempDir()
	var worstTime time.Duration
	var worstMem int64
	var worstTimeName, worstMemName string
	bs := bombs(t)
	for i, b := range bs {
		args := []string{"validate"}
		var stdin io.Reader
		var pw *io.PipeWriter
		switch {
		case b.path != "":
			args = append(args, b.path)
		case b.stdin != nil:
			args = append(args, "-")
			var pr *io.PipeReader
			pr, pw = io.Pipe()
			stdin = pr
		default:
			p := filepath.Join(dir, fmt.Sprintf("bomb-%02d.yaml", i))
			if err := os.WriteFile(p, b.file(), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, p)
		}
		rssFile := filepath.Join(dir, fmt.Sprintf("rss-%02d", i))
		cmd := exec.Command(os.Args[0], append([]string{iksplan(t)}, args...)...)
		cmd.Env = append(os.Environ(), "IKSPLAN_BATTERY_RUSAGE="+rssFile)
		cmd.Stdin = stdin
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if pw != nil {
			go func() { b.stdin(pw); pw.Close() }()
		}
		timer := time.AfterFunc(10*bombTime, func() { _ = cmd.Process.Kill() })
		err := cmd.Wait()
		timer.Stop()
		elapsed := time.Since(start)
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if pw != nil {
			pw.CloseWithError(io.ErrClosedPipe)
		}
		code := cmd.ProcessState.ExitCode()
		kib, _ := os.ReadFile(rssFile)
		rss, _ := strconv.ParseInt(string(kib), 10, 64)
		rss <<= 10
		t.Logf("%-32s exit %d in %6.0f ms CPU (%6.0f ms wall), %4d MB", b.name, code, cpu.Seconds()*1000, elapsed.Seconds()*1000, rss>>20)
		if err != nil && code < 0 {
			t.Errorf("%s: %v (killed after %v)", b.name, err, 10*bombTime)
		}
		if code != b.want && !(b.want == refused && (code == 1 || code == 2)) {
			t.Errorf("%s: exit %d, want %d: %.300s", b.name, code, b.want, out.String())
		}
		if cpu > bombTime {
			t.Errorf("%s: %v of CPU, want under %v", b.name, cpu, bombTime)
		}
		if rss > bombMemory {
			t.Errorf("%s: %d MB resident, want under %d MB", b.name, rss>>20, bombMemory>>20)
		}
		if cpu > worstTime {
			worstTime, worstTimeName = cpu, b.name
		}
		if rss > worstMem {
			worstMem, worstMemName = rss, b.name
		}
	}
	t.Logf("bombs: %d tried; worst CPU %.0f ms (%s), worst memory %d MB (%s)", len(bs), worstTime.Seconds()*1000, worstTimeName, worstMem>>20, worstMemName)
}
