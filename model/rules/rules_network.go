package rules

import (
	"encoding/binary"
	"net/netip"
	"slices"

	"github.com/iksplan/iksplan/model"
)

// addrRange is an inclusive IPv4 range.
type addrRange struct{ first, last netip.Addr }

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

// clusterSubnetRanges are the ranges IBM allows for --pod-subnet and
// --service-subnet.
var clusterSubnetRanges = []addrRange{
	{mustAddr("172.17.0.0"), mustAddr("172.17.255.255")},
	{mustAddr("172.21.0.0"), mustAddr("172.31.255.255")},
	{mustAddr("192.168.0.0"), mustAddr("192.168.254.255")},
	{mustAddr("198.18.0.0"), mustAddr("198.19.255.255")},
}

// vpcReserved are ranges VPC clusters use internally; a custom subnet must
// not overlap them.
var vpcReserved = []netip.Prefix{
	netip.MustParsePrefix("172.16.0.0/16"),
	netip.MustParsePrefix("172.18.0.0/16"),
	netip.MustParsePrefix("172.19.0.0/16"),
	netip.MustParsePrefix("172.20.0.0/16"),
}

// Default cluster subnets when none is given.
var (
	defaultClassicPodSubnet = netip.MustParsePrefix("172.30.0.0/16")
	defaultServiceSubnet    = netip.MustParsePrefix("172.21.0.0/16")
)

// VPCReservedAddresses is how many addresses VPC keeps in every subnet.
const VPCReservedAddresses = 5

const allowedRangesText = "172.17.0.0–172.17.255.255, 172.21.0.0–172.31.255.255, 192.168.0.0–192.168.254.255 or 198.18.0.0–198.19.255.255"

// lastAddr returns the last address of an IPv4 prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr().As4()
	n := binary.BigEndian.Uint32(a[:]) | (^uint32(0) >> p.Bits())
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], n)
	return netip.AddrFrom4(b)
}

// inAllowedRange reports whether the whole prefix lies in one allowed range.
func inAllowedRange(p netip.Prefix) bool {
	first, last := p.Masked().Addr(), lastAddr(p)
	return slices.ContainsFunc(clusterSubnetRanges, func(r addrRange) bool {
		return r.first.Compare(first) <= 0 && last.Compare(r.last) <= 0
	})
}

// checkClusterSubnet judges a pod or service CIDR.
func checkClusterSubnet(c *Context, path, name, value string, maxBits int) []Hit {
	what := model.Phrase(name) // "pod subnet": translated by termsIn
	if value == "" {
		return nil
	}
	p, err := model.ParseCIDR(value)
	if err != nil {
		return []Hit{hit(path, "%s %s", what, err)}
	}
	var hits []Hit
	if p.Bits() > maxBits {
		hits = append(hits, hit(path, "%s %s is a /%d; IBM needs /%d or larger", what, value, p.Bits(), maxBits))
	}
	if c.Spec.IsVPC() {
		for _, r := range vpcReserved {
			if p.Overlaps(r) {
				return append(hits, hit(path, "%s %s overlaps %s, which VPC clusters reserve", what, value, r))
			}
		}
	}
	if !inAllowedRange(p) {
		hits = append(hits, hit(path, "%s %s is outside IBM's allowed ranges (%s)", what, value, allowedRangesText))
	}
	return hits
}

// effectiveSubnets returns the pod and service subnets the cluster will
// use, with IBM's defaults; ok is false for a value that does not parse or
// a default that is not fixed (the VPC pod default depends on the VPC).
func effectiveSubnets(s *model.Spec) (pod netip.Prefix, podOK bool, svc netip.Prefix, svcOK bool) {
	n := s.Network
	switch {
	case n.PodSubnet != "":
		p, err := model.ParseCIDR(n.PodSubnet)
		pod, podOK = p, err == nil
	case s.IsClassic():
		pod, podOK = defaultClassicPodSubnet, true
	}
	if n.ServiceSubnet != "" {
		p, err := model.ParseCIDR(n.ServiceSubnet)
		svc, svcOK = p, err == nil
	} else {
		svc, svcOK = defaultServiceSubnet, true
	}
	return pod, podOK, svc, svcOK
}

