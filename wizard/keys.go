package wizard

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
)

// KeyMap is every key the wizard itself handles; the form's own keys
// (enter, arrows, space) come from huh and are shown next to these.
//
// Globally the wizard binds only control keys, function keys and page keys,
// never a bare letter, because a text input may have focus. The one
// exception is `?`, which toggles the why panel only while the focused
// field is not a text input (f1 works everywhere).
type KeyMap struct {
	Why      key.Binding
	Back     key.Binding
	PrevStep key.Binding
	NextStep key.Binding
	Save     key.Binding
	Quit     key.Binding
	// Take types the focused input's suggestion into it (suggest.go).
	Take key.Binding
	// Dialogs and lists of the wizard's own screens.
	Up     key.Binding
	Down   key.Binding
	Select key.Binding
	Yes    key.Binding
	No     key.Binding
	Cancel key.Binding
}

// DefaultKeyMap returns the wizard's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Why:      key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?/f1", "why")),
		Back:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		PrevStep: key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "prev step")),
		NextStep: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "next step")),
		Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Take:     key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "take suggestion")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Yes:      key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp implements help.KeyMap: the wizard's global keys.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Why, k.Back, k.PrevStep, k.NextStep, k.Save, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Why, k.Back}, {k.PrevStep, k.NextStep}, {k.Save, k.Quit}}
}

// formKeyMap is huh's key map with ctrl+c left to the wizard (it asks
// before quitting instead of aborting the form) and the filter key of
// selects kept, so long catalog lists stay searchable.
func formKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithDisabled())
	return km
}
