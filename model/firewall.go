package model

// Firewall is how the cluster is protected from the networks around it
// (seed slides 36–38).
type Firewall struct {
	// NetworkPolicies adds Kubernetes NetworkPolicies to every application
	// namespace: deny by default, allow DNS and same-namespace traffic.
	NetworkPolicies bool `yaml:"networkPolicies" json:"networkPolicies" jsonschema:"description=Default-deny Kubernetes NetworkPolicies in each application namespace"`
	// CalicoPolicies are the classic-only Calico host policy sets to apply
	// with calicoctl.
	CalicoPolicies []CalicoPolicySet     `yaml:"calicoPolicies,omitempty" json:"calicoPolicies,omitempty"`
	CIS            CloudInternetServices `yaml:"cis" json:"cis"`
	// GatewayAppliance is a classic firewall in front of the cluster VLANs.
	GatewayAppliance GatewayAppliance `yaml:"gatewayAppliance" json:"gatewayAppliance"`
}

// WantsCalico reports whether policy set p is selected.
func (f *Firewall) WantsCalico(p CalicoPolicySet) bool {
	for _, x := range f.CalicoPolicies {
		if x == p {
			return true
		}
	}
	return false
}

// CalicoPolicySet is one of IBM's published Calico policy sets for classic
// clusters.
type CalicoPolicySet string

// The Calico policy sets.
const (
	CalicoPublicIsolation  CalicoPolicySet = "public-network-isolation"
	CalicoPrivateIsolation CalicoPolicySet = "private-network-isolation"
	CalicoCISOnlyIngress   CalicoPolicySet = "cis-only-ingress"
)

var calicoPolicySetChoices = []Choice[CalicoPolicySet]{
	{CalicoPublicIsolation, "Public network isolation", "IBM's published set: deny public egress except what IKS needs, keeping IBM's default host policies"},
	{CalicoPrivateIsolation, "Private network isolation", "limit what workers may reach on IBM's private network"},
	{CalicoCISOnlyIngress, "Only CIS reaches public node ports", "a pre-DNAT policy that lets only Cloud Internet Services' ranges reach public NodePorts and load balancers"},
}

// Choices lists the policy sets.
func (CalicoPolicySet) Choices() []Choice[CalicoPolicySet] { return calicoPolicySetChoices }

// EnumValues implements Enum.
func (CalicoPolicySet) EnumValues() []string { return enumValues(calicoPolicySetChoices) }

// Label is the human name of the set.
func (c CalicoPolicySet) Label() string { return labelOf(calicoPolicySetChoices, c) }

// Valid reports whether c is a known set.
func (c CalicoPolicySet) Valid() bool { return validChoice(calicoPolicySetChoices, c) }

// CloudInternetServices is IBM's Cloudflare-based edge (seed slide 38).
type CloudInternetServices struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// InstanceName is the CIS instance to create or reuse.
	InstanceName string `yaml:"instanceName,omitempty" json:"instanceName,omitempty"`
	// Domain is the public domain CIS serves, e.g. shop.example.com.
	Domain   string       `yaml:"domain,omitempty" json:"domain,omitempty"`
	Features []CISFeature `yaml:"features,omitempty" json:"features,omitempty"`
}

// Has reports whether CIS is on with feature f.
func (c *CloudInternetServices) Has(f CISFeature) bool {
	if !c.Enabled {
		return false
	}
	for _, x := range c.Features {
		if x == f {
			return true
		}
	}
	return false
}

// CISFeature is one Cloud Internet Services capability.
type CISFeature string

// The CIS features of the seed's slide 38.
const (
	CISDDoS CISFeature = "ddos"
	CISWAF  CISFeature = "waf"
	CISGLB  CISFeature = "glb"
	CISCDN  CISFeature = "cdn"
	CISTLS  CISFeature = "tls"
	CISDNS  CISFeature = "dns"
)

var cisFeatureChoices = []Choice[CISFeature]{
	{CISDDoS, "DDoS protection", "absorbs layer 3, 4 and 7 floods before they reach the cluster"},
	{CISWAF, "Web application firewall", "blocks known attack patterns (OWASP rules) at the edge"},
	{CISGLB, "Global load balancer", "health-checked routing across zones or clusters (IBM's 2019 guidance, slide 11)"},
	{CISCDN, "CDN caching", "serves static content from the edge, lowering latency and load"},
	{CISTLS, "TLS at the edge", "modern TLS termination and certificates for the public domain"},
	{CISDNS, "DNS", "authoritative DNS for the domain, fast resolution"},
}

// Choices lists the CIS features.
func (CISFeature) Choices() []Choice[CISFeature] { return cisFeatureChoices }

// EnumValues implements Enum.
func (CISFeature) EnumValues() []string { return enumValues(cisFeatureChoices) }

// Label is the human name of the feature.
func (c CISFeature) Label() string { return labelOf(cisFeatureChoices, c) }

// Valid reports whether c is a known feature.
func (c CISFeature) Valid() bool { return validChoice(cisFeatureChoices, c) }

// GatewayAppliance is a classic network appliance in front of the VLANs.
type GatewayAppliance string

// The gateway appliances of the seed's slide 37.
const (
	GatewayNone      GatewayAppliance = "none"
	GatewayVRA       GatewayAppliance = "virtual-router-appliance"
	GatewayVSRX      GatewayAppliance = "juniper-vsrx"
	GatewayFortiGate GatewayAppliance = "fortigate"
)

var gatewayApplianceChoices = []Choice[GatewayAppliance]{
	{GatewayNone, "None", "Calico policies and CIS protect the cluster; no single-zone appliance to run"},
	{GatewayVRA, "Virtual Router Appliance (Vyatta 5600)", "firewall and VPN gateway for public and private VLANs, one zone each"},
	{GatewayVSRX, "Juniper vSRX", "IBM's other gateway: firewall, VPN and routing, one zone each"},
	{GatewayFortiGate, "FortiGate Security Appliance", "firewall with intrusion prevention and VPN; 1 Gbps virtual or 10 Gbps physical"},
}

// Choices lists the gateway appliances.
func (GatewayAppliance) Choices() []Choice[GatewayAppliance] { return gatewayApplianceChoices }

// EnumValues implements Enum.
func (GatewayAppliance) EnumValues() []string { return enumValues(gatewayApplianceChoices) }

// Label is the human name of the appliance.
func (g GatewayAppliance) Label() string { return labelOf(gatewayApplianceChoices, g) }

// Valid reports whether g is a known appliance.
func (g GatewayAppliance) Valid() bool { return validChoice(gatewayApplianceChoices, g) }
