package wizard

import (
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
)

// IBM pages the Security step's why-texts link to.
const (
	docBootVolumeKMS = "https://cloud.ibm.com/docs/containers?topic=containers-encryption-vpc-worker-disks"
	docDualAuth      = "https://cloud.ibm.com/docs/key-protect?topic=key-protect-manage-dual-auth"
	docSecretsMgr    = "https://cloud.ibm.com/docs/containers?topic=containers-secrets-mgr"
	docATracker      = "https://cloud.ibm.com/docs/atracker?topic=atracker-target_v2_icl"
)

// The Security step (issue 9), between Network and Logging: who holds the
// keys (Key Protect or HPCS, offered only where the catalog lists the
// service), the root key and its deletion policy, VPC boot-volume
// encryption with it, image signature enforcement, Secrets Manager for
// Ingress TLS, and Activity Tracker routing of account events.
func registerSecurity() {
	pages := []Page{{
		ID:    "kms-provider",
		Title: "Key management",
		Description: "IBM's 2019 guidance (slide 4): Secrets are encrypted automatically, and keys can be held in an HSM. With a KMS provider " +
			"your root key wraps the cluster's Secrets (and on VPC can encrypt the workers' boot volumes).",
		Fields: func(c *Ctx) []huh.Field {
			sec := &c.D.Spec.Security
			return []huh.Field{
				Choose(c, "spec.security.kms.provider", "Who holds the key to the cluster's Secrets?", &sec.KMS.Provider,
					model.KMSProvider("").Choices()),
			}
		},
		Live: kmsProviderLive,
	}, {
		ID:    "kms",
		Title: "Root key",
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Security.KMS.Enabled() },
		Fields: func(c *Ctx) []huh.Field {
			k := &c.D.Spec.Security.KMS
			fields := []huh.Field{
				Input(c, "spec.security.kms.instanceName", "Key service instance",
					c.trf("the %s instance; the runbook looks up its ID", c.tr(k.Provider.Label())), &k.InstanceName, model.ValidateInstanceName),
				Input(c, "spec.security.kms.rootKeyName", "Root key",
					"the root key's name in that instance; the runbook creates it (Key Protect) and looks up its ID", &k.RootKeyName, model.ValidateInstanceName),
				YesNo(c, "spec.security.kms.dualAuthDelete", "Require two people to delete the root key?",
					"a dual-authorization deletion policy on the key (kp key policy-update dual-auth-delete)", &k.DualAuthDelete),
			}
			if c.Spec().IsVPC() {
				fields = append(fields, YesNo(c, "spec.security.kms.bootVolumeEncryption", "Encrypt the workers' boot volumes with this key?",
					"--kms-instance and --crk at cluster and pool create; fixed per pool", &k.BootVolumeEncryption))
			}
			// Both names are suggestions the user can take (suggest.go).
			// NB: here, not on the builders' lines, which the Japanese
			// translation edits.
			Suggest(c, fields[0].(*huh.Input), suggestName(c, "kms"))
			Suggest(c, fields[1].(*huh.Input), suggestName(c, "root"))
			return fields
		},
		Done: func(c *Ctx) {
			if c.Spec().IsClassic() {
				c.D.Spec.Security.KMS.BootVolumeEncryption = false // a VPC feature; classic disks are IBM-encrypted
			}
		},
		Live: func(c *Ctx) string {
			return wrapTo(liveWarn(c, c.tr("KMS is enabled after create, can be rotated, and can never be disabled; deleting the root key makes the cluster unrecoverable")), c.Width)
		},
	}, {
		ID:    "images",
		Title: "Image security",
		Fields: func(c *Ctx) []huh.Field {
			sec := &c.D.Spec.Security
			return []huh.Field{
				YesNo(c, "spec.security.imageSignatureEnforcement", "Admit only signed images?",
					"Portieris (`ibmcloud ks cluster image-security enable`) rejects images without a trusted signature",
					&sec.ImageSignatureEnforcement),
			}
		},
	}, {
		ID:          "ingress-tls",
		Title:       "Ingress TLS certificates",
		Description: "Keep the Ingress certificates in Secrets Manager, which tracks their expiry and rotates them.",
		Fields: func(c *Ctx) []huh.Field {
			in := &c.D.Spec.Network.Ingress
			return []huh.Field{
				Example(c, Input(c, "spec.network.ingress.tlsSecretsManager", "Secrets Manager instance CRN",
					"empty: certificates stay in the cluster; the CRN is on the instance's page (ibmcloud resource service-instance NAME)",
					&in.TLSSecretsManager, Optional(model.ValidateCRN)), "crn:v1:bluemix:public:secrets-manager:…"),
			}
		},
	}, {
		ID:    "atracker",
		Title: "Account events",
		Description: "Activity Tracker Event Routing sends the account's events (who created, changed or deleted clusters, " +
			"keys, IAM policies) to the design's Cloud Logs instance.",
		Skip: func(c *Ctx) bool { return c.D.Spec.Logging.Backend != model.LogCloudLogs },
		Fields: func(c *Ctx) []huh.Field {
			at := &c.D.Spec.Logging.ActivityTracker
			return []huh.Field{
				YesNo(c, "spec.logging.activityTracker.enabled", "Route account events to Cloud Logs?",
					"one atracker target and one account-wide route for the region's and global events", &at.Enabled),
			}
		},
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}}
	Register(Step{ID: StepSecurity, Title: "Security", Pages: pages})
	RegisterWhy(securityWhys()...)
}

