package manifests

import (
	"github.com/iksplan/iksplan/model"
)

// The CIS (Cloudflare) proxy's source ranges, the API IBM serves the
// current list from and the date of the copy are the catalog's
// networks.cis (see its notes for where the copy comes from).

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
			"REFRESH the CIS ranges before applying: curl -s " + nets.Common.CIS.API,
			"(copy below as of " + nets.Common.CIS.AsOf + ", from Cloudflare's published list; IBM serves the current one only by API).",
			"ALB health checks stay allowed: TCP 80 from the IKS control plane and, on classic, Akamai's",
			"GTM liveness test (IBM-Cloud/kube-samples control-plane-ips/README.md).",
			"Other public load balancer services: add their ports to both policies.",
		},
	}
	f.docs = append(f.docs,
		doc{comment: []string{"CIS edge to the ALBs' HTTP and HTTPS ports."}, obj: allowCISIngress(nets)},
		doc{
			comment: []string{
				"IKS control plane health checks of the ALBs (multizone load balancer) on TCP 80:",
				nets.kubeSamplesURL(nets.HealthCheckFile),
			},
			obj: allowALBHealthChecks(nets),
		},
		doc{
			comment: []string{
				"Akamai GTM liveness test of the Ingress domain's ALBs (classic; TCP 80, and 443 for HTTPS monitors):",
				nets.Common.Akamai.Source + " at " + nets.Common.Akamai.Commit + ".",
			},
			obj: allowAkamaiLiveness(nets),
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

func allowCISIngress(nets classicRegionNets) *calicoPolicy {
	return globalPolicy("allow-cis-to-public-ingress",
		preDNATSpec(cisAllowOrder, []rule{allowFrom(protoTCP, nets.Common.CIS.Ranges, ports(80, 443)...)}))
}

func allowALBHealthChecks(nets classicRegionNets) *calicoPolicy {
	return globalPolicy("allow-iks-alb-health-checks",
		preDNATSpec(cisAllowOrder, []rule{allowFrom(protoTCP, nets.HealthCheck, onePort(80))}))
}

func allowAkamaiLiveness(nets classicRegionNets) *calicoPolicy {
	return globalPolicy("allow-akamai-alb-liveness",
		preDNATSpec(cisAllowOrder, []rule{allowFrom(protoTCP, nets.Common.Akamai.Ranges, ports(80, 443)...)}))
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
