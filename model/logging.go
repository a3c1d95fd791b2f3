package model

// Logging is where the cluster's logs go (seed slides 26–29). The seed's
// LogDNA service (IBM Log Analysis) reached end of support on 2025-03-28;
// IBM Cloud Logs replaces it.
type Logging struct {
	Backend LogBackend  `yaml:"backend" json:"backend"`
	Sources []LogSource `yaml:"sources,omitempty" json:"sources,omitempty"`
	// CloudLogs is the IBM Cloud Logs instance (backend cloud-logs).
	CloudLogs CloudLogs `yaml:"cloudLogs" json:"cloudLogs"`
	// Syslog is the remote syslog server (backend syslog).
	Syslog Syslog `yaml:"syslog" json:"syslog"`
	// RetentionDays is how long logs stay searchable.
	RetentionDays int `yaml:"retentionDays,omitempty" json:"retentionDays,omitempty" jsonschema:"minimum=0,maximum=3650"`
	// ActivityTracker routes the account's platform events (who created,
	// changed or deleted what) to the Cloud Logs instance through Activity
	// Tracker Event Routing, the successor of the Activity Tracker service
	// that reached end of support in 2025.
	ActivityTracker ActivityTracker `yaml:"activityTracker,omitempty" json:"activityTracker,omitempty"`
}

// ActivityTracker is an Activity Tracker Event Routing target (the Cloud
// Logs instance) and the route that sends the region's and the global
// events to it. Routes are account-wide: one route per account is usual.
type ActivityTracker struct {
	Enabled bool `yaml:"enabled,omitempty" json:"enabled,omitempty"`
	// TargetName and RouteName name the atracker target and route; empty:
	// <cluster>-logs-target and <cluster>-events.
	TargetName string `yaml:"targetName,omitempty" json:"targetName,omitempty"`
	RouteName  string `yaml:"routeName,omitempty" json:"routeName,omitempty"`
}

// Wants reports whether source s is collected.
func (l *Logging) Wants(s LogSource) bool {
	for _, x := range l.Sources {
		if x == s {
			return true
		}
	}
	return false
}

// SyslogSources are the design's sources that IKS's log forwarder sends
// to the syslog server, one `ks logging config create --type syslog` each,
// in the runbook's order. IBM's forwarder takes container, application,
// ingress, worker, storage and kubernetes (ibm-cloud-docs/containers
// cli-ks-plugin-v2.md, logging config create --logsource, 2026-08-04).
// application is left out: it needs the log files' paths inside the
// containers (-p), which the design does not name, and the containers'
// stdout is the container source. kube-audit is no forwarder source: the
// audit receiver writes the events to its container's output.
func (l *Logging) SyslogSources() []LogSource {
	var out []LogSource
	for _, s := range []LogSource{SourceContainer, SourceWorker, SourceKubernetes, SourceStorage, SourceIngress} {
		if l.Wants(s) {
			out = append(out, s)
		}
	}
	return out
}

// CloudLogs names an IBM Cloud Logs instance.
type CloudLogs struct {
	InstanceName string `yaml:"instanceName,omitempty" json:"instanceName,omitempty"`
	// Region of the instance; empty: the cluster's region.
	Region string `yaml:"region,omitempty" json:"region,omitempty"`
	// Archive keeps the logs beyond the retention period in Object Storage.
	Archive LogsArchive `yaml:"archive,omitempty" json:"archive,omitempty"`
}

// LogsArchive is the Cloud Logs instance's data and metrics buckets, the
// successor of the 2019 deck's "archive to Object Storage": IBM Cloud Logs
// writes every ingested log to the data bucket (searchable there after the
// retention period ends) and its usage metrics to the metrics bucket; one
// of each per instance (IBM cloud-logs about-bucket). IBM needs a
// service-to-service authorization, Cloud Logs -> Object Storage Writer
// (cloud-logs iam-service-auth-cos), and the buckets as the instance's
// parameters logs_bucket_crn/logs_bucket_endpoint and
// metrics_bucket_crn/metrics_bucket_endpoint (IBM's terraform-ibm-cloud-logs
// main.tf).
type LogsArchive struct {
	Enabled bool `yaml:"enabled,omitempty" json:"enabled,omitempty"`
	// COSInstanceName is the Object Storage instance that holds the two
	// buckets; empty: <cluster>-logs-archive.
	COSInstanceName string `yaml:"cosInstanceName,omitempty" json:"cosInstanceName,omitempty"`
	// DataBucket and MetricsBucket name the buckets; empty:
	// <cluster>-logs-data and <cluster>-logs-metrics. Bucket names are
	// global across IBM Cloud.
	DataBucket    string `yaml:"dataBucket,omitempty" json:"dataBucket,omitempty"`
	MetricsBucket string `yaml:"metricsBucket,omitempty" json:"metricsBucket,omitempty"`
}

