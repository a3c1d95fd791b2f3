// Package policyv1 mirrors k8s.io/api/policy/v1 (v0.37.2): see internal/kube.
package policyv1

import (
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// PodDisruptionBudget is k8s.io/api/policy/v1.PodDisruptionBudget.
type PodDisruptionBudget struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              PodDisruptionBudgetSpec `json:"spec,omitempty"`
}

// PodDisruptionBudgetSpec is k8s.io/api/policy/v1.PodDisruptionBudgetSpec.
type PodDisruptionBudgetSpec struct {
	Selector                   *metav1.LabelSelector           `json:"selector,omitempty"`
	MaxUnavailable             *intstr.IntOrString             `json:"maxUnavailable,omitempty"`
	UnhealthyPodEvictionPolicy *UnhealthyPodEvictionPolicyType `json:"unhealthyPodEvictionPolicy,omitempty"`
}

// UnhealthyPodEvictionPolicyType is k8s.io/api/policy/v1.UnhealthyPodEvictionPolicyType.
type UnhealthyPodEvictionPolicyType string

const AlwaysAllow UnhealthyPodEvictionPolicyType = "AlwaysAllow"
