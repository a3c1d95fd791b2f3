package rules

import (
	"fmt"
	"slices"

	"github.com/iksplan/iksplan/model"
)

// nameCheck is one name to validate. what says what the name is: a fixed
// English phrase of the terms catalogue (locales/*/terms.yaml what.*) or
// a phrasef of one, so a finding in another language names it in that
// language (TestNameChecksInCatalogue).
type nameCheck struct {
	path     string
	what     any
	value    string
	validate func(string) error
}

// checkNames validates each name with its validator. The validator's error
// goes into the hit as it is (an *model.InputError), so Finding.In
// translates it by its format instead of carrying its English.
func checkNames(checks []nameCheck) []Hit {
	var hits []Hit
	for _, n := range checks {
		if err := n.validate(n.value); err != nil {
			hits = append(hits, hit(n.path, "%s: %s", asPhrase(n.what), err))
		}
	}
	return hits
}

// asPhrase types a fixed English phrase for translation (termsIn).
func asPhrase(what any) any {
	if s, ok := what.(string); ok {
		return model.Phrase(s)
	}
	return what
}

// phrase is a fixed English phrase with values in it ("namespace of volume
// %s"), a format of the terms catalogue: termsIn translates it by format.
type phrase struct {
	format string
	args   []any
}

func (p phrase) String() string { return fmt.Sprintf(p.format, p.args...) }

// phrasef returns the phrase format filled with args.
func phrasef(format string, args ...any) phrase { return phrase{format, args} }

// dupHits reports every name that repeats an earlier one.
func dupHits(what string, names []string, pathOf func(int) string) []Hit {
	var hits []Hit
	for _, i := range dupIndexes(names) {
		hits = append(hits, hit(pathOf(i), "%s %s is used more than once", model.Phrase(what), names[i]))
	}
	return hits
}

// sortedKeys returns a map's keys in order, for deterministic findings.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// validateVPCName applies the VPC naming rule: lowercase letters, digits
// and hyphens, starting with a letter, at most 63 characters.
func validateVPCName(s string) error {
	if err := model.ValidateDNSLabel(s); err != nil {
		return err
	}
	if s[0] < 'a' || s[0] > 'z' {
		return &model.InputError{Format: "%q must start with a lowercase letter", Args: []any{s}}
	}
	return nil
}

