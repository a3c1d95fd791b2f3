package wizard

import (
	"testing"
)

// TestShrinkThenGrowShowsWhatAFreshStartShows: after the window shrinks
// and grows back, every field must look as it does in a session that was
// never resized: a list stayed cut (with "↓ N more" hints) where a fresh
// start showed it whole. Two sessions walk the same pages pressing enter;
// one of them shrinks to each small size and back to 120×40 before each
// screen is compared.
func TestShrinkThenGrowShowsWhatAFreshStartShows(t *testing.T) {
	fresh := newHarness(t, presetDesign(t, "tokyo-classic-production"), StepBasics)
	resized := newHarness(t, presetDesign(t, "tokyo-classic-production"), StepBasics)
	bad := 0
	for n := 0; n < 400 && fresh.app.screen == screenWizard && !fresh.app.flow.finished; n++ {
		where := fresh.Page() + " " + fresh.app.focusedKey()
		if got := resized.Page() + " " + resized.app.focusedKey(); got != where {
			t.Fatalf("the sessions parted: %s vs %s", where, got)
		}
		fresh.Analyze()
		resized.Analyze()
		want := layoutScreen(fresh, 120, 40, false)
		for _, small := range [][2]int{{60, 20}, {80, 24}} {
			layoutScreen(resized, small[0], small[1], false)
			if got := layoutScreen(resized, 120, 40, false); got != want && bad < 5 {
				bad++
				t.Errorf("%s: after %d×%d and back to 120×40 the screen differs from a fresh start's\n--- fresh\n%s\n--- resized\n%s", where, small[0], small[1], want, got)
			}
		}
		fresh.Enter()
		resized.Enter()
		if fresh.Page()+" "+fresh.app.focusedKey() == where {
			fresh.Tab()
			resized.Tab()
		}
	}
}
