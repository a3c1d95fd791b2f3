package runbook

import (
	"fmt"

	"github.com/iksplan/iksplan/render/view"
)

// jqVPEToTarget holds when a VPC's endpoint gateways (`ibmcloud is
// endpoint-gateways --vpc VPC --output JSON`: the bare array the VPC CLI
// prints for lists, or the API's {"endpoint_gateways": [...]}) include one
// whose target CRN is $JQ_V; jqVPEStable when that one is stable.
const (
	jqVPEToTarget = `any(((.endpoint_gateways? // .) | .[]?); .target.crn? == env.JQ_V)`
	jqVPEStable   = `any(((.endpoint_gateways? // .) | .[]?); .target.crn? == env.JQ_V and .lifecycle_state == "stable")`
)

// vpeStableMinutes bounds the wait for a new VPE gateway (INFERRED: IBM
// gives no figure; its console shows Updating, then Stable).
const vpeStableMinutes = 10

// logsVPE creates the VPE gateway the Logs agent sends through where IBM
// offers Cloud Logs' private ingestion only that way (view LogsViaVPE: the
// catalog's logsIngestion.vpeOnly regions, ca-mon). IBM: "When you create
// a VPE gateway by using the CLI or API, you must specify the Cloud
// Resource Name (CRN) of the IBM Cloud Logs instance as the target"
// (ibm-cloud-docs/cloud-logs core/vpe.md, 65f6d5d, lastupdated 2025-10-27).
// The command is `ibmcloud is endpoint-gateway-create --target CRN
// --target-type provider_cloud_service --vpc VPC --name NAME
// --new-reserved-ip '{"subnet": {"id": …}}' … --sg SG`
// (vpc-infrastructure-cli-plugin vpc-cli-reference.md, d61b6f4). One
// reserved IP per zone, in the zone's cluster subnet (one IP per VPC zone,
// vpe-planning.md). The security group is the workers' kube-<clusterID>,
// as IBM's own example does (terraform-ibm-modules/terraform-ibm-logs-agent
// examples/logs-agent-ocp main.tf, module "vpe": "Select only security
// group attached to the Cluster"): the workers' group allows traffic to
// and from its own members only among IBM's private ranges
// (containers vpc-security-group-reference, 2026-10-09), while the VPC's
// default group, used when --sg is left out (vpe-planning.md), is not on
// the workers. The gateway is found by its target, not its name: IBM
// allows one VPE per service in a VPC, so one made by hand is reused.
func (b *builder) logsVPE() {
	bd := b.cur
	s := b.s
	bd.comment("Cloud Logs' private ingestion in %s is reached only through a VPE gateway (IBM cloud-logs endpoints_ingress):", b.c.LogsRoute().Region)
	bd.comment("one in the cluster's VPC that targets the instance's CRN, with a reserved IP in each zone's subnet and")
	bd.comment("the workers' security group kube-<cluster ID> (IBM's logs-agent example; the VPC default group is not on the workers).")
	name := b.val("LOGS_VPE_NAME", view.LogsVPEName(b.c.Design), hObserve, "VPE gateway to the Cloud Logs instance (private ingestion)")
	b.readBack("capture", "LOGS_CRN", view.StepObservability, "CRN of the Cloud Logs instance",
		cmd("<crn of the Cloud Logs instance>", jqCRNByName, ref("LOGS_INSTANCE"),
			"ibmcloud", "resource", "service-instances", "--service-name", ref("LOGS_SERVICE"), "--output", "json")...)
	list := cmd("ibmcloud", "is", "endpoint-gateways", "--vpc", b.vpcID(), "--output", "JSON")
	b.clusterID()
	bd.ifElse(when("json_has", append(cmd(jqVPEToTarget, ref("LOGS_CRN")), list...)...), func() {
		bd.say("a VPE gateway to the Cloud Logs instance exists in the VPC; not creating another")
	}, func() {
		ws := cmd("ibmcloud", "is", "endpoint-gateway-create", "--target", ref("LOGS_CRN"), "--target-type", "provider_cloud_service",
			"--vpc", b.vpcID(), "--name", name)
		for i := range s.Zones {
			b.subnetID(i)
			ws = append(ws, lit("--new-reserved-ip"), cat(`{"subnet": {"id": "`, varRef(fmt.Sprintf("SUBNET_%d_ID", i+1)), `"}}`))
		}
		ws = append(ws, cmd("--sg", cat("kube-", varRef("CLUSTER_ID")), "--resource-group-name", ref("RESOURCE_GROUP"))...)
		bd.run(ws...)
	})
	bd.call("wait_for", append(cmd(bd.msg("the VPE gateway to the Cloud Logs instance to be stable"), fmt.Sprint(vpeStableMinutes), jqVPEStable, ref("LOGS_CRN")), list...)...)
}
