package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestLoggingPreviewShowsLoggingCommands: the logging step's runbook
// preview showed the runbook's own helper lines ("mkdir -p logs",
// "logs/state") because it matched on the word "logs"; it must show the
// commands the step's answers change: the syslog forwarding configs, the
// Cloud Logs agent, the Monitoring agent.
func TestLoggingPreviewShowsLoggingCommands(t *testing.T) {
	for _, tc := range []struct {
		backend model.LogBackend
		want    []string
	}{
		{model.LogSyslog, []string{"ibmcloud ks logging config create"}},
		{model.LogCloudLogs, []string{"logs-agent"}},
	} {
		d := presetDesign(t, "tokyo-vpc-production")
		d.Spec.Logging.Backend = tc.backend
		if tc.backend == model.LogSyslog {
			d.Spec.Logging.Syslog.Host = "logs.example.com"
		}
		model.ApplyDefaults(d)
		_, body := renderPreview(d, testOptions(t, nil).Catalog, StepObservability)
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the preview lacks %q:\n%s", tc.backend, w, body)
			}
		}
		for _, bad := range []string{"mkdir -p logs", "logs/"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: the preview shows the runbook's helper line %q:\n%s", tc.backend, bad, body)
			}
		}
	}
}
