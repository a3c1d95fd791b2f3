package cli

import "testing"

// TestAsStringsIndexes: every verb of a translated format becomes %[n]s,
// counting on from an explicit index as fmt does; %% stays.
func TestAsStringsIndexes(t *testing.T) {
	for in, want := range map[string]string{
		"%s: %d":               "%[1]s: %[2]s",
		"%[2]s の %[1]d 行目: %s": "%[2]s の %[1]s 行目: %[2]s",
		"%q は 100%% %v":        "%[1]s は 100%% %[2]s",
	} {
		if got := asStrings(in); got != want {
			t.Errorf("asStrings(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkAsStrings is the rewriting of one translated error format's
// verbs, done for every error printed in another language.
func BenchmarkAsStrings(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = asStrings("%[2]s の %[1]d 行目: %s (%q)")
	}
}
