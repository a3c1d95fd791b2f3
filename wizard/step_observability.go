package wizard

import (
	"errors"
	"net/netip"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
)

// Step 8, Logging and monitoring (seed slides 26–32): where the seven log
// sources go, and how metrics alert someone. The seed's services changed
// since 2019: IBM Log Analysis (LogDNA), Activity Tracker and the
// `ibmcloud ob` plug-in ended on 2025-03-28 — IBM Cloud Logs and Helm
// agents replace them; Monitoring (Sysdig) continues as IBM Cloud Monitoring.

const (
	docCloudLogs  = "https://cloud.ibm.com/docs/containers?topic=containers-cloud-logs-migration"
	docHealth     = "https://cloud.ibm.com/docs/containers?topic=containers-health"
	docMonitoring = "https://cloud.ibm.com/docs/monitoring"
)

func registerObservability() {
	pages := []Page{{
		ID:    "logging",
		Title: "Logging",
		Description: "IBM's 2019 guidance (slide 26): IKS writes its logs on each worker; to see them in one place, send them to an " +
			"IBM Cloud service or one of your own.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{Choose(c, "spec.logging.backend", "Where do the logs go?",
				&c.D.Spec.Logging.Backend, model.LogBackend("").Choices())}
		},
		Live: func(c *Ctx) string {
			switch c.D.Spec.Logging.Backend {
			case model.LogLogAnalysis:
				return wrapTo(liveWarn(c, c.tr("IBM Log Analysis (LogDNA) and `ibmcloud ob` reached end of support on 2025-03-28: choose IBM Cloud Logs")), c.Width)
			case model.LogCloudLogs:
				return wrapTo(c.tr("the IBM Cloud Logs agent (Helm chart logs-agent-helm) runs on every worker in namespace ibm-observe"), c.Width)
			case model.LogSyslog:
				return wrapTo(c.tr("`ibmcloud ks logging config create --type syslog` forwards each source to your server"), c.Width)
			case model.LogNone:
				return wrapTo(liveWarn(c, c.tr("logs stay on the workers and are lost when a worker is replaced")), c.Width)
			}
			return ""
		},
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}, {
		ID:    "sources",
		Title: "Log sources",
		Description: "The seven log sources of IBM's 2019 guidance (slide 26): ① worker nodes ② containers ③ applications ④ storage " +
			"⑤ kube-system ⑥ kube-audit ⑦ Ingress.",
		Skip: func(c *Ctx) bool { return c.D.Spec.Logging.Backend == model.LogNone },
		Fields: func(c *Ctx) []huh.Field {
			l := &c.D.Spec.Logging
			return []huh.Field{
				PickMany(c, "spec.logging.sources", "Sources to collect", "space toggles a source; enter confirms",
					&l.Sources, logSourceOpts()),
				Number(c, "spec.logging.retentionDays", "Retention (days)",
					"how long logs stay searchable; incident reviews and audits look back weeks", &l.RetentionDays, 1, 3650, false),
			}
		},
		Live: func(c *Ctx) string {
			l := &c.D.Spec.Logging
			line := c.trf("%d of 7 sources", len(l.Sources))
			if len(l.Sources) == len(model.LogSource("").Choices()) {
				// NB: "7 of 7" reads as "収集元 7 つのうち 7 つ" in Japanese.
				line = c.tr("all 7 sources")
			}
			if !l.Wants(model.SourceKubeAudit) {
				line += "\n" + liveMuted(c, c.tr("without kube-audit nobody can tell who changed what through the API"))
			}
			return wrapTo(line, c.Width)
		},
	}, {
		ID:    "cloudlogs",
		Title: "IBM Cloud Logs",
		Skip:  func(c *Ctx) bool { return c.D.Spec.Logging.Backend != model.LogCloudLogs },
		Fields: func(c *Ctx) []huh.Field {
			cl := &c.D.Spec.Logging.CloudLogs
			return []huh.Field{
				Input(c, "spec.logging.cloudLogs.instanceName", "Instance name", "the IBM Cloud Logs instance to create or reuse",
					&cl.InstanceName, model.ValidateInstanceName),
				Pick(c, "spec.logging.cloudLogs.region", "Region", "where the instance keeps the logs", &cl.Region,
					logRegionOpts(c)).Height(8),
			}
		},
	}, {
		ID:    "syslog",
		Title: "Remote syslog",
		Skip:  func(c *Ctx) bool { return c.D.Spec.Logging.Backend != model.LogSyslog },
		Fields: func(c *Ctx) []huh.Field {
			sl := &c.D.Spec.Logging.Syslog
			return []huh.Field{
				Example(c, Input(c, "spec.logging.syslog.host", "Syslog server", "host name or IPv4 address the workers can reach",
					&sl.Host, func(s string) error { return validateHostIn(c, s) }), "logs.example.com"),
				Number(c, "spec.logging.syslog.port", "Port", "514 is syslog's usual port", &sl.Port, 1, 65535, false),
				Choose(c, "spec.logging.syslog.protocol", "Transport", &sl.Protocol, model.SyslogProtocol("").Choices()),
			}
		},
		// IBM's forwarder takes --ca-cert only over tls (LOG015): a CA
		// secret left from an earlier tls answer would make the design
		// invalid, so leaving tls drops it, as removing a zone drops its
		// subnet.
		Done: func(c *Ctx) {
			if sl := &c.D.Spec.Logging.Syslog; sl.Protocol != model.SyslogTLS {
				sl.CACertSecret = ""
			}
		},
	}, {
		ID:    "syslog-ca",
		Title: "Syslog server certificate",
		Description: "Over TLS the forwarder encrypts the logs; it checks who receives them only when it has the CA " +
			"certificate that signed the server's certificate.",
		Skip: func(c *Ctx) bool {
			return c.D.Spec.Logging.Backend != model.LogSyslog || c.D.Spec.Logging.Syslog.Protocol != model.SyslogTLS
		},
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{
				Example(c, Input(c, "spec.logging.syslog.caCertSecret", "CA certificate secret",
					"Kubernetes secret in the cluster with the CA certificate; empty: the server is not verified",
					&c.D.Spec.Logging.Syslog.CACertSecret, Optional(model.ValidateSecretName)), "syslog-ca"),
			}
		},
	}, {
		ID:    "monitoring",
		Title: "Monitoring",
		Description: "IBM's 2019 guidance (slides 30–32): IBM Cloud Monitoring (\"Monitoring with Sysdig\" in 2019) discovers the " +
			"cluster, collects its metrics and alerts through many channels.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{YesNo(c, "spec.monitoring.enabled", "Use IBM Cloud Monitoring?",
				"the Monitoring agent's Helm chart runs on every worker", &c.D.Spec.Monitoring.Enabled)}
		},
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}, {
		ID:    "monitoring-instance",
		Title: "Monitoring instance",
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Monitoring.Enabled },
		Fields: func(c *Ctx) []huh.Field {
			m := &c.D.Spec.Monitoring
			return []huh.Field{
				Input(c, "spec.monitoring.instanceName", "Instance name", "the IBM Cloud Monitoring instance",
					&m.InstanceName, model.ValidateInstanceName),
				Pick(c, "spec.monitoring.plan", "Plan", "the Monitoring service plan", &m.Plan, monitoringPlans(c)),
			}
		},
	}}
	pages = append(pages, alertChannelList().Pages()...)

	Register(Step{ID: StepObservability, Title: "Logging and monitoring", Areas: []string{"logging"}, Pages: pages})
	RegisterWhy(observabilityWhys()...)
}