func networkRules() []Rule {
	return []Rule{
		{
			ID: "NET001", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.accountRouting",
			Title: "Classic multizone cluster without VRF or VLAN spanning",
			Why: "IBM's 2019 guidance (slide 12): a multizone classic cluster needs VRF (or VLAN spanning) so workers on the different VLANs of " +
				"each zone can talk; check VRF with `ibmcloud account show`. IBM today: enable VRF and service endpoints " +
				"(`ibmcloud account update --service-endpoint-enable true`) or VLAN spanning (`ibmcloud ks vlan spanning get`).",
			DocURL: doc("subnets"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || !s.Multizone() || s.Network.Classic == nil {
					return nil
				}
				switch s.Network.Classic.AccountRouting {
				case model.RoutingNone:
					return []Hit{hitSev(Error, "spec.network.classic.accountRouting", "accountRouting is none: workers in %s cannot reach each other across zones; enable VRF or VLAN spanning first",
						joinNames(s.Zones))}
				case model.RoutingUnknown:
					return []Hit{hitSev(Warning, "spec.network.classic.accountRouting", "accountRouting is not checked yet; the runbook's preflight runs `ibmcloud account show` and `ibmcloud ks vlan spanning get` and stops if neither VRF nor VLAN spanning is on")}
				}
				return nil
			},
		},
		{
			ID: "NET002", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.accountRouting",
			Title: "Classic private service endpoint without VRF",
			Why: "IBM's 2019 guidance (slide 39): a private cluster keeps master–worker and kubectl traffic private. On classic the private " +
				"service endpoint needs an account with VRF and service endpoints enabled (VLAN spanning is not enough), and " +
				"once enabled it cannot be disabled.",
			DocURL: doc("plan_clusters"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || s.Network.Classic == nil || !s.Network.ServiceEndpoints.HasPrivate() {
					return nil
				}
				switch r := s.Network.Classic.AccountRouting; r {
				case model.RoutingNone, model.RoutingVLANSpanning:
					return []Hit{hitSev(Error, "spec.network.classic.accountRouting", "serviceEndpoints %s needs a private service endpoint, which needs VRF and service endpoints on the account; accountRouting is %s",
						s.Network.ServiceEndpoints, r)}
				case model.RoutingUnknown:
					if !s.Multizone() { // NET001 already warns for multizone
						return []Hit{hitSev(Warning, "spec.network.classic.accountRouting", "serviceEndpoints %s needs VRF and service endpoints on the account; the runbook's preflight checks `ibmcloud account show`",
							s.Network.ServiceEndpoints)}
					}
				}
				return nil
			},
		},
		{
			ID: "NET003", Severity: Error, Area: AreaNetwork, Path: "spec.network.serviceEndpoints",
			Title: "Public-only master in production",
			Why: "IBM's 2019 guidance (slide 39): production clusters keep master–worker traffic on the private network. With only a public " +
				"service endpoint every worker talks to the master over the internet; IBM recommends the private endpoint, " +
				"with the public one restricted or disabled.",
			DocURL: doc("plan_clusters"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || s.IsVPC() || s.Network.ServiceEndpoints != model.EndpointsPublicOnly {
					return nil
				}
				return []Hit{hit("spec.network.serviceEndpoints", "the production master is public-only; use public-and-private or private-only (needs VRF)")}
			},
		},
		{
			ID: "NET004", Severity: Error, Area: AreaNetwork, Path: "spec.network.serviceEndpoints",
			Title: "Public-only master on VPC",
			Why: "A VPC cluster always has a private service endpoint; `cluster create vpc-gen2` can only disable the public " +
				"one (`--disable-public-service-endpoint`). Public-only does not exist on VPC.",
			DocURL: doc("plan_clusters"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsVPC() || s.Network.ServiceEndpoints != model.EndpointsPublicOnly {
					return nil
				}
				return []Hit{hit("spec.network.serviceEndpoints", "VPC clusters always have a private endpoint; choose public-and-private or private-only")}
			},
		},
		{
			ID: "NET005", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.privateOnlyWorkers",
			Title: "Private-only classic workers without a way to the master",
			Why: "Classic workers on a private VLAN only (`--private-only`) need the private service endpoint or a gateway " +
				"appliance to reach the master and IBM services; otherwise they never become ready.",
			DocURL: doc("plan_clusters"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || s.Network.Classic == nil || !s.Network.Classic.PrivateOnlyWorkers {
					return nil
				}
				if s.Network.ServiceEndpoints.HasPrivate() || s.Firewall.GatewayAppliance != model.GatewayNone {
					return nil
				}
				return []Hit{hit("spec.network.classic.privateOnlyWorkers", "workers are private-only but the master is public-only and no gateway appliance is planned; enable the private service endpoint")}
			},
		},
		{
			ID: "NET006", Severity: Error, Area: AreaNetwork, Path: "spec.network.podSubnet", FixedAtCreate: true,
			Title: "Pod subnet invalid",
			Why: "`--pod-subnet` is fixed at create: it must be /23 or larger and inside IBM's allowed ranges (" + allowedRangesText +
				"); VPC clusters also reserve 172.16.0.0/16 and 172.18.0.0–172.20.255.255. Empty means IBM's default (172.30.0.0/16 on classic).",
			DocURL: doc("kubernetes-service-cli"),
			Check: func(c *Context) []Hit {
				return checkClusterSubnet(c, "spec.network.podSubnet", "pod subnet", c.Spec.Network.PodSubnet, 23)
			},
		},
		{
			ID: "NET007", Severity: Error, Area: AreaNetwork, Path: "spec.network.serviceSubnet", FixedAtCreate: true,
			Title: "Service subnet invalid",
			Why: "`--service-subnet` is fixed at create: it must be /24 or larger and inside IBM's allowed ranges (" + allowedRangesText +
				"); VPC clusters also reserve 172.16.0.0/16 and 172.18.0.0–172.20.255.255. Empty means IBM's default 172.21.0.0/16.",
			DocURL: doc("kubernetes-service-cli"),
			Check: func(c *Context) []Hit {
				return checkClusterSubnet(c, "spec.network.serviceSubnet", "service subnet", c.Spec.Network.ServiceSubnet, 24)
			},
		},
		{
			ID: "NET008", Severity: Error, Area: AreaNetwork, Path: "spec.network.serviceSubnet", FixedAtCreate: true,
			Title: "Cluster subnets overlap",
			Why: "The pod and service subnets must not overlap each other, and neither may overlap a private network the " +
				"workers must reach (the database on IaaS of IBM's 2019 guidance, slide 21): its traffic would stay inside the cluster. Both are fixed at create.",
			DocURL: doc("kubernetes-service-cli"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				pod, podOK, svc, svcOK := effectiveSubnets(s)
				var hits []Hit
				if podOK && svcOK && pod.Overlaps(svc) {
					hits = append(hits, hit("spec.network.serviceSubnet", "service subnet %s overlaps pod subnet %s", svc, pod))
				}
				if db := s.Storage.DatabaseOnIaaS; db.Enabled && db.PrivateCIDR != "" {
					if p, err := model.ParseCIDR(db.PrivateCIDR); err == nil {
						for _, x := range []struct {
							ok   bool
							p    netip.Prefix
							what string
						}{{podOK, pod, "pod subnet"}, {svcOK, svc, "service subnet"}} {
							if x.ok && x.p.Overlaps(p) {
								hits = append(hits, hit("spec.storage.databaseOnIaaS.privateCIDR", "database network %s overlaps the %s %s", p, x.what, x.p))
							}
						}
					}
				}
				return hits
			},
		},
		{
			ID: "NET009", Severity: Error, Area: AreaNetwork, Path: "spec.storage.databaseOnIaaS.privateCIDR",
			Title: "Private network CIDR invalid",
			Why: "IBM's 2019 guidance (slide 21): a database on IaaS servers is reached over the private network; its CIDR is used for network " +
				"policies and routing checks, so it must be an IPv4 network such as 10.130.0.0/24.",
			DocURL: doc("subnets"),
			Check: func(c *Context) []Hit {
				db := c.Spec.Storage.DatabaseOnIaaS
				if !db.Enabled || db.PrivateCIDR == "" {
					return nil
				}
				if _, err := model.ParseCIDR(db.PrivateCIDR); err != nil {
					return []Hit{hit("spec.storage.databaseOnIaaS.privateCIDR", "privateCIDR %s", err)}
				}
				return nil
			},
		},
		{
			ID: "NET010", Severity: Warning, Area: AreaNetwork, Path: "spec.network.vpc.contextBasedRestrictions.enabled",
			Title: "Public VPC master endpoint without context-based restrictions",
			Why: "IBM replaced the private endpoint allowlist with context-based restrictions: rules on the cluster and " +
				"management API types (service containers-kubernetes) limit which networks may call them. A production master " +
				"reachable from the whole internet relies on credentials alone.",
			DocURL: doc("cbr"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || !s.IsVPC() || !s.Network.ServiceEndpoints.HasPublic() || s.Network.VPC == nil || s.Network.VPC.ContextBasedRestrictions.Enabled {
					return nil
				}
				return []Hit{hit("spec.network.vpc.contextBasedRestrictions.enabled", "the production master has a public endpoint open to any network; restrict it with context-based restrictions or make it private-only")}
			},
		},
		{
			ID: "NET011", Severity: Error, Area: AreaNetwork, Path: "spec.network.*.contextBasedRestrictions.allowedCIDRs[*]",
			Title: "Context-based restriction address invalid",
			Why: "CBR network zones take IP addresses and CIDRs (`ibmcloud cbr zone-create --addresses`); a malformed entry " +
				"makes the rule fail to create.",
			DocURL: doc("cbr"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				check := func(section string, cbr model.CBR) {
					for i, a := range cbr.AllowedCIDRs {
						if _, err := parseAddrOrCIDR(a); err != nil {
							hits = append(hits, hit(pathf("spec.network.%s.contextBasedRestrictions.allowedCIDRs[%d]", section, i), "%q is not an IPv4 address or CIDR", a))
						}
					}
				}
				if v := c.Spec.Network.VPC; v != nil {
					check("vpc", v.ContextBasedRestrictions)
				}
				if cl := c.Spec.Network.Classic; cl != nil {
					check("classic", cl.ContextBasedRestrictions)
				}
				return hits
			},
		},
		{
			ID: "NET012", Severity: Info, Area: AreaNetwork, Path: "spec.network.vpc.contextBasedRestrictions.allowedCIDRs",
			Title: "Context-based restrictions allow only the VPC",
			Why: "With CBR on and no other network allowed, only the cluster's VPC may call the APIs; operators and CI need a " +
				"VPN, Direct Link or an allowed address to run kubectl or `ibmcloud ks`.",
			DocURL: doc("cbr"),
			Check: func(c *Context) []Hit {
				v := c.Spec.Network.VPC
				if !c.Spec.IsVPC() || v == nil || !v.ContextBasedRestrictions.Enabled || len(v.ContextBasedRestrictions.AllowedCIDRs) > 0 {
					return nil
				}
				return []Hit{hit("spec.network.vpc.contextBasedRestrictions.allowedCIDRs", "context-based restrictions allow only the VPC; add the office, VPN or CI addresses that run kubectl")}
			},
		},
		{
			ID: "NET013", Severity: Info, Area: AreaNetwork, Path: "spec.network.vpc.outboundTrafficProtection",
			Title: "VPC outbound traffic protection disabled",
			Why: "Secure by Default (Kubernetes 1.30+): VPC workers' public outbound traffic is blocked unless you allow it, " +
				"while IBM services stay reachable privately. Disabling it (`--disable-outbound-traffic-protection`) lets pods " +
				"reach the internet through a public gateway; keep it on unless workloads need public egress.",
			DocURL: doc("vpc-security-group"),
			Check: func(c *Context) []Hit {
				v := c.Spec.Network.VPC
				if !c.Spec.IsVPC() || v.BlocksOutbound() {
					return nil
				}
				const path = "spec.network.vpc.outboundTrafficProtection"
				if !v.PublicGateway {
					return []Hit{hit(path, "outbound traffic protection is off: every pod can reach the internet; without a public gateway on the subnets that traffic still has no route")}
				}
				return []Hit{hit(path, "outbound traffic protection is off: every pod can reach the internet")}
			},
		},
		{
			ID: "NET014", Severity: Warning, Area: AreaNetwork, Path: "spec.network.ingress.controller",
			Title: "Ingress-NGINX is retiring",
			Why: "Upstream Ingress-NGINX is retired and IKS is moving its managed Ingress to Traefik (ingress classes " +
				"public-iks-traefik / private-iks-traefik). Both run during the transition; new designs should start on Traefik.",
			DocURL: doc("managed-ingress-move-traefik"),
			Check: func(c *Context) []Hit {
				if c.Spec.Network.Ingress.Controller != model.IngressNGINX {
					return nil
				}
				return []Hit{hit("spec.network.ingress.controller", "controller nginx uses the retiring Ingress-NGINX; choose traefik")}
			},
		},
		{
			ID: "NET015", Severity: Warning, Area: AreaNetwork, Path: "spec.network.classic.vlans[*].zone",
			Title: "Network entry for a zone the cluster does not use",
			Why: "VLANs (classic) and subnets (VPC) are chosen per zone of the cluster; an entry for another zone is ignored, " +
				"which usually means a typo and the intended zone gets new VLANs or subnets.",
			DocURL: doc("subnets"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				if s.Network.Classic != nil {
					for i, v := range s.Network.Classic.VLANs {
						if !slices.Contains(s.Zones, v.Zone) {
							hits = append(hits, hit(pathf("spec.network.classic.vlans[%d].zone", i), "VLANs are given for zone %s, which is not in spec.zones (%s)", v.Zone, commaList(s.Zones)))
						}
					}
				}
				if s.Network.VPC != nil {
					for i, v := range s.Network.VPC.Subnets {
						if !slices.Contains(s.Zones, v.Zone) {
							hits = append(hits, hit(pathf("spec.network.vpc.subnets[%d].zone", i), "a subnet is given for zone %s, which is not in spec.zones (%s)", v.Zone, commaList(s.Zones)))
						}
					}
				}
				return hits
			},
		},
		{
			ID: "NET016", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.vlans[*]",
			Title: "Classic VLAN pair incomplete",
			Why: "`cluster create classic` and `zone add classic` take --private-vlan together with --public-vlan, or " +
				"--private-only; a public VLAN alone is refused. Omit both to let IBM create them in a zone's first cluster.",
			DocURL: doc("subnets"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsClassic() || s.Network.Classic == nil {
					return nil
				}
				privOnly := s.Network.Classic.PrivateOnlyWorkers
				var hits []Hit
				for i, v := range s.Network.Classic.VLANs {
					path := pathf("spec.network.classic.vlans[%d]", i)
					switch {
					case v.PublicVLAN != "" && v.PrivateVLAN == "":
						hits = append(hits, hit(path, "zone %s has public VLAN %s but no private VLAN; the CLI needs --private-vlan with --public-vlan", v.Zone, v.PublicVLAN))
					case v.PublicVLAN != "" && privOnly:
						hits = append(hits, hit(path, "zone %s has public VLAN %s but the workers are private-only", v.Zone, v.PublicVLAN))
					case v.PrivateVLAN != "" && v.PublicVLAN == "" && !privOnly:
						hits = append(hits, hit(path, "zone %s has private VLAN %s but no public VLAN; add the public VLAN or set privateOnlyWorkers", v.Zone, v.PrivateVLAN))
					}
				}
				return hits
			},
		},
		{
			ID: "NET017", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.vlans[*].zone",
			Title: "Zone listed twice in the network entries",
			Why: "Each zone has one VLAN pair (classic) or one subnet (VPC) per worker pool; two entries for a zone leave it " +
				"unclear which one the runbook should use.",
			DocURL: doc("subnets"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				if s.Network.Classic != nil {
					var zs []string
					for _, v := range s.Network.Classic.VLANs {
						zs = append(zs, v.Zone)
					}
					for _, i := range dupIndexes(zs) {
						hits = append(hits, hit(pathf("spec.network.classic.vlans[%d].zone", i), "zone %s has more than one VLAN entry", zs[i]))
					}
				}
				if s.Network.VPC != nil {
					var zs []string
					for _, v := range s.Network.VPC.Subnets {
						zs = append(zs, v.Zone)
					}
					for _, i := range dupIndexes(zs) {
						hits = append(hits, hit(pathf("spec.network.vpc.subnets[%d].zone", i), "zone %s has more than one subnet entry", zs[i]))
					}
				}
				return hits
			},
		},
		{
			ID: "NET018", Severity: Warning, Area: AreaNetwork, Path: "spec.network",
			Title: "Network section for the other infrastructure",
			Why: "Classic clusters are wired with VLANs and VRF, VPC clusters with a VPC and subnets; the section for the " +
				"other infrastructure is ignored, so its settings never take effect.",
			DocURL: doc("plan_clusters"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				switch {
				case s.IsVPC() && s.Network.Classic != nil:
					return []Hit{hit("spec.network.classic", "the design is VPC but has a classic network section, which is ignored")}
				case s.IsClassic() && s.Network.VPC != nil:
					return []Hit{hit("spec.network.vpc", "the design is classic but has a VPC network section, which is ignored")}
				}
				return nil
			},
		},
		{
			ID: "NET019", Severity: Error, Area: AreaNetwork, Path: "spec.network.vpc.vpcID", FixedAtCreate: true,
			Title: "Existing subnets without their VPC",
			Why: "`cluster create vpc-gen2` takes --vpc-id with --subnet-id, and each subnet must belong to that VPC and zone. " +
				"The cluster's VPC cannot be changed afterwards.",
			DocURL: doc("vpc-subnets"),
			Check: func(c *Context) []Hit {
				v := c.Spec.Network.VPC
				if !c.Spec.IsVPC() || v == nil || v.VPCID != "" {
					return nil
				}
				for i, sn := range v.Subnets {
					if sn.SubnetID != "" {
						return []Hit{hit("spec.network.vpc.vpcID", "subnet %s (spec.network.vpc.subnets[%d]) is an existing subnet, but vpcID is empty; name its VPC", sn.SubnetID, i)}
					}
				}
				return nil
			},
		},
		{
			ID: "NET020", Severity: Error, Area: AreaNetwork, Path: "spec.network.vpc.subnets[*].ipv4AddressCount", FixedAtCreate: true,
			Title: "New VPC subnet too small for its workers",
			Why: "A VPC subnet cannot grow after it is created, and every worker and VPC load balancer takes addresses from " +
				"the subnet of its zone; VPC also keeps 5 addresses of every subnet. Size new subnets for the largest the pools " +
				"may become, autoscaler maximum included.",
			DocURL: doc("vpc-subnets"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				v := s.Network.VPC
				if !s.IsVPC() || v == nil {
					return nil
				}
				need := maxWorkersPerZone(c)
				var hits []Hit
				for i, sn := range v.Subnets {
					if sn.SubnetID != "" {
						continue
					}
					n := sn.IPv4AddressCount
					if n == 0 {
						n = 256
					}
					path := pathf("spec.network.vpc.subnets[%d].ipv4AddressCount", i)
					if n < 16 || n > 4096 || n&(n-1) != 0 {
						hits = append(hits, hit(path, "ipv4AddressCount %d must be a power of two from 16 to 4096", sn.IPv4AddressCount))
						continue
					}
					if usable := n - VPCReservedAddresses; usable < need {
						hits = append(hits, hit(path, "the subnet for %s has %d addresses (%d usable) but the pools may place %d workers there, before load balancers",
							sn.Zone, n, usable, need))
					}
				}
				return hits
			},
		},
		{
			ID: "NET021", Severity: Warning, Area: AreaNetwork, Path: "spec.network.classic.contextBasedRestrictions.enabled",
			Title: "Public classic master endpoint without context-based restrictions",
			Why: "A classic cluster with the public service endpoint accepts kubectl and `ibmcloud ks` calls from any network; " +
				"only credentials stand in the way. IBM's context-based restrictions (service containers-kubernetes, cluster and " +
				"management API types) can keep the private endpoint open to the private network (workers, VPN, Direct Link) and " +
				"allow the public one only from named addresses (IBM's cbr page: `--context-attributes endpointType=private " +
				"--context-attributes endpointType=public,networkZoneId=ZONE`). The other answer is a private-only master " +
				"(`--private-service-endpoint` alone), which needs VRF and a VPN or Direct Link for operators.",
			DocURL: doc("cbr"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.IsProduction() || !s.IsClassic() || !s.Network.ServiceEndpoints.HasPublic() || s.Network.Classic == nil ||
					s.Network.Classic.ContextBasedRestrictions.Enabled {
					return nil
				}
				return []Hit{hit("spec.network.classic.contextBasedRestrictions.enabled",
					"the production master's public endpoint is open to any network; allow only named addresses with context-based restrictions or make the master private-only")}
			},
		},
		{
			ID: "NET022", Severity: Error, Area: AreaNetwork, Path: "spec.network.classic.contextBasedRestrictions.allowedCIDRs",
			Title: "Classic context-based restrictions name no public address",
			Why: "On classic the rules allow the public endpoint only from the network zone's addresses, and `ibmcloud cbr " +
				"zone-create` needs at least one. With none, nobody could reach the public endpoint: make the master " +
				"private-only instead, or name the office, VPN egress or CI addresses.",
			DocURL: doc("cbr"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				cl := s.Network.Classic
				if !s.IsClassic() || cl == nil || !cl.ContextBasedRestrictions.Enabled || len(cl.ContextBasedRestrictions.AllowedCIDRs) > 0 {
					return nil
				}
				return []Hit{hit("spec.network.classic.contextBasedRestrictions.allowedCIDRs", "context-based restrictions are on but allow no public address")}
			},
		},
	}
}

// maxWorkersPerZone is the most workers the pools may put in one zone: the
// planned size, or the autoscaler's maximum when it is larger.
func maxWorkersPerZone(c *Context) int {
	total := 0
	for _, pp := range c.Plan.Pools {
		n := pp.WorkersPerZone
		if a := c.Spec.Operations.Autoscaler; a.Enabled {
			for _, ap := range a.Pools {
				if ap.Pool == pp.Name {
					n = max(n, ap.MaxPerZone)
				}
			}
		}
		total += n
	}
	return total
}
