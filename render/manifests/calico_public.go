package manifests

import (
	"net/netip"
)

// The addresses IBM's policies name in every region (the master API
// server / etcd local proxy on workers, ports 2040–2041; the kubernetes
// service IPs) come from the catalog's networks section (nets.Common).

// publicIsolationFile is IBM's public-network-isolation set for the
// region, typed: every policy IBM marks required for Kubernetes clusters,
// with deny-all-outbound-public last. IBM's default host policies
// (allow-all-outbound, allow-all-private-default, allow-bigfix-port,
// allow-icmp, allow-node-port-dnat, allow-sys-mgmt, allow-vrrp) stay as
// they are; deny-all-outbound-public (order 1850) sorts before
// allow-all-outbound and so restricts it.
func publicIsolationFile(region string, nets classicRegionNets, pod, svc netip.Prefix) file {
	dir := "calico-policies/public-network-isolation/" + region + "/"
	src := func(name string) []string {
		return []string{"IBM " + name + ": " + nets.kubeSamplesURL(dir+name+".yaml")}
	}
	f := file{
		path: calicoPublicPath,
		intro: []string{
			"IBM's public network isolation for classic workers (calicoctl apply -f, in this order).",
			"Source: IBM-Cloud/kube-samples " + dir + " @ " + nets.shortCommit() + ";",
			"IBM updates the master addresses there: watch the repository and re-render.",
			"Keeps IBM's default host policies; only adds policies with lower order numbers.",
			"Pods may then reach only the ports below on the public network, plus what Kubernetes",
			"NetworkPolicies allow; add policies for in-cluster webhooks and extension API servers.",
		},
	}
	f.docs = append(f.docs,
		doc{comment: src("allow-egress-pods-public"), obj: allowEgressPodsPublic(nets)},
		doc{comment: append(src("allow-ibm-ports-public"), podSubnetNote(nets, pod)...), obj: allowIBMPortsPublic(nets, pod, svc)},
		doc{comment: src("allow-public-service-endpoint"), obj: allowPublicServiceEndpoint(nets)},
		doc{comment: src("allow-konnectivity"), obj: allowKonnectivity()},
		doc{comment: src("allow-k8s-master-to-dashboard"), obj: allowMasterToDashboard()},
		doc{comment: append(src("deny-all-outbound-public"), "Applied last: everything above is allowed first."), obj: denyAllOutboundPublic()},
	)
	return f
}

func podSubnetNote(nets classicRegionNets, pod netip.Prefix) []string {
	def := nets.Common.ClassicPodSubnet
	if pod.String() == def {
		return nil
	}
	return []string{"The design's pod subnet " + pod.String() + " replaces IBM's default " + def + ", as IBM instructs."}
}

// allowEgressPodsPublic: ports pods need (DNS, NFS, block storage,
// metrics-server, the master proxy) and the region's masters.
func allowEgressPodsPublic(nets classicRegionNets) *calicoPolicy {
	egress := anySource(
		allowTo(protoUDP, nil, ports(53, 5353, 443, 2049, 3260, 10250)...),
		// 4443: metrics-server (Kubernetes 1.19+); 6443: OpenShift 4.3+ (kept as IBM publishes it).
		allowTo(protoTCP, nil, ports(53, 5353, 443, 4443, 6443, 2049, 3260, 10250)...),
	)
	egress = append(egress, tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.Common.EtcdProxy, portSpan(2040, 2041)) })...)
	egress = append(egress, anySource(tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.PublicMaster, portSpan(20000, 32767)) })...)...)
	return globalPolicy("allow-egress-pods-public", policySpec{
		Order: order(1500), Selector: selAllPods, Types: []policyType{typeEgress}, Egress: egress,
	})
}

// allowIBMPortsPublic: ports workers need on their public interface.
func allowIBMPortsPublic(nets classicRegionNets, pod, svc netip.Prefix) *calicoPolicy {
	apiIPs := append([]string(nil), nets.Common.APIServerLocal...)
	if first := svc.Addr().Next(); svc.String() != nets.Common.ServiceSubnet {
		// A custom service subnet moves the kubernetes service IP to its first address.
		apiIPs = append(apiIPs, netip.PrefixFrom(first, 32).String())
	}
	egress := anySource(tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nil, ports(53, 5353, 443, 2049, 3260, 5473)...) })...)
	egress = append(egress, tcpAndUDP(func(p *protocolID) rule { return allowTo(p, apiIPs, onePort(443)) })...)
	egress = append(egress, tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nets.Common.EtcdProxy, portSpan(2040, 2041)) })...)
	// Worker to ClusterIP service traffic (projectcalico/felix#2582): the pod subnet.
	egress = append(egress, rule{Action: actionAllow, Destination: &entityRule{Nets: []string{pod.String()}}})
	ingress := anySource(tcpAndUDP(func(p *protocolID) rule { return allowTo(p, nil, ports(53, 5353, 52311)...) })...)
	return globalPolicy("allow-ibm-ports-public", policySpec{
		Order: order(1500), Selector: selWorkerPublic, Types: []policyType{typeIngress, typeEgress},
		Ingress: ingress, Egress: egress,
	})
}

// allowPublicServiceEndpoint: workers to the region's masters through the
// public service endpoint, in every zone of the region.
func allowPublicServiceEndpoint(nets classicRegionNets) *calicoPolicy {
	egress := anySource(tcpAndUDP(func(p *protocolID) rule {
		return allowTo(p, nets.PublicMaster, portSpan(20000, 32767), onePort(443))
	})...)
	return globalPolicy("allow-public-service-endpoint", policySpec{
		Order: order(1500), Selector: selWorkerPublic, Types: []policyType{typeEgress}, Egress: egress,
	})
}

// allowKonnectivity: the konnectivity agents carry kubectl logs, exec,
// port-forward and webhook calls from the master; they may connect anywhere.
func allowKonnectivity() *calicoPolicy {
	return namespacedPolicy(kubeSystem, "allow-konnectivity", policySpec{
		Order:    order(1000),
		Selector: "app == 'konnectivity-agent' || k8s-app == 'konnectivity-agent'",
		Types:    []policyType{typeEgress},
		Egress:   []rule{everything(actionAllow)},
	})
}

// allowMasterToDashboard: konnectivity traffic to the Kubernetes dashboard
// (IBM marks it required for Kubernetes, not OpenShift).
func allowMasterToDashboard() *calicoPolicy {
	return namespacedPolicy(kubeSystem, "allow-k8s-master-to-dashboard-via-vpn", policySpec{
		Order:    order(1000),
		Selector: "kubernetes-dashboard-policy == 'allow'",
		Types:    []policyType{typeEgress},
		Egress: []rule{{
			Action: actionAllow, Protocol: protoTCP,
			Destination: &entityRule{Selector: "k8s-app == 'kubernetes-dashboard'", Ports: ports(8443, 443)},
		}},
	})
}

func denyAllOutboundPublic() *calicoPolicy {
	return globalPolicy("deny-all-outbound-public", policySpec{
		Order: order(1850), Selector: selWorkerPublic, Types: []policyType{typeEgress},
		Egress: []rule{everything(actionDeny)},
	})
}

// anySource writes IBM's explicit "source: {}" on rules that have no
// source, so the typed policy reads like IBM's file.
func anySource(rs ...rule) []rule {
	for i := range rs {
		if rs[i].Source == nil {
			rs[i].Source = &entityRule{}
		}
	}
	return rs
}

// everything is a rule for any source and destination ("source: {}",
// "destination: {}" in IBM's files).
func everything(a action) rule {
	return rule{Action: a, Source: &entityRule{}, Destination: &entityRule{}}
}
