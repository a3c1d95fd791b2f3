package wizard

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// The step test harness: it runs the real wizard model (New) on a design,
// starts it on a step and feeds it key messages, running the commands huh
// returns the way bubbletea would (timers are dropped), so a test can type
// answers and assert the design fields.

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fixedNow is the clock of every test.
func fixedNow() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }

type harness struct {
	t   testing.TB
	app *App
	// D is the design the wizard edits.
	D *model.Design
	// written records the fake writer's calls.
	written []string
}

// testOptions are the options of a test wizard: a temporary draft folder,
// the fixed clock, no renderer (a fake writer and preview).
func testOptions(t testing.TB, h *harness) Options {
	return Options{
		Catalog: catalog.Default(),
		Drafts:  Drafts{Dir: t.TempDir()},
		Now:     fixedNow,
		Write: func(req WriteRequest) ([]string, error) {
			dir := req.Dir
			files := []string{dir + "/DESIGN.md", dir + "/design.yaml", dir + "/runbook.sh"}
			if req.SaveTo != "" {
				data, err := model.Marshal(req.Design)
				if err != nil {
					return nil, err
				}
				if err := os.WriteFile(req.SaveTo, data, 0o644); err != nil {
					return nil, err
				}
			}
			if h != nil {
				h.written = append(h.written, files...)
			}
			return files, nil
		},
		Preview: func(*model.Design, *catalog.Catalog, StepID) (string, string) {
			return "preview", "ibmcloud ks cluster create"
		},
	}
}

// newHarness starts the wizard on design d (model.New("shop-prod") when
// nil) at step, in a 120×40 terminal.
func newHarness(t testing.TB, d *model.Design, step StepID) *harness {
	t.Helper()
	if d == nil {
		d = model.New("shop-prod")
	}
	h := &harness{t: t, D: d}
	opts := testOptions(t, h)
	opts.Design = d
	h.app = New(opts)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.app.Init())
	h.run(h.app.flow.start(step))
	h.app.relayout()
	return h
}

// startApp starts a wizard from the welcome screen (opts.Design nil).
func startApp(t testing.TB, opts Options, width, height int) *harness {
	t.Helper()
	h := &harness{t: t, app: New(opts)}
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	h.run(h.app.Init())
	return h
}

