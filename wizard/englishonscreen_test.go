package wizard

import "testing"

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