// Syslog is a remote syslog server that receives forwarded logs.
type Syslog struct {
	Host     string         `yaml:"host,omitempty" json:"host,omitempty"`
	Port     int            `yaml:"port,omitempty" json:"port,omitempty" jsonschema:"minimum=0,maximum=65535"`
	Protocol SyslogProtocol `yaml:"protocol,omitempty" json:"protocol,omitempty"`
	// CACertSecret names the Kubernetes secret that holds the certificate
	// of the CA that signed the server's certificate (protocol tls). Set,
	// each forwarding configuration is created with `--ca-cert SECRET
	// --verify-mode verify-peer`, so the forwarder checks it is talking to
	// the design's server; empty, IBM's default verify-none encrypts the
	// logs but sends them to whatever answers at the host. IBM:
	// "--ca-cert CERT: When the logging type is syslog and the protocol is
	// tls, the Kubernetes secret name that contains the Certificate
	// Authority certificate"; "--verify-mode MODE: … Supported values are
	// verify-peer and the default verify-none" (ibm-cloud-docs/containers
	// cli-ks-plugin-v2.md 069dadc, logging config create, 2026-08-04).
	CACertSecret string `yaml:"caCertSecret,omitempty" json:"caCertSecret,omitempty"`
}

// VerifiesPeer reports whether the forwarder checks the syslog server's
// certificate against the design's CA (tls with a CA secret).
func (s Syslog) VerifiesPeer() bool { return s.Protocol == SyslogTLS && s.CACertSecret != "" }

// SyslogProtocol is the transport to the syslog server.
type SyslogProtocol string

// The syslog transports.
const (
	SyslogUDP SyslogProtocol = "udp"
	SyslogTCP SyslogProtocol = "tcp"
	SyslogTLS SyslogProtocol = "tls"
)

var syslogProtocolChoices = []Choice[SyslogProtocol]{
	{SyslogTLS, "TLS", "encrypted; use it across any network you do not own"},
	{SyslogTCP, "TCP", "reliable delivery, clear text"},
	{SyslogUDP, "UDP", "fire and forget; logs can be lost"},
}

// Choices lists the syslog transports.
func (SyslogProtocol) Choices() []Choice[SyslogProtocol] { return syslogProtocolChoices }

// EnumValues implements Enum.
func (SyslogProtocol) EnumValues() []string { return enumValues(syslogProtocolChoices) }

// Label is the human name of the transport.
func (p SyslogProtocol) Label() string { return labelOf(syslogProtocolChoices, p) }

// Valid reports whether p is a known transport.
func (p SyslogProtocol) Valid() bool { return validChoice(syslogProtocolChoices, p) }

// LogBackend is where logs are sent.
type LogBackend string

// The log backends.
const (
	LogCloudLogs   LogBackend = "cloud-logs"
	LogLogAnalysis LogBackend = "log-analysis"
	LogSyslog      LogBackend = "syslog"
	LogNone        LogBackend = "none"
)

var logBackendChoices = []Choice[LogBackend]{
	{LogCloudLogs, "IBM Cloud Logs", "IBM's current log service: the Logs agent Helm chart ships every source"},
	{LogLogAnalysis, "IBM Log Analysis (LogDNA) — legacy, end of support 2025-03-28", "IBM's 2019 guidance's choice (slides 27–29); support ended, new instances cannot be relied on"},
	{LogSyslog, "Remote syslog", "forward with `ibmcloud ks logging config create --type syslog` to a server you run"},
	{LogNone, "None", "logs stay on the workers and are lost when a worker is replaced"},
}

// Choices lists the backends.
func (LogBackend) Choices() []Choice[LogBackend] { return logBackendChoices }

// EnumValues implements Enum.
func (LogBackend) EnumValues() []string { return enumValues(logBackendChoices) }

// Label is the human name of the backend.
func (b LogBackend) Label() string { return labelOf(logBackendChoices, b) }

// Valid reports whether b is a known backend.
func (b LogBackend) Valid() bool { return validChoice(logBackendChoices, b) }

// Legacy reports whether the backend reached end of support.
func (b LogBackend) Legacy() bool { return b == LogLogAnalysis }

// LogSource is one of the seven log sources of the seed's slide 26.
type LogSource string

// The seven log sources.
const (
	SourceWorker      LogSource = "worker"
	SourceContainer   LogSource = "container"
	SourceApplication LogSource = "application"
	SourceStorage     LogSource = "storage"
	SourceKubernetes  LogSource = "kubernetes"
	SourceKubeAudit   LogSource = "kube-audit"
	SourceIngress     LogSource = "ingress"
)

var logSourceChoices = []Choice[LogSource]{
	{SourceWorker, "Worker nodes", "operating system events of each worker"},
	{SourceContainer, "Containers", "every container's stdout and stderr"},
	{SourceApplication, "Application files", "log files your applications write inside containers"},
	{SourceStorage, "Storage", "the storage plug-ins' logs"},
	{SourceKubernetes, "Kubernetes (kube-system)", "kubelet, kube-proxy and other system components"},
	{SourceKubeAudit, "Kubernetes API audit", "every request to the API server (audit webhook to an in-cluster receiver)"},
	{SourceIngress, "Ingress", "HTTP traffic through the application load balancers"},
}

// Choices lists the log sources.
func (LogSource) Choices() []Choice[LogSource] { return logSourceChoices }

// EnumValues implements Enum.
func (LogSource) EnumValues() []string { return enumValues(logSourceChoices) }

// Label is the human name of the source.
func (s LogSource) Label() string { return labelOf(logSourceChoices, s) }

// Valid reports whether s is a known source.
func (s LogSource) Valid() bool { return validChoice(logSourceChoices, s) }
