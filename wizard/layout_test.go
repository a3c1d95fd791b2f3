package wizard

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/deckword"
	"github.com/iksplan/iksplan/internal/golden"
	"github.com/iksplan/iksplan/internal/i18n"
)

// layoutSizes are the terminals every screen is drawn at: the smallest
// usable one up to a roomy one (the side panel starts at 100 columns).
var layoutSizes = [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 40}}

// layoutScreen draws the wizard at w×h with the why panel on or off and
// returns it without escape codes and trailing spaces (the golden's text).
func layoutScreen(h *harness, w, hgt int, why bool) string {
	h.send(windowSize(w, hgt))
	if why != h.app.showWhy {
		h.Key("f1")
	}
	lines := strings.Split(h.View(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// focusedFieldMissing returns the lines of the focused field's own view
// that the screen lacks (nil when the whole field is visible). A field's
// view is what huh draws for it at its current size: its title, input or
// options and buttons; the screen must show every line of it.
func focusedFieldMissing(h *harness, screen string) []string {
	f := h.app.flow.form.GetFocusedField()
	if f == nil {
		return nil
	}
	var missing []string
	for _, l := range strings.Split(ansi.Strip(f.View()), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !strings.Contains(screen, l) {
			missing = append(missing, l)
		}
	}
	return missing
}

// numberEnd and numberStart find a number cut at a line break: huh wraps
// at ".,-;" too, which broke "from 1.35." into "from 1." and "35.".
var (
	numberEnd   = regexp.MustCompile(`\d[.,\-:/]$`)
	numberStart = regexp.MustCompile(`^\d`)
)

// splitNumber returns the two lines of the focused field's view where a
// number (a version, a date, an amount) is split, or "".
func splitNumber(h *harness) string {
	f := h.app.flow.form.GetFocusedField()
	if f == nil {
		return ""
	}
	raw := strings.Split(ansi.Strip(f.View()), "\n")
	lines := make([]string, len(raw))
	option := make([]bool, len(raw)) // an option's line (indented by the cursor)
	for i, l := range raw {
		l = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(l), "┃"), " ")
		option[i] = strings.HasPrefix(l, "> ") || strings.HasPrefix(l, "  ")
		lines[i] = strings.TrimSpace(l)
	}
	for i := 0; i+1 < len(lines); i++ {
		// NB: a description ending "from 1.35." above an option "1.36" is
		// two texts, not one number cut.
		if option[i] == option[i+1] && numberEnd.MatchString(lines[i]) && numberStart.MatchString(lines[i+1]) {
			return lines[i] + "⏎" + lines[i+1]
		}
	}
	return ""
}

// TestLayoutEveryStep walks a full session (the tokyo-classic-production
// preset, enter on every field) and draws every field's screen at 60×20,
// 80×24, 100×30 and 120×40 with the why panel on and off: the screen fits
// the terminal and shows the whole field being edited. The first page of
// every step is kept as a golden (testdata/TestLayoutEveryStep/<step>.txt),
// eight screens in one file.
func TestLayoutEveryStep(t *testing.T) {
	walkLayouts(t, newHarness(t, presetDesign(t, "tokyo-classic-production"), StepBasics), layoutSizes)
}

// TestLayoutEveryStepJapanese is the same walk in Japanese at 80×24 and
// 120×40 (issue 12's layout goldens): double-width text must fit, wrap
// without a split character and show the whole field being edited.
func TestLayoutEveryStepJapanese(t *testing.T) {
	h := &harness{t: t}
	opts := testOptions(t, h)
	opts.Design = presetDesign(t, "tokyo-classic-production")
	opts.Lang = i18n.JA
	h.D = opts.Design
	h.app = New(opts)
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	h.run(h.app.flow.start(StepBasics))
	h.app.relayout()
	walkLayouts(t, h, [][2]int{{80, 24}, {120, 40}})
}

// walkLayouts presses enter through every field of h's session and draws
// each at the sizes with the why panel off and on; the first page of every
// step is kept as a golden.
func walkLayouts(t *testing.T, h *harness, sizes [][2]int) {
	t.Helper()
	seen := map[StepID]bool{}
	lastKey := ""
	for n := 0; n < 400 && h.app.screen == screenWizard && !h.app.flow.finished; n++ {
		step := h.app.flow.step().ID
		where := h.Page() + " " + h.app.focusedKey()
		if where == lastKey {
			// enter did not move on (a list editor's menu, an error):
			// take the next field.
			h.Tab()
			if h.Page()+" "+h.app.focusedKey() == where {
				h.Key("pgdown")
			}
			lastKey = ""
			continue
		}
		lastKey = where
		h.Analyze()
		var shots strings.Builder
		for _, sz := range sizes {
			for _, why := range []bool{false, true} {
				screen := layoutScreen(h, sz[0], sz[1], why)
				label := fmt.Sprintf("%s at %d×%d, why panel %v", where, sz[0], sz[1], why)
				checkFits(t, screen, sz[0], sz[1], label)
				if l := deckword.Find(screen); l != "" {
					t.Errorf("%s: the screen says seed (%q); users have no such deck: say \"IBM's 2019 guidance (slide N)\"\n%s", label, l, screen)
				}
				if miss := focusedFieldMissing(h, screen); len(miss) > 0 {
					t.Errorf("%s: the field being edited is cut: missing %q\n%s", label, miss, screen)
				}
				if split := splitNumber(h); split != "" {
					t.Errorf("%s: the field breaks a number across lines: %q\n%s", label, split, screen)
				}
				fmt.Fprintf(&shots, "=== %d×%d why=%v (%s)\n%s\n", sz[0], sz[1], why, where, screen)
			}
		}
		layoutScreen(h, 120, 40, false)
		if !seen[step] {
			seen[step] = true
			golden.Assert(t, string(step)+".txt", []byte(shots.String()))
		}
		h.Enter()
	}
	for _, s := range h.app.flow.steps {
		if !seen[s.ID] && !h.app.flow.stepSkipped(h.app.flow.stepIndex(s.ID)) {
			t.Errorf("step %s never shown", s.ID)
		}
	}
}
