package model

// Security holds the cluster-wide protections the seed lists among IKS's
// features (slide 4): secrets encrypted with your own key from an HSM-backed
// key service, and image vulnerability scanning (in CICD).
type Security struct {
	KMS KMS `yaml:"kms" json:"kms"`
	// ImageSignatureEnforcement turns on Portieris, which admits only signed
	// images.
	ImageSignatureEnforcement bool `yaml:"imageSignatureEnforcement,omitempty" json:"imageSignatureEnforcement,omitempty"`
}

// KMS encrypts the cluster's Kubernetes secrets with a root key you own.
type KMS struct {
	Provider KMSProvider `yaml:"provider" json:"provider"`
	// InstanceName is the Key Protect or Hyper Protect Crypto Services
	// instance; RootKeyName the root key in it. The runbook looks up IDs.
	InstanceName string `yaml:"instanceName,omitempty" json:"instanceName,omitempty"`
	RootKeyName  string `yaml:"rootKeyName,omitempty" json:"rootKeyName,omitempty"`
	// BootVolumeEncryption encrypts the VPC workers' boot volumes with the
	// same root key (--kms-instance and --crk at cluster and worker-pool
	// create, after the server-protect → KMS and containers-kubernetes →
	// KMS Reader authorizations). Fixed per pool at create; VPC only.
	BootVolumeEncryption bool `yaml:"bootVolumeEncryption,omitempty" json:"bootVolumeEncryption,omitempty"`
	// DualAuthDelete sets the root key's dual-authorization deletion
	// policy: deleting it then needs a second approver.
	DualAuthDelete bool `yaml:"dualAuthDelete,omitempty" json:"dualAuthDelete,omitempty"`
}

// Enabled reports whether the design encrypts with its own root key.
func (k KMS) Enabled() bool { return k.Provider == KMSKeyProtect || k.Provider == KMSHyperProtect }

// KMSProvider is the key management service.
type KMSProvider string

// The key management choices.
const (
	KMSNone         KMSProvider = "none"
	KMSKeyProtect   KMSProvider = "key-protect"
	KMSHyperProtect KMSProvider = "hpcs"
)

var kmsProviderChoices = []Choice[KMSProvider]{
	{KMSNone, "IBM-managed keys", "secrets are still encrypted, with keys IBM manages"},
	{KMSKeyProtect, "Key Protect", "your root key in IBM's multi-tenant, FIPS 140-2 level 3 key service"},
	{KMSHyperProtect, "Hyper Protect Crypto Services", "your root key in a dedicated HSM you alone control (FIPS 140-2 level 4)"},
}

// Choices lists the key management choices.
func (KMSProvider) Choices() []Choice[KMSProvider] { return kmsProviderChoices }

// EnumValues implements Enum.
func (KMSProvider) EnumValues() []string { return enumValues(kmsProviderChoices) }

// Label is the human name of the choice.
func (k KMSProvider) Label() string { return labelOf(kmsProviderChoices, k) }

// Valid reports whether k is a known choice.
func (k KMSProvider) Valid() bool { return validChoice(kmsProviderChoices, k) }

// CatalogID is the provider's service ID in the catalog (services
// section), where its catalog name, plan and regions live; "" for none.
func (k KMSProvider) CatalogID() string {
	switch k {
	case KMSKeyProtect:
		return "key-protect"
	case KMSHyperProtect:
		return "hpcs"
	}
	return ""
}
