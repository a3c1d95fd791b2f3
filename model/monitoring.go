package model

// Monitoring is how the cluster's metrics are collected and who is told
// when something goes wrong (seed slides 30–32). IBM Cloud Monitoring is the
// seed's "Monitoring with Sysdig", still offered today.
type Monitoring struct {
	Enabled      bool   `yaml:"enabled" json:"enabled"`
	InstanceName string `yaml:"instanceName,omitempty" json:"instanceName,omitempty"`
	// Plan of the Monitoring instance, e.g. graduated-tier.
	Plan          string         `yaml:"plan,omitempty" json:"plan,omitempty"`
	AlertChannels []AlertChannel `yaml:"alertChannels,omitempty" json:"alertChannels,omitempty"`
}

// AlertChannel is one destination for alerts. It holds no secret: webhook
// URLs and integration keys are entered in the Monitoring console.
type AlertChannel struct {
	Type AlertChannelType `yaml:"type" json:"type" jsonschema:"required"`
	// Target is the e-mail address, Slack channel, service or team name the
	// alert goes to.
	Target string `yaml:"target" json:"target" jsonschema:"required"`
}

// AlertChannelType is a notification channel kind of the seed's slide 30.
type AlertChannelType string

// The alert channel kinds.
const (
	AlertEmail     AlertChannelType = "email"
	AlertSlack     AlertChannelType = "slack"
	AlertPagerDuty AlertChannelType = "pagerduty"
	AlertWebhook   AlertChannelType = "webhook"
	AlertOpsGenie  AlertChannelType = "opsgenie"
	AlertVictorOps AlertChannelType = "victorops"
)

var alertChannelTypeChoices = []Choice[AlertChannelType]{
	{AlertEmail, "E-mail", "an address or list that someone reads"},
	{AlertSlack, "Slack", "a channel the on-call team watches"},
	{AlertPagerDuty, "PagerDuty", "pages the on-call engineer"},
	{AlertWebhook, "Webhook", "any HTTP endpoint, e.g. a ticketing system"},
	{AlertOpsGenie, "OpsGenie", "Atlassian's on-call paging"},
	{AlertVictorOps, "VictorOps (Splunk On-Call)", "Splunk's on-call paging"},
}

// Choices lists the channel kinds.
func (AlertChannelType) Choices() []Choice[AlertChannelType] { return alertChannelTypeChoices }

// EnumValues implements Enum.
func (AlertChannelType) EnumValues() []string { return enumValues(alertChannelTypeChoices) }

// Label is the human name of the kind.
func (t AlertChannelType) Label() string { return labelOf(alertChannelTypeChoices, t) }

// Valid reports whether t is a known kind.
func (t AlertChannelType) Valid() bool { return validChoice(alertChannelTypeChoices, t) }
