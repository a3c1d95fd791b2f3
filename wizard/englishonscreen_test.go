package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
)

// TestEnglishOnScreenAfterCommand: the English detector of the Japanese
// screen tests takes out a command with its arguments, and only them: the
// English after a command on the same line is still found (before, the
// whole rest of the line after "iksplan" or "kubectl" was skipped).
func TestEnglishOnScreenAfterCommand(t *testing.T) {
	for screen, want := range map[string]bool{
		"設計は iksplan diff FILE shows what changed in the design":              true,
		"kubectl get pods and then the rest of the sentence":                  true,
		"`ibmcloud ks cluster create` で作成します":                                 false,
		"ibmcloud ks cluster create vpc-gen2 --name C --zone jp-tok-1 で作成します": false,
		"iksplan init --preset … -o FILE で始めます":                               false,
		"iksplan: 書き込みました":                                                    false,
	} {
		if got := englishOnScreen(screen, nil); (len(got) > 0) != want {
			t.Errorf("%q: English %q, want found=%v", screen, got, want)
		}
	}
}

// TestWrapKeepsNumberWithCounter: wrapTo never ends a line with a number
// whose counter starts the next one: the catalogue joins them with a
// no-break space (i18n.JoinCounters) and wrapTo glues across it. Before,
// "ワーカー 12 台" broke after "12".
func TestWrapKeepsNumberWithCounter(t *testing.T) {
	s := i18n.JoinCounters("このプールにはゾーンごとにワーカー 12 台を置き、エラー 3 件を直します")
	for width := 10; width <= 40; width++ {
		for _, l := range strings.Split(wrapTo(s, width), "\n") {
			if strings.HasSuffix(strings.TrimRight(l, " \u00a0"), "12") || strings.HasSuffix(strings.TrimRight(l, " \u00a0"), "3") {
				t.Errorf("width %d: a line ends with a number, its counter on the next: %q", width, l)
			}
		}
	}
}