// logSourceOpts are the seven sources. kube-audit works on classic and
// VPC (IBM health-audit; terraform-ibm-base-ocp-vpc modules/kube-audit).
func logSourceOpts() []Opt[model.LogSource] {
	return ChoiceOpts(model.LogSource("").Choices())
}

// logRegionOpts offers the cluster's region first.
func logRegionOpts(c *Ctx) []Opt[string] {
	region := c.D.Spec.Region
	opts := []Opt[string]{{Value: "", Label: c.trf("The cluster's region (%s)", c.tr(orUnnamed(region))),
		Help: "logs stay in the country and travel over the private network"}}
	for _, r := range c.Cat.Locations.Regions {
		if r.Name == region {
			continue
		}
		opts = append(opts, Opt[string]{Value: r.Name, Label: r.Name + " (" + c.tr(r.Label) + ")",
			Help: "a central logging region for several clusters"})
	}
	return opts
}

// monitoringPlans offers the catalog's Monitoring plan and its free trial
// plan (Check requires both).
func monitoringPlans(c *Ctx) []Opt[string] {
	svc := c.Cat.MustService("monitoring")
	return []Opt[string]{
		{Value: svc.Plan, Label: svc.Plan, Help: "pay per monitored worker and metric; the production plan"},
		{Value: svc.TrialPlan, Label: svc.TrialPlan, Help: "a free trial with limited features; not for production"},
	}
}

// validateHostIn accepts a DNS name or an IPv4 address; its error speaks
// the wizard's language.
func validateHostIn(c *Ctx, s string) error {
	if a, err := netip.ParseAddr(s); err == nil && a.Is4() {
		return nil
	}
	if model.ValidateDomain(s) == nil {
		return nil
	}
	return errors.New(c.trf("%q is not a host name like logs.example.com or an IPv4 address", s))
}

// ---- alert channels --------------------------------------------------------

