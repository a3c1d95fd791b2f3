package terraform

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// The Logs agent's Helm release and namespace, as the runbook's
// observability step installs it (helm upgrade --install logs-agent … -n
// ibm-observe) and IBM's terraform-ibm-logs-agent names it
// (logs_agent_name "logs-agent", logs_agent_namespace "ibm-observe").
const (
	logsAgentRelease   = "logs-agent"
	logsAgentNamespace = "ibm-observe"
)

// logsAgent installs the Cloud Logs agent with a helm_release, as IBM's
// terraform-ibm-logs-agent module does (main.tf resource "helm_release"
// "logs_agent", commit d1bedeb, v1.25.2), with what the runbook passes:
// the catalog's chart and version, values/logs-agent.yaml (the file next
// to this folder), the ingestion host of view.Context.LogsRoute and the
// agent's API key. The helm provider reaches the cluster with the admin
// kubeconfig of ibm_container_cluster_config (admin = true, as the
// runbook's `ks cluster config --admin`), through the endpoint the runbook
// uses for a master without a public endpoint. Where IBM offers Cloud
// Logs' private ingestion only through a VPE (ca-mon), the gateway comes
// first (logsVPE). The runbook's later `helm upgrade --install` of the
// same release with the same inputs changes nothing.
func (m *module) logsAgent(f *file) {
	route := m.c.LogsRoute()
	var deps list
	if route.Via == view.LogsViaVPE {
		m.logsVPE(f)
		deps = list{ref("ibm_is_virtual_endpoint_gateway.logs")}
	}
	agent := m.c.Catalog.MustChart(catalog.ChartLogsAgent)
	f.note("The Logs agent (a DaemonSet on every worker), installed as the runbook does: the same chart, version,")
	f.note("values/logs-agent.yaml and ingestion host. Helm reaches the cluster with the admin kubeconfig.")
	cfg := f.add(newBlock("data", "ibm_container_cluster_config", "cluster"))
	cfg.set("cluster_name_id", m.clusterID())
	cfg.setFrom("resource_group_id", resourceGroupID, "spec.resourceGroup")
	cfg.set("admin", boolean(true))
	if !m.s.Network.ServiceEndpoints.HasPublic() {
		// The runbook's access step: --endpoint vpe (VPC) or private (classic).
		endpoint := "private"
		if m.s.IsVPC() {
			endpoint = "vpe"
		}
		cfg.setFrom("endpoint_type", str(endpoint), "spec.network.serviceEndpoints")
	}
	p := f.add(newBlock("provider", "helm"))
	p.set("kubernetes", object{
		"host":                   ref("data.ibm_container_cluster_config.cluster.host"),
		"client_certificate":     ref("data.ibm_container_cluster_config.cluster.admin_certificate"),
		"client_key":             ref("data.ibm_container_cluster_config.cluster.admin_key"),
		"cluster_ca_certificate": ref("data.ibm_container_cluster_config.cluster.ca_certificate"),
	})
	m.variable("logs_agent_api_key", "API key of a service ID with the IBM Cloud Logs Sender role, for the Logs agent", "", true)
	host := interpolate("", "ibm_resource_instance.logs.guid", fmt.Sprintf(".%s.%s.%s", route.HostLabel, route.Region, route.Domain))
	r := f.add(newBlock("resource", "helm_release", "logs_agent"))
	r.set("name", str(logsAgentRelease))
	// IBM's module splits the OCI reference the same way:
	// repository oci://icr.io/ibm-observe, chart logs-agent-helm.
	i := strings.LastIndexByte(agent.Chart, '/')
	r.set("repository", str(agent.Chart[:max(i, 0)]))
	r.set("chart", str(agent.Chart[i+1:]))
	r.set("version", str(agent.Version))
	r.set("namespace", str(logsAgentNamespace))
	r.set("create_namespace", boolean(true))
	r.set("values", list{ref(`file("${path.module}/../values/logs-agent.yaml")`)})
	r.set("set", list{object{"name": str("env.ingestionHost"), "value": host}})
	r.set("set_sensitive", list{object{"name": str("secret.iamAPIKey"), "value": ref("var.logs_agent_api_key")}})
	if deps != nil {
		r.set("depends_on", deps)
	}
}

// logsVPE is the runbook's logsVPE (render/runbook logsvpe.go) as a
// resource: a VPE gateway in the cluster's VPC that targets the Cloud Logs
// instance's CRN (provider_cloud_service), one reserved IP in each zone's
// subnet (ips { subnet }) and the workers' security group kube-<cluster
// ID>, as IBM's logs-agent-ocp example selects "only security group
// attached to the Cluster" (terraform-ibm-logs-agent examples, module
// "vpe").
func (m *module) logsVPE(f *file) {
	f.note("Cloud Logs' private ingestion in %s is reached only through a VPE gateway (IBM cloud-logs endpoints_ingress):", m.c.LogsRoute().Region)
	f.note("one in the cluster's VPC that targets the instance, an IP in each zone's subnet, the workers' security group.")
	sg := f.add(newBlock("data", "ibm_is_security_group", "cluster_workers"))
	sg.set("name", interpolate("kube-", string(m.clusterID()), ""))
	g := f.add(newBlock("resource", "ibm_is_virtual_endpoint_gateway", "logs"))
	g.set("name", str(view.LogsVPEName(m.c.Design)))
	g.set("vpc", m.vpcID())
	g.setFrom("resource_group", resourceGroupID, "spec.resourceGroup")
	t := g.add("target")
	t.set("crn", ref("ibm_resource_instance.logs.crn"))
	t.set("resource_type", str("provider_cloud_service"))
	for i := range m.s.Zones {
		g.add("ips").set("subnet", m.subnetID(i))
	}
	g.set("security_groups", list{ref("data.ibm_is_security_group.cluster_workers.id")})
}

// interpolate is the quoted template "PREFIX${EXPR}SUFFIX": prefix and
// suffix are escaped as string literals (quote), expr is written as is.
func interpolate(prefix, expr, suffix string) ref {
	p := quote(prefix)
	return ref(p[:len(p)-1] + "${" + expr + "}" + quote(suffix)[1:])
}
