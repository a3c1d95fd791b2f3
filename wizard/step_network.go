package wizard

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
)

// Step 7, Network and firewall: how the master is reached (service
// endpoints, context-based restrictions), how workers reach out (VPC
// outbound traffic protection, public gateway; classic private-only
// workers), the cluster-internal subnets, the Ingress controller, and the
// layers that protect the cluster (seed slides 36–39): Kubernetes
// NetworkPolicies, Calico host policies on classic (security groups on
// VPC), Cloud Internet Services at the edge and a gateway appliance.
// Routing between VLANs, VLAN IDs and VPC subnets are asked in Zones.

// Doc links of this step.
const (
	docPlanClusters = "https://cloud.ibm.com/docs/containers?topic=containers-plan_clusters"
	docCBR          = "https://cloud.ibm.com/docs/containers?topic=containers-cbr"
	docVPCSG        = "https://cloud.ibm.com/docs/containers?topic=containers-vpc-security-group"
	docSubnets      = "https://cloud.ibm.com/docs/containers?topic=containers-subnets"
	docTraefik      = "https://cloud.ibm.com/docs/containers?topic=containers-managed-ingress-move-traefik"
	docNetPolicies  = "https://cloud.ibm.com/docs/containers?topic=containers-network_policies"
	docCIS          = "https://cloud.ibm.com/docs/cis"
	docCLI          = "https://cloud.ibm.com/docs/containers?topic=containers-kubernetes-service-cli"
)

// IBM's default cluster subnets are the catalog's networks section.

func registerNetwork() {
	Register(Step{
		ID:    StepNetwork,
		Title: "Network and firewall",
		Areas: []string{"network"},
		Pages: networkPages(),
	})
	RegisterWhy(networkWhys()...)
}

