package wizard

import (
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestWelcomeRegistersNoStep: the first frame (New, the first window
// size, the first View) registers no step. The welcome's question has no
// why text, and registering every step to look one up was about 3% of
// the first frame's CPU (issue 15). It failed when the welcome's Title
// went through FixedAtCreate ("registered the steps 1 time(s)").
func TestWelcomeRegistersNoStep(t *testing.T) {
	registerAll() // the registry every other test sees stays as it is
	saved := stepRegisters
	ran := 0
	registerOnce = sync.Once{}
	stepRegisters = []func(){func() { ran++ }}
	t.Cleanup(func() {
		stepRegisters = saved
		registerOnce = sync.Once{}
		registerOnce.Do(func() {})
	})
	m := New(testOptions(t, nil))
	m.Init()
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	view := next.(*App).View()
	if !strings.Contains(view, "Start blank") {
		t.Fatalf("no welcome screen in the first frame:\n%s", view)
	}
	if ran != 0 {
		t.Fatalf("the first frame registered the steps %d time(s)", ran)
	}
}
