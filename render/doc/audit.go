package doc

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

// auditDecision records the Kubernetes API audit trail (seed slide 26,
// source ⑥). IBM's current answer for VPC (issue 9): the IKS health-audit
// page (lastupdated 2026-07-27) describes the audit webhook and IBM's
// receiver without a classic-only tag, and IBM's own
// terraform-ibm-base-ocp-vpc modules/kube-audit sets the webhook on VPC
// clusters through the same API (PUT v1/clusters/{id}/apiserverconfigs/
// auditwebhook). Only the CLI reference still tags the command classic.
func (b *builder) auditDecision() Decision {
	s := b.s
	l := s.Logging
	d := Decision{
		Title: b.t("aud.title"),
		Seed:  b.t("aud.seed"),
		IBM: b.t("aud.ibm", "Set", lit("ibmcloud ks cluster master audit-webhook set"), "Refresh", lit("cluster master refresh"),
			"Module", lit("modules/kube-audit"), "Default", lit("default"), "Verbose", lit("verbose")),
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlHealthAudit, urlKubeAuditModule),
		Alternatives: []Alternative{
			{b.t("aud.altNone"), b.t("aud.altNoneWhy")},
		},
	}
	switch {
	case !l.Wants(model.SourceKubeAudit):
		d.Choice = b.t("aud.not")
		d.Alternatives = []Alternative{{b.t("aud.altCollect"), b.t("aud.altCollectWhy")}}
	case l.Backend == model.LogNone || l.Backend == model.LogLogAnalysis:
		d.Choice = b.t("aud.noBackend")
	case l.Backend == model.LogSyslog:
		src := lit(string(model.SourceContainer))
		d.Choice = b.t("aud.choiceSyslog", "Policy", lit("default"), "File", lit(manifests.AuditReceiverFile), "Source", src)
		if !l.Wants(model.SourceContainer) {
			d.Consequences = append(d.Consequences, b.t("aud.syslogNoContainer", "Source", src))
		}
		d.Consequences = append(d.Consequences,
			b.t("aud.digest", "Cmd", lit("ibmcloud cr image-list --include-ibm")),
			b.t("aud.cert"))
	default:
		d.Choice = b.t("aud.choice", "Policy", lit("default"), "File", lit(manifests.AuditReceiverFile), "Backend", md(label(b.translator, l.Backend)))
		d.Consequences = append(d.Consequences,
			b.t("aud.digest", "Cmd", lit("ibmcloud cr image-list --include-ibm")),
			b.t("aud.cert"))
		if s.IsVPC() {
			d.Consequences = append(d.Consequences, b.t("aud.vpc", "Cmd", lit("audit-webhook set")))
		}
	}
	return d
}

// activityTrackerDecision records how account events (who created,
// changed or deleted the cluster, its workers, keys and IAM policies)
// reach the log backend.
func (b *builder) activityTrackerDecision() Decision {
	s := b.s
	at := s.Logging.ActivityTracker
	d := Decision{
		Title: b.t("at.title"),
		Seed:  b.t("at.seed"),
		IBM: b.t("at.ibm", "Target", lit("ibmcloud atracker target create --type cloud_logs --target-crn CRN"), "From", lit("atracker"), "To", lit("logs"),
			"Route", lit("ibmcloud atracker route create --target-ids ID --locations REGION,global")),
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlATracker),
	}
	switch {
	case at.Enabled && s.Logging.Backend == model.LogCloudLogs:
		d.Choice = b.t("at.choice", "Name", code(s.Logging.CloudLogs.InstanceName), "Target", code(at.TargetName), "Route", code(at.RouteName))
		d.Consequences = append(d.Consequences, b.t("at.accountWide", "Cmd", lit("ibmcloud atracker route ls")), b.t("at.hour"))
		d.Alternatives = []Alternative{{b.t("at.altNone"), b.t("at.altNoneWhy")}}
	case at.Enabled:
		d.Choice = b.t("at.noBackend", "Backend", md(label(b.translator, s.Logging.Backend)))
	default:
		d.Choice = b.t("at.not")
		d.Alternatives = []Alternative{{b.t("at.altRoute"), b.t("at.altRouteWhy")}}
	}
	return d
}
