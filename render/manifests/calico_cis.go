package manifests

import (
	"github.com/iksplan/iksplan/model"
)

// cisSourceRanges are the IPv4 ranges the CIS (Cloudflare) proxy connects
// to origins from. IBM publishes them only through an API
// (https://cloud.ibm.com/docs/cis?topic=cis-cis-allowlisted-ip-addresses,
// lastupdated 2024-07-17: "https://api.cis.cloud.ibm.com/v1/ips", to be
// polled weekly). This copy is Cloudflare's published IPv4 list
// (https://www.cloudflare.com/ips-v4) in its newest dated copy found, the
// MISP warning list "cloudflare" version 20261014; every other copy agreed.
// It could not be checked against IBM's API from here.
// cisRangesAsOf goes into the rendered file so the operator knows to refresh.
var cisSourceRanges = []string{
	"173.245.48.0/20",
	"103.21.244.0/22",
	"103.22.200.0/22",
	"103.31.4.0/22",
	"141.101.64.0/18",
	"108.162.192.0/18",
	"190.93.240.0/20",
	"188.114.96.0/20",
	"197.234.240.0/22",
	"198.41.128.0/17",
	"162.158.0.0/15",
	"104.16.0.0/13",
	"104.24.0.0/14",
	"172.64.0.0/13",
	"131.0.72.0/22",
}

const (
	cisRangesAsOf = "2026-10-14"
	cisRangesAPI  = "https://api.cis.cloud.ibm.com/v1/ips"
)

// Orders of the pre-DNAT policies, as in IBM's tutorial
// (https://cloud.ibm.com/docs/containers?topic=containers-policy_tutorial):
// the allowlist at 500 is evaluated before the deny at 1100.
const (
	cisAllowOrder = 500
	cisDenyOrder  = 1100
)

// cisOnlyFile is the pre-DNAT policy set that lets only CIS reach the
// Ingress ALBs on the workers' public interface, and nobody reach public
// NodePorts. Pre-DNAT policies see the address and port a client used
// (the ALB's public IP, the NodePort) before kube-proxy rewrites them.
func cisOnlyFile(s *model.Spec, nets classicRegionNets) file {
	f := file{
		path: calicoCISPath,
		intro: []string{
			"Only Cloud Internet Services reaches the public Ingress ALBs; public NodePorts are closed.",
			"Pre-DNAT policies as in https://cloud.ibm.com/docs/containers?topic=containers-network_policies#block_ingress.",
			"REFRESH the CIS ranges before applying: curl -s " + cisRangesAPI,
			"(copy below as of " + cisRangesAsOf + ", from Cloudflare's published list; IBM serves the current one only by API).",
			"If you use IBM's Ingress domain health monitoring (Akamai/NS1), also allow its ranges",
			"(https://cloud.ibm.com/docs/containers?topic=containers-firewall#firewall-ingress-domain-monitor).",
			"Other public load balancer services: add their ports to both policies.",
		},
	}
	f.docs = append(f.docs,
		doc{comment: []string{"CIS edge to the ALBs' HTTP and HTTPS ports."}, obj: allowCISIngress()},
		doc{
			comment: []string{
				"IKS control plane health checks of the ALBs (multizone load balancer) on TCP 80:",
				kubeSamplesURL(nets.HealthCheckFile),
			},
			obj: allowALBHealthChecks(nets),
		},
		doc{comment: []string{"Everyone else: no HTTP(S) to the ALBs, no public NodePorts."}, obj: denyPublicIngress()},
	)
	return f
}

func preDNATSpec(ord float64, ingress []rule) policySpec {
	return policySpec{
		Order: order(ord), Selector: selWorkerPublic, Types: []policyType{typeIngress},
		Ingress: ingress, PreDNAT: true, ApplyOnForward: true,
	}
}

func allowCISIngress() *calicoPolicy {
	return globalPolicy("allow-cis-to-public-ingress",
		preDNATSpec(cisAllowOrder, []rule{allowFrom(protoTCP, cisSourceRanges, ports(80, 443)...)}))
}

func allowALBHealthChecks(nets classicRegionNets) *calicoPolicy {
	return globalPolicy("allow-iks-alb-health-checks",
		preDNATSpec(cisAllowOrder, []rule{allowFrom(protoTCP, nets.HealthCheck, onePort(80))}))
}

func denyPublicIngress() *calicoPolicy {
	deny := func(p *protocolID, ps ...portOrSpan) rule {
		return rule{Action: actionDeny, Protocol: p, Source: &entityRule{}, Destination: &entityRule{Ports: ps}}
	}
	return globalPolicy("deny-public-ingress-except-cis", preDNATSpec(cisDenyOrder, []rule{
		deny(protoTCP, onePort(80), onePort(443), portSpan(30000, 32767)),
		deny(protoUDP, portSpan(30000, 32767)),
	}))
}
