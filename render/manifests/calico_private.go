package manifests

import (
	"net/netip"
	"strings"

	"github.com/iksplan/iksplan/model"
)

// The RFC 1918 networks IBM's private set keeps pods from reaching (other
// resources on the account's private network) are the catalog's
// networks.privateNets (nets.Common.PrivateNets).

// privateIsolationFile is IBM's private-network-isolation set for the
// region, typed: it limits the workers' private interface to the cluster,
// the masters and IBM's infrastructure, with deny-all-private-default
// (order 99900) last, before IBM's default allow-all-private-default.
// allow-vrrp-private is included because IKS load balancers and ALBs move
// their addresses with VRRP. The OpenShift 3.11 host endpoints and the
// optional allow-private-services policies (stale logging addresses) are
// left out.
func privateIsolationFile(s *model.Spec, nets classicRegionNets, pod netip.Prefix) file {
	dir := "calico-policies/private-network-isolation/" + s.Region + "/"
	src := func(name string) []string {
		return []string{"IBM " + name + ": " + nets.kubeSamplesURL(dir+name+".yaml")}
	}
	f := file{
		path: calicoPrivatePath,
		intro: []string{
			"IBM's private network isolation for classic workers (calicoctl apply -f, in this order).",
			"Source: IBM-Cloud/kube-samples " + dir + " @ " + nets.shortCommit() + ";",
			"IBM updates the master addresses there: watch the repository and re-render.",
			"Pods can no longer reach other hosts on " + orList(nets.Common.PrivateNets),
			"unless a policy allows it.",
		},
	}
	f.docs = append(f.docs,
		doc{comment: append(src("allow-all-workers-private"), podSubnetNote(nets, pod)...), obj: allowAllWorkersPrivate(pod)},
		doc{comment: src("allow-egress-pods-private"), obj: allowEgressPodsPrivate(nets)},
		doc{comment: src("allow-ibm-ports-private"), obj: allowIBMPortsPrivate(nets)},
		doc{comment: src("allow-icmp-private"), obj: allowICMPPrivate()},
		doc{comment: src("allow-private-service-endpoint"), obj: allowPrivateServiceEndpoint(nets)},
		doc{comment: src("allow-sys-mgmt-private"), obj: allowSysMgmtPrivate(nets)},
		doc{comment: src("allow-vrrp-private"), obj: allowVRRPPrivate()},
	)
	if db := s.Storage.DatabaseOnIaaS; db.Enabled && db.PrivateCIDR != "" {
		if p, err := model.ParseCIDR(db.PrivateCIDR); err == nil {
			f.docs = append(f.docs, doc{
				comment: []string{"Not IBM's: the design's self-run database network (spec.storage.databaseOnIaaS),",
					"which allow-egress-pods-private would otherwise block."},
				obj: allowPodsToDatabaseIaaS(p),
			})
		}
	}
	f.docs = append(f.docs, doc{
		comment: append(src("deny-all-private-default"), "Applied last: everything above is allowed first."),
		obj:     denyAllPrivateDefault(),
	})
	return f
}

func allowAllWorkersPrivate(pod netip.Prefix) *calicoPolicy {
	return globalPolicy("allow-all-workers-private", policySpec{
		Order: order(1950), Selector: selWorkerPrivate, Types: []policyType{typeEgress, typeIngress},
		Egress: anySource(
			rule{Action: actionAllow, Destination: &entityRule{Selector: selWorkerPrivate}},
			rule{Action: actionAllow, Destination: &entityRule{Nets: []string{pod.String()}}},
		),
		Ingress: []rule{{Action: actionAllow, Source: &entityRule{Selector: selWorkerPrivate}, Destination: &entityRule{}}},
	})
}