func alertChannelList() List[model.AlertChannel] {
	return List[model.AlertChannel]{
		ID: "alerts",
		Texts: ListTexts{
			Add:          "Add an alert channel",
			Remove:       "Remove an alert channel",
			RemoveOption: "Remove an alert channel…",
			Which:        "Which alert channel?",
			Help:         "edit, add or remove an alert channel; done when the list is right",
		},
		Title: "Alert channels",
		Description: "IBM's 2019 guidance (slide 30): alerts on anomalies, downtime and degradation go to e-mail, Slack, PagerDuty, " +
			"webhooks, OpsGenie or VictorOps. Only say where: webhook URLs and integration keys are secrets and " +
			"are entered in the Monitoring console, never in the design.",
		Items: func(d *model.Design) *[]model.AlertChannel { return &d.Spec.Monitoring.AlertChannels },
		Label: func(c *Ctx, a *model.AlertChannel) string {
			return c.tr(a.Type.Label()) + " → " + orUnnamed(a.Target)
		},
		New:  func(*Ctx) model.AlertChannel { return model.AlertChannel{Type: model.AlertEmail} },
		Skip: func(c *Ctx) bool { return !c.D.Spec.Monitoring.Enabled },
		Live: func(c *Ctx) string {
			if len(c.D.Spec.Monitoring.AlertChannels) == 0 && c.Spec().IsProduction() {
				return wrapTo(liveWarn(c, c.tr("no alert channel: metrics nobody is told about do not shorten an outage")), c.Width)
			}
			return ""
		},
		ItemPages: []ItemPage[model.AlertChannel]{{
			ID:    "channel",
			Title: "Alert channel",
			Fields: func(c *Ctx, a *model.AlertChannel, _ int) []huh.Field {
				return []huh.Field{Choose(c, "spec.monitoring.alertChannels[*].type", "Channel", &a.Type,
					model.AlertChannelType("").Choices())}
			},
		}, {
			ID:    "target",
			Title: "Where alerts go",
			Description: "No secrets here: webhook URLs, API and integration keys are entered in the Monitoring " +
				"console when the channel is created.",
			Fields: func(c *Ctx, a *model.AlertChannel, _ int) []huh.Field {
				help, ph := alertTargetHelp(a.Type)
				title := c.trf("%s target", c.tr(a.Type.Label()))
				in := Input(c, "spec.monitoring.alertChannels[*].target", title, help, &a.Target, alertTargetValidator(c, a.Type))
				if ph != "" {
					in = Example(c, in, ph)
				}
				return []huh.Field{in}
			},
			Validate: func(c *Ctx, a *model.AlertChannel, i int) error {
				for j, o := range c.D.Spec.Monitoring.AlertChannels {
					if j != i && o.Type == a.Type && o.Target == a.Target {
						return errors.New(c.trf("%s → %s is already a channel", c.tr(a.Type.Label()), a.Target))
					}
				}
				return nil
			},
		}},
	}
}

// alertTargetHelp is the help and placeholder of a channel's target.
func alertTargetHelp(t model.AlertChannelType) (help, placeholder string) {
	switch t {
	case model.AlertEmail:
		return "the address or list the on-call team reads", "sre@example.com"
	case model.AlertSlack:
		return "the channel the on-call team watches; its webhook URL goes into the console", "#shop-alerts"
	case model.AlertPagerDuty:
		return "the PagerDuty service to page; its integration key goes into the console", "shop-production"
	case model.AlertWebhook:
		return "a name for the receiving system (e.g. the ticketing tool); the URL goes into the console", "ticketing"
	case model.AlertOpsGenie, model.AlertVictorOps:
		return "the team or routing key name to page; the API key goes into the console", "shop-oncall"
	}
	return "where the alerts go", ""
}

// alertTargetValidator checks a target: an e-mail address for e-mail, and
// for the others a name that is not a URL or key (secrets stay out of the
// design).
func alertTargetValidator(c *Ctx, t model.AlertChannelType) func(string) error {
	if t == model.AlertEmail {
		return model.ValidateEmail
	}
	return func(s string) error {
		if err := requiredText(s); err != nil {
			return err
		}
		low := strings.ToLower(s)
		if strings.Contains(low, "://") || strings.HasPrefix(low, "hooks.") || strings.Contains(low, "hooks.slack.com") {
			return errors.New(c.tr("that looks like a URL, which holds a secret: enter it in the Monitoring console and name the target here"))
		}
		return nil
	}
}

