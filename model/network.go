package model

// Network is how the cluster is reached and how its workers are wired.
type Network struct {
	// ServiceEndpoints says where the Kubernetes master is reachable.
	ServiceEndpoints ServiceEndpoints `yaml:"serviceEndpoints" json:"serviceEndpoints"`
	Classic          *ClassicNetwork  `yaml:"classic,omitempty" json:"classic,omitempty" jsonschema:"description=Classic infrastructure: VRF or VLAN spanning and VLANs per zone"`
	VPC              *VPCNetwork      `yaml:"vpc,omitempty" json:"vpc,omitempty" jsonschema:"description=VPC infrastructure: the VPC\\, a subnet per zone\\, egress and context-based restrictions"`
	// PodSubnet and ServiceSubnet are the cluster-internal ranges. Empty
	// means IBM's default. Both are fixed at create.
	PodSubnet     string  `yaml:"podSubnet,omitempty" json:"podSubnet,omitempty" jsonschema:"description=Pod CIDR (/23 or larger; empty: IBM default 172.30.0.0/16 classic or 172.17.0.0/18 VPC)"`
	ServiceSubnet string  `yaml:"serviceSubnet,omitempty" json:"serviceSubnet,omitempty" jsonschema:"description=Service CIDR (/24 or larger; empty: IBM default 172.21.0.0/16)"`
	Ingress       Ingress `yaml:"ingress" json:"ingress"`
}

// ServiceEndpoints is where the cluster master's API is reachable.
type ServiceEndpoints string

// The service endpoint choices.
const (
	EndpointsPublicAndPrivate ServiceEndpoints = "public-and-private"
	EndpointsPrivateOnly      ServiceEndpoints = "private-only"
	EndpointsPublicOnly       ServiceEndpoints = "public-only"
)

var serviceEndpointsChoices = []Choice[ServiceEndpoints]{
	{EndpointsPublicAndPrivate, "Public and private", "workers talk to the master privately; people reach kubectl over the internet (restrict it with context-based restrictions)"},
	{EndpointsPrivateOnly, "Private only", "the master is reachable only from IBM's private network: VPN or Direct Link needed for kubectl (IBM's 2019 guidance, slide 39)"},
	{EndpointsPublicOnly, "Public only (classic, legacy)", "master traffic crosses the internet; only for accounts without VRF; not for production"},
}

// Choices lists the service endpoint choices.
func (ServiceEndpoints) Choices() []Choice[ServiceEndpoints] { return serviceEndpointsChoices }

// EnumValues implements Enum.
func (ServiceEndpoints) EnumValues() []string { return enumValues(serviceEndpointsChoices) }

// Label is the human name of the choice.
func (e ServiceEndpoints) Label() string { return labelOf(serviceEndpointsChoices, e) }

// Valid reports whether e is a known choice.
func (e ServiceEndpoints) Valid() bool { return validChoice(serviceEndpointsChoices, e) }

// HasPrivate reports whether the master has a private service endpoint.
func (e ServiceEndpoints) HasPrivate() bool { return e != EndpointsPublicOnly }

// HasPublic reports whether the master has a public service endpoint.
func (e ServiceEndpoints) HasPublic() bool { return e != EndpointsPrivateOnly }

// ClassicNetwork holds the classic-only network decisions.
type ClassicNetwork struct {
	// AccountRouting is the account's status for routing between VLANs:
	// needed for any multizone classic cluster, as the 2019 deck (slide 12)
	// says with "VRF or VLAN spanning". Superseded in part: the private
	// service endpoint needs VRF, and with VRF on the VLAN-spanning option
	// goes away (IBM `ibmcloud ks cluster create classic` reference), so
	// VRF is the answer today.
	AccountRouting AccountRouting `yaml:"accountRouting" json:"accountRouting"`
	// PrivateOnlyWorkers connects workers to a private VLAN only (no public
	// VLAN); then a gateway appliance or the private endpoint is needed.
	PrivateOnlyWorkers bool `yaml:"privateOnlyWorkers,omitempty" json:"privateOnlyWorkers,omitempty"`
	// VLANs names existing VLANs per zone. A zone without an entry, or with
	// empty IDs, lets IBM create the VLANs (right for the first cluster in a
	// zone).
	VLANs []ZoneVLANs `yaml:"vlans,omitempty" json:"vlans,omitempty"`
	// ContextBasedRestrictions limits who may reach the public service
	// endpoint: on classic the rules keep the private endpoint open to the
	// private network (the workers, VPN, Direct Link) and allow the public
	// one only from AllowedCIDRs (IBM's cbr page, "privateAccess=allowAll,
	// publicAccess=oneIP" example).
	ContextBasedRestrictions CBR `yaml:"contextBasedRestrictions,omitempty" json:"contextBasedRestrictions,omitempty"`
}

