package wizard

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

func TestObservabilityStepWalk(t *testing.T) {
	d := tokyoVPC()
	h := newHarness(t, d, StepObservability).ExpectPage("observability/logging")

	// The legacy backend is marked with its end of support (its label is
	// cut to one line; highlighted, the description has all of it);
	// syslog it is.
	h.ExpectView("legacy, end of support")
	h.Down(1).ExpectView("2025-03-28")
	expectLive(t, h, "reached end of support on 2025-03-28: choose IBM Cloud Logs")
	h.Down(1).Enter().ExpectPage("observability/sources")

	// The seven sources; kube-audit works on VPC too, and dropping it is flagged.
	h.ExpectView("Worker nodes", "Containers", "Application files", "Storage", "Kubernetes (kube-system)",
		"Kubernetes API audit", "Ingress")
	h.Down(5).Space() // collected by default on VPC too; dropping it is flagged
	expectLive(t, h, "6 of 7 sources", "without kube-audit nobody can tell who changed what")
	h.Enter().Clear().Type("90").Enter().ExpectPage("observability/syslog")

	// Syslog server.
	h.Type("bad host").Enter().ExpectView("not a host name")
	h.Clear().Type("logs.example.com").Enter().Clear().Type("6514").Enter().Enter().ExpectPage("observability/syslog-ca")

	// Over tls, the CA that lets the forwarder verify the server (LOG015's
	// name rule on the field; empty would be allowed and warned by LOG016).
	h.ExpectView("CA certificate secret", "the server is not verified")
	h.Type("Syslog_CA").Enter().ExpectPage("observability/syslog-ca").ExpectView("not a Kubernetes secret name")
	h.Clear().Type("syslog-ca").Enter().ExpectPage("observability/monitoring")

	// Monitoring on (the default), its instance and plan.
	h.Enter().ExpectPage("observability/monitoring-instance").ExpectView("shop-prod-monitoring", "graduated-tier")
	h.Enter().Enter().ExpectPage("observability/alerts").ExpectView("entered in the Monitoring console")
	expectLive(t, h, "no alert channel")

	// Alert channels: e-mail (a bad address keeps the page), Slack (a
	// webhook URL is refused), PagerDuty added and removed, the e-mail edited.
	h.Up(1).Enter().ExpectPage("observability/alerts-channel").Enter().ExpectPage("observability/alerts-target")
	h.Type("sre").Enter().ExpectPage("observability/alerts-target").ExpectView("not an e-mail address")
	h.Clear().Type("sre@example.com").Enter().ExpectPage("observability/alerts")
	h.Up(2).Enter().Down(1).Enter().Type("https://hooks.slack.com/services/T0/B0/xyz").Enter()
	h.ExpectPage("observability/alerts-target").ExpectView("looks like a URL")
	h.Clear().Type("#shop-alerts").Enter().ExpectPage("observability/alerts")
	h.Up(2).Enter().Down(2).Enter().Type("shop-production").Enter().ExpectPage("observability/alerts")
	h.Up(1).Enter().Enter().Key("y").ExpectPage("observability/alerts")
	h.Up(4).Enter().Enter().Clear().Type("oncall@example.com").Enter().ExpectPage("observability/alerts")
	h.Enter().ExpectPage("iam/namespaces")

	l, m := d.Spec.Logging, d.Spec.Monitoring
	if l.Backend != model.LogSyslog || l.RetentionDays != 90 || slices.Contains(l.Sources, model.SourceKubeAudit) || len(l.Sources) != 6 {
		t.Errorf("logging: %+v", l)
	}
	if l.Syslog != (model.Syslog{Host: "logs.example.com", Port: 6514, Protocol: model.SyslogTLS, CACertSecret: "syslog-ca"}) {
		t.Errorf("syslog: %+v", l.Syslog)
	}
	want := []model.AlertChannel{{Type: model.AlertEmail, Target: "oncall@example.com"}, {Type: model.AlertSlack, Target: "#shop-alerts"}}
	if !m.Enabled || m.InstanceName != "shop-prod-monitoring" || m.Plan != "graduated-tier" || !reflect.DeepEqual(m.AlertChannels, want) {
		t.Errorf("monitoring: %+v", m)
	}
}

