package catalog

// Images lists the container images IBM publishes that the rendered
// manifests run, pinned by digest where IBM publishes one.
type Images struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Image `yaml:"items" json:"items"`
}

// Image is one IBM container image.
type Image struct {
	// ID is iksplan's key: kube-audit.
	ID string `yaml:"id" json:"id"`
	// Repository is the image without tag (icr.io/ibm/…).
	Repository string `yaml:"repository" json:"repository"`
	// Tag and Digest pin it; Digest is sha256:… and wins when both are set.
	Tag    string `yaml:"tag" json:"tag"`
	Digest string `yaml:"digest,omitempty" json:"digest,omitempty"`
	// Source is where the tag and digest were read.
	Source string `yaml:"source" json:"source"`
	// Webhook is the address the master's audit webhook posts to when the
	// image is the kube-audit receiver: IBM's --remote-server value, which
	// reaches the receiver's service through the master's local proxy.
	Webhook string `yaml:"webhook,omitempty" json:"webhook,omitempty"`
	Note    string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Ref is the image reference a manifest names: repository:tag@digest,
// or repository:tag without a digest.
func (i Image) Ref() string {
	r := i.Repository + ":" + i.Tag
	if i.Digest != "" {
		r += "@" + i.Digest
	}
	return r
}

// ImageKubeAudit is IBM's Kubernetes API audit receiver image.
const ImageKubeAudit = "kube-audit"

// MustImage returns the image with id (Check requires ImageKubeAudit).
func (c *Catalog) MustImage(id string) Image {
	for _, i := range c.Images.Items {
		if i.ID == id {
			return i
		}
	}
	return Image{}
}

// Authorizations are the IAM service-to-service authorizations IBM's docs
// ask for, keyed by what they enable.
type Authorizations struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Authorization `yaml:"items" json:"items"`
}

// Authorization is one `ibmcloud iam authorization-policy-create SOURCE
// TARGET ROLE` policy. Target "kms" stands for the design's key service
// (kms or hs-crypto).
type Authorization struct {
	// ID is iksplan's key: kms-kubernetes, boot-volume-block-storage,
	// secrets-manager-kubernetes, atracker-logs.
	ID            string `yaml:"id" json:"id"`
	SourceService string `yaml:"sourceService" json:"sourceService"`
	TargetService string `yaml:"targetService" json:"targetService"`
	Role          string `yaml:"role" json:"role"`
	Source        string `yaml:"source" json:"source"`
	Note          string `yaml:"note,omitempty" json:"note,omitempty"`
}

// The authorization IDs the renderers need.
const (
	AuthBootVolumeBlockStorage = "boot-volume-block-storage"
	// AuthKMSKubernetes lets Kubernetes Service read the root key: needed
	// for KMS encryption of the cluster's secrets whether or not boot
	// volumes are encrypted too.
	AuthKMSKubernetes  = "kms-kubernetes"
	AuthAtrackerLogs   = "atracker-logs"
	AuthSecretsManager = "secrets-manager-kubernetes"
	// AuthLogsCOS lets Cloud Logs write its data and metrics buckets.
	AuthLogsCOS = "logs-cos"
)

// RequiredAuthorizations are the authorizations Check requires.
var RequiredAuthorizations = []string{AuthKMSKubernetes, AuthBootVolumeBlockStorage, AuthAtrackerLogs, AuthSecretsManager, AuthLogsCOS}

// MustAuthorization returns the authorization with id.
func (c *Catalog) MustAuthorization(id string) Authorization {
	for _, a := range c.Authorizations.Items {
		if a.ID == id {
			return a
		}
	}
	return Authorization{}
}
