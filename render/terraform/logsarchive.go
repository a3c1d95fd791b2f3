package terraform

import (
	"fmt"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// logsArchive writes the Cloud Logs archive as the runbook builds it
// (render/runbook logsarchive.go): an Object Storage instance, regional
// smart-tier data and metrics buckets in the Logs region, and the Cloud
// Logs -> Object Storage Writer authorization on that instance
// (cloud-logs iam-service-auth-cos). It returns the instance's
// parameters_json with the buckets, as IBM's terraform-ibm-cloud-logs
// main.tf passes them: logs_bucket_crn/logs_bucket_endpoint and
// metrics_bucket_crn/metrics_bucket_endpoint, the endpoint being the
// bucket's s3_endpoint_direct (provider ibm_cos_bucket attribute).
func (m *module) logsArchive(f *file, region, from string, retention int) expr {
	a := m.s.Logging.CloudLogs.Archive
	path := "spec.logging.cloudLogs.archive"
	service, plan, loc := m.serviceEntry("cos")
	f.note("Archive: Cloud Logs writes every ingested log to the data bucket (searchable after the retention period)")
	f.note("and its usage metrics to the metrics bucket.")
	r := f.add(newBlock("resource", "ibm_resource_instance", "logs_archive"))
	r.setFrom("name", str(a.COSInstanceName), path+".cosInstanceName")
	r.set("service", str(service))
	r.set("plan", str(plan))
	r.set("location", str(loc))
	r.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	for _, bk := range []struct{ label, name, field string }{
		{"logs_data", a.DataBucket, "dataBucket"}, {"logs_metrics", a.MetricsBucket, "metricsBucket"},
	} {
		b := f.add(newBlock("resource", "ibm_cos_bucket", bk.label))
		b.setFrom("bucket_name", str(bk.name), path+"."+bk.field)
		b.set("resource_instance_id", ref("ibm_resource_instance.logs_archive.id"))
		b.setFrom("region_location", str(region), from)
		// Smart Tier, as the runbook creates them; the design's class names are
		// the provider's storage_class values (storage.go).
		b.set("storage_class", str(string(model.BucketSmart)))
	}
	m.grant(f, "logs_cos", catalog.AuthLogsCOS, "", ref("ibm_resource_instance.logs_archive.guid"), "Cloud Logs writes its archive buckets")
	return ref(fmt.Sprintf("jsonencode({ retention_period = %d, logs_bucket_crn = ibm_cos_bucket.logs_data.crn, "+
		"logs_bucket_endpoint = ibm_cos_bucket.logs_data.s3_endpoint_direct, metrics_bucket_crn = ibm_cos_bucket.logs_metrics.crn, "+
		"metrics_bucket_endpoint = ibm_cos_bucket.logs_metrics.s3_endpoint_direct })", retention))
}
