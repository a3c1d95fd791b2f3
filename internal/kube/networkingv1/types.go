// Package networkingv1 mirrors k8s.io/api/networking/v1 (v0.37.2): see internal/kube.
package networkingv1

import (
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// HTTPIngressPath is k8s.io/api/networking/v1.HTTPIngressPath.
type HTTPIngressPath struct {
	Path     string         `json:"path,omitempty"`
	PathType *PathType      `json:"pathType"`
	Backend  IngressBackend `json:"backend"`
}

// HTTPIngressRuleValue is k8s.io/api/networking/v1.HTTPIngressRuleValue.
type HTTPIngressRuleValue struct {
	Paths []HTTPIngressPath `json:"paths"`
}

// IPBlock is k8s.io/api/networking/v1.IPBlock.
type IPBlock struct {
	CIDR   string   `json:"cidr"`
	Except []string `json:"except,omitempty"`
}

// Ingress is k8s.io/api/networking/v1.Ingress.
type Ingress struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              IngressSpec `json:"spec,omitempty"`
}

// IngressBackend is k8s.io/api/networking/v1.IngressBackend.
type IngressBackend struct {
	Service *IngressServiceBackend `json:"service,omitempty"`
}

// IngressRule is k8s.io/api/networking/v1.IngressRule.
type IngressRule struct {
	Host             string `json:"host,omitempty"`
	IngressRuleValue `json:""`
}

// IngressRuleValue is k8s.io/api/networking/v1.IngressRuleValue.
type IngressRuleValue struct {
	HTTP *HTTPIngressRuleValue `json:"http,omitempty"`
}

// IngressServiceBackend is k8s.io/api/networking/v1.IngressServiceBackend.
type IngressServiceBackend struct {
	Name string             `json:"name"`
	Port ServiceBackendPort `json:"port,omitempty"`
}

// IngressSpec is k8s.io/api/networking/v1.IngressSpec.
type IngressSpec struct {
	IngressClassName *string       `json:"ingressClassName,omitempty"`
	Rules            []IngressRule `json:"rules,omitempty"`
}

// NetworkPolicy is k8s.io/api/networking/v1.NetworkPolicy.
type NetworkPolicy struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              NetworkPolicySpec `json:"spec,omitempty"`
}

// NetworkPolicyEgressRule is k8s.io/api/networking/v1.NetworkPolicyEgressRule.
type NetworkPolicyEgressRule struct {
	Ports []NetworkPolicyPort `json:"ports,omitempty"`
	To    []NetworkPolicyPeer `json:"to,omitempty"`
}

// NetworkPolicyIngressRule is k8s.io/api/networking/v1.NetworkPolicyIngressRule.
type NetworkPolicyIngressRule struct {
	Ports []NetworkPolicyPort `json:"ports,omitempty"`
	From  []NetworkPolicyPeer `json:"from,omitempty"`
}

// NetworkPolicyPeer is k8s.io/api/networking/v1.NetworkPolicyPeer.
type NetworkPolicyPeer struct {
	PodSelector       *metav1.LabelSelector `json:"podSelector,omitempty"`
	NamespaceSelector *metav1.LabelSelector `json:"namespaceSelector,omitempty"`
	IPBlock           *IPBlock              `json:"ipBlock,omitempty"`
}

// NetworkPolicyPort is k8s.io/api/networking/v1.NetworkPolicyPort.
type NetworkPolicyPort struct {
	Protocol *corev1.Protocol    `json:"protocol,omitempty"`
	Port     *intstr.IntOrString `json:"port,omitempty"`
}

// NetworkPolicySpec is k8s.io/api/networking/v1.NetworkPolicySpec.
type NetworkPolicySpec struct {
	PodSelector metav1.LabelSelector       `json:"podSelector"`
	Ingress     []NetworkPolicyIngressRule `json:"ingress,omitempty"`
	Egress      []NetworkPolicyEgressRule  `json:"egress,omitempty"`
	PolicyTypes []PolicyType               `json:"policyTypes,omitempty"`
}

// PathType is k8s.io/api/networking/v1.PathType.
type PathType string

// PolicyType is k8s.io/api/networking/v1.PolicyType.
type PolicyType string

// ServiceBackendPort is k8s.io/api/networking/v1.ServiceBackendPort.
type ServiceBackendPort struct {
	Name string `json:"name,omitempty"`
}

const PathTypePrefix PathType = "Prefix"

const PolicyTypeEgress PolicyType = "Egress"

const PolicyTypeIngress PolicyType = "Ingress"
