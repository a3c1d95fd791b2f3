package terraform

import (
	"fmt"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// observability.tf: the IBM Cloud Logs and Monitoring instances, and the
// Logs agent with, where IBM needs one, its VPE gateway (logsagent.go).
// The Monitoring agent is a Helm chart the runbook installs.
func (m *module) observability() {
	f := m.f("observability.tf")
	s := m.s
	if s.Logging.Backend == model.LogCloudLogs {
		l := s.Logging
		region := l.CloudLogs.Region
		from := "spec.logging.cloudLogs.region"
		if region == "" {
			region, from = s.Region, "spec.region"
		}
		service, plan, _ := m.serviceEntry("logs")
		f.note("IBM Cloud Logs. Retention and the archive buckets are create parameters (as the runbook's -p).")
		var archive expr
		if l.CloudLogs.Archive.Enabled {
			archive = m.logsArchive(f, region, from, l.RetentionDays)
		}
		r := f.add(newBlock("resource", "ibm_resource_instance", "logs"))
		r.setFrom("name", str(l.CloudLogs.InstanceName), "spec.logging.cloudLogs.instanceName")
		r.set("service", str(service))
		r.set("plan", str(plan))
		r.setFrom("location", str(region), from)
		r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
		if archive != nil {
			r.setFrom("parameters_json", archive, "spec.logging.cloudLogs.archive")
			r.set("depends_on", list{ref("ibm_iam_authorization_policy.logs_cos")})
		} else if l.RetentionDays > 0 {
			// retention_period in days (7, 14, 30, 60 or 90), as
			// terraform-ibm-modules/terraform-ibm-cloud-logs passes it.
			r.setFrom("parameters_json", ref(fmt.Sprintf("jsonencode({ retention_period = %d })", l.RetentionDays)), "spec.logging.retentionDays")
		}
		m.logsAgent(f)
	}
	if s.Logging.ActivityTracker.Enabled && s.Logging.Backend == model.LogCloudLogs {
		m.activityTracker(f)
	}
	if s.Monitoring.Enabled {
		mo := s.Monitoring
		service, _, _ := m.serviceEntry("monitoring")
		f.note("IBM Cloud Monitoring. Its agent is installed by the runbook's observability step.")
		r := f.add(newBlock("resource", "ibm_resource_instance", "monitoring"))
		r.setFrom("name", str(mo.InstanceName), "spec.monitoring.instanceName")
		r.set("service", str(service))
		r.setFrom("plan", str(mo.Plan), "spec.monitoring.plan")
		r.setFrom("location", str(s.Region), "spec.region")
		r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	}
}

// cis adds the Cloud Internet Services instance to network.tf when the
// catalog confirms its service name and plan, as the runbook does.
func (m *module) cis() {
	c := m.s.Firewall.CIS
	if !c.Enabled {
		return
	}
	f := m.f("network.tf")
	e, ok := m.c.Catalog.Service("cis")
	if !ok || e.ServiceName == "" || e.Plan == "" {
		f.note("Cloud Internet Services: iksplan's catalog does not confirm its catalog name and plan; create the")
		f.note("instance in the console (https://cloud.ibm.com/catalog/services/internet-services).")
		return
	}
	loc := e.Location
	if loc == "" {
		loc = m.s.Region
	}
	f.note("Cloud Internet Services in front of the Ingress: DDoS, WAF, GLB, TLS, DNS. The domain, its name")
	f.note("servers and the GLB origin are set up in the CIS console.")
	r := f.add(newBlock("resource", "ibm_resource_instance", "cis"))
	r.setFrom("name", str(c.InstanceName), "spec.firewall.cis.instanceName")
	r.set("service", str(e.ServiceName))
	r.set("plan", str(e.Plan))
	r.set("location", str(loc))
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
}

// activityTracker routes the account's platform events to the Cloud Logs
// instance, as the runbook's observability step does: the grant atracker →
// logs (Sender), a cloud_logs target and a route of the region's and the
// global events (https://cloud.ibm.com/docs/atracker?topic=atracker-target_v2_icl,
// https://cloud.ibm.com/docs/atracker?topic=atracker-route_v2).
func (m *module) activityTracker(f *file) {
	at := m.s.Logging.ActivityTracker
	region := m.s.Logging.CloudLogs.Region
	if region == "" {
		region = m.s.Region
	}
	f.note("Activity Tracker Event Routing: who created, changed or deleted what in the account lands in the")
	f.note("Cloud Logs instance. Routes are account-wide.")
	m.grant(f, "atracker_logs", catalog.AuthAtrackerLogs, "", "ibm_resource_instance.logs.guid", "account events to Cloud Logs")
	t := f.add(newBlock("resource", "ibm_atracker_target", "logs"))
	t.setFrom("name", str(at.TargetName), "spec.logging.activityTracker.targetName")
	t.set("target_type", str("cloud_logs"))
	t.set("region", str(region))
	t.add("cloudlogs_endpoint").set("target_crn", ref("ibm_resource_instance.logs.crn"))
	t.set("depends_on", list{ref("ibm_iam_authorization_policy.atracker_logs")})
	r := f.add(newBlock("resource", "ibm_atracker_route", "events"))
	r.setFrom("name", str(at.RouteName), "spec.logging.activityTracker.routeName")
	rule := r.add("rules")
	rule.set("target_ids", list{ref("ibm_atracker_target.logs.id")})
	rule.set("locations", list{str(m.s.Region), str("global")})
}