func allowEgressPodsPrivate(nets classicRegionNets) *calicoPolicy {
	egress := anySource(
		allowTo(protoUDP, nil, ports(53, 5353, 443, 2049, 3260, 10250)...),
		allowTo(protoTCP, nil, ports(53, 5353, 443, 4443, 6443, 2049, 3260, 10250)...),
	)
	egress = append(egress, tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.Common.EtcdProxy, portSpan(2040, 2041)) })...)
	egress = append(egress, anySource(
		// Pod to pod anywhere in the cluster.
		rule{Action: actionAllow, Destination: &entityRule{Selector: selAllPods}},
		// Anything that is not a private network (public egress stays as it was).
		rule{Action: actionAllow, Destination: &entityRule{NotNets: nets.Common.PrivateNets}},
	)...)
	egress = append(egress, anySource(tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.PrivateMaster, portSpan(20000, 32767)) })...)...)
	return globalPolicy("allow-egress-pods-private", policySpec{
		Order: order(1500), Selector: selAllPods, Types: []policyType{typeEgress}, Egress: egress,
	})
}

func allowIBMPortsPrivate(nets classicRegionNets) *calicoPolicy {
	egress := anySource(tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nil, ports(53, 5353, 2049, 3260, 5473)...) })...)
	egress = append(egress, tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.Common.EtcdProxy, portSpan(2040, 2041)) })...)
	egress = append(egress, tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.Common.APIServerLocal, onePort(443)) })...)
	ingress := anySource(tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nil, ports(53, 5353, 10250, 52311)...) })...)
	return globalPolicy("allow-ibm-ports-private", policySpec{
		Order: order(1500), Selector: selWorkerPrivate, Types: []policyType{typeIngress, typeEgress},
		Ingress: ingress, Egress: egress,
	})
}

func allowICMPPrivate() *calicoPolicy {
	r := everything(actionAllow)
	r.Protocol = protoICMP
	return globalPolicy("allow-icmp-private", policySpec{
		Order: order(1500), Selector: selWorkerPrivate, Types: []policyType{typeIngress}, Ingress: []rule{r},
	})
}

func allowPrivateServiceEndpoint(nets classicRegionNets) *calicoPolicy {
	egress := anySource(tcpAndUDP(func(p *protocolID) rule {
		return allowTo(p, nets.PrivateMaster, portSpan(20000, 32767), onePort(443))
	})...)
	return globalPolicy("allow-private-service-endpoint", policySpec{
		Order: order(1900), Selector: selWorkerPrivate, Types: []policyType{typeEgress}, Egress: egress,
	})
}

func allowSysMgmtPrivate(nets classicRegionNets) *calicoPolicy {
	return globalPolicy("allow-sys-mgmt-private", policySpec{
		Order: order(1800), Selector: selWorkerPrivate, Types: []policyType{typeEgress, typeIngress},
		Egress:  anySource(rule{Action: actionAllow, Destination: &entityRule{Nets: nets.SysMgmtPrivate}}),
		Ingress: []rule{{Action: actionAllow, Source: &entityRule{Nets: nets.SysMgmtPrivate}, Destination: &entityRule{}}},
	})
}

func allowVRRPPrivate() *calicoPolicy {
	r := everything(actionAllow)
	r.Protocol = protoVRRP
	return globalPolicy("allow-vrrp-private", policySpec{
		Order: order(1500), Selector: selWorkerPrivate, Types: []policyType{typeIngress, typeEgress},
		Ingress: []rule{r}, Egress: []rule{r},
	})
}

func allowPodsToDatabaseIaaS(p netip.Prefix) *calicoPolicy {
	return globalPolicy("allow-egress-pods-database-iaas", policySpec{
		Order: order(1500), Selector: selAllPods, Types: []policyType{typeEgress},
		Egress: anySource(rule{Action: actionAllow, Protocol: protoTCP, Destination: &entityRule{Nets: []string{p.String()}}}),
	})
}

func denyAllPrivateDefault() *calicoPolicy {
	return globalPolicy("deny-all-private-default", policySpec{
		Order: order(99900), Selector: selWorkerPrivate, Types: []policyType{typeEgress, typeIngress},
		Egress: []rule{everything(actionDeny)}, Ingress: []rule{everything(actionDeny)},
	})
}

// orList writes nets as "a, b or c".
func orList(nets []string) string {
	if len(nets) < 2 {
		return strings.Join(nets, "")
	}
	return strings.Join(nets[:len(nets)-1], ", ") + " or " + nets[len(nets)-1]
}
