package rehearse

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
)

// TestReusedLogsInstanceGetsTheDesignsBuckets: a Cloud Logs instance that
// exists before the runbook (7-day retention, no buckets) leaves it with
// the design's retention and its data and metrics buckets, as IBM's
// cloud-logs terraform-setup page attaches buckets to an existing instance
// with service-instance-update -p; a second run changes nothing.
func TestReusedLogsInstanceGetsTheDesignsBuckets(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("the runbooks need jq")
	}
	if testing.Short() {
		t.Skip("rehearsal skipped in -short mode")
	}
	d := testsupport.DesignsByName(t)["tokyo-vpc-production"]
	dir := t.TempDir()
	resolved := renderSet(t, d, filepath.Join(dir, "out"))
	l := resolved.Spec.Logging
	if l.Backend != model.LogCloudLogs || !l.CloudLogs.Archive.Enabled {
		t.Fatal("tokyo-vpc-production no longer archives to Cloud Logs buckets; pick another design")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	o := &Options{Name: "reused-logs", Design: resolved, RunbookDir: filepath.Join(dir, "out"), WorkDir: filepath.Join(dir, "worlds"), Binary: bin}
	w := o.world("reused", false)
	seed := w.seed
	w.seed = func(st *ibmcloud.State) {
		seed(st)
		st.Instances = append(st.Instances, ibmcloud.Instance{GUID: "0f1e2d3c-reused-logs", Name: l.CloudLogs.InstanceName, Service: "logs",
			Plan: "standard", Location: resolved.Spec.Region, ResourceGroup: resolved.Spec.ResourceGroup,
			Parameters: map[string]any{"retention_period": float64(7)}})
	}
	if err := w.setup(); err != nil {
		t.Fatal(err)
	}
	first, err := w.run(0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.exit != 0 {
		t.Fatalf("runbook exit %d:\n%s", first.exit, tail(first.output, 30))
	}
	st, err := ibmcloud.LoadState(w.stateDir())
	if err != nil {
		t.Fatal(err)
	}
	var logs *ibmcloud.Instance
	for i := range st.Instances {
		if st.Instances[i].Name == l.CloudLogs.InstanceName {
			if logs != nil {
				t.Fatalf("two instances named %s: the runbook created one next to the existing one", l.CloudLogs.InstanceName)
			}
			logs = &st.Instances[i]
		}
	}
	p := logs.Parameters
	if p["retention_period"] != float64(l.RetentionDays) {
		t.Errorf("existing instance keeps retention_period %v, the design wants %d", p["retention_period"], l.RetentionDays)
	}
	for k, bucket := range map[string]string{"logs_bucket_crn": l.CloudLogs.Archive.DataBucket, "metrics_bucket_crn": l.CloudLogs.Archive.MetricsBucket} {
		if s, _ := p[k].(string); !strings.HasSuffix(s, ":bucket:"+bucket) {
			t.Errorf("existing instance has %s %q, want the bucket %s", k, s, bucket)
		}
	}
	again, err := w.run(0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := again.mutating(); again.exit != 0 || len(m) != 0 {
		t.Errorf("second run: exit %d, %d mutating calls (%v)", again.exit, len(m), m)
	}
}
