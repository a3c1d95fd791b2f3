package wizard

import (
	"slices"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Step 1, Basics: the cluster's name, what it is for, the infrastructure
// it runs on and the resource group that owns it. This file is the worked
// example of the step contract (see /tmp/wizard_contract.md).

func registerBasics() {
	Register(Step{
		ID:    StepBasics,
		Title: "Basics",
		Enter: func(c *Ctx) { c.UI.Basics.OldName = c.D.Metadata.Name },
		Pages: []Page{{
			ID:          "cluster",
			Title:       "The cluster",
			Description: "Name it, say what it is for, and choose where its workers run.",
			Fields: func(c *Ctx) []huh.Field {
				d := c.D
				return []huh.Field{
					Input(c, "metadata.name", "Cluster name",
						"letters, digits, periods and hyphens; starts with a letter; at most 35",
						&d.Metadata.Name, model.ValidateClusterName).CharLimit(model.MaxClusterNameLength),
					Choose(c, "spec.environment", "Environment", &d.Spec.Environment, model.Environment("").Choices()),
					Choose(c, "spec.infrastructure", "Infrastructure", &d.Spec.Infrastructure, model.Infrastructure("").Choices()),
					Input(c, "spec.resourceGroup", "Resource group",
						"the IBM Cloud resource group that owns the cluster and its services",
						&d.Spec.ResourceGroup, model.ValidateInstanceName),
				}
			},
			Done: func(c *Ctx) {
				renameDerived(c.D, c.UI.Basics.OldName)
				c.UI.Basics.OldName = c.D.Metadata.Name
				adaptToInfrastructure(c.D, c.Cat)
			},
		}, {
			ID:          "about",
			Title:       "About the design",
			Description: "Printed at the top of the design document. Both are optional.",
			Fields: func(c *Ctx) []huh.Field {
				d := c.D
				return []huh.Field{
					Input(c, "metadata.description", "What is the cluster for?",
						"one line, e.g. \"shop front end and order APIs\"",
						&d.Metadata.Description, model.ValidateFreeText),
					Input(c, "metadata.owner", "Owner", "the team or person who owns the design",
						&d.Metadata.Owner, model.ValidateFreeText),
				}
			},
		}},
	})

	RegisterWhy(
		Why{
			Key: "metadata.name",
			Text: "The name is how every `ibmcloud ks` command finds the cluster, and IBM builds the " +
				"cluster's Ingress subdomain from it (<name>-<hash>.<region>.containers.appdomain.cloud). " +
				"Choose a name that says the application and environment, e.g. shop-prod.",
			Alternatives:  "Renaming is not possible: a new name means a new cluster.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-clusters",
			FixedAtCreate: true,
		},
		Why{
			Key: "spec.environment",
			Text: "IBM's 2019 guidance sizes hardware by purpose (slide 9): dedicated or bare-metal " +
				"workers for production, shared virtual servers for development and test. iksplan's " +
				"rules follow the environment: in production a single zone, a missing log or " +
				"monitoring service or a public-only master is an error, elsewhere a warning.",
			Alternatives: "Staging is production's rehearsal: same shape, smaller. Development can be " +
				"one zone on shared hardware.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-strategy",
		},
		Why{
			Key: "spec.infrastructure",
			Text: "Classic is the world of the 2019 guidance: data centers (tok02), public and private " +
				"VLANs, VRF or VLAN spanning for multizone (slide 12), bare metal, Calico host " +
				"policies and gateway appliances (slides 36–37). VPC (Gen 2) is IBM's current " +
				"default: your own VPC and subnets, security groups, private by default, metro " +
				"block storage and no VLANs to manage.",
			Alternatives: "Pick classic for bare-metal or GPU flavors of the classic catalog, or to " +
				"join existing classic VLANs; pick VPC for anything new.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-infrastructure_providers",
			FixedAtCreate: true,
		},
		Why{
			Key: "spec.resourceGroup",
			Text: "Access policies, billing and service bindings follow the resource group. Put the " +
				"cluster and the services it uses (Object Storage, databases, logging) in the same " +
				"group, so one access group policy covers them. The cluster's API key is per region " +
				"and resource group.",
			Alternatives: "\"Default\" works for a first cluster; a group per application and " +
				"environment (shop-prod) scales better.",
			Doc:           "https://cloud.ibm.com/docs/account?topic=account-rgs",
			FixedAtCreate: true,
		},
		Why{
			Key:  "metadata.description",
			Text: "A line for the reader of DESIGN.md: what runs here and for whom.",
		},
		Why{
			Key:  "metadata.owner",
			Text: "Who decides about this cluster: the design document names them as its owner.",
		},
	)
}

// renameDerived renames the instance names the defaults derived from the
// cluster name (<name>-vpc, <name>-cos, …) when the name changed, so a
// blank design's "vpc" becomes "shop-prod-vpc". Names the user chose are
// left alone. The derived names come from model's own defaults.
func renameDerived(d *model.Design, old string) {
	name := d.Metadata.Name
	if old == name {
		return
	}
	was, now := derivedNames(old), derivedNames(name)
	s := &d.Spec
	fix := func(v *string, pick func(*model.Spec) string) {
		if *v == pick(&was.Spec) {
			*v = pick(&now.Spec)
		}
	}
	if s.Network.VPC != nil {
		fix(&s.Network.VPC.VPCName, func(x *model.Spec) string { return x.Network.VPC.VPCName })
	}
	fix(&s.Firewall.CIS.InstanceName, func(x *model.Spec) string { return x.Firewall.CIS.InstanceName })
	fix(&s.Storage.ObjectStorage.InstanceName, func(x *model.Spec) string { return x.Storage.ObjectStorage.InstanceName })
	fix(&s.Storage.Cloudant.InstanceName, func(x *model.Spec) string { return x.Storage.Cloudant.InstanceName })
	fix(&s.Logging.CloudLogs.InstanceName, func(x *model.Spec) string { return x.Logging.CloudLogs.InstanceName })
	fix(&s.Monitoring.InstanceName, func(x *model.Spec) string { return x.Monitoring.InstanceName })
}

// derivedNames is a VPC design named name with every name-derived default.
func derivedNames(name string) *model.Design {
	d := model.New(name)
	d.Spec.Firewall.CIS.Enabled = true
	d.Spec.Storage.ObjectStorage.Enabled = true
	d.Spec.Storage.Cloudant.Enabled = true
	d.Spec.Logging.Backend = model.LogCloudLogs
	d.Spec.Monitoring.Enabled = true
	model.ApplyDefaults(d)
	return d
}

// adaptToInfrastructure keeps the design coherent after the infrastructure
// changed: defaults for the new infrastructure's network section, zones
// that do not exist on it dropped, flavors it does not offer cleared (the
// hardware step asks again).
func adaptToInfrastructure(d *model.Design, cat *catalog.Catalog) {
	s := &d.Spec
	model.ApplyDefaults(d)
	if cat == nil {
		return
	}
	s.Zones = slices.DeleteFunc(s.Zones, func(z string) bool {
		_, _, ok := cat.Zone(s.Infrastructure, z)
		return !ok
	})
	for i := range s.WorkerPools {
		p := &s.WorkerPools[i]
		if _, ok := cat.Flavor(s.Infrastructure, p.Flavor); !ok {
			p.Flavor = ""
		}
		if s.IsVPC() && p.Isolation != model.IsolationShared {
			p.Isolation = model.IsolationShared
		}
	}
}
