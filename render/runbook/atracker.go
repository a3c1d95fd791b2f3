package runbook

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// wantsActivityTracker reports whether account events are routed to the
// design's Cloud Logs instance.
func (b *builder) wantsActivityTracker() bool {
	l := b.s.Logging
	return l.ActivityTracker.Enabled && l.Backend == model.LogCloudLogs
}

// activityTracker routes the account's platform events to the Cloud Logs
// instance with Activity Tracker Event Routing (issue 9): the authorization
// atracker → logs (Sender), a cloud_logs target and a route for the
// region's and the global events. The Activity Tracker service of the seed's
// era reached end of support on 2025-03-28; Event Routing replaces it.
//
// Commands, from IBM's references:
//   - ibmcloud atracker target create --name N --type cloud_logs --target-crn CRN
//     (https://cloud.ibm.com/docs/atracker?topic=atracker-target_v2_icl)
//   - ibmcloud atracker route create --name N --target-ids ID --locations L
//     (https://cloud.ibm.com/docs/atracker?topic=atracker-route_v2)
//   - ibmcloud atracker target ls / route ls --output JSON (same pages)
func (b *builder) activityTracker() {
	bd := b.cur
	at := b.s.Logging.ActivityTracker
	bd.comment("Activity Tracker Event Routing: who created, changed or deleted what in the account (IAM, IKS, VPC,")
	bd.comment("keys...) lands in the Cloud Logs instance. Routes are account-wide; events can take up to an hour to flow.")
	target := b.val("ATRACKER_TARGET", at.TargetName, hObserve, "Activity Tracker Event Routing target (the Cloud Logs instance)")
	route := b.val("ATRACKER_ROUTE", at.RouteName, hObserve, "route of the region's and global events to the target")
	b.readBack("capture", "LOGS_CRN", view.StepObservability, "CRN of the Cloud Logs instance",
		cmd("<crn of the Cloud Logs instance>", jqCRNByName, ref("LOGS_INSTANCE"),
			"ibmcloud", "resource", "service-instances", "--service-name", ref("LOGS_SERVICE"), "--output", "json")...)
	b.authorization(b.c.Catalog.MustAuthorization(catalog.AuthAtrackerLogs), ref("LOGS_SERVICE"), ref("LOGS_GUID"))
	bd.ifNot(when("json_has", cmd(jqAtrackerHasName, target, "ibmcloud", "atracker", "target", "ls", "--output", "JSON")...), func() {
		bd.run(cmd("ibmcloud", "atracker", "target", "create", "--name", target, "--type", "cloud_logs",
			"--target-crn", ref("LOGS_CRN"), "--region", ref("LOGS_REGION"))...)
	})
	b.readBack("capture", "ATRACKER_TARGET_ID", view.StepObservability, "ID of the Activity Tracker target",
		cmd("<id of the Activity Tracker target>", jqAtrackerIDByName, target, "ibmcloud", "atracker", "target", "ls", "--output", "JSON")...)
	bd.ifElse(when("json_has", cmd(jqAtrackerHasName, route, "ibmcloud", "atracker", "route", "ls", "--output", "JSON")...), func() {
		bd.say("Activity Tracker route ", varRef("ATRACKER_ROUTE"), " already exists")
	}, func() {
		bd.run(cmd("ibmcloud", "atracker", "route", "create", "--name", route, "--target-ids", ref("ATRACKER_TARGET_ID"),
			"--locations", cat(varRef("REGION"), ",global"))...)
	})
}

// The atracker plug-in's list commands are generated from the Event Routing
// API, whose list bodies are envelopes: {"targets": [...]} (TargetList) and
// {"routes": [...]} (RouteList) in IBM/platform-services-go-sdk atrackerv2.
// IBM publishes no capture of the CLI's JSON, and other IBM plug-ins strip
// envelopes (ibm-api-shapes.md A.0), so these filters read the envelope and a
// bare array alike; a jq path that fits neither finds nothing.
const (
	jqAtrackerItems    = `((.targets? // .routes? // .) | .[]?)`
	jqAtrackerHasName  = `any(` + jqAtrackerItems + `; .name == env.JQ_V)`
	jqAtrackerIDByName = `[` + jqAtrackerItems + ` | select(.name == env.JQ_V)][0].id // empty`
)

// jqCRNByName picks the CRN of the resource named $JQ_V.
const jqCRNByName = `[.[]? | select(.name == env.JQ_V)][0].crn // empty`
