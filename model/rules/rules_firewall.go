package rules

import "github.com/iksplan/iksplan/model"

const seedFirewall = "IBM's 2019 guidance (slides 36–37): protect the cluster from the internet with Calico network policies, CIS and " +
	"gateway appliances (VRA/Vyatta, vSRX, FortiGate); Calico can allow requests only from chosen sources such as CIS. "

func firewallRules() []Rule {
	return []Rule{
		{
			ID: "FW001", Severity: Warning, Area: AreaNetwork, Path: "spec.firewall.networkPolicies",
			Title: "No network policies in production",
			Why: seedFirewall + "Without NetworkPolicies every pod can reach every other pod in the cluster; a default-deny " +
				"policy per application namespace limits what a compromised pod can reach.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() || c.Spec.Firewall.NetworkPolicies {
					return nil
				}
				return []Hit{hit("spec.firewall.networkPolicies", "production namespaces get no default-deny NetworkPolicies; every pod can reach every other pod")}
			},
		},
		{
			ID: "FW002", Severity: Warning, Area: AreaNetwork, Path: "spec.firewall.calicoPolicies",
			Title: "Classic production workers without public network isolation",
			Why: seedFirewall + "IBM today: classic workers have a public interface guarded only by IBM's default Calico host " +
				"policies; IBM's published public-network-isolation set (IBM-Cloud/kube-samples) denies public egress except " +
				"what IKS needs and should be applied with calicoctl.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || !s.IsClassic() || s.Firewall.WantsCalico(model.CalicoPublicIsolation) {
					return nil
				}
				if s.Network.Classic != nil && s.Network.Classic.PrivateOnlyWorkers {
					return nil
				}
				return []Hit{hit("spec.firewall.calicoPolicies", "production workers have public interfaces but the public-network-isolation Calico policies are not selected")}
			},
		},
		{
			ID: "FW003", Severity: Warning, Area: AreaNetwork, Path: "spec.firewall.calicoPolicies",
			Title: "CIS in front of classic workers that accept any source",
			Why: seedFirewall + "CIS (slide 38) protects only traffic that goes through it: unless a Calico pre-DNAT policy " +
				"lets only CIS's ranges reach the public NodePorts and load balancers, attackers bypass the WAF and DDoS " +
				"protection by calling the workers directly.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || !s.Firewall.CIS.Enabled || s.Firewall.WantsCalico(model.CalicoCISOnlyIngress) {
					return nil
				}
				return []Hit{hit("spec.firewall.calicoPolicies", "CIS is enabled but calicoPolicies lacks cis-only-ingress, so clients can bypass CIS and reach the workers directly")}
			},
		},
		{
			ID: "FW004", Severity: Info, Area: AreaNetwork, Path: "spec.firewall.cis.enabled",
			Title: "CIS in front of a VPC cluster: allow only CIS in the security groups",
			Why: seedFirewall + "VPC clusters are protected with VPC security groups, not Calico host policies: restrict the " +
				"load balancer's inbound rules (kube-lbaas-<clusterID> or your own group) to CIS's published ranges so clients " +
				"cannot bypass CIS.",
			DocURL: doc("vpc-security-group"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsVPC() || !c.Spec.Firewall.CIS.Enabled {
					return nil
				}
				return []Hit{hit("spec.firewall.cis.enabled", "CIS is enabled: allow only CIS's IP ranges on the load balancer security group so clients cannot bypass it")}
			},
		},
		{
			ID: "FW005", Severity: Warning, Area: AreaNetwork, Path: "spec.firewall.calicoPolicies",
			Title: "Calico host policy sets on VPC",
			Why: "IBM's Calico host policy sets guard classic workers' public and private interfaces. VPC workers have no " +
				"public interface and are protected by VPC security groups (Secure by Default from 1.30), so the sets do not apply.",
			DocURL: doc("vpc-security-group"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsVPC() || len(s.Firewall.CalicoPolicies) == 0 {
					return nil
				}
				return []Hit{hit("spec.firewall.calicoPolicies", "Calico policy sets are for classic workers; VPC clusters use security groups, so %d set(s) would not apply", len(s.Firewall.CalicoPolicies))}
			},
		},
		{
			ID: "FW006", Severity: Error, Area: AreaNetwork, Path: "spec.firewall.gatewayAppliance",
			Title: "Gateway appliance on VPC",
			Why: "The gateway appliances of IBM's 2019 guidance (slide 37: VRA, vSRX, FortiGate) sit in front of classic VLANs. VPC has no VLANs: " +
				"use security groups, network ACLs sparingly, and VPN or Transit Gateway.",
			DocURL: doc("vpc-security-group"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsVPC() || s.Firewall.GatewayAppliance == model.GatewayNone {
					return nil
				}
				return []Hit{hit("spec.firewall.gatewayAppliance", "%s protects classic VLANs; it cannot front a VPC cluster", s.Firewall.GatewayAppliance.Label())}
			},
		},
		{
			ID: "FW007", Severity: Warning, Area: AreaNetwork, Path: "spec.firewall.calicoPolicies",
			Title: "CIS-only ingress policy without CIS",
			Why: seedFirewall + "The cis-only-ingress policy admits public traffic only from CIS's ranges; without CIS in " +
				"front, it blocks every client of the public NodePorts and load balancers.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || !s.Firewall.WantsCalico(model.CalicoCISOnlyIngress) || s.Firewall.CIS.Enabled {
					return nil
				}
				return []Hit{hit("spec.firewall.calicoPolicies", "cis-only-ingress is selected but CIS is disabled, so no client could reach the public load balancers")}
			},
		},
		{
			ID: "FW008", Severity: Error, Area: AreaNetwork, Path: "spec.firewall.cis.domain",
			Title: "CIS without a domain",
			Why: "IBM's 2019 guidance (slide 38): CIS provides DNS, WAF, DDoS protection, GLB and CDN for a domain. It works only once a domain " +
				"is added and delegated to it.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				cis := c.Spec.Firewall.CIS
				if !cis.Enabled || cis.Domain != "" {
					return nil
				}
				return []Hit{hit("spec.firewall.cis.domain", "CIS is enabled but no domain is set")}
			},
		},
		{
			ID: "FW009", Severity: Info, Area: AreaNetwork, Path: "spec.firewall.gatewayAppliance",
			Title: "Gateway appliance protects one zone",
			Why: "IBM's 2019 guidance (slide 37): gateway appliances are single-zone, single-tenant firewalls. A multizone cluster needs an " +
				"appliance (ideally an HA pair) in every zone, routed with VRF or VLAN spanning, or a zone loss takes the firewall with it.",
			DocURL: doc("network_policies"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || !s.Multizone() || s.Firewall.GatewayAppliance == model.GatewayNone {
					return nil
				}
				return []Hit{hit("spec.firewall.gatewayAppliance", "%s guards one zone's VLANs; plan one in each of the %d zones", s.Firewall.GatewayAppliance.Label(), len(s.Zones))}
			},
		},
	}
}
