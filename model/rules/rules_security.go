package rules

import (
	"github.com/iksplan/iksplan/model"
)

// securityRules judge the Security step's choices (issue 9): boot-volume
// encryption with the customer's root key, the root key's deletion policy,
// whether the chosen key service exists in the region, and Activity
// Tracker routing of account events.
func securityRules() []Rule {
	return []Rule{
		{
			ID: "SEC004", Severity: Warning, Area: AreaSecurity, Path: "spec.security.kms.bootVolumeEncryption", FixedAtCreate: true,
			Title: "VPC worker boot volumes not encrypted with the root key",
			Why: "IBM's 2019 guidance (slide 4): keys you hold in an HSM-backed service. IBM today: VPC worker boot volumes are encrypted by the " +
				"infrastructure with IBM-managed keys unless the worker pool is created with `--kms-instance` and `--crk`, after " +
				"authorizing Cloud Block Storage (server-protect) and Kubernetes Service to read the key service. It is set per " +
				"pool at create and cannot be added later.",
			DocURL: doc("encryption-vpc-worker-disks"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				k := s.Security.KMS
				if !s.IsProduction() || !s.IsVPC() || !k.Enabled() || k.BootVolumeEncryption {
					return nil
				}
				return []Hit{hit("spec.security.kms.bootVolumeEncryption", "the workers' boot volumes use IBM-managed keys although the design holds a root key in %s", k.Provider.Label())}
			},
		},
		{
			ID: "SEC005", Severity: Error, Area: AreaSecurity, Path: "spec.security.kms.bootVolumeEncryption",
			Title: "Boot-volume encryption without a root key or on classic",
			Why: "Boot-volume encryption with your key names a Key Protect or HPCS instance and root key at worker-pool create " +
				"(`ibmcloud ks worker-pool create vpc-gen2 --kms-instance --crk`); it exists for VPC workers only. Classic worker " +
				"disks are always AES-256 encrypted by IBM.",
			DocURL: doc("encryption-vpc-worker-disks"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				k := s.Security.KMS
				switch {
				case !k.BootVolumeEncryption:
					return nil
				case !k.Enabled():
					return []Hit{hit("spec.security.kms.bootVolumeEncryption", "boot-volume encryption needs a KMS provider (key-protect or hpcs)")}
				case s.IsClassic():
					return []Hit{hit("spec.security.kms.bootVolumeEncryption", "boot-volume encryption with your root key is a VPC feature; classic disks are encrypted by IBM")}
				}
				return nil
			},
		},
		{
			ID: "SEC006", Severity: Warning, Area: AreaSecurity, Path: "spec.security.kms.dualAuthDelete",
			Title: "Root key can be deleted by one person",
			Why: "Deleting the root key makes the cluster and its secrets unrecoverable (IBM: encryption-setup). A dual-authorization " +
				"deletion policy on the key (`ibmcloud kp key policy-update dual-auth-delete`) makes a second approver necessary.",
			DocURL: "https://cloud.ibm.com/docs/key-protect?topic=key-protect-manage-dual-auth",
			Check: func(c *Context) []Hit {
				s := c.Spec
				k := s.Security.KMS
				if !s.IsProduction() || !k.Enabled() || k.DualAuthDelete {
					return nil
				}
				return []Hit{hit("spec.security.kms.dualAuthDelete", "one person with Manager access can delete the root key that keeps the cluster readable")}
			},
		},
		{
			ID: "SEC007", Severity: Error, Area: AreaSecurity, Path: "spec.security.kms.provider",
			Title: "Key service not offered in the region",
			Why: "Hyper Protect Crypto Services runs in selected multizone regions only (IBM: hs-crypto regions); the cluster's KMS " +
				"instance must be in a region where the service exists. A deprecated region takes no new instances for long.",
			DocURL: "https://cloud.ibm.com/docs/hs-crypto?topic=hs-crypto-regions",
			Check: func(c *Context) []Hit {
				s := c.Spec
				k := s.Security.KMS
				if !k.Enabled() || c.Catalog == nil || s.Region == "" {
					return nil
				}
				svc, ok := c.Catalog.Service(k.Provider.CatalogID())
				if !ok {
					return nil
				}
				switch offered, deprecated := svc.OfferedIn(s.Region); {
				case !offered:
					return []Hit{hit("spec.security.kms.provider", "%s is not offered in %s (catalog services.%s)", svc.Label, s.Region, svc.ID)}
				case deprecated:
					return []Hit{hitSev(Warning, "spec.security.kms.provider", "%s is deprecated in %s; choose Key Protect or another region's instance", svc.Label, s.Region)}
				}
				return nil
			},
		},
		{
			ID: "LOG010", Severity: Warning, Area: AreaLogging, Path: "spec.logging.activityTracker.enabled",
			Title: "Account events not routed",
			Why: "IBM's 2019 guidance (slide 26) keeps an audit trail. IBM today: the Activity Tracker service reached end of support in 2025; " +
				"account events (who created, changed or deleted clusters, keys, IAM policies) reach IBM Cloud Logs only through " +
				"Activity Tracker Event Routing (`ibmcloud atracker target create --type cloud_logs`, `atracker route create`).",
			DocURL: "https://cloud.ibm.com/docs/atracker?topic=atracker-getting-started",
			Check: func(c *Context) []Hit {
				s := c.Spec
				at := s.Logging.ActivityTracker
				if at.Enabled && s.Logging.Backend != model.LogCloudLogs {
					return []Hit{hitSev(Error, "spec.logging.activityTracker.enabled", "Activity Tracker Event Routing targets the design's Cloud Logs instance; the log backend is %s", string(s.Logging.Backend))}
				}
				if !s.IsProduction() || at.Enabled || s.Logging.Backend != model.LogCloudLogs {
					return nil
				}
				return []Hit{hit("spec.logging.activityTracker.enabled", "account events are not routed to Cloud Logs: no record of who changed the cluster's infrastructure")}
			},
		},
	}
}
