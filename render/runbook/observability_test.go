package runbook

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestCloudLogsRetentionAtCreate: the Cloud Logs instance is created with
// the design's retention as the create parameter retention_period
// (terraform-ibm-modules/terraform-ibm-cloud-logs passes it the same way;
// without it IBM keeps logs 7 days).
func TestCloudLogsRetentionAtCreate(t *testing.T) {
	seen := 0
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			l := v.design.Spec.Logging
			if l.Backend != model.LogCloudLogs {
				continue
			}
			f := parseScript(t, name, renderDesign(t, v.design, name)["runbook.sh"])
			vars := assignments(t, f)
			cfg := expandConfig(vars)
			found := false
			for _, c := range commands(f) {
				args := expandArgs(t, cfg, c.words)
				if len(args) < 4 || !slices.Equal(args[:3], []string{"ibmcloud", "resource", "service-instance-create"}) || args[4] != vars["LOGS_SERVICE"] {
					continue
				}
				found = true
				seen++
				i := slices.Index(args, "-p")
				if i < 0 || i+1 >= len(args) {
					t.Errorf("%s/%s: the Cloud Logs instance is created without -p: retention stays at IBM's default of 7 days", name, v.name)
					continue
				}
				var p struct {
					RetentionPeriod *int `json:"retention_period"`
				}
				if err := json.Unmarshal([]byte(args[i+1]), &p); err != nil || p.RetentionPeriod == nil {
					t.Errorf("%s/%s: -p %q has no retention_period: %v", name, v.name, args[i+1], err)
					continue
				}
				if *p.RetentionPeriod != l.RetentionDays {
					t.Errorf("%s/%s: retention_period %d, the design says %d", name, v.name, *p.RetentionPeriod, l.RetentionDays)
				}
			}
			if !found {
				t.Errorf("%s/%s: no service-instance-create for Cloud Logs", name, v.name)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no Cloud Logs design reached")
	}
}

// TestKubeAuditCoverageAgreesWithWebhook: when the runbook sets the audit
// webhook (classic or VPC), its log-source summary says so instead of
// calling kube-audit unavailable.
func TestKubeAuditCoverageAgreesWithWebhook(t *testing.T) {
	for name, d := range presetDesigns(t) {
		if !d.Spec.Logging.Wants(model.SourceKubeAudit) {
			continue
		}
		rb := string(renderDesign(t, d, name)["runbook.sh"])
		if !strings.Contains(rb, "master audit-webhook set") {
			continue
		}
		if strings.Contains(rb, "not available on VPC") || !strings.Contains(rb, "kube-audit  the API server audit webhook below") {
			t.Errorf("%s: the runbook sets the audit webhook but its source summary does not say kube-audit goes through it", name)
		}
	}
}
