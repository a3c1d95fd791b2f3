package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/model"
)

// TestStepListMarksOnlyReachedSteps: a new design has findings in steps
// not asked yet (no zones: ZON006); the step list marks "!N" only on
// steps reached, and the mark shows once the user gets there.
func TestStepListMarksOnlyReachedSteps(t *testing.T) {
	h := startApp(t, testOptions(t, nil), 120, 40)
	h.run(h.app.begin(model.New(""), draftState{Step: StepBasics}, "blank-test")) // "Start blank"
	h.ExpectPage("basics/cluster").Analyze()
	counts := findingsByStep(h.app.flow.steps, h.app.report)
	if counts[StepZones] == 0 {
		t.Fatalf("precondition: a new design has findings in the zones step: %v", counts)
	}
	list := func() []string { return strings.Split(ansi.Strip(h.app.stepList(stepListWidth)), "\n") }
	for i, l := range list() {
		if i > 0 && strings.Contains(l, "!") {
			t.Errorf("step %d not reached is marked: %q\n%s", i+1, l, strings.Join(list(), "\n"))
		}
	}
	h.Type("shop-prod")
	for n := 0; n < 20 && h.app.flow.step().ID != StepZones; n++ {
		h.Enter()
	}
	h.ExpectPage("zones/region").Analyze()
	if z := list()[h.app.flow.stepIndex(StepZones)]; !strings.Contains(z, "!") {
		t.Errorf("the zones step, reached, lost its mark: %q", z)
	}
}
