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
		Title: "Kubernetes API audit trail",
		Seed:  "Slide 26, source ⑥: kube-audit, the requests sent to the API server.",
		IBM: "The master's audit webhook (" + lit("ibmcloud ks cluster master audit-webhook set") + ", then " + lit("cluster master refresh") +
			") posts audit events to IBM's in-cluster receiver, whose pod writes them to STDOUT for the log agent. IBM's health-audit page " +
			"describes it without an infrastructure limit, and IBM's own Terraform module for VPC clusters (terraform-ibm-base-ocp-vpc " +
			lit("modules/kube-audit") + ") sets the same webhook on VPC; only the CLI reference still tags the command classic. " +
			"The audit policy is IBM's " + lit("default") + " or " + lit("verbose") + "; one webhook per cluster.",
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlHealthAudit, urlKubeAuditModule),
		Alternatives: []Alternative{
			{"No API audit", "saves the receiver's small footprint, but leaves no record of who changed what inside the cluster"},
		},
	}
	switch {
	case !l.Wants(model.SourceKubeAudit):
		d.Choice = "Not collected: the API server's requests are not recorded."
		d.Alternatives = []Alternative{{"Collect kube-audit", "the audit webhook and IBM's receiver, shipped by the log agent"}}
	case l.Backend == model.LogNone || l.Backend == model.LogLogAnalysis:
		d.Choice = "Wanted, but the design has no log backend that collects it: the webhook is not set up."
	default:
		d.Choice = "Audit webhook with the " + lit("default") + " policy to IBM's receiver (" + lit(manifests.AuditReceiverFile) + "), shipped by the " + md(label(b.translator, l.Backend)) + " agent."
		d.Consequences = append(d.Consequences,
			"The receiver image is pinned by the digest IBM's Terraform module deploys; refresh it with "+lit("ibmcloud cr image-list --include-ibm")+" and re-render.",
			"The webhook authenticates with the cluster's admin certificate of whoever runs the runbook: run it with a service ID's API key, as IBM advises, so the webhook survives people leaving.")
		if s.IsVPC() {
			d.Consequences = append(d.Consequences, "On VPC this follows IBM's Terraform module and health-audit page; the CLI reference's classic tag predates them — if "+lit("audit-webhook set")+" is refused, the runbook stops there and the rest of the design is unaffected.")
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
		Title: "Account events (Activity Tracker Event Routing)",
		Seed:  "Slides 27–29: Activity Tracker next to LogDNA for platform events.",
		IBM: "The Activity Tracker service reached end of support in 2025. Activity Tracker Event Routing sends the account's events to a target: " +
			lit("ibmcloud atracker target create --type cloud_logs --target-crn CRN") + " after an " + lit("atracker") + " → " + lit("logs") +
			" authorization (Sender), then " + lit("ibmcloud atracker route create --target-ids ID --locations REGION,global") + ". Routes are account-wide.",
		Runbook: b.runbook(view.StepObservability),
		Docs:    b.docs(urlATracker),
	}
	switch {
	case at.Enabled && s.Logging.Backend == model.LogCloudLogs:
		d.Choice = "Route the region's and the global events to the Cloud Logs instance " + code(s.Logging.CloudLogs.InstanceName) +
			" (target " + code(at.TargetName) + ", route " + code(at.RouteName) + ")."
		d.Consequences = append(d.Consequences,
			"Routes are account-wide: if the account already routes events elsewhere, keep one route per target and check "+lit("ibmcloud atracker route ls")+" first.",
			"Events can take up to an hour to flow after the route is created.")
		d.Alternatives = []Alternative{{"No routing", "account events are dropped: no record of who changed the infrastructure"}}
	case at.Enabled:
		d.Choice = "Wanted, but the target is a Cloud Logs instance and the log backend is " + md(label(b.translator, s.Logging.Backend)) + ": not set up."
	default:
		d.Choice = "Not routed: the account's platform events are dropped."
		d.Alternatives = []Alternative{{"Route to Cloud Logs", "one target and one route; events land next to the cluster's logs"}}
	}
	return d
}
