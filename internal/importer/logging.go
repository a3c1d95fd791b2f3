package importer

import (
	"fmt"
	"sort"

	"github.com/iksplan/iksplan/model"
)

// logConfigJSON is one log forwarding configuration of `ks logging config
// get --output json`: the API's LogConfigResponse
// (IBM-Cloud/container-services-go-sdk 454a2ae kubernetesserviceapiv1,
// the fields import uses). INFERRED: the CLI prints the API's array as it
// is (no IBM page shows the CLI's JSON).
type logConfigJSON struct {
	LogSource       string `json:"logSource"`
	LoggingType     string `json:"loggingType"`
	Protocol        string `json:"protocol"`
	RemoteLogServer string `json:"remoteLogServer"`
	RemoteLogPort   int    `json:"remoteLogPort"`
}

// syslogUnknowns replace the whole-section spec.logging entry when the
// cluster forwards to a syslog server: the backend and the server are then
// known, the rest is still not returned.
var syslogUnknowns = []Unknown{
	{Path: "spec.logging.sources", Why: "the forwarding configurations name container, worker, kubernetes, storage and ingress; application (file paths inside containers) and kube-audit (the audit webhook) are not among them", Where: "ibmcloud ks logging config get --cluster C; the notes for the audit webhook"},
	{Path: "spec.logging.cloudLogs", Why: "logs go to the syslog server; a Cloud Logs instance, if any, is an account resource", Where: "ibmcloud resource service-instances --service-name logs"},
	{Path: "spec.logging.retentionDays", Why: "the syslog server keeps the logs; IKS does not know for how long", Where: "the syslog server's configuration"},
	{Path: "spec.logging.activityTracker", Why: "Activity Tracker Event Routing is an account setting", Where: "ibmcloud atracker route ls; ibmcloud atracker target ls"},
	{Path: "spec.logging.syslog.caCertSecret", Why: "the forwarding configurations IBM returns (LogConfigResponse: source, type, namespace, protocol, server, port) do not name the CA secret --ca-cert was given", Where: "kubectl get secrets -A; the command that created the configuration"},
}

// importSyslog sets the syslog backend from the cluster's forwarding
// configurations and reports whether it did. One server for every
// source is what the design holds; other servers are told in the notes.
func importSyslog(s *model.Spec, configs []logConfigJSON, r *Result) bool {
	type server struct {
		host  string
		port  int
		proto string
	}
	sources := map[server][]string{}
	var order []server
	for _, lc := range configs {
		if lc.LoggingType != "syslog" {
			continue
		}
		sv := server{lc.RemoteLogServer, lc.RemoteLogPort, lc.Protocol}
		if _, seen := sources[sv]; !seen {
			order = append(order, sv)
		}
		sources[sv] = append(sources[sv], lc.LogSource)
	}
	if len(order) == 0 {
		return false
	}
	// The server most sources go to is the design's.
	sort.SliceStable(order, func(i, j int) bool { return len(sources[order[i]]) > len(sources[order[j]]) })
	main := order[0]
	s.Logging.Backend = model.LogSyslog
	s.Logging.Syslog = model.Syslog{Host: main.host, Port: main.port, Protocol: model.SyslogProtocol(main.proto)}
	for _, sv := range order[1:] {
		r.Notes = append(r.Notes, fmt.Sprintf("log sources %v also go to syslog %s:%d over %s (ks logging config get); a design names one server",
			sources[sv], model.Escape(sv.host), sv.port, model.Escape(sv.proto)))
	}
	return true
}

// withSyslogUnknowns swaps the spec.logging entry for syslogUnknowns.
func withSyslogUnknowns(list []Unknown) []Unknown {
	var out []Unknown
	for _, u := range list {
		if u.Path == "spec.logging" {
			out = append(out, syslogUnknowns...)
			continue
		}
		out = append(out, u)
	}
	return out
}
