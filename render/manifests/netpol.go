package manifests

import (
	"net/netip"

	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/networkingv1"
)

// IKS facts the policies rely on.
const (
	// nsNameLabel is set by Kubernetes on every namespace (1.21+).
	nsNameLabel = "kubernetes.io/metadata.name"
	// kubeSystem holds CoreDNS and IBM's managed Ingress ALB pods (both
	// Ingress-NGINX and Traefik) on IKS.
	kubeSystem = "kube-system"
	// kubeDNSLabel selects the CoreDNS pods IKS runs behind the kube-dns service.
	kubeDNSLabelKey, kubeDNSLabelValue = "k8s-app", "kube-dns"
)

// The NodeLocal DNS cache address (on by default from Kubernetes 1.35) and
// IBM Cloud's private service endpoint network (Cloud Databases and
// Cloudant private endpoints, on ports that differ per instance) are the
// catalog's networks.nodeLocalDNS and networks.serviceEndpoints.

// dnsAddrs are the addresses pods resolve names at: the kube-dns service
// and the NodeLocal DNS cache, each as a /32.
type dnsAddrs struct{ Service, NodeLocal string }

// frontendLabel marks the pods the Ingress controller may reach. Only pods
// carrying it accept traffic from kube-system.
const frontendLabelKey, frontendLabelValue = "app.kubernetes.io/component", "frontend"

// networkPoliciesFile is 20-network-policies.yaml (spec.firewall.networkPolicies):
// per application namespace, deny everything, then allow DNS, traffic
// inside the namespace, the Ingress controller to web frontends, and IBM
// Cloud private endpoints where service credentials are bound.
func networkPoliciesFile(p *plan) file {
	f := file{
		path: "manifests/20-network-policies.yaml",
		intro: []string{
			"Default-deny NetworkPolicies with the allowances every application namespace needs.",
			"DNS may go to CoreDNS (kube-system, k8s-app=kube-dns) and, for IKS's NodeLocal DNS cache",
			"(default from 1.35), to the kube-dns service address " + p.dns.Service + " and " + p.dns.NodeLocal + ":",
			"the cache answers on the node, where pod and namespace selectors do not reach.",
			"Check the address with: kubectl -n kube-system get service kube-dns",
		},
	}
	ingress := p.s.Network.Ingress.Controller.IngressClass(true) != ""
	parts := newPolicyParts(p.dns)
	for _, n := range p.apps {
		f.docs = append(f.docs,
			doc{obj: denyAll(n.Name)},
			doc{obj: parts.allowDNS(n.Name)},
			doc{obj: parts.allowSameNamespace(n.Name)},
		)
		if ingress {
			f.docs = append(f.docs, doc{obj: parts.allowIngressController(n.Name)})
		}
		if p.s.IsVPC() && p.s.Storage.ObjectStorage.Enabled {
			f.docs = append(f.docs, doc{
				comment: []string{
					"Object Storage through its virtual private endpoint: on VPC, s3.direct.<region>.cloud-object-storage.appdomain.cloud",
					"resolves to VPE addresses inside the VPC's subnets, which default-deny-all blocks. HTTPS to the",
					"private networks is allowed, except to this cluster's pod and service subnets.",
				},
				obj: allowVPCEndpoints(n.Name, p.c.Catalog.Networks.PrivateNets, p.clusterNets()),
			})
		}
		if p.bindsServices(n.Name) {
			f.docs = append(f.docs, doc{
				comment: []string{"Bound IBM Cloud service credentials: pods reach the instances' private endpoints."},
				obj:     allowIBMServiceEndpoints(n.Name, p.c.Catalog.Networks.ServiceEndpoints),
			})
		}
	}
	return f
}

func netpol(ns, name string, spec networkingv1.NetworkPolicySpec) *networkingv1.NetworkPolicy {
	return &networkingv1.NetworkPolicy{
		TypeMeta:   metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "NetworkPolicy"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec:       spec,
	}
}

var (
	bothTypes   = []networkingv1.PolicyType{networkingv1.PolicyTypeIngress, networkingv1.PolicyTypeEgress}
	egressOnly  = []networkingv1.PolicyType{networkingv1.PolicyTypeEgress}
	ingressOnly = []networkingv1.PolicyType{networkingv1.PolicyTypeIngress}
)

func denyAll(ns string) *networkingv1.NetworkPolicy {
	return netpol(ns, "default-deny-all", networkingv1.NetworkPolicySpec{
		PodSelector: metav1.LabelSelector{},
		PolicyTypes: bothTypes,
	})
}

// dnsEgressRule reaches CoreDNS in kube-system on UDP and TCP 53, and the
// NodeLocal DNS cache: with it, queries to the kube-dns address are
// answered on the node without DNAT, so only address rules match them.
func dnsEgressRule(dns dnsAddrs) networkingv1.NetworkPolicyEgressRule {
	return networkingv1.NetworkPolicyEgressRule{
		To: []networkingv1.NetworkPolicyPeer{
			{
				NamespaceSelector: &metav1.LabelSelector{MatchLabels: map[string]string{nsNameLabel: kubeSystem}},
				PodSelector:       &metav1.LabelSelector{MatchLabels: map[string]string{kubeDNSLabelKey: kubeDNSLabelValue}},
			},
			{IPBlock: &networkingv1.IPBlock{CIDR: dns.Service}},
			{IPBlock: &networkingv1.IPBlock{CIDR: dns.NodeLocal}},
		},
		Ports: []networkingv1.NetworkPolicyPort{
			{Protocol: protocol(corev1.ProtocolUDP), Port: port(53)},
			{Protocol: protocol(corev1.ProtocolTCP), Port: port(53)},
		},
	}
}

