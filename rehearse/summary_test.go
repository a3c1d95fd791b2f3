package rehearse

import (
	"strings"
	"testing"
)

// TestSummaryReport: the summary prints the double's counts as they are,
// a failed fault trial included, and the last line in the form.
func TestSummaryReport(t *testing.T) {
	s := Summary{FreshOK: true, FreshCalls: map[string]int{"ibmcloud": 49, "kubectl": 8, "helm": 4}, FreshMutating: 16,
		RerunCalls: 32, Faults: 16, FaultsOK: 15, NeverNormal: "ERROR: gave up after 90 polls"}
	got := strings.Join(s.Report(), "\n")
	for _, want := range []string{"calls: ibmcloud 49, kubectl 8, helm 4; 16 mutating", "second run: exit 0, 32 ibmcloud calls, 0 mutating",
		"faults: 16 injected", "15 stopped with a resume message and converged", "never becomes ready: ERROR: gave up"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if l := s.Line("shop"); l != "rehearse: shop: fresh ok · rerun 0 mutating calls · faults 15/16 converged" {
		t.Errorf("last line %q", l)
	}
	if s.OK() {
		t.Error("15/16 converged counts as ok")
	}
	s.RerunExit = 1
	if l := s.Line("shop"); !strings.Contains(l, "rerun FAILED (exit 1)") {
		t.Errorf("a rerun that exited 1 reads %q", l)
	}
	s.RerunExit = 0
	s.FaultsSkipped = true
	if !strings.Contains(strings.Join(s.Report(), "\n"), "faults: skipped") || !strings.HasSuffix(s.Line("shop"), "faults skipped") {
		t.Errorf("--faults none: %q / %q", s.Report(), s.Line("shop"))
	}
}