// VLANsFor returns the VLANs named for zone, or the zero value (create).
func (c *ClassicNetwork) VLANsFor(zone string) ZoneVLANs {
	if c == nil {
		return ZoneVLANs{Zone: zone}
	}
	for _, v := range c.VLANs {
		if v.Zone == zone {
			return v
		}
	}
	return ZoneVLANs{Zone: zone}
}

// ZoneVLANs are the existing VLANs to use in one classic zone.
type ZoneVLANs struct {
	Zone        string `yaml:"zone" json:"zone" jsonschema:"required"`
	PrivateVLAN string `yaml:"privateVLAN,omitempty" json:"privateVLAN,omitempty" jsonschema:"pattern=^[0-9]*$,description=Private VLAN ID (router bcr…); empty: let IBM create one"`
	PublicVLAN  string `yaml:"publicVLAN,omitempty" json:"publicVLAN,omitempty" jsonschema:"pattern=^[0-9]*$,description=Public VLAN ID (router fcr…); empty: let IBM create one"`
}

// Create reports whether IBM should create the VLANs in this zone.
func (z ZoneVLANs) Create() bool { return z.PrivateVLAN == "" }

// AccountRouting is whether the IBM Cloud account routes between VLANs.
type AccountRouting string

// The account routing states.
const (
	RoutingVRF          AccountRouting = "vrf"
	RoutingVLANSpanning AccountRouting = "vlan-spanning"
	RoutingNone         AccountRouting = "none"
	RoutingUnknown      AccountRouting = "unknown"
)

var accountRoutingChoices = []Choice[AccountRouting]{
	{RoutingVRF, "VRF and service endpoints enabled", "IBM's recommended state: needed for the private service endpoint; check with `ibmcloud account show`"},
	{RoutingVLANSpanning, "VLAN spanning enabled", "the older way to route between VLANs; check with `ibmcloud ks vlan spanning get`"},
	{RoutingNone, "Neither", "a multizone classic cluster cannot work: workers in different zones cannot talk"},
	{RoutingUnknown, "Not checked yet", "the runbook's preflight checks it and stops if neither is on"},
}

// Choices lists the routing states.
func (AccountRouting) Choices() []Choice[AccountRouting] { return accountRoutingChoices }

// EnumValues implements Enum.
func (AccountRouting) EnumValues() []string { return enumValues(accountRoutingChoices) }

// Label is the human name of the state.
func (a AccountRouting) Label() string { return labelOf(accountRoutingChoices, a) }

// Valid reports whether a is a known state.
func (a AccountRouting) Valid() bool { return validChoice(accountRoutingChoices, a) }

// VPCNetwork holds the VPC-only network decisions.
type VPCNetwork struct {
	// VPCID names an existing VPC. Empty: the runbook creates VPCName.
	VPCID   string `yaml:"vpcID,omitempty" json:"vpcID,omitempty" jsonschema:"description=Existing VPC ID; empty: create a new VPC"`
	VPCName string `yaml:"vpcName,omitempty" json:"vpcName,omitempty" jsonschema:"description=Name of the VPC to create (default: <cluster>-vpc)"`
	// Subnets lists one subnet per zone. A zone without an existing subnet
	// ID gets a new subnet in the address prefix of that zone.
	Subnets []ZoneSubnet `yaml:"subnets,omitempty" json:"subnets,omitempty"`
	// PublicGateway attaches a public gateway to each new subnet, so workers
	// can reach the internet (needed when outbound traffic protection is
	// off and images come from public registries).
	PublicGateway bool `yaml:"publicGateway,omitempty" json:"publicGateway,omitempty"`
	// OutboundTrafficProtection keeps IBM's Secure by Default egress block
	// (Kubernetes 1.30+). Default true.
	OutboundTrafficProtection *bool `yaml:"outboundTrafficProtection,omitempty" json:"outboundTrafficProtection,omitempty"`
	// ContextBasedRestrictions limits who may call the cluster and
	// management APIs: IBM's replacement for the private endpoint allowlist.
	ContextBasedRestrictions CBR `yaml:"contextBasedRestrictions" json:"contextBasedRestrictions"`
}

