package terraform_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
)

// readBackRE matches the runbook's variables block: a comment that names
// the step that reads a variable back, then the variable's line.
var readBackRE = regexp.MustCompile(`(?m)^# .*: read back in step (\d+)\n([A-Z0-9_]+)=`)

var fromRE = regexp.MustCompile(`\./runbook\.sh --from (\d+)`)

// TestRunbookStateCoversTheSkippedSteps checks that terraform's
// runbook_state output names every variable the runbook reads back in the
// steps `--from N` skips, so the steps after it find them in logs/state.
func TestRunbookStateCoversTheSkippedSteps(t *testing.T) {
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		arts, err := render.All(render.Input{Design: d, SourceName: p.Name + ".yaml", Catalog: catalog.Default()})
		if err != nil {
			t.Fatal(err)
		}
		var runbook, readme, outputs string
		for _, a := range arts {
			switch a.Path {
			case "runbook.sh":
				runbook = string(a.Data)
			case "terraform/README.md":
				readme = string(a.Data)
			case "terraform/outputs.tf":
				outputs = string(a.Data)
			}
		}
		m := fromRE.FindStringSubmatch(readme)
		if m == nil {
			t.Fatalf("%s: terraform/README.md names no ./runbook.sh --from N", p.Name)
		}
		from, _ := strconv.Atoi(m[1])
		state := ""
		if i := strings.Index(outputs, `output "runbook_state"`); i >= 0 {
			state = outputs[i:]
			state = state[:strings.Index(state, "\n}")]
		}
		for _, rb := range readBackRE.FindAllStringSubmatch(runbook, -1) {
			step, _ := strconv.Atoi(rb[1])
			if step < from && !strings.Contains(state, rb[2]+"=%s") {
				t.Errorf("%s: the runbook reads %s back in step %d, which --from %d skips, and runbook_state does not name it", p.Name, rb[2], step, from)
			}
		}
	}
}
