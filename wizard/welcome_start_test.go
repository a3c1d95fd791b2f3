package wizard

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// The welcome form starts (huh's Init) at its first window size, and the
// screen is drawn once per change: these tests hold what that must keep.

// TestWelcomeStartsAsBubbleteaStartsIt: bubbletea calls Init before the
// size arrives; the screen then is the one a start with the size first
// shows, and nothing is drawn before the size (no layout to show yet).
func TestWelcomeStartsAsBubbleteaStartsIt(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		want := startApp(t, testOptions(t, nil), size[0], size[1]).View()
		h := &harness{t: t, app: New(testOptions(t, nil))}
		cmd := h.app.Init()
		if v := h.app.View(); v != "" {
			t.Fatalf("%dx%d: drawn before any window size:\n%s", size[0], size[1], v)
		}
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		h.run(cmd)
		if got := h.View(); got != want {
			t.Fatalf("%dx%d: Init before the size shows\n%s\nwant (size first)\n%s", size[0], size[1], got, want)
		}
		// The frame kept between messages follows a key.
		h.Key("down")
		if got := h.View(); got == want {
			t.Fatalf("%dx%d: the screen did not follow a down key:\n%s", size[0], size[1], got)
		}
	}
}

// TestWelcomeKeyBeforeAnySize: an output that is not a terminal sends no
// window size; the first key starts the form and is not lost.
func TestWelcomeKeyBeforeAnySize(t *testing.T) {
	h := &harness{t: t, app: New(testOptions(t, nil))}
	h.run(h.app.Init())
	first := h.app.welcome.choice
	h.Key("down")
	if h.app.welcome.choice == first {
		t.Fatalf("a down key before any window size left the choice on %q", first)
	}
	h.ExpectView("Start blank")
}

// TestWelcomeIgnoresTheSizeQuery: bubbletea hands its own size query
// (tea.WindowSize's message, which huh's Form.Init returns) to the model;
// forwarded to the form, huh laid the select out again for nothing.
func TestWelcomeIgnoresTheSizeQuery(t *testing.T) {
	h := startApp(t, testOptions(t, nil), 120, 40)
	want := h.View()
	query := tea.WindowSize()()
	if n := testing.AllocsPerRun(5, func() { h.app.Update(query) }); n != 0 {
		t.Fatalf("the size query cost %v allocations on the welcome screen; want 0", n)
	}
	if got := h.View(); got != want {
		t.Fatalf("the size query changed the screen:\n%s\nwant\n%s", got, want)
	}
}

// TestWelcomeWithoutAnySizeStartsEachForm: without window sizes, a form
// made after the first one (enter on "Open a design file…") starts too.
func TestWelcomeWithoutAnySizeStartsEachForm(t *testing.T) {
	h := &harness{t: t, app: New(testOptions(t, nil))}
	h.run(h.app.Init())
	for h.app.welcome.choice != startOpen {
		before := h.app.welcome.choice
		h.Key("down")
		if h.app.welcome.choice == before {
			t.Fatalf("no %q option", startOpen)
		}
	}
	h.Key("enter")
	h.ExpectView("Design file")
}

// fieldRefresh is huh's field refresh message, taken from a group's Init
// (its first command), or nil when no command returns one.
func fieldRefresh(t *testing.T) tea.Msg {
	t.Helper()
	queue := []tea.Cmd{huh.NewGroup(huh.NewNote().Title("x")).Init()}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if isFieldRefresh(reflect.TypeOf(msg)) {
				return msg
			}
		}
	}
	return nil
}

// TestWelcomeIgnoresHuhsFieldRefresh: huh's field refresh (a group's Init
// sends it) is recognised, and on the welcome screen, whose fields have
// fixed texts, it costs nothing and changes nothing. When huh renames the
// message this fails: the refresh would be forwarded again, unnoticed.
func TestWelcomeIgnoresHuhsFieldRefresh(t *testing.T) {
	refresh := fieldRefresh(t)
	if refresh == nil {
		t.Fatal("no command of huh's group Init returns a message isFieldRefresh knows: huh renamed its field refresh?")
	}
	h := startApp(t, testOptions(t, nil), 120, 40)
	want := h.View()
	if n := testing.AllocsPerRun(5, func() { h.app.Update(refresh) }); n != 0 {
		t.Fatalf("huh's field refresh cost %v allocations on the welcome screen; want 0", n)
	}
	if got := h.View(); got != want {
		t.Fatalf("the field refresh changed the screen:\n%s\nwant\n%s", got, want)
	}
}