// BlocksOutbound reports whether Secure by Default egress protection stays on.
func (v *VPCNetwork) BlocksOutbound() bool {
	return v == nil || v.OutboundTrafficProtection == nil || *v.OutboundTrafficProtection
}

// SubnetFor returns the subnet entry for zone, or one that asks for a new subnet.
func (v *VPCNetwork) SubnetFor(zone string) ZoneSubnet {
	if v != nil {
		for _, s := range v.Subnets {
			if s.Zone == zone {
				return s
			}
		}
	}
	return ZoneSubnet{Zone: zone}
}

// ZoneSubnet is the VPC subnet of one zone.
type ZoneSubnet struct {
	Zone     string `yaml:"zone" json:"zone" jsonschema:"required"`
	SubnetID string `yaml:"subnetID,omitempty" json:"subnetID,omitempty" jsonschema:"description=Existing subnet ID; empty: create one"`
	// IPv4AddressCount sizes a new subnet. IBM cannot grow a subnet later,
	// so leave room for every worker and load balancer.
	IPv4AddressCount int `yaml:"ipv4AddressCount,omitempty" json:"ipv4AddressCount,omitempty" jsonschema:"enum=0,enum=16,enum=32,enum=64,enum=128,enum=256,enum=512,enum=1024,enum=2048,enum=4096,description=Addresses in a new subnet (power of two; 0: 256)"`
}

// CBR is a context-based restriction on the cluster's APIs.
type CBR struct {
	Enabled bool `yaml:"enabled" json:"enabled"`
	// AllowedCIDRs may call the APIs (office, VPN, CI runners). The cluster's
	// own VPC is always allowed.
	AllowedCIDRs []string `yaml:"allowedCIDRs,omitempty" json:"allowedCIDRs,omitempty"`
}

// Ingress is the cluster's HTTP entry.
type Ingress struct {
	Controller IngressController `yaml:"controller" json:"controller"`
	PublicALB  bool              `yaml:"publicALB" json:"publicALB" jsonschema:"description=Keep the public application load balancers enabled"`
	PrivateALB bool              `yaml:"privateALB" json:"privateALB" jsonschema:"description=Enable the private application load balancers (created disabled)"`
	// TLSSecretsManager is the CRN of a Secrets Manager instance for
	// Ingress certificates; empty: IBM's default certificate handling.
	TLSSecretsManager string `yaml:"tlsSecretsManager,omitempty" json:"tlsSecretsManager,omitempty"`
}

// IngressController is the managed Ingress controller.
type IngressController string

// The Ingress controllers.
const (
	IngressTraefik IngressController = "traefik"
	IngressNGINX   IngressController = "nginx"
	IngressNone    IngressController = "none"
)

var ingressControllerChoices = []Choice[IngressController]{
	{IngressTraefik, "Managed Traefik", "IBM's supported controller going forward (ingress classes public-iks-traefik / private-iks-traefik)"},
	{IngressNGINX, "Managed Ingress-NGINX (retiring)", "upstream Ingress-NGINX is retired; IKS is moving clusters to Traefik"},
	{IngressNone, "None", "no HTTP entry: only LoadBalancer services or private traffic"},
}

// Choices lists the Ingress controllers.
func (IngressController) Choices() []Choice[IngressController] { return ingressControllerChoices }

// EnumValues implements Enum.
func (IngressController) EnumValues() []string { return enumValues(ingressControllerChoices) }

// Label is the human name of the controller.
func (c IngressController) Label() string { return labelOf(ingressControllerChoices, c) }

// Valid reports whether c is a known controller.
func (c IngressController) Valid() bool { return validChoice(ingressControllerChoices, c) }

// IngressClass returns the IKS ingress class name for public or private
// traffic, or "" when there is no controller.
func (c IngressController) IngressClass(public bool) string {
	side := "private"
	if public {
		side = "public"
	}
	switch c {
	case IngressTraefik:
		return side + "-iks-traefik"
	case IngressNGINX:
		return side + "-iks-k8s-nginx"
	}
	return ""
}