// kmsProviderLive says where the chosen key service is offered (catalog
// services: HPCS runs in selected regions only).
func kmsProviderLive(c *Ctx) string {
	s := c.Spec()
	k := s.Security.KMS
	if !k.Enabled() {
		if s.IsProduction() {
			return wrapTo(liveMuted(c, c.tr("IBM-managed keys only: no customer-held root key")), c.Width)
		}
		return ""
	}
	svc, ok := c.Cat.Service(k.Provider.CatalogID())
	if !ok || s.Region == "" {
		return ""
	}
	switch offered, deprecated := svc.OfferedIn(s.Region); {
	case !offered:
		return wrapTo(liveWarn(c, c.trf("%s is not offered in %s (offered in %s)", svc.Label, s.Region, strings.Join(svc.Regions, ", "))), c.Width)
	case deprecated:
		return wrapTo(liveWarn(c, c.trf("%s is deprecated in %s", svc.Label, s.Region)), c.Width)
	}
	return wrapTo(liveMuted(c, c.trf("%s is offered in %s", svc.Label, s.Region)), c.Width)
}

func securityWhys() []Why {
	return []Why{{
		Key: "spec.security.kms.provider",
		Text: "IBM's 2019 guidance (slide 4): Secrets are encrypted automatically, and keys can be managed in an HSM. `ibmcloud ks kms " +
			"enable` additionally wraps the cluster's Secrets with your root key in Key Protect (multi-tenant, FIPS " +
			"140-2 level 3) or Hyper Protect Crypto Services (a dedicated HSM you alone control, level 4; selected regions only). " +
			"It is enabled after the cluster is created and can be rotated, but never disabled.",
		Alternatives: "IBM-managed keys still encrypt everything; they suit clusters without a key-custody requirement.",
		Doc:          docEncryption,
	}, {
		Key:  "spec.security.kms.instanceName",
		Text: "The Key Protect or Hyper Protect Crypto Services instance; the runbook creates Key Protect (HPCS must exist and be initialised) and looks up its ID.",
		Doc:  docEncryption,
	}, {
		Key: "spec.security.kms.rootKeyName",
		Text: "The root key (`--crk`) that wraps the cluster's data encryption keys. Never delete it: without it the " +
			"cluster cannot be recovered.",
		Doc: docEncryption,
	}, {
		Key: "spec.security.kms.dualAuthDelete",
		Text: "With a dual-authorization deletion policy, deleting the root key needs a second user with Manager access " +
			"to approve it, so one mistake or one compromised account cannot make the cluster unreadable.",
		Alternatives: "Single authorization: fewer people needed, but one Manager can delete the key.",
		Doc:          docDualAuth,
	}, {
		Key: "spec.security.kms.bootVolumeEncryption",
		Text: "VPC boot volumes are encrypted by IBM by default. With your key, the cluster and each pool are created with " +
			"`--kms-instance` and `--crk` after Cloud Block Storage (server-protect) and Kubernetes Service get Reader on the key " +
			"service; the runbook creates both authorizations. Set per pool at create, never later.",
		Alternatives: "IBM-managed keys: workers boot without depending on your key service.",
		Doc:          docBootVolumeKMS,
	}, {
		Key: "spec.security.imageSignatureEnforcement",
		Text: "Portieris, enabled with `ibmcloud ks cluster image-security enable`, admits only images whose " +
			"signatures the cluster trusts, so nothing bypasses the pipeline into production.",
		Doc: docVA,
	}, {
		Key: "spec.network.ingress.tlsSecretsManager",
		Text: "Registered at cluster create (`--sm-instance`) and set as the default instance, Secrets Manager stores the " +
			"Ingress subdomain's certificate and your own TLS secrets and rotates them; Kubernetes Service needs Manager on it.",
		Alternatives: "Leave it empty: IKS keeps and renews the subdomain's certificate in the cluster.",
		Doc:          docSecretsMgr,
	}, {
		Key: "spec.logging.activityTracker.enabled",
		Text: "The Activity Tracker of IBM's 2019 guidance reached end of support in 2025; Activity Tracker Event Routing now sends account " +
			"events to a Cloud Logs target (`ibmcloud atracker target create --type cloud_logs`, `atracker route create`).",
		Alternatives: "No routing: the account's events are dropped, and nobody can tell who changed the infrastructure.",
		Doc:          docATracker,
	}}
}
