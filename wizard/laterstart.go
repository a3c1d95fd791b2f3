package wizard

import tea "github.com/charmbracelet/bubbletea"

// laterStart is the model Run hands to bubbletea: it builds the App in
// Init, not before the program starts.
//
// Why: bubbletea v1's Program.Run starts its renderer (a 60 fps ticker)
// before it calls Init, and the first frame reaches the terminal on the
// first tick, 1/60 s later. Work done before Run delays that frame by its
// whole length; work done in Init, and the first View, overlap the wait
// for the tick. New's work on the welcome screen (styles, the draft list,
// the preset list and the first select's layout: about 1.2 ms on the
// bench machine, issue 15) is then off the path to the first frame.
type laterStart struct {
	opts Options
	app  *App // nil until Init
}

// Init builds the App and starts it.
func (l *laterStart) Init() tea.Cmd {
	l.app = New(l.opts)
	return l.app.Init()
}

// Update forwards to the App; bubbletea keeps the wrapper as its model.
func (l *laterStart) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := l.app.Update(msg)
	return l, cmd
}

// View forwards to the App.
func (l *laterStart) View() string { return l.app.View() }