func networkPages() []Page {
	isClassic := func(c *Ctx) bool { return c.Spec().IsClassic() }
	notVPC := func(c *Ctx) bool { return !c.Spec().IsVPC() || c.D.Spec.Network.VPC == nil }
	return []Page{{
		ID:    "endpoints",
		Title: "Service endpoints",
		Description: "Where the Kubernetes master's API is reachable. IBM's 2019 guidance (slide 39): a private cluster keeps " +
			"master–worker traffic and kubectl on the private network.",
		Fields: func(c *Ctx) []huh.Field {
			choices := model.ServiceEndpoints("").Choices()
			if !c.Spec().IsClassic() {
				choices = slices.DeleteFunc(slices.Clone(choices), func(ch model.Choice[model.ServiceEndpoints]) bool {
					return ch.Value == model.EndpointsPublicOnly
				})
			}
			return []huh.Field{Choose(c, "spec.network.serviceEndpoints", "Service endpoints",
				&c.D.Spec.Network.ServiceEndpoints, choices)}
		},
		Live: endpointsLive,
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}, {
		ID:    "classic-workers",
		Title: "Worker network (classic)",
		Skip:  func(c *Ctx) bool { return !isClassic(c) || c.D.Spec.Network.Classic == nil },
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{YesNo(c, "spec.network.classic.privateOnlyWorkers", "Private VLAN only (no public VLAN)?",
				"workers get no public IP; they reach the master through the private endpoint or a gateway appliance",
				&c.D.Spec.Network.Classic.PrivateOnlyWorkers)}
		},
		Live: func(c *Ctx) string {
			s := c.Spec()
			if !s.Network.Classic.PrivateOnlyWorkers {
				return wrapTo(liveMuted(c, c.tr("public and private VLANs: public Ingress and NodePorts are reachable; Calico policies guard the public interface")), c.Width)
			}
			if !s.Network.ServiceEndpoints.HasPrivate() {
				return wrapTo(liveWarn(c, c.tr("private-only workers with a public-only master never become ready: enable the private endpoint or plan a gateway appliance")), c.Width)
			}
			return wrapTo(c.tr("private-only workers: public traffic enters only through a gateway appliance or CIS"), c.Width)
		},
	}, {
		ID:    "vpc-egress",
		Title: "Outbound traffic (VPC)",
		Description: "Secure by Default (Kubernetes 1.30+): VPC workers reach IBM services privately and their " +
			"public outbound traffic is blocked unless you allow it.",
		Skip: notVPC,
		Fields: func(c *Ctx) []huh.Field {
			v := c.D.Spec.Network.VPC
			return []huh.Field{
				yesNoDefault(c, "spec.network.vpc.outboundTrafficProtection", "Keep outbound traffic protection on?",
					"IBM's default; no for workloads that must call the internet", &v.OutboundTrafficProtection, true),
				YesNo(c, "spec.network.vpc.publicGateway", "Attach a public gateway to the new subnets?",
					"the route to the internet for the workers; only useful with protection off", &v.PublicGateway),
			}
		},
		Live: egressLive,
	}, {
		ID:    "cbr",
		Title: "Context-based restrictions",
		Description: "IBM replaced the private endpoint allowlist with context-based restrictions: rules that say " +
			"which networks may call the cluster's API (kubectl) and the management API (ibmcloud ks).",
		Skip: notVPC,
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{YesNo(c, "spec.network.vpc.contextBasedRestrictions.enabled", "Restrict who may call the cluster's APIs?",
				"the cluster's own VPC stays allowed; everything else needs an allowed address",
				&c.D.Spec.Network.VPC.ContextBasedRestrictions.Enabled)}
		},
	}, {
		ID:    "cbr-cidrs",
		Title: "Allowed networks",
		Skip: func(c *Ctx) bool {
			return notVPC(c) || !c.D.Spec.Network.VPC.ContextBasedRestrictions.Enabled
		},
		Fields: func(c *Ctx) []huh.Field {
			cbr := &c.D.Spec.Network.VPC.ContextBasedRestrictions
			return []huh.Field{Example(c, commaInput(c, "spec.network.vpc.contextBasedRestrictions.allowedCIDRs", "Allowed addresses",
				"office, VPN and CI runner addresses or CIDRs, separated by commas", &cbr.AllowedCIDRs, validateAddrOrCIDR), "203.0.113.0/24, 198.51.100.7")}
		},
		Live: func(c *Ctx) string {
			cidrs := c.D.Spec.Network.VPC.ContextBasedRestrictions.AllowedCIDRs
			if len(cidrs) == 0 {
				return wrapTo(liveWarn(c, c.tr("only the VPC may call the APIs: operators and CI need a VPN or Direct Link into it")), c.Width)
			}
			return wrapTo(c.trn(len(cidrs), "kubectl and ibmcloud ks accepted from the VPC and %d network",
				"kubectl and ibmcloud ks accepted from the VPC and %d networks", len(cidrs)), c.Width)
		},
	}, {
		ID:    "subnets",
		Title: "Pod and service subnets",
		Description: "The cluster's internal address ranges. Leave them empty for IBM's defaults unless they would " +
			"overlap a network the pods must reach (on-premises, Direct Link, a database on IaaS).",
		Fields: func(c *Ctx) []huh.Field {
			n := &c.D.Spec.Network
			pod := defaultPodSubnet(c)
			return []huh.Field{
				// Empty is an answer here (IBM picks the range), so the grey
				// text says so rather than showing a range that looks typed.
				EmptyMeans(c, Input(c, "spec.network.podSubnet", "Pod subnet",
					c.trf("/23 or larger; empty: IBM's default %s", pod), &n.PodSubnet, Optional(subnetValidator(c, "pod subnet", 23))),
					c.trf("IBM's default %s", pod)),
				EmptyMeans(c, Input(c, "spec.network.serviceSubnet", "Service subnet",
					c.trf("/24 or larger; empty: IBM's default %s", c.Cat.Networks.ServiceSubnet), &n.ServiceSubnet,
					Optional(subnetValidator(c, "service subnet", 24))), c.trf("IBM's default %s", c.Cat.Networks.ServiceSubnet)),
			}
		},
		Validate: func(c *Ctx) error {
			n := c.D.Spec.Network
			pod, svc := n.PodSubnet, n.ServiceSubnet
			if pod == "" && c.Spec().IsClassic() {
				pod = c.Cat.Networks.ClassicPodSubnet
			}
			if svc == "" {
				svc = c.Cat.Networks.ServiceSubnet
			}
			p, err1 := model.ParseCIDR(pod)
			s, err2 := model.ParseCIDR(svc)
			if err1 == nil && err2 == nil && p.Overlaps(s) {
				return errors.New(c.trf("the pod subnet %s and the service subnet %s overlap", p, s))
			}
			return nil
		},
	}, {
		ID:    "ingress",
		Title: "Ingress",
		Description: "The managed Ingress controller runs as application load balancers (ALBs) in every zone. " +
			"Upstream Ingress-NGINX is retired: IKS moves clusters to Traefik.",
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{Choose(c, "spec.network.ingress.controller", "Ingress controller",
				&c.D.Spec.Network.Ingress.Controller, model.IngressController("").Choices())}
		},
		Live: func(c *Ctx) string {
			ing := c.D.Spec.Network.Ingress.Controller
			switch ing {
			case model.IngressNone:
				return wrapTo(liveMuted(c, c.tr("no Ingress: expose services with LoadBalancer services, or keep them private")), c.Width)
			case model.IngressNGINX:
				return wrapTo(liveWarn(c, c.trf("retiring: new designs should start on Traefik; classes %s / %s", ing.IngressClass(true), ing.IngressClass(false))), c.Width)
			}
			return wrapTo(c.trf("ingress classes %s / %s", liveCode(c, ing.IngressClass(true)), liveCode(c, ing.IngressClass(false))), c.Width)
		},
	}, {
		ID:    "albs",
		Title: "Application load balancers",
		Skip:  func(c *Ctx) bool { return c.D.Spec.Network.Ingress.Controller == model.IngressNone },
		Fields: func(c *Ctx) []huh.Field {
			ing := &c.D.Spec.Network.Ingress
			return []huh.Field{
				YesNo(c, "spec.network.ingress.publicALB", "Public ALBs?",
					"IBM enables them by default: the internet reaches your Ingress resources", &ing.PublicALB),
				YesNo(c, "spec.network.ingress.privateALB", "Private ALBs?",
					"created disabled; enable them for traffic from the private network only", &ing.PrivateALB),
			}
		},
		Validate: func(c *Ctx) error {
			ing := c.D.Spec.Network.Ingress
			if !ing.PublicALB && !ing.PrivateALB {
				return errors.New(c.tr("with an Ingress controller enable the public or the private ALBs (or choose no controller)"))
			}
			return nil
		},
	}, {
		ID:    "policies",
		Title: "Network policies",
		Description: "IBM's 2019 guidance (slide 36): IKS controls traffic inside the cluster with Calico; Kubernetes " +
			"NetworkPolicies decide which pods may talk to which.",
		Fields: func(c *Ctx) []huh.Field {
			fields := []huh.Field{YesNo(c, "spec.firewall.networkPolicies", "Default-deny NetworkPolicies in each application namespace?",
				"deny everything, then allow DNS and traffic within the namespace", &c.D.Spec.Firewall.NetworkPolicies)}
			if c.Spec().IsVPC() {
				fields = append(fields, Note(c, c.tr("VPC: security groups, not Calico host policies"),
					c.tr("On VPC the workers are guarded by VPC security groups (kube-<clusterID>, kube-lbaas-<clusterID>) "+
						"that IBM manages; Calico host policies and gateway appliances are classic-only. IBM's 2019 guidance (slide 36) "+
						"said security groups could not be used with IKS: on VPC they are now the host firewall.")))
			}
			return fields
		},
	}, {
		ID:    "calico",
		Title: "Calico host policies (classic)",
		Description: "IBM's default host policies (allow-all-outbound, allow-node-port-dnat, allow-sys-mgmt, …) " +
			"stay: these published sets add policies on top, applied with calicoctl.",
		Skip: func(c *Ctx) bool { return !isClassic(c) },
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{PickMany(c, "spec.firewall.calicoPolicies", "Policy sets",
				"space toggles a set; enter confirms", &c.D.Spec.Firewall.CalicoPolicies,
				ChoiceOpts(model.CalicoPolicySet("").Choices()))}
		},
		Live: calicoLive,
	}, {
		ID:    "cis",
		Title: "Cloud Internet Services",
		Description: "IBM's 2019 guidance (slide 38): IBM's edge service, run in Cloudflare's data centers, in front of the " +
			"cluster's public endpoints.",
		// NB: CIS fronts public endpoints; a design without public ALBs
		// has none, so the question is not asked (it stays, to be turned
		// off, while CIS is on).
		Skip: func(c *Ctx) bool {
			return !c.D.Spec.Network.Ingress.PublicALB && !c.D.Spec.Firewall.CIS.Enabled
		},
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{YesNo(c, "spec.firewall.cis.enabled", "Put Cloud Internet Services in front of the cluster?",
				"DDoS protection, WAF, global load balancing, CDN, TLS and DNS for a public domain", &c.D.Spec.Firewall.CIS.Enabled)}
		},
		Done: func(c *Ctx) { model.ApplyDefaults(c.D) },
	}, {
		ID:    "cis-details",
		Title: "Cloud Internet Services",
		Skip:  func(c *Ctx) bool { return !c.D.Spec.Firewall.CIS.Enabled },
		Fields: func(c *Ctx) []huh.Field {
			cis := &c.D.Spec.Firewall.CIS
			return []huh.Field{
				Input(c, "spec.firewall.cis.instanceName", "Instance name", "the CIS service instance (global)",
					&cis.InstanceName, model.ValidateInstanceName),
				Example(c, Input(c, "spec.firewall.cis.domain", "Domain", "the public domain CIS serves, e.g. shop.example.com",
					&cis.Domain, model.ValidateDomain), "shop.example.com"),
				PickMany(c, "spec.firewall.cis.features", "Features", "space toggles; what each does shows below",
					&cis.Features, ChoiceOpts(model.CISFeature("").Choices())),
			}
		},
		Live: cisLive,
	}, {
		ID:    "gateway",
		Title: "Gateway appliance (classic)",
		Description: "IBM's 2019 guidance (slide 37): a single-tenant firewall and VPN gateway in front of the cluster's VLANs — " +
			"one zone each.",
		Skip: func(c *Ctx) bool { return !isClassic(c) },
		Fields: func(c *Ctx) []huh.Field {
			return []huh.Field{Choose(c, "spec.firewall.gatewayAppliance", "Gateway appliance",
				&c.D.Spec.Firewall.GatewayAppliance, model.GatewayAppliance("").Choices())}
		},
		Live: func(c *Ctx) string {
			s := c.Spec()
			if s.Firewall.GatewayAppliance == model.GatewayNone {
				return wrapTo(liveMuted(c, c.tr("Calico policies and CIS protect the cluster; nothing single-zone to run")), c.Width)
			}
			line := c.tr("protects the public and private VLANs of one zone; you run and patch it")
			if s.Multizone() {
				line = liveWarn(c, c.trf("single-zone (IBM's 2019 guidance, slide 37): %d zones need one appliance each, or one becomes the cluster's single point of failure", len(s.Zones)))
			}
			return wrapTo(line, c.Width)
		},
	}}
}

