package rules

import (
	"github.com/iksplan/iksplan/model"
)

const seedIAM = "IBM's 2019 guidance (slides 43–44): when several people use a cluster, grant each the right permissions; IAM roles are " +
	"mapped to Kubernetes RBAC inside the cluster. "

func iamRules() []Rule {
	return []Rule{
		{
			ID: "IAM001", Severity: Error, Area: AreaIAM, Path: "spec.iam.accessGroups[*].serviceRole",
			Title: "cluster-admin granted to more than one access group",
			Why: seedIAM + "IBM today maps the Manager service role on all namespaces to the cluster-admin ClusterRole " +
				"(ClusterRoleBinding ibm-admin): full control of every namespace, Secret and RBAC rule. Keep it to one small access group.",
			DocURL: doc("iam-service-access-roles"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				first := ""
				var hits []Hit
				for i, g := range s.IAM.AccessGroups {
					if g.ServiceRole != model.ServiceManager || !g.AllNamespaces() {
						continue
					}
					if first == "" {
						first = g.Name
						continue
					}
					hits = append(hits, hitSev(prodSeverity(s, Error, Warning), pathf("spec.iam.accessGroups[%d].serviceRole", i),
						"access group %s gets Manager on all namespaces (cluster-admin) as %s already does; keep cluster-admin to one group",
						g.Name, first))
				}
				return hits
			},
		},
		{
			ID: "IAM002", Severity: Warning, Area: AreaIAM, Path: "spec.iam.accessGroups[*].namespaces[*]",
			Title: "Access group scoped to a namespace the design does not create",
			Why: seedIAM + "A namespace-scoped service role becomes a RoleBinding (ibm-view, ibm-edit or ibm-operate) in that " +
				"namespace; a namespace the design does not create gives the group nothing to work in.",
			DocURL: doc("iam-service-access-roles"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				known := namespaceKnownIn(s)
				for i, g := range s.IAM.AccessGroups {
					for j, ns := range g.Namespaces {
						if !known(ns) {
							hits = append(hits, hit(pathf("spec.iam.accessGroups[%d].namespaces[%d]", i, j), "access group %s is scoped to namespace %s, but %s",
								g.Name, ns, namespaceList(s)))
						}
					}
				}
				return hits
			},
		},
		{
			ID: "IAM003", Severity: Info, Area: AreaIAM, Path: "spec.iam.accessGroups[*].platformRole",
			Title: "Platform Administrator granted to several groups",
			Why: seedIAM + "The Administrator platform role can delete the cluster, change its endpoints, KMS and API key; " +
				"grant it sparingly and give operators Operator or Editor instead.",
			DocURL: doc("users"),
			Check: func(c *Context) []Hit {
				var admins []int
				for i, g := range c.Spec.IAM.AccessGroups {
					if g.PlatformRole == model.PlatformAdministrator {
						admins = append(admins, i)
					}
				}
				if len(admins) < 2 {
					return nil
				}
				var hits []Hit
				for _, i := range admins[1:] {
					hits = append(hits, hit(pathf("spec.iam.accessGroups[%d].platformRole", i), "access group %s is also a platform Administrator (%d groups are)",
						c.Spec.IAM.AccessGroups[i].Name, len(admins)))
				}
				return hits
			},
		},
		{
			ID: "IAM004", Severity: Warning, Area: AreaIAM, Path: "spec.iam.accessGroups",
			Title: "No access groups",
			Why: seedIAM + "Without access groups only the creator and account administrators can use the cluster, and access " +
				"is granted person by person later, outside the design.",
			DocURL: doc("users"),
			Check: func(c *Context) []Hit {
				if len(c.Spec.IAM.AccessGroups) > 0 {
					return nil
				}
				return []Hit{hitSev(prodSeverity(c.Spec, Warning, Info), "spec.iam.accessGroups", "the design grants no access groups; add at least an administrators and a developers group")}
			},
		},
		{
			ID: "IAM005", Severity: Warning, Area: AreaIAM, Path: "spec.iam.accessGroups[*]",
			Title: "Access group with no role",
			Why: seedIAM + "Platform roles (Viewer to Administrator) govern `ibmcloud ks`; service roles (Reader, Writer, " +
				"Manager) govern Kubernetes. A group with neither is granted nothing on the cluster.",
			DocURL: doc("iam-service-access-roles"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, g := range c.Spec.IAM.AccessGroups {
					if g.PlatformRole == "" && g.ServiceRole == "" {
						hits = append(hits, hit(pathf("spec.iam.accessGroups[%d]", i), "access group %s has neither a platform nor a service role", g.Name))
					}
				}
				return hits
			},
		},
		{
			ID: "SEC001", Severity: Info, Area: AreaSecurity, Path: "spec.security.kms.provider",
			Title: "No customer-managed key in production",
			Why: "IBM's 2019 guidance (slide 4): Secrets are encrypted automatically and keys can be kept in an HSM-backed service. IBM today: " +
				"`ibmcloud ks kms enable` encrypts the cluster's Secrets with your Key Protect or Hyper Protect Crypto Services " +
				"root key, which you can rotate or revoke.",
			DocURL: doc("encryption"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() || c.Spec.Security.KMS.Provider != model.KMSNone {
					return nil
				}
				return []Hit{hit("spec.security.kms.provider", "Secrets are encrypted with IBM-managed keys only; consider Key Protect or Hyper Protect Crypto Services")}
			},
		},
		{
			ID: "SEC002", Severity: Error, Area: AreaSecurity, Path: "spec.security.kms",
			Title: "KMS chosen without instance or root key",
			Why: "`ibmcloud ks kms enable --instance-id ID --crk ROOT_KEY_ID` needs the KMS instance and a root key; the runbook " +
				"looks both up by name. KMS is enabled on a running cluster and can be rotated to a new root key, but never disabled; " +
				"deleting the root key makes the cluster unrecoverable.",
			DocURL: doc("encryption"),
			Check: func(c *Context) []Hit {
				k := c.Spec.Security.KMS
				if k.Provider == model.KMSNone || k.Provider == "" {
					return nil
				}
				var hits []Hit
				if k.InstanceName == "" {
					hits = append(hits, hit("spec.security.kms.instanceName", "kms provider %s needs instanceName", k.Provider))
				}
				if k.RootKeyName == "" {
					hits = append(hits, hit("spec.security.kms.rootKeyName", "kms provider %s needs rootKeyName", k.Provider))
				}
				return hits
			},
		},
	}
}