func nameRules() []Rule {
	return []Rule{
		{
			ID: "NAM001", Severity: Error, Area: AreaBasics, Path: "metadata.name", FixedAtCreate: true,
			Title: "Cluster name breaks IBM's naming rule",
			Why: "IBM cluster names start with a letter, contain letters, digits, periods and hyphens, and are at most 35 " +
				"characters; the name is fixed at create and becomes part of the Ingress subdomain.",
			DocURL: doc("kubernetes-service-cli"),
			Check: func(c *Context) []Hit {
				return checkNames([]nameCheck{{"metadata.name", "cluster name", c.Design.Metadata.Name, model.ValidateClusterName}})
			},
		},
		{
			ID: "NAM002", Severity: Error, Area: AreaBasics, Path: "spec.resourceGroup", FixedAtCreate: true,
			Title: "Resource group name invalid",
			Why: "The cluster is created in one resource group and cannot move to another; the name must be a valid IBM Cloud " +
				"resource group name.",
			DocURL: doc("users"),
			Check: func(c *Context) []Hit {
				return checkNames([]nameCheck{{"spec.resourceGroup", "resource group", c.Spec.ResourceGroup, model.ValidateInstanceName}})
			},
		},
		{
			ID: "NAM003", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].name",
			Title: "Worker pool name invalid or duplicate",
			Why: "IKS labels every worker with its pool name (ibm-cloud.kubernetes.io/worker-pool-name), so the name follows " +
				"the Kubernetes label value rule, and pool names are unique within a cluster.",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				var checks []nameCheck
				var names []string
				for i, p := range c.Spec.WorkerPools {
					checks = append(checks, nameCheck{pathf("spec.workerPools[%d].name", i), "worker pool name", p.Name, model.ValidatePoolName})
					names = append(names, p.Name)
				}
				return append(checkNames(checks), dupHits("worker pool name", names, func(i int) string { return pathf("spec.workerPools[%d].name", i) })...)
			},
		},
		{
			ID: "NAM004", Severity: Error, Area: AreaIAM, Path: "spec.namespaces[*].name",
			Title:  "Namespace name invalid or duplicate",
			Why:    "Kubernetes namespace names are DNS-1123 labels: lowercase letters, digits and hyphens, at most 63 characters, unique.",
			DocURL: doc("iam-service-access-roles"),
			Check: func(c *Context) []Hit {
				var checks []nameCheck
				names := make([]string, 0, len(c.Spec.Namespaces))
				for i, n := range c.Spec.Namespaces {
					if model.ValidateNamespace(n.Name) != nil { // a path only for a refused name
						checks = append(checks, nameCheck{pathf("spec.namespaces[%d].name", i), "namespace", n.Name, model.ValidateNamespace})
					}
					names = append(names, n.Name)
				}
				return append(checkNames(checks), dupHits("namespace", names, func(i int) string { return pathf("spec.namespaces[%d].name", i) })...)
			},
		},
		{
			ID: "NAM005", Severity: Error, Area: AreaIAM, Path: "spec.iam.accessGroups[*].name",
			Title: "Access group name invalid or duplicate",
			Why: "IAM access group names are at most 100 letters, digits, spaces, hyphens, underscores and periods, and unique " +
				"in the account (`ibmcloud iam access-group-create`).",
			DocURL: doc("users"),
			Check: func(c *Context) []Hit {
				var checks []nameCheck
				names := make([]string, 0, len(c.Spec.IAM.AccessGroups))
				for i, g := range c.Spec.IAM.AccessGroups {
					if model.ValidateAccessGroupName(g.Name) != nil { // a path only for a refused name
						checks = append(checks, nameCheck{pathf("spec.iam.accessGroups[%d].name", i), "access group", g.Name, model.ValidateAccessGroupName})
					}
					names = append(names, g.Name)
				}
				return append(checkNames(checks), dupHits("access group", names, func(i int) string { return pathf("spec.iam.accessGroups[%d].name", i) })...)
			},
		},
		{
			ID: "NAM006", Severity: Error, Area: AreaIAM, Path: "spec.iam.accessGroups[*].members[*]",
			Title: "Access group member is not an e-mail address",
			Why: "Members are IBMids invited with `ibmcloud account user-invite EMAIL` and added with " +
				"`ibmcloud iam access-group-user-add GROUP EMAIL`; both take a plain e-mail address.",
			DocURL: doc("users"),
			Check: func(c *Context) []Hit {
				var checks []nameCheck
				for i, g := range c.Spec.IAM.AccessGroups {
					for j, m := range g.Members {
						if model.ValidateEmail(m) == nil { // a path and phrase only for a refused address
							continue
						}
						checks = append(checks, nameCheck{pathf("spec.iam.accessGroups[%d].members[%d]", i, j), phrasef("member of %s", g.Name), m, model.ValidateEmail})
					}
				}
				return checkNames(checks)
			},
		},
		{
			ID: "NAM007", Severity: Error, Area: AreaStorage, Path: "spec.storage.objectStorage.buckets[*].name",
			Title: "Bucket name invalid or duplicate",
			Why: "Object Storage bucket names are global across IBM Cloud: 3–63 lowercase letters, digits, dots and hyphens, " +
				"not shaped like an IP address.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				var checks []nameCheck
				var names []string
				for i, b := range c.Spec.Storage.ObjectStorage.Buckets {
					checks = append(checks, nameCheck{pathf("spec.storage.objectStorage.buckets[%d].name", i), "bucket", b.Name, model.ValidateBucketName})
					names = append(names, b.Name)
				}
				return append(checkNames(checks), dupHits("bucket", names, func(i int) string { return pathf("spec.storage.objectStorage.buckets[%d].name", i) })...)
			},
		},
		{
			ID: "NAM008", Severity: Error, Area: AreaOperations, Path: "spec.cicd.registry.namespace",
			Title: "Registry namespace invalid",
			Why: "IBM's 2019 guidance (slides 16–17) pushes images to IBM Cloud Container Registry; its namespaces are 4–30 lowercase letters, " +
				"digits, hyphens and underscores, starting and ending with a letter or digit.",
			DocURL: doc("registry"),
			Check: func(c *Context) []Hit {
				ns := c.Spec.CICD.Registry.Namespace
				if ns == "" {
					return nil
				}
				return checkNames([]nameCheck{{"spec.cicd.registry.namespace", "registry namespace", ns, model.ValidateRegistryNamespace}})
			},
		},
		{
			ID: "NAM009", Severity: Error, Area: AreaStorage, Path: "spec.storage.databases[*].name",
			Title: "Storage service instance name invalid or duplicate",
			Why: "IBM's 2019 guidance (slides 22–23): Object Storage, Cloud Databases and Cloudant are IBM Cloud service instances; their names " +
				"are 1–180 characters without control characters, and the runbook finds them by name, so they must be unique.",
			DocURL: doc("service-binding"),
			Check: func(c *Context) []Hit {
				st := c.Spec.Storage
				var checks []nameCheck
				var names []string
				if st.ObjectStorage.Enabled {
					checks = append(checks, nameCheck{"spec.storage.objectStorage.instanceName", "Object Storage instance", st.ObjectStorage.InstanceName, model.ValidateInstanceName})
				}
				for i, db := range st.Databases {
					checks = append(checks, nameCheck{pathf("spec.storage.databases[%d].name", i), "database instance", db.Name, model.ValidateInstanceName})
					names = append(names, db.Name)
				}
				if st.Cloudant.Enabled {
					checks = append(checks, nameCheck{"spec.storage.cloudant.instanceName", "Cloudant instance", st.Cloudant.InstanceName, model.ValidateInstanceName})
				}
				return append(checkNames(checks), dupHits("database instance", names, func(i int) string { return pathf("spec.storage.databases[%d].name", i) })...)
			},
		},
		{
			ID: "NAM010", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.vlans[*].privateVLAN",
			Title: "VLAN ID not numeric",
			Why: "`--private-vlan` and `--public-vlan` take the numeric VLAN IDs that `ibmcloud ks vlan ls --zone ZONE` lists, " +
				"not VLAN names or router names.",
			DocURL: doc("subnets"),
			Check: func(c *Context) []Hit {
				cl := c.Spec.Network.Classic
				if cl == nil {
					return nil
				}
				var checks []nameCheck
				for i, v := range cl.VLANs {
					if v.PrivateVLAN != "" {
						checks = append(checks, nameCheck{pathf("spec.network.classic.vlans[%d].privateVLAN", i), phrasef("private VLAN of %s", v.Zone), v.PrivateVLAN, model.ValidateVLANID})
					}
					if v.PublicVLAN != "" {
						checks = append(checks, nameCheck{pathf("spec.network.classic.vlans[%d].publicVLAN", i), phrasef("public VLAN of %s", v.Zone), v.PublicVLAN, model.ValidateVLANID})
					}
				}
				return checkNames(checks)
			},
		},
		{
			ID: "NAM011", Severity: Error, Area: AreaNetwork, Path: "spec.network.vpc.vpcID", FixedAtCreate: true,
			Title: "VPC or subnet ID malformed",
			Why: "`cluster create vpc-gen2 --vpc-id ID --subnet-id ID` takes IDs as `ibmcloud is vpcs` and `ibmcloud is subnets` " +
				"print them (r022-…); the cluster's VPC is fixed at create.",
			DocURL: doc("vpc-subnets"),
			Check: func(c *Context) []Hit {
				v := c.Spec.Network.VPC
				if v == nil {
					return nil
				}
				var checks []nameCheck
				if v.VPCID != "" {
					checks = append(checks, nameCheck{"spec.network.vpc.vpcID", "VPC ID", v.VPCID, model.ValidateVPCResourceID})
				}
				for i, sn := range v.Subnets {
					if sn.SubnetID != "" {
						checks = append(checks, nameCheck{pathf("spec.network.vpc.subnets[%d].subnetID", i), phrasef("subnet ID of %s", sn.Zone), sn.SubnetID, model.ValidateVPCResourceID})
					}
				}
				return checkNames(checks)
			},
		},
		{
			ID: "NAM012", Severity: Error, Area: AreaNetwork, Path: "spec.firewall.cis.domain",
			Title:  "CIS domain invalid",
			Why:    "IBM's 2019 guidance (slide 38): CIS serves a public DNS domain such as shop.example.com; it must be a lowercase DNS name.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				cis := c.Spec.Firewall.CIS
				if !cis.Enabled || cis.Domain == "" {
					return nil
				}
				return checkNames([]nameCheck{{"spec.firewall.cis.domain", "CIS domain", cis.Domain, model.ValidateDomain}})
			},
		},
		{
			ID: "NAM013", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[*].labels",
			Title: "Label or taint invalid",
			Why: "Pool labels and taints (`worker-pool label set`, `worker-pool taint set`) and namespace labels follow the " +
				"Kubernetes label rule: an optional DNS prefix, a name of at most 63 letters, digits, hyphens, underscores and periods.",
			DocURL: doc("planning_worker_nodes"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					for _, k := range sortedKeys(p.Labels) {
						if err := model.ValidateLabel(k, p.Labels[k]); err != nil {
							hits = append(hits, hit(pathf("spec.workerPools[%d].labels.%s", i, k), "pool %s: %s", p.Name, err))
						}
					}
					for j, t := range p.Taints {
						if err := model.ValidateLabel(t.Key, t.Value); err != nil {
							hits = append(hits, hit(pathf("spec.workerPools[%d].taints[%d]", i, j), "pool %s taint: %s", p.Name, err))
						}
					}
				}
				for i, n := range c.Spec.Namespaces {
					for _, k := range sortedKeys(n.Labels) {
						if err := model.ValidateLabel(k, n.Labels[k]); err != nil {
							hits = append(hits, hit(pathf("spec.namespaces[%d].labels.%s", i, k), "namespace %s: %s", n.Name, err))
						}
					}
				}
				return hits
			},
		},
		{
			ID: "NAM014", Severity: Error, Area: AreaStorage, Path: "spec.storage.volumes[*].name",
			Title:  "Volume name invalid or duplicate",
			Why:    "A PersistentVolumeClaim name is a DNS-1123 label, unique within its namespace.",
			DocURL: doc("storage-plan"),
			Check: func(c *Context) []Hit {
				var checks []nameCheck
				var keys []string
				for i, v := range c.Spec.Storage.Volumes {
					checks = append(checks, nameCheck{pathf("spec.storage.volumes[%d].name", i), "volume", v.Name, model.ValidateDNSLabel})
					keys = append(keys, v.Namespace+"/"+v.Name)
				}
				return append(checkNames(checks), dupHits("volume", keys, func(i int) string { return pathf("spec.storage.volumes[%d].name", i) })...)
			},
		},
		{
			ID: "NAM015", Severity: Error, Area: AreaBasics, Path: "metadata.description",
			Title: "Free text with control characters",
			Why: "Descriptions, owners, maintenance windows and waiver reasons are printed in the design document and quoted " +
				"in the runbook; they must be one line without control characters.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				d := c.Design
				checks := []nameCheck{
					{"metadata.description", "description", d.Metadata.Description, model.ValidateFreeText},
					{"metadata.owner", "owner", d.Metadata.Owner, model.ValidateFreeText},
					{"spec.operations.upgrades.maintenanceWindow", "maintenance window", d.Spec.Operations.Upgrades.MaintenanceWindow, model.ValidateFreeText},
					{"spec.storage.databaseOnIaaS.engine", "database engine", d.Spec.Storage.DatabaseOnIaaS.Engine, model.ValidateFreeText},
				}
				for i, w := range d.Spec.Waivers {
					checks = append(checks,
						nameCheck{pathf("spec.waivers[%d].reason", i), "waiver reason", w.Reason, model.ValidateFreeText},
						nameCheck{pathf("spec.waivers[%d].approvedBy", i), "waiver approver", w.ApprovedBy, model.ValidateFreeText})
				}
				return checkNames(checks)
			},
		},
		{
			ID: "NAM016", Severity: Error, Area: AreaBasics, Path: "spec.network.vpc.vpcName",
			Title: "Service or VPC name invalid",
			Why: "The runbook creates and finds IBM Cloud instances (CIS, Cloud Logs, Monitoring, Key Protect) by name: 1–180 " +
				"characters without control characters. A new VPC's name is lowercase letters, digits and hyphens, starting " +
				"with a letter (the default <cluster>-vpc inherits the cluster name's case and periods).",
			DocURL: doc("vpc-subnets"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var checks []nameCheck
				if s.Firewall.CIS.Enabled {
					checks = append(checks, nameCheck{"spec.firewall.cis.instanceName", "CIS instance", s.Firewall.CIS.InstanceName, model.ValidateInstanceName})
				}
				if s.Logging.Backend == model.LogCloudLogs {
					checks = append(checks, nameCheck{"spec.logging.cloudLogs.instanceName", "Cloud Logs instance", s.Logging.CloudLogs.InstanceName, model.ValidateInstanceName})
				}
				if s.Monitoring.Enabled {
					checks = append(checks, nameCheck{"spec.monitoring.instanceName", "Monitoring instance", s.Monitoring.InstanceName, model.ValidateInstanceName})
				}
				if k := s.Security.KMS; k.Provider != model.KMSNone {
					if k.InstanceName != "" {
						checks = append(checks, nameCheck{"spec.security.kms.instanceName", "KMS instance", k.InstanceName, model.ValidateInstanceName})
					}
					if k.RootKeyName != "" {
						checks = append(checks, nameCheck{"spec.security.kms.rootKeyName", "root key", k.RootKeyName, model.ValidateInstanceName})
					}
				}
				if v := s.Network.VPC; s.IsVPC() && v != nil && v.VPCID == "" && v.VPCName != "" {
					checks = append(checks, nameCheck{"spec.network.vpc.vpcName", "VPC name", v.VPCName, validateVPCName})
				}
				return checkNames(checks)
			},
		},
		{
			ID: "NAM017", Severity: Error, Area: AreaOperations, Path: "spec.cicd.stages[*].name",
			Title: "CI/CD name invalid or duplicate",
			Why: "IBM's 2019 guidance (slides 16–17): the pipeline moves a release through named stages (dev, stage, production) and deploys " +
				"with its own service account, whose name is a DNS-1123 label.",
			DocURL: doc("registry"),
			Check: func(c *Context) []Hit {
				ci := c.Spec.CICD
				checks := []nameCheck{{"spec.cicd.deployerServiceAccount", "deployer service account", ci.DeployerServiceAccount, model.ValidateDNSLabel}}
				var names []string
				for i, st := range ci.Stages {
					checks = append(checks, nameCheck{pathf("spec.cicd.stages[%d].name", i), "stage name", st.Name, validateStageName})
					names = append(names, st.Name)
				}
				return append(checkNames(checks), dupHits("stage", names, func(i int) string { return pathf("spec.cicd.stages[%d].name", i) })...)
			},
		},
		{
			ID: "NAM018", Severity: Error, Area: AreaLogging, Path: "spec.logging.cloudLogs.region",
			Title: "Service setting invalid",
			Why: "These values go straight into commands and Helm values: a Cloud Logs region must be one IBM offers, plans " +
				"are lowercase names such as standard or graduated-tier, a syslog host is a host name or an IP address, and " +
				"the Ingress certificate store is named by its Secrets Manager CRN.",
			DocURL: doc("ingress-types"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var checks []nameCheck
				if r := s.Logging.CloudLogs.Region; r != "" && s.Logging.Backend == model.LogCloudLogs {
					checks = append(checks, nameCheck{"spec.logging.cloudLogs.region", "Cloud Logs region", r, func(r string) error {
						if _, ok := c.Catalog.Region(r); !ok {
							return &model.InputError{Format: "%q is not an IBM Cloud region the catalog knows", Args: []any{r}}
						}
						return nil
					}})
				}
				if s.Monitoring.Enabled && s.Monitoring.Plan != "" {
					checks = append(checks, nameCheck{"spec.monitoring.plan", "Monitoring plan", s.Monitoring.Plan, model.ValidatePlanName})
				}
				if s.Storage.Cloudant.Enabled && s.Storage.Cloudant.Plan != "" {
					checks = append(checks, nameCheck{"spec.storage.cloudant.plan", "Cloudant plan", s.Storage.Cloudant.Plan, model.ValidatePlanName})
				}
				if s.Logging.Backend == model.LogSyslog && s.Logging.Syslog.Host != "" {
					checks = append(checks, nameCheck{"spec.logging.syslog.host", "syslog host", s.Logging.Syslog.Host, model.ValidateHost})
				}
				if crn := s.Network.Ingress.TLSSecretsManager; crn != "" {
					checks = append(checks, nameCheck{"spec.network.ingress.tlsSecretsManager", "Secrets Manager CRN", crn, model.ValidateCRN})
				}
				return checkNames(checks)
			},
		},
		{
			ID: "NAM019", Severity: Error, Area: AreaHardware, Path: "spec.workerPools[0].name", FixedAtCreate: true,
			Title: "The first worker pool is not named default",
			Why: "`ibmcloud ks cluster create` makes the cluster's first worker pool and always names it `default`; the " +
				"runbook adds zones to it, the autoscaler configures it and IBM's docs refer to it by that name. Name the " +
				"first pool `default` and give extra pools (GPU, edge) their own names.",
			DocURL: doc("add_workers"),
			Check: func(c *Context) []Hit {
				pools := c.Spec.WorkerPools
				if len(pools) == 0 || pools[0].Name == "default" {
					return nil
				}
				return []Hit{hit("spec.workerPools[0].name", "the first worker pool is %q, but IBM creates the cluster's first pool as \"default\"", pools[0].Name)}
			},
		},
	}
}

func validateStageName(s string) error {
	if s == "" {
		return &model.InputError{Format: "a stage name is required"}
	}
	return model.ValidateFreeText(s)
}
