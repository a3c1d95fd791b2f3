package runbook

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
	yaml "github.com/iksplan/iksplan/internal/kube/kyaml"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// The Helm values files are typed structs marshalled as sigs.k8s.io/yaml
// would (internal/kube/kyaml, the same bytes): no design string is spliced
// into YAML text. They hold no secret: the runbook passes API and access
// keys from the environment with --set-file.

// toleration lets an agent's DaemonSet run on tainted pools too (GPU, edge).
type toleration struct {
	Operator string `json:"operator"`
}

// logsAgentValues are the IBM Cloud Logs agent chart's values
// (oci://icr.io/ibm-observe/logs-agent-helm; keys from IBM's "Helm chart
// configuration options" table). env.ingestionHost holds the instance
// GUID, known only after the instance exists: runbook.sh passes it with
// --set, and secret.iamAPIKey with --set-file from LOGS_AGENT_API_KEY.
type logsAgentValues struct {
	Metadata struct {
		Name string `json:"name"`
	} `json:"metadata"`
	Image struct {
		Version string `json:"version"`
	} `json:"image"`
	ClusterName string       `json:"clusterName"`
	Env         logsAgentEnv `json:"env"`
	SCC         sccValues    `json:"scc"`
	SystemLogs  []string     `json:"systemLogs,omitempty"`
	Tolerations []toleration `json:"tolerations"`
	Annotations bool         `json:"includeAnnotations"`
}

type logsAgentEnv struct {
	IngestionPort  int    `json:"ingestionPort"`
	IAMMode        string `json:"iamMode"`
	IAMEnvironment string `json:"iamEnvironment"`
}

type sccValues struct {
	Create bool `json:"create"`
}

// monitoringValues are the sysdig/sysdig-deploy chart's values as IBM
// Cloud Monitoring's "agent-deploy-kube-helm" and IBM's Terraform module
// set them: images from icr.io, the regional ingestion endpoint, Monitoring
// only (no Workload Protection components). global.sysdig.accessKey comes
// from MONITORING_ACCESS_KEY with --set-file.
type monitoringValues struct {
	Global struct {
		ClusterConfig struct {
			Name string `json:"name"`
		} `json:"clusterConfig"`
		Sysdig struct {
			APIHost string `json:"apiHost"`
		} `json:"sysdig"`
		KSPM struct {
			Deploy bool `json:"deploy"`
		} `json:"kspm"`
	} `json:"global"`
	Agent struct {
		Image struct {
			Registry string `json:"registry"`
		} `json:"image"`
		Slim struct {
			Enabled bool `json:"enabled"`
			Image   struct {
				Repository string `json:"repository"`
			} `json:"image"`
			KmoduleImage struct {
				Repository string `json:"repository"`
			} `json:"kmoduleImage"`
		} `json:"slim"`
		CollectorSettings struct {
			CollectorHost string `json:"collectorHost"`
		} `json:"collectorSettings"`
		Tolerations []toleration `json:"tolerations"`
	} `json:"agent"`
	NodeAnalyzer struct {
		Enabled bool `json:"enabled"`
	} `json:"nodeAnalyzer"`
	ClusterScanner struct {
		Enabled bool `json:"enabled"`
	} `json:"clusterScanner"`
}

// valuesFiles renders values/*.yaml for the charts the runbook installs
// with a values file.
func valuesFiles(c *view.Context) ([]view.Artifact, error) {
	b := newBuilderFor(c, 0) // for its catalog and step lookups; it defines no variables
	var out []view.Artifact
	s := c.Spec
	if s.Logging.Backend == model.LogCloudLogs {
		a, err := yamlArtifact(c, "values/logs-agent.yaml", b.logsAgentValues(), []string{
			"Helm values of the IBM Cloud Logs agent (" + b.chart(catalog.ChartLogsAgent).Chart + "), installed by",
			"runbook.sh " + b.stepRefIn(i18n.EN, view.StepObservability) + ". Not set here, on purpose:",
			"  env.ingestionHost   " + b.c.LogsRoute().Host("<instance GUID>") + ": the GUID exists",
			"                      only after the instance does; the runbook reads it back and passes it with --set.",
			"  secret.iamAPIKey    from the environment variable LOGS_AGENT_API_KEY (--set-file); never in a file.",
		})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if s.Monitoring.Enabled {
		mon := b.chart(catalog.ChartMonitoringAgent)
		a, err := yamlArtifact(c, "values/monitoring-agent.yaml", b.monitoringValues(), []string{
			"Helm values of the IBM Cloud Monitoring agent (" + mon.Chart + " from " + mon.RepoURL + "),",
			"installed by runbook.sh " + b.stepRefIn(i18n.EN, view.StepObservability) + ". Not set here, on purpose:",
			"  global.sysdig.accessKey   from the environment variable MONITORING_ACCESS_KEY (--set-file).",
		})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func yamlArtifact(c *view.Context, path string, v any, intro []string) (view.Artifact, error) {
	data, err := yaml.Marshal(v)
	if err != nil {
		return view.Artifact{}, fmt.Errorf("marshal %s: %w", path, err)
	}
	var head strings.Builder
	head.WriteString("# " + c.Header + "\n")
	for _, l := range intro {
		head.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	return view.Artifact{Path: path, Data: append([]byte(head.String()), data...), Mode: 0o644}, nil
}

func (b *builder) logsAgentValues() logsAgentValues {
	s := b.s
	var v logsAgentValues
	v.Metadata.Name = "logs-agent"
	v.Image.Version = b.chart(catalog.ChartLogsAgent).Version
	v.ClusterName = b.c.Design.Metadata.Name
	v.Env.IAMMode = "IAMAPIKey"
	// The port of the route DESIGN.md states (catalog logsIngestion); a
	// private route also takes IAM's private endpoint.
	route := b.c.LogsRoute()
	v.Env.IngestionPort = route.Port
	v.Env.IAMEnvironment = "Production"
	if route.Private() {
		v.Env.IAMEnvironment = "PrivateProduction"
	}
	if s.Logging.Wants(model.SourceWorker) {
		v.SystemLogs = append(v.SystemLogs, "/var/log/syslog")
	}
	if s.Logging.Wants(model.SourceKubernetes) {
		v.SystemLogs = append(v.SystemLogs, "/var/log/kubelet.log")
	}
	v.Tolerations = []toleration{{Operator: "Exists"}}
	v.Annotations = true
	return v
}

func (b *builder) monitoringValues() monitoringValues {
	s := b.s
	var v monitoringValues
	v.Global.ClusterConfig.Name = b.c.Design.Metadata.Name
	// Host names and image repositories: catalog monitoringEndpoints.
	me := b.c.Catalog.MonitoringEndpoints
	v.Global.Sysdig.APIHost = me.APIHost(s.Region, b.logsPrivate())
	v.Agent.Image.Registry = b.c.Catalog.Registries.Global
	v.Agent.Slim.Enabled = true
	v.Agent.Slim.Image.Repository = me.SlimRepository
	v.Agent.Slim.KmoduleImage.Repository = me.KmoduleRepository
	v.Agent.CollectorSettings.CollectorHost = me.IngestHost(s.Region, b.logsPrivate())
	v.Agent.Tolerations = []toleration{{Operator: "Exists"}}
	return v
}
