package manifests

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The small part of Calico's projectcalico.org/v3 API that iksplan writes:
// GlobalNetworkPolicy and (namespaced) NetworkPolicy. The Go types module
// github.com/projectcalico/api is not available to this build, so the
// fields are declared here with Calico's JSON names
// (https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy).
// They are marshalled like the Kubernetes objects, so no value can break
// the YAML.

const calicoAPIVersion = "projectcalico.org/v3"

// Calico kinds.
const (
	kindGlobalNetworkPolicy = "GlobalNetworkPolicy"
	kindCalicoNetworkPolicy = "NetworkPolicy"
)

// calicoPolicy is a GlobalNetworkPolicy or a Calico NetworkPolicy.
type calicoPolicy struct {
	APIVersion string     `json:"apiVersion"`
	Kind       string     `json:"kind"`
	Metadata   calicoMeta `json:"metadata"`
	Spec       policySpec `json:"spec"`
}

type calicoMeta struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
}

type policySpec struct {
	// Order: lower orders are evaluated first. Calico takes a float; IBM's
	// policies use whole numbers.
	Order    *float64     `json:"order,omitempty"`
	Selector string       `json:"selector,omitempty"`
	Types    []policyType `json:"types,omitempty"`
	Ingress  []rule       `json:"ingress,omitempty"`
	Egress   []rule       `json:"egress,omitempty"`
	// PreDNAT applies the ingress rules before kube-proxy's DNAT, i.e. to
	// the NodePort or load balancer address a client used.
	PreDNAT        bool `json:"preDNAT,omitempty"`
	ApplyOnForward bool `json:"applyOnForward,omitempty"`
	DoNotTrack     bool `json:"doNotTrack,omitempty"`
}

type policyType string

const (
	typeIngress policyType = "Ingress"
	typeEgress  policyType = "Egress"
)

type action string

const (
	actionAllow action = "Allow"
	actionDeny  action = "Deny"
	actionLog   action = "Log"
	actionPass  action = "Pass"
)

type rule struct {
	Action      action      `json:"action"`
	Protocol    *protocolID `json:"protocol,omitempty"`
	Source      *entityRule `json:"source,omitempty"`
	Destination *entityRule `json:"destination,omitempty"`
}

type entityRule struct {
	Nets              []string     `json:"nets,omitempty"`
	NotNets           []string     `json:"notNets,omitempty"`
	Selector          string       `json:"selector,omitempty"`
	NamespaceSelector string       `json:"namespaceSelector,omitempty"`
	Ports             []portOrSpan `json:"ports,omitempty"`
}

// protocolID is a protocol name (TCP, UDP, ICMP, …) or an IP protocol
// number (112 for VRRP), as Calico's numorstring.Protocol.
type protocolID struct {
	Name   string
	Number int
}

var (
	protoTCP  = &protocolID{Name: "TCP"}
	protoUDP  = &protocolID{Name: "UDP"}
	protoICMP = &protocolID{Name: "ICMP"}
	protoVRRP = &protocolID{Number: 112}
)

func (p protocolID) MarshalJSON() ([]byte, error) {
	if p.Name != "" {
		return json.Marshal(p.Name)
	}
	return json.Marshal(p.Number)
}

func (p *protocolID) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &p.Name)
	}
	return json.Unmarshal(b, &p.Number)
}

// portOrSpan is one port (53) or an inclusive range ("2040:2041"), as
// Calico's numorstring.Port.
type portOrSpan struct {
	Min, Max int
}

func onePort(n int) portOrSpan       { return portOrSpan{n, n} }
func portSpan(lo, hi int) portOrSpan { return portOrSpan{lo, hi} }

func ports(ns ...int) []portOrSpan {
	out := make([]portOrSpan, len(ns))
	for i, n := range ns {
		out[i] = onePort(n)
	}
	return out
}

func (p portOrSpan) MarshalJSON() ([]byte, error) {
	if p.Min == p.Max {
		return json.Marshal(p.Min)
	}
	return json.Marshal(fmt.Sprintf("%d:%d", p.Min, p.Max))
}

func (p *portOrSpan) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] != '"' {
		if err := json.Unmarshal(b, &p.Min); err != nil {
			return err
		}
		p.Max = p.Min
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	lo, hi, ok := strings.Cut(s, ":")
	var err1, err2 error
	p.Min, err1 = strconv.Atoi(lo)
	p.Max, err2 = strconv.Atoi(hi)
	if !ok || err1 != nil || err2 != nil {
		return fmt.Errorf("port %q is not a number or a min:max range", s)
	}
	return nil
}

func order(n float64) *float64 { return &n }

func globalPolicy(name string, spec policySpec) *calicoPolicy {
	return &calicoPolicy{APIVersion: calicoAPIVersion, Kind: kindGlobalNetworkPolicy,
		Metadata: calicoMeta{Name: name}, Spec: spec}
}

func namespacedPolicy(ns, name string, spec policySpec) *calicoPolicy {
	return &calicoPolicy{APIVersion: calicoAPIVersion, Kind: kindCalicoNetworkPolicy,
		Metadata: calicoMeta{Name: name, Namespace: ns}, Spec: spec}
}

// Rule helpers, named after what IBM's YAML says.

func allowTo(proto *protocolID, nets []string, ps ...portOrSpan) rule {
	return rule{Action: actionAllow, Protocol: proto, Destination: &entityRule{Nets: nets, Ports: ps}}
}

func allowFrom(proto *protocolID, nets []string, ps ...portOrSpan) rule {
	r := rule{Action: actionAllow, Protocol: proto, Source: &entityRule{Nets: nets}}
	if len(ps) > 0 {
		r.Destination = &entityRule{Ports: ps}
	}
	return r
}

// tcpAndUDP repeats a rule for both protocols, as IBM's policies do.
func tcpAndUDP(f func(p *protocolID) rule) []rule {
	return []rule{f(protoUDP), f(protoTCP)}
}