func observabilityWhys() []Why {
	return []Why{{
		Key: "spec.logging.backend",
		Text: "IBM's 2019 guidance (slides 26–29): IKS writes the logs of its components locally on each worker; to see them in one " +
			"place use an IBM Cloud service or an external one. The 2019 guidance used IBM Log Analysis with LogDNA (\"just " +
			"install the agent\", slide 29). IBM Log Analysis, Activity Tracker and the `ibmcloud ob` plug-in " +
			"reached end of support on 2025-03-28; IBM Cloud Logs replaces them, with its agent installed by Helm " +
			"(logs-agent-helm, namespace ibm-observe).",
		Alternatives: "Remote syslog (`ibmcloud ks logging config create --type syslog`) to a server you run; none " +
			"leaves logs on the workers, lost when a worker is replaced or reloaded.",
		Doc: docCloudLogs,
	}, {
		Key: "spec.logging.sources",
		Text: "IBM's 2019 guidance (slide 26) lists seven sources: ① worker OS events, ② containers' stdout and stderr, ③ application " +
			"log files, ④ storage plug-ins, ⑤ kube-system (kubelet, kube-proxy), ⑥ kube-audit — every request to the " +
			"API server — and ⑦ Ingress traffic. Today kube-audit is forwarded by the API server audit webhook " +
			"(`ibmcloud ks cluster master audit-webhook set`) to IBM's in-cluster receiver, on classic and VPC clusters " +
			"(IBM's health-audit page; IBM's own VPC Terraform module sets the same webhook).",
		Alternatives: "Collect containers and Ingress at least (the syslog forwarder's defaults); add worker and " +
			"kube-audit for security reviews.",
		Doc: docHealth,
	}, {
		Key: "spec.logging.retentionDays",
		Text: "How long logs stay searchable. Incident reviews and audits look back weeks or months; the 2019 guidance's " +
			"LogDNA archived older logs to Object Storage (slide 27), and Cloud Logs can archive to your own bucket too.",
		Doc: docCloudLogs,
	}, {
		Key:  "spec.logging.cloudLogs.instanceName",
		Text: "The IBM Cloud Logs instance (service {service:logs}, plan {plan:logs}) the agent ships to; one instance can serve several clusters.",
		Doc:  docCloudLogs,
	}, {
		Key: "spec.logging.cloudLogs.region",
		Text: "Keep logs in the cluster's region unless you centralise: the agent reaches the instance over the " +
			"private network, and the data stays in the country.",
		Doc: docCloudLogs,
	}, {
		Key:  "spec.logging.syslog.host",
		Text: "The syslog server that receives the forwarded logs; the workers must reach it (on VPC with Secure by Default, over the private network).",
		Doc:  docHealth,
	}, {
		Key:  "spec.logging.syslog.port",
		Text: "The server's port; IBM's forwarder defaults to 514.",
		Doc:  docHealth,
	}, {
		Key:  "spec.logging.syslog.protocol",
		Text: "TLS encrypts logs in transit, which matters across any network you do not own; TCP and UDP send clear text, and UDP can lose logs.",
		Doc:  docHealth,
	}, {
		Key: "spec.logging.syslog.caCertSecret",
		Text: "With the CA secret the runbook adds `--ca-cert SECRET --verify-mode verify-peer`: the forwarder refuses a " +
			"server whose certificate that CA did not sign. Without it IBM's default is verify-none: the logs are " +
			"encrypted, but any server that answers on the address receives them. Create the secret in the cluster " +
			"before the runbook's logging step.",
		Doc: docHealth,
	}, {
		Key: "spec.monitoring.enabled",
		Text: "IBM's 2019 guidance (slides 30–32): Monitoring with Sysdig gives real-time performance monitoring, a topology map of " +
			"service dependencies, dashboards, automatic discovery of the cluster's metrics, and alerts through many " +
			"channels — \"just install the agent\". It continues as IBM Cloud Monitoring; since `ibmcloud ob` ended " +
			"(2025-03-28) the agent is installed with its Helm chart.",
		Alternatives: "Prometheus and Grafana in the cluster: more control, and you operate and store them yourself.",
		Doc:          docMonitoring,
	}, {
		Key:  "spec.monitoring.instanceName",
		Text: "The IBM Cloud Monitoring instance (service {service:monitoring}) the agent reports to.",
		Doc:  docMonitoring,
	}, {
		Key:  "spec.monitoring.plan",
		Text: "{plan:monitoring} bills by monitored hosts and metrics and suits production; {trialPlan:monitoring} is a free trial.",
		Doc:  docMonitoring,
	}, {
		Key: "spec.monitoring.alertChannels[*].type",
		Text: "IBM's 2019 guidance (slide 30): notifications through e-mail, Slack, PagerDuty, webhooks, OpsGenie and VictorOps. " +
			"Production needs at least one channel that wakes someone.",
		Doc: docMonitoring,
	}, {
		Key: "spec.monitoring.alertChannels[*].target",
		Text: "Where the alert goes: an address, a channel, a service or team name. Webhook URLs and integration " +
			"keys are secrets: they are entered in the Monitoring console, never written into the design or its artifacts.",
		Doc: docMonitoring,
	}}
}
