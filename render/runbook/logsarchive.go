package runbook

import (
	"fmt"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// jqCRNBaseByName is the CRN of the instance named $JQ_V without its
// empty resource-type and resource parts ("...:GUID::"), to which a
// bucket's ":bucket:NAME" is appended (IBM CRN format:
// ...:service-instance:resource-type:resource; a COS bucket's CRN is its
// instance's with resource-type bucket).
const jqCRNBaseByName = `[.[]? | select(.name == env.JQ_V)][0].crn // empty | rtrimstr("::")`

// wantsLogsArchive reports whether the Cloud Logs instance gets its data
// and metrics buckets.
func (b *builder) wantsLogsArchive() bool {
	return b.s.Logging.CloudLogs.Archive.Enabled
}

// logsArchive creates the Object Storage instance and the two buckets
// that keep Cloud Logs' data and metrics past the retention period, and
// lets Cloud Logs write them; it returns the instance's create parameters
// with the buckets. One data bucket and one metrics bucket per instance
// (IBM cloud-logs about-bucket); Cloud Logs -> Object Storage, Writer
// (cloud-logs iam-service-auth-cos); parameters logs_bucket_crn,
// logs_bucket_endpoint, metrics_bucket_crn, metrics_bucket_endpoint and
// retention_period (IBM's terraform-ibm-cloud-logs main.tf, which also
// creates the authorization before the instance).
//
// Commands: ibmcloud resource service-instance-create; ibmcloud cos
// config crn; ibmcloud cos bucket-create --bucket --class
// --ibm-service-instance-id --region (IBM cos CLI reference,
// https://cloud.ibm.com/docs/cloud-object-storage-cli-plugin?topic=cloud-object-storage-cli-plugin-ic-cos-cli);
// ibmcloud iam authorization-policy-create logs cloud-object-storage Writer
// --target-service-instance-id GUID (IBM iam CLI reference).
func (b *builder) logsArchive(region word, retention int) word {
	bd := b.cur
	a := b.s.Logging.CloudLogs.Archive
	sv := b.catalogService("cos", hObserve)
	bd.comment("Archive (the 2019 deck archived logs to Object Storage; IBM Cloud Logs does it today): every ingested")
	bd.comment("log goes to the data bucket, where it stays searchable after the retention period; usage metrics go to")
	bd.comment("the metrics bucket. Cloud Logs reaches them over IBM's network (direct endpoint).")
	inst := b.val("LOGS_COS_INSTANCE", a.COSInstanceName, hObserve, "Object Storage instance of the Cloud Logs buckets")
	data := b.val("LOGS_DATA_BUCKET", a.DataBucket, hObserve, "bucket for the logs (names are global across IBM Cloud)")
	metrics := b.val("LOGS_METRICS_BUCKET", a.MetricsBucket, hObserve, "bucket for the metrics")
	b.val("LOGS_BUCKET_ENDPOINT", b.c.Catalog.DirectEndpointFor(b.logsRegion()), hObserve,
		"direct endpoint of the buckets' region (IBM COS endpoints)")
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"Object Storage instance ", varRef("LOGS_COS_INSTANCE")}, func() {
		bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, sv.name, sv.plan, sv.location(b), "-g", ref("RESOURCE_GROUP"))...)
	})
	b.readBack("capture", "LOGS_COS_GUID", view.StepObservability, "GUID of the Cloud Logs buckets' Object Storage instance",
		cmd("<guid of the Object Storage instance>", jqGUIDByName, inst, "ibmcloud", "resource", "service-instances", "--service-name", sv.name, "--output", "json")...)
	b.readBack("capture", "LOGS_COS_CRN_BASE", view.StepObservability, "CRN of that instance, the buckets' CRN prefix",
		cmd("<crn of the Object Storage instance>", jqCRNBaseByName, inst, "ibmcloud", "resource", "service-instances", "--service-name", sv.name, "--output", "json")...)
	bd.run(cmd("ibmcloud", "cos", "config", "crn", "--crn", ref("LOGS_COS_GUID"), "--force")...)
	for _, bk := range []struct {
		name word
		v    string
	}{{data, "LOGS_DATA_BUCKET"}, {metrics, "LOGS_METRICS_BUCKET"}} {
		bd.unlessExists(cmd("ibmcloud", "cos", "bucket-head", "--bucket", bk.name, "--region", region), []any{"bucket ", varRef(bk.v)}, func() {
			bd.run(cmd("ibmcloud", "cos", "bucket-create", "--bucket", bk.name, "--class", b.bucketClass(model.BucketSmart),
				"--ibm-service-instance-id", ref("LOGS_COS_GUID"), "--region", region)...)
		})
	}
	bd.comment("Cloud Logs may write the buckets (Writer on their instance), before the instance names them (as IBM's module does).")
	b.authorization(b.c.Catalog.MustAuthorization(catalog.AuthLogsCOS), sv.name, ref("LOGS_COS_GUID"))
	return cat(fmt.Sprintf(`{"retention_period":%d,"logs_bucket_crn":"`, retention), varRef("LOGS_COS_CRN_BASE"), ":bucket:", varRef("LOGS_DATA_BUCKET"),
		`","logs_bucket_endpoint":"`, varRef("LOGS_BUCKET_ENDPOINT"),
		`","metrics_bucket_crn":"`, varRef("LOGS_COS_CRN_BASE"), ":bucket:", varRef("LOGS_METRICS_BUCKET"),
		`","metrics_bucket_endpoint":"`, varRef("LOGS_BUCKET_ENDPOINT"), `"}`)
}

// logsRegion is the Cloud Logs instance's region (the cluster's unless
// the design names one); the archive buckets are regional there.
func (b *builder) logsRegion() string {
	if r := b.s.Logging.CloudLogs.Region; r != "" {
		return r
	}
	return b.s.Region
}
