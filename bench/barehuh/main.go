// Command barehuh is the first-frame reference of bench/run.sh: a bare huh
// form of one field with huh's Charm theme, in the alternate screen as the
// wizard runs. Its first frame shows the title "Name".
package main

import (
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

func main() {
	var name string
	f := huh.NewForm(huh.NewGroup(huh.NewInput().Title("Name").Value(&name))).
		WithTheme(huh.ThemeCharm()).
		WithProgramOptions(tea.WithAltScreen())
	if err := f.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