// policyParts are the rules and selectors every namespace's default
// policies hold, built once per file and shared by all of them: objects
// are only read (emitted) once built, and a copy per namespace was two
// fifths of the manifests' allocations at 1,000 namespaces.
type policyParts struct {
	dnsEgress   []networkingv1.NetworkPolicyEgressRule
	sameIngress []networkingv1.NetworkPolicyIngressRule
	sameEgress  []networkingv1.NetworkPolicyEgressRule
	frontends   metav1.LabelSelector
	fromIngress []networkingv1.NetworkPolicyIngressRule
}

func newPolicyParts(dns dnsAddrs) *policyParts {
	same := []networkingv1.NetworkPolicyPeer{{PodSelector: &metav1.LabelSelector{}}}
	return &policyParts{
		dnsEgress:   []networkingv1.NetworkPolicyEgressRule{dnsEgressRule(dns)},
		sameIngress: []networkingv1.NetworkPolicyIngressRule{{From: same}},
		sameEgress:  []networkingv1.NetworkPolicyEgressRule{{To: same}},
		frontends:   metav1.LabelSelector{MatchLabels: map[string]string{frontendLabelKey: frontendLabelValue}},
		fromIngress: []networkingv1.NetworkPolicyIngressRule{{From: []networkingv1.NetworkPolicyPeer{ingressControllerPeer()}}},
	}
}

func (pp *policyParts) allowDNS(ns string) *networkingv1.NetworkPolicy {
	return netpol(ns, "allow-dns", networkingv1.NetworkPolicySpec{
		PodSelector: metav1.LabelSelector{},
		PolicyTypes: egressOnly,
		Egress:      pp.dnsEgress,
	})
}

func (pp *policyParts) allowSameNamespace(ns string) *networkingv1.NetworkPolicy {
	return netpol(ns, "allow-same-namespace", networkingv1.NetworkPolicySpec{
		PodSelector: metav1.LabelSelector{},
		PolicyTypes: bothTypes,
		Ingress:     pp.sameIngress,
		Egress:      pp.sameEgress,
	})
}

// ingressControllerPeer is where IKS runs its managed ALB pods. Their pod
// labels carry the cluster's ID, so the namespace is the stable selector.
func ingressControllerPeer() networkingv1.NetworkPolicyPeer {
	return networkingv1.NetworkPolicyPeer{
		NamespaceSelector: &metav1.LabelSelector{MatchLabels: map[string]string{nsNameLabel: kubeSystem}},
	}
}

func (pp *policyParts) allowIngressController(ns string) *networkingv1.NetworkPolicy {
	return netpol(ns, "allow-ingress-controller", networkingv1.NetworkPolicySpec{
		PodSelector: pp.frontends,
		PolicyTypes: ingressOnly,
		Ingress:     pp.fromIngress,
	})
}

func allowIBMServiceEndpoints(ns, serviceEndpoints string) *networkingv1.NetworkPolicy {
	return netpol(ns, "allow-ibm-private-endpoints", networkingv1.NetworkPolicySpec{
		PodSelector: metav1.LabelSelector{},
		PolicyTypes: egressOnly,
		Egress: []networkingv1.NetworkPolicyEgressRule{{
			To:    []networkingv1.NetworkPolicyPeer{{IPBlock: &networkingv1.IPBlock{CIDR: serviceEndpoints}}},
			Ports: []networkingv1.NetworkPolicyPort{{Protocol: protocol(corev1.ProtocolTCP)}},
		}},
	})
}

func protocol(p corev1.Protocol) *corev1.Protocol { return &p }

func port(n int) *intstr.IntOrString {
	v := intstr.FromInt32(int32(n))
	return &v
}

func namedPort(s string) *intstr.IntOrString {
	v := intstr.FromString(s)
	return &v
}

// allowVPCEndpoints lets pods reach IBM services through virtual private
// endpoint gateways in the VPC's subnets on TCP 443 (VPC clusters reach
// Object Storage's s3.direct endpoint through a VPE whose addresses are
// taken from the cluster's subnets: https://cloud.ibm.com/docs/containers?topic=containers-vpc-vpe): the private networks
// (where VPC subnets are), minus the cluster's own pod and service
// subnets, so namespace isolation inside the cluster stays.
func allowVPCEndpoints(ns string, privateNets, clusterNets []string) *networkingv1.NetworkPolicy {
	var peers []networkingv1.NetworkPolicyPeer
	for _, cidr := range privateNets {
		block, err := netip.ParsePrefix(cidr)
		if err != nil {
			continue
		}
		var except []string
		for _, c := range clusterNets {
			if inner, err := netip.ParsePrefix(c); err == nil && block.Bits() <= inner.Bits() && block.Contains(inner.Addr()) {
				except = append(except, inner.Masked().String())
			}
		}
		peers = append(peers, networkingv1.NetworkPolicyPeer{IPBlock: &networkingv1.IPBlock{CIDR: block.Masked().String(), Except: except}})
	}
	return netpol(ns, "allow-vpc-private-endpoints", networkingv1.NetworkPolicySpec{
		PodSelector: metav1.LabelSelector{},
		PolicyTypes: egressOnly,
		Egress: []networkingv1.NetworkPolicyEgressRule{{
			To:    peers,
			Ports: []networkingv1.NetworkPolicyPort{{Protocol: protocol(corev1.ProtocolTCP), Port: port(443)}},
		}},
	})
}
