// Command huhversion is the startup floor of bench/run.sh for any huh-based
// CLI: it links what a huh wizard links (huh, bubbletea, bubbles, lipgloss)
// and, like `iksplan version`, prints a version and exits without starting
// a program. Its package inits (bubbletea's, lipgloss's, bubbles'
// atotto/clipboard LookPath, ...) run as they do in iksplan, so `iksplan
// version` against it shows iksplan's own extra start-up, and it against
// bench/hello shows what those libraries cost before main runs.
package main

import (
	"fmt"
	"os"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// keep makes the linker keep each library's code, as a real huh CLI links
// it (3.6 MB instead of 2.7 MB without it, the same 59 package inits, which
// Go runs for every linked package): main only reads the flag, so none of
// it runs.
var keep = []any{huh.NewForm, tea.NewProgram, textarea.New, lipgloss.NewStyle}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--keep" {
		fmt.Println(len(keep))
	}
	fmt.Println("huhversion 0.0.0")
}