func TestObservabilityStepAccessible(t *testing.T) {
	d := tokyoVPC()
	script := strings.Join([]string{
		"1",                // IBM Cloud Logs
		"3", "4", "6", "0", // sources: application, storage and kube-audit off, done
		"30",                   // retention
		"shop-prod-logs",       // Cloud Logs instance
		"1",                    // region: the cluster's
		"",                     // Monitoring: keep yes
		"shop-prod-monitoring", // instance
		"1",                    // plan
		"1",                    // alerts: Add
		"1",                    // e-mail
		"sre",                  // refused
		"sre@example.com",      // target
		"4",                    // alerts: Done
	}, "\n") + "\n"
	out := runAccessible(t, d, StepObservability, script)
	l, m := d.Spec.Logging, d.Spec.Monitoring
	if l.Backend != model.LogCloudLogs || !reflect.DeepEqual(l.Sources, []model.LogSource{model.SourceWorker, model.SourceContainer, model.SourceKubernetes, model.SourceIngress}) ||
		l.CloudLogs.InstanceName != "shop-prod-logs" || l.CloudLogs.Region != "" {
		t.Fatalf("logging %+v\n%s", l, out)
	}
	if !m.Enabled || !reflect.DeepEqual(m.AlertChannels, []model.AlertChannel{{Type: model.AlertEmail, Target: "sre@example.com"}}) {
		t.Fatalf("monitoring %+v\n%s", m, out)
	}
	expectOut(t, out, "IBM Log Analysis (LogDNA) — legacy, end of support 2025-03-28", "Kubernetes API audit",
		"The cluster's region (jp-tok)", "\"sre\" is not an e-mail address", "never in the design")
}

// TestSyslogCASecretGoesWithTLS: leaving tls skips the CA page and drops
// the CA secret of an earlier tls answer, which LOG015 would refuse over
// tcp (IBM's --ca-cert is for tls only).
func TestSyslogCASecretGoesWithTLS(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.Logging.Backend = model.LogSyslog
	d.Spec.Logging.Syslog = model.Syslog{Host: "logs.example.com", Port: 6514, Protocol: model.SyslogTLS, CACertSecret: "syslog-ca"}
	h := toPage(t, newHarness(t, d, StepObservability), "observability/syslog")
	h.Enter().Enter().Down(1).Enter().ExpectPage("observability/monitoring")
	if got := d.Spec.Logging.Syslog; got.Protocol != model.SyslogTCP || got.CACertSecret != "" {
		t.Errorf("syslog after choosing tcp: %+v, want tcp without a CA secret", got)
	}
}

// TestAllSourcesSaysAll: with every source collected the live line said
// "7 of 7 sources", in Japanese "収集元 7 つのうち 7 つ"; it says all.
func TestAllSourcesSaysAll(t *testing.T) {
	var live func(*Ctx) string
	for _, s := range Steps() {
		for _, p := range s.Pages {
			if s.ID == StepObservability && p.ID == "sources" {
				live = p.Live
			}
		}
	}
	if live == nil {
		t.Fatal("no observability/sources page with a live line")
	}
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.Logging.Sources = nil
	for _, c := range model.LogSource("").Choices() {
		d.Spec.Logging.Sources = append(d.Spec.Logging.Sources, c.Value)
	}
	for l, want := range map[i18n.Lang]string{i18n.EN: "all 7 sources", i18n.JA: "収集元 7 つすべて"} {
		// NB: a number and its counter are joined by a no-break space.
		got := strings.ReplaceAll(live(&Ctx{D: d, Lang: l, Width: 80, S: plainStyles()}), "\u00a0", " ")
		if !strings.Contains(got, want) || strings.Contains(got, "7 of 7") || strings.Contains(got, "7 つのうち 7") {
			t.Errorf("%s: the live line reads %q, want %q", l, got, want)
		}
	}
	d.Spec.Logging.Sources = d.Spec.Logging.Sources[:5]
	if got := strings.ReplaceAll(live(&Ctx{D: d, Lang: i18n.JA, Width: 80, S: plainStyles()}), "\u00a0", " "); !strings.Contains(got, "収集元 7 つのうち 5 つ") {
		t.Errorf("five sources read %q", got)
	}
}
