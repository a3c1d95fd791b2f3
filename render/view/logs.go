package view

import (
	"github.com/iksplan/iksplan/model"
)

// LogsVia is the network path the Logs agent takes to its Cloud Logs
// instance.
type LogsVia string

const (
	// LogsViaPublic is the public ingestion endpoint, over the internet.
	LogsViaPublic LogsVia = "public"
	// LogsViaCSE is the private endpoint on IBM's service network (a cloud
	// service endpoint): no gateway to create.
	LogsViaCSE LogsVia = "cse"
	// LogsViaVPE is the private endpoint through a VPE gateway in the
	// cluster's VPC, bound to the instance.
	LogsViaVPE LogsVia = "vpe"
)

// LogsRoute is how the Logs agent reaches the Cloud Logs instance,
// decided once for the runbook (values/logs-agent.yaml and the helm --set
// of the ingestion host) and DESIGN.md. The host names and ports are the
// catalog's logsIngestion facts.
type LogsRoute struct {
	Via LogsVia
	// Region is the Cloud Logs instance's region (the cluster's unless the
	// design names one).
	Region string
	// HostLabel sits between the instance GUID and the region in the
	// ingestion host: GUID.LABEL.REGION.Domain.
	HostLabel string
	Domain    string
	Port      int
}

// Private reports whether the route stays off the internet.
func (r LogsRoute) Private() bool { return r.Via != LogsViaPublic }

// Host is the ingestion host with guid standing for the instance GUID.
func (r LogsRoute) Host(guid string) string {
	return guid + "." + r.HostLabel + "." + r.Region + "." + r.Domain
}

// PrivateServiceNetwork reports whether the workers reach IBM service
// endpoints privately: always on VPC, and on classic with VRF and service
// endpoints (which a private master endpoint requires and the preflight
// checks).
func (c *Context) PrivateServiceNetwork() bool {
	s := c.Spec
	if s.IsVPC() {
		return true
	}
	cn := s.Network.Classic
	return s.Network.ServiceEndpoints.HasPrivate() || cn != nil && (cn.AccountRouting == model.RoutingVRF || cn.PrivateOnlyWorkers)
}

// LogsRoute decides the Logs agent's path: the private CSE endpoint
// wherever the workers reach IBM's service network privately, a VPE
// gateway where IBM offers the private endpoint only that way (catalog
// logsIngestion.vpeOnly; the runbook creates it in the cluster's VPC), the
// public endpoint otherwise, classic clusters in a vpeOnly region
// included (no VPC for the gateway).
func (c *Context) LogsRoute() LogsRoute {
	in := c.Catalog.LogsIngestion
	region := c.Spec.Logging.CloudLogs.Region
	if region == "" {
		region = c.Spec.Region
	}
	r := LogsRoute{Via: LogsViaPublic, Region: region, HostLabel: in.PublicLabel, Domain: in.Domain, Port: in.PublicPort}
	if !c.PrivateServiceNetwork() {
		return r
	}
	if in.PrivateOnlyThroughVPE(region) {
		if !c.Spec.IsVPC() {
			// No CSE there, and a VPE gateway lives in a VPC: a classic
			// cluster ships over the public endpoint (rule LOG014).
			return r
		}
		r.HostLabel, r.Via, r.Port = in.PrivateLabel, LogsViaVPE, in.VPEPort
		return r
	}
	r.HostLabel = in.PrivateLabel
	r.Via, r.Port = LogsViaCSE, in.CSEPort
	return r
}