// send delivers one message and runs the commands it returns.
func (h *harness) send(msg tea.Msg) {
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

var cmdSliceType = reflect.TypeOf([]tea.Cmd(nil))

// run executes commands until none remain, dropping those that wait (cursor
// blinks, the analysis timer).
func (h *harness) run(cmd tea.Cmd) {
	drainCmds([]tea.Cmd{cmd}, 2000, func(msg tea.Msg) []tea.Cmd {
		if _, ok := msg.(analyzeMsg); ok {
			return nil
		}
		_, next := h.app.Update(msg)
		return []tea.Cmd{next}
	})
}

// drainCmds runs the queued commands in order, as bubbletea's loop does
// without a terminal: commands that only wait are dropped (runQuick), a
// batch or sequence is queued in place of the command that returned it,
// and every other message goes to deliver, whose commands join the queue.
// It stops after limit messages (a runaway guard) and returns how many it
// delivered.
func drainCmds(queue []tea.Cmd, limit int, deliver func(tea.Msg) []tea.Cmd) int {
	n := 0
	for len(queue) > 0 && n < limit {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := runQuick(c)
		if msg == nil {
			continue
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().ConvertibleTo(cmdSliceType) {
			queue = append(queue, v.Convert(cmdSliceType).Interface().([]tea.Cmd)...)
			continue
		}
		queue = append(queue, deliver(msg)...)
		n++
	}
	return n
}

// runQuick runs a command unless it only waits: cursor blinks, spinners
// and timers (the analysis delay) are recognised by their function's name
// and dropped, so tests are fast and deterministic.
func runQuick(c tea.Cmd) tea.Msg {
	name := runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name()
	for _, slow := range []string{"cursor.(*Model).BlinkCmd", "bubbletea.Tick", "bubbletea.Every", "spinner.", "textarea."} {
		if strings.Contains(name, slow) {
			return nil
		}
	}
	return c()
}

// Key sends a named key: "enter", "tab", "shift+tab", "down", "ctrl+u", …
func (h *harness) Key(name string) *harness {
	h.t.Helper()
	h.send(keyMsg(name))
	return h
}

func keyMsg(name string) tea.KeyMsg {
	for t, n := range keyNames {
		if n == name {
			return tea.KeyMsg{Type: t}
		}
	}
	r := []rune(name)
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: r}
}

var keyNames = map[tea.KeyType]string{
	tea.KeyEnter: "enter", tea.KeyTab: "tab", tea.KeyShiftTab: "shift+tab", tea.KeyUp: "up",
	tea.KeyDown: "down", tea.KeyLeft: "left", tea.KeyRight: "right", tea.KeySpace: " ",
	tea.KeyCtrlU: "ctrl+u", tea.KeyCtrlS: "ctrl+s", tea.KeyCtrlC: "ctrl+c", tea.KeyEsc: "esc",
	tea.KeyPgUp: "pgup", tea.KeyPgDown: "pgdown", tea.KeyF1: "f1", tea.KeyBackspace: "backspace",
	tea.KeyCtrlA: "ctrl+a", tea.KeyHome: "home", tea.KeyEnd: "end",
}

// Type types text into the focused field.
func (h *harness) Type(s string) *harness {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return h
}

// Clear empties the focused text input (ctrl+u deletes to the start; the
// cursor starts at the end).
func (h *harness) Clear() *harness { return h.Key("end").Key("ctrl+u") }

func (h *harness) Enter() *harness    { return h.Key("enter") }
func (h *harness) Tab() *harness      { return h.Key("tab") }
func (h *harness) ShiftTab() *harness { return h.Key("shift+tab") }
func (h *harness) Space() *harness    { return h.Key(" ") }

// Down and Up move a select's cursor n times.
func (h *harness) Down(n int) *harness {
	for range n {
		h.Key("down")
	}
	return h
}

func (h *harness) Up(n int) *harness {
	for range n {
		h.Key("up")
	}
	return h
}

// Page is "step/page" of the page shown.
func (h *harness) Page() string {
	if h.app.screen != screenWizard {
		return "(screen " + []string{"welcome", "wizard", "final"}[h.app.screen] + ")"
	}
	return string(h.app.flow.step().ID) + "/" + h.app.flow.cur.Page
}

// ExpectPage fails unless the page shown is want ("zones/region").
func (h *harness) ExpectPage(want string) *harness {
	h.t.Helper()
	if got := h.Page(); got != want {
		h.t.Fatalf("on page %s, want %s\n%s", got, want, h.View())
	}
	return h
}

// View is the screen without escape codes.
func (h *harness) View() string { return ansi.Strip(h.app.View()) }

// ExpectView fails unless the screen shows each of want.
func (h *harness) ExpectView(want ...string) *harness {
	h.t.Helper()
	v := h.View()
	for _, w := range want {
		if !strings.Contains(v, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
	return h
}

// Analyze runs the rules and preview now (the wizard does it after a pause).
func (h *harness) Analyze() *harness {
	h.app.analyze()
	h.app.relayout()
	return h
}

// answerer is scripted input for accessible mode. Each Read returns the
// next scripted line; when the script is used up it answers like a person
// accepting every default: an empty line, or "0" where a multi-select
// waits for its "done" answer (huh reads an empty line there as invalid).
type answerer struct {
	lines []string
	out   *strings.Builder
	extra int
	// onRead, when set, runs before each answer; true makes the read wait
	// forever (a person who does not answer).
	onRead func() bool
}

func (a *answerer) Read(p []byte) (int, error) {
	if a.onRead != nil && a.onRead() {
		select {}
	}
	var line string
	switch {
	case len(a.lines) > 0:
		line, a.lines = a.lines[0], a.lines[1:]
	default:
		a.extra++
		if a.extra > 2000 {
			return 0, io.EOF
		}
		out := a.out.String()
		// NB: a multi-select's prompt (0 is done), in English or Japanese.
		if i := max(strings.LastIndex(out, "Enter a number between 0 and"), strings.LastIndex(out, "0 から ")); i >= 0 && !strings.Contains(out[i:], "\n") {
			line = "0"
		}
	}
	return copy(p, line+"\n"), nil
}

// runAccessible runs one step in accessible mode on design d with the
// scripted answers (one per line; defaults after the script ends) and
// returns what was printed.
func runAccessible(t testing.TB, d *model.Design, step StepID, script string) string {
	t.Helper()
	if d == nil {
		d = model.New("shop-prod")
	}
	opts := testOptions(t, nil)
	opts.defaults()
	var out strings.Builder
	in := &answerer{out: &out}
	if script != "" {
		in.lines = strings.Split(strings.TrimSuffix(script, "\n"), "\n")
	}
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return runAccessibleSteps(opts, d, draftState{Step: step}, "new-test", newLineReader(in), &out, step)
	}()
	if err != nil {
		t.Fatalf("accessible %s: %v\n%s", step, err, out.String())
	}
	return out.String()
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