// endpointsLive says what the chosen endpoints need.
func endpointsLive(c *Ctx) string {
	s := c.Spec()
	var lines []string
	routing := model.RoutingUnknown
	if s.Network.Classic != nil {
		routing = s.Network.Classic.AccountRouting
	}
	switch s.Network.ServiceEndpoints {
	case model.EndpointsPublicAndPrivate:
		lines = append(lines, c.tr("workers reach the master privately; kubectl works from anywhere with credentials"))
		if s.IsVPC() {
			lines = append(lines, c.tr("restrict the public endpoint with context-based restrictions (two pages on)"))
		}
	case model.EndpointsPrivateOnly:
		if s.IsVPC() {
			lines = append(lines, c.tr("kubectl only from inside the VPC (its VPE): plan a VPN, Direct Link or Transit Gateway"),
				liveWarn(c, c.tr("created with --disable-public-service-endpoint; the private endpoint cannot be turned off later")))
		} else {
			lines = append(lines, c.tr("kubectl only over IBM's private network: plan a VPN or Direct Link (IBM's 2019 guidance, slide 39)"))
		}
	case model.EndpointsPublicOnly:
		lines = append(lines, liveWarn(c, c.tr("legacy: every worker talks to the master over the internet; not for production")))
	}
	if s.IsClassic() && s.Network.ServiceEndpoints.HasPrivate() {
		switch routing {
		case model.RoutingVRF:
			lines = append(lines, c.tr("account routing: VRF and service endpoints — the private endpoint can be used"))
		default:
			lines = append(lines, liveWarn(c, c.trf("the private endpoint needs VRF and service endpoints on the account (routing: "+
				"%s; check with `ibmcloud account show`)", c.tr(routing.Label()))))
		}
	}
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// egressLive says where the workers' outbound traffic goes.
func egressLive(c *Ctx) string {
	v := c.D.Spec.Network.VPC
	var lines []string
	switch {
	case v.BlocksOutbound():
		lines = append(lines, c.trf("Secure by Default: IBM services privately, no public egress — mirror public images (docker.io) to %s", c.Cat.Registries.Global))
		if v.PublicGateway {
			lines = append(lines, liveMuted(c, c.tr("the public gateway stays unused while protection is on")))
		}
	case v.PublicGateway:
		lines = append(lines, c.tr("every pod can reach the internet through the public gateway"))
	default:
		lines = append(lines, liveWarn(c, c.tr("protection off but no public gateway: public traffic still has no route")))
	}
	if minor, ok := kubeMinor(c.D.Spec.KubernetesVersion); ok && minor < 30 {
		lines = append(lines, liveWarn(c, c.trf("Kubernetes %s predates Secure by Default (1.30+)", c.D.Spec.KubernetesVersion)))
	}
	return wrapTo(strings.Join(lines, "\n"), c.Width)
}

// kubeMinor returns the minor of "1.33".
func kubeMinor(v string) (int, bool) {
	_, minor, ok := strings.Cut(v, ".")
	if !ok {
		return 0, false
	}
	minor, _, _ = strings.Cut(minor, ".")
	n, err := strconv.Atoi(minor)
	return n, err == nil
}

// defaultPodSubnet is IBM's pod subnet default for the infrastructure.
func defaultPodSubnet(c *Ctx) string {
	if c.Spec().IsClassic() {
		return c.Cat.Networks.ClassicPodSubnet
	}
	return c.Cat.Networks.VPCPodSubnet
}

// subnetValidator checks a cluster subnet: an IPv4 network of at least
// the size IBM needs (its ranges are judged by the rules). what names the
// subnet in English; the error is in the run's language.
func subnetValidator(c *Ctx, what string, maxBits int) func(string) error {
	return func(s string) error {
		p, err := model.ParseCIDR(s)
		if err != nil {
			return err
		}
		if p.Bits() > maxBits {
			return errors.New(c.trf("the %s %s is a /%d; IBM needs /%d or larger", c.tr(what), s, p.Bits(), maxBits))
		}
		return nil
	}
}

// calicoLive explains each chosen policy set.
func calicoLive(c *Ctx) string {
	fw := &c.D.Spec.Firewall
	if len(fw.CalicoPolicies) == 0 {
		return wrapTo(liveMuted(c, c.tr("only IBM's default host policies: the public interface accepts NodePorts, load balancers and Ingress")), c.Width)
	}
	var lines []string
	for _, p := range fw.CalicoPolicies {
		lines = append(lines, "✓ "+c.tr(p.Label())+": "+c.tr(choiceHelp(model.CalicoPolicySet("").Choices(), p)))
	}
	if fw.WantsCalico(model.CalicoPublicIsolation) && c.D.Spec.Network.PodSubnet != "" {
		lines = append(lines, liveWarn(c, c.trf("custom pod subnet: allow-ibm-ports-public.yaml must use %s instead of %s", c.D.Spec.Network.PodSubnet, c.Cat.Networks.ClassicPodSubnet)))
	}
	if fw.WantsCalico(model.CalicoCISOnlyIngress) && !fw.CIS.Enabled {
		lines = append(lines, liveWarn(c, c.tr("CIS is not enabled yet: with this set only CIS may reach the public node ports")))
	}
	return hangList(lines, c.Width)
}

// cisLive lists what each CIS feature does, chosen ones first marked.
func cisLive(c *Ctx) string {
	cis := &c.D.Spec.Firewall.CIS
	var lines []string
	for _, ch := range model.CISFeature("").Choices() {
		mark := "  "
		if slices.Contains(cis.Features, ch.Value) {
			mark = "✓ "
		}
		lines = append(lines, mark+c.tr(ch.Label)+": "+c.tr(ch.Help))
	}
	return hangList(lines, c.Width)
}

func networkWhys() []Why {
	return []Why{{
		Key: "spec.network.serviceEndpoints",
		Text: "IBM's 2019 guidance on the private cluster (slide 39): master–worker traffic and kubectl go over the private network. Public " +
			"and private is IBM's usual choice: workers use the private endpoint, people the public one, which on VPC " +
			"you restrict with context-based restrictions. Private only needs, on classic, an account with VRF and " +
			"service endpoints, and for everyone a VPN or Direct Link to run kubectl. The public endpoint can be " +
			"turned off or on later (ibmcloud ks cluster master public-service-endpoint disable|enable, then a master " +
			"refresh), but the private endpoint cannot be disabled once on; the runbook creates a private-only VPC " +
			"cluster with --disable-public-service-endpoint.",
		Alternatives: "Public only exists only on classic accounts without VRF: every worker then reaches the master " +
			"over the internet — not for production.",
		Doc: docPlanClusters,
	}, {
		Key: "spec.network.classic.privateOnlyWorkers",
		Text: "Classic workers normally sit on a public and a private VLAN. `--private-only` leaves out the public " +
			"VLAN: workers have no public IP and reach the master and IBM services through the private service " +
			"endpoint or a gateway appliance; public traffic can only enter through such an appliance.",
		Alternatives: "Keep the public VLAN and lock its interface down with Calico policies (next pages).",
		Doc:          docSubnets,
	}, {
		Key: "spec.network.vpc.outboundTrafficProtection",
		Text: "Secure by Default (Kubernetes 1.30+): a VPC cluster's workers can reach IBM services over private " +
			"endpoints, but their public outbound traffic is blocked. Keep it on and mirror public images into " +
			"IBM Cloud Container Registry; switch it off (`--disable-outbound-traffic-protection`) only for " +
			"workloads that must call the internet.",
		Alternatives: "`ibmcloud ks vpc outbound-traffic-protection disable --cluster C` can change it later.",
		Doc:          docVPCSG,
	}, {
		Key: "spec.network.vpc.publicGateway",
		Text: "A VPC subnet reaches the internet only through a public gateway. With outbound traffic protection off, " +
			"workers need one on their subnets for any public egress; with protection on it goes unused.",
		Doc: "https://cloud.ibm.com/docs/containers?topic=containers-vpc-subnets",
	}, {
		Key: "spec.network.vpc.contextBasedRestrictions.enabled",
		Text: "The private service endpoint allowlist of IBM's older docs is gone: context-based restrictions replace " +
			"it. A CBR rule on service containers-kubernetes, API types cluster (kubectl) and management (ibmcloud " +
			"ks), lets only the listed networks call the cluster; the cluster's VPC stays allowed.",
		Alternatives: "A private-only master; or no restriction, where credentials alone protect a public endpoint. " +
			"If you also restrict IAM, Key Protect or Object Storage with CBR, add containers-kubernetes to their zones.",
		Doc: docCBR,
	}, {
		Key: "spec.network.vpc.contextBasedRestrictions.allowedCIDRs",
		Text: "The networks besides the VPC that may call the APIs: the office, the VPN's client range, CI runners. " +
			"The runbook creates a CBR network zone with these addresses (`ibmcloud cbr zone-create --addresses`).",
		Doc: docCBR,
	}, {
		Key: "spec.network.podSubnet",
		Text: "Every pod gets an address from this range. IBM's default is {classicPodSubnet} on classic; on VPC the first " +
			"cluster of a VPC gets {vpcPodSubnet}, the next {vpcNextPodSubnet}. Change it only if it would overlap a " +
			"network the pods must reach (on-premises over Direct Link, a database on IaaS). It must be /23 or larger " +
			"and inside IBM's allowed ranges, and it cannot change after the cluster is created.",
		Doc:           docCLI,
		FixedAtCreate: true,
	}, {
		Key: "spec.network.serviceSubnet",
		Text: "Kubernetes Services get their cluster IPs from this range (IBM's default {serviceSubnet}). It must be /24 " +
			"or larger, must not overlap the pod subnet, and cannot change after the cluster is created.",
		Doc:           docCLI,
		FixedAtCreate: true,
	}, {
		Key: "spec.network.ingress.controller",
		Text: "IKS runs the Ingress controller for you as ALBs in every zone. The era of IBM's 2019 guidance used Ingress-NGINX; " +
			"upstream Ingress-NGINX is retired and IKS is moving managed Ingress to Traefik (ingress classes " +
			"public-iks-traefik / private-iks-traefik). Both run during the transition.",
		Alternatives: "Ingress-NGINX only to keep existing annotations working while you migrate; none when " +
			"LoadBalancer services or private traffic are enough.",
		Doc: docTraefik,
	}, {
		Key: "spec.network.ingress.publicALB",
		Text: "IBM enables one public ALB per zone by default, behind the cluster's Ingress subdomain. Keep it for " +
			"internet-facing applications; put CIS in front of it for DDoS protection and WAF.",
		Doc: docTraefik,
	}, {
		Key: "spec.network.ingress.privateALB",
		Text: "Private ALBs are created disabled; enable them to serve Ingress to the private network only (VPN, " +
			"Direct Link, other VPCs).",
		Doc: docTraefik,
	}, {
		Key: "spec.firewall.networkPolicies",
		Text: "IBM's 2019 guidance (slide 36): IKS uses Calico for network control inside the cluster. A default-deny NetworkPolicy in " +
			"each application namespace, plus DNS and same-namespace allows, means a compromised pod cannot reach " +
			"everything else; each extra flow is then allowed on purpose.",
		Alternatives: "Without them every pod can reach every other pod in the cluster.",
		Doc:          docNetPolicies,
	}, {
		Key: "spec.firewall.calicoPolicies",
		Text: "IBM's 2019 guidance (slides 36–37): on classic, Calico also guards each worker's public and private interfaces " +
			"(host endpoints) with iptables rules applied by calicoctl, e.g. to let only CIS's addresses in. IBM's " +
			"default host policies must stay (they are recreated on master updates); IBM's published sets in " +
			"IBM-Cloud/kube-samples add lower-order policies: public network isolation (deny public egress except " +
			"what IKS needs), private network isolation, and pre-DNAT policies for NodePorts and load balancers.",
		Alternatives: "VPC clusters use security groups instead; a gateway appliance filters before traffic reaches " +
			"the workers.",
		Doc: docNetPolicies,
	}, {
		Key: "spec.firewall.cis.enabled",
		Text: "IBM's 2019 guidance (slide 38): Cloud Internet Services runs in Cloudflare's data centers worldwide and protects and " +
			"speeds up public applications: DDoS protection at layers 3, 4 and 7, a web application firewall, " +
			"TLS, fast DNS, a global load balancer with health checks (slide 11: across zones or clusters) and CDN " +
			"caching.",
		Alternatives: "A gateway appliance filters at the network edge of one zone; it is no DDoS shield or CDN.",
		Doc:          docCIS,
	}, {
		Key:  "spec.firewall.cis.instanceName",
		Text: "The CIS service instance (global, plan {plan:cis}) the runbook creates; one instance serves many domains.",
		Doc:  docCIS,
	}, {
		Key: "spec.firewall.cis.domain",
		Text: "The public domain CIS answers for. Its registrar must delegate the domain to CIS's name servers before " +
			"CIS takes over DNS — plan that change with whoever owns the domain.",
		Doc: docCIS,
	}, {
		Key: "spec.firewall.cis.features",
		Text: "Features named by IBM's 2019 guidance (slide 38): DDoS protection, WAF, TLS, DNS, global load balancing and CDN. Production " +
			"web traffic usually wants at least DDoS, WAF and TLS.",
		Doc: docCIS,
	}, {
		Key: "spec.firewall.gatewayAppliance",
		Text: "IBM's 2019 guidance (slide 37): gateway appliances — Virtual Router Appliance (Vyatta), Juniper vSRX, FortiGate — protect " +
			"the public and private VLANs with a single-tenant firewall and VPN gateway, but each covers a single " +
			"zone. In a multizone cluster you need one per zone, or all traffic funnels through one zone. IBM's " +
			"current orderability of VRA and FortiGate should be confirmed with IBM.",
		Alternatives: "Calico host policies and CIS give zone-independent protection without an appliance to run.",
		Doc:          "https://cloud.ibm.com/docs/containers?topic=containers-firewall",
	}}
}
