// Package appsv1 mirrors k8s.io/api/apps/v1 (v0.37.2): see internal/kube.
package appsv1

import (
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// DaemonSet is k8s.io/api/apps/v1.DaemonSet.
type DaemonSet struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              DaemonSetSpec `json:"spec,omitempty"`
}

// DaemonSetSpec is k8s.io/api/apps/v1.DaemonSetSpec.
type DaemonSetSpec struct {
	Selector       *metav1.LabelSelector   `json:"selector"`
	Template       corev1.PodTemplateSpec  `json:"template"`
	UpdateStrategy DaemonSetUpdateStrategy `json:"updateStrategy,omitempty"`
}

// DaemonSetUpdateStrategy is k8s.io/api/apps/v1.DaemonSetUpdateStrategy.
type DaemonSetUpdateStrategy struct {
}

// Deployment is k8s.io/api/apps/v1.Deployment.
type Deployment struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              DeploymentSpec `json:"spec,omitempty"`
}

// DeploymentSpec is k8s.io/api/apps/v1.DeploymentSpec.
type DeploymentSpec struct {
	Replicas *int32                 `json:"replicas,omitempty"`
	Selector *metav1.LabelSelector  `json:"selector"`
	Template corev1.PodTemplateSpec `json:"template"`
	Strategy DeploymentStrategy     `json:"strategy,omitempty"`
}

// DeploymentStrategy is k8s.io/api/apps/v1.DeploymentStrategy.
type DeploymentStrategy struct {
	Type          DeploymentStrategyType   `json:"type,omitempty"`
	RollingUpdate *RollingUpdateDeployment `json:"rollingUpdate,omitempty"`
}

// DeploymentStrategyType is k8s.io/api/apps/v1.DeploymentStrategyType.
type DeploymentStrategyType string

// RollingUpdateDeployment is k8s.io/api/apps/v1.RollingUpdateDeployment.
type RollingUpdateDeployment struct {
	MaxUnavailable *intstr.IntOrString `json:"maxUnavailable,omitempty"`
	MaxSurge       *intstr.IntOrString `json:"maxSurge,omitempty"`
}

// StatefulSet is k8s.io/api/apps/v1.StatefulSet.
type StatefulSet struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              StatefulSetSpec `json:"spec,omitempty"`
}

// StatefulSetSpec is k8s.io/api/apps/v1.StatefulSetSpec.
type StatefulSetSpec struct {
	Selector       *metav1.LabelSelector     `json:"selector"`
	Template       corev1.PodTemplateSpec    `json:"template"`
	ServiceName    string                    `json:"serviceName"`
	UpdateStrategy StatefulSetUpdateStrategy `json:"updateStrategy,omitempty"`
}

// StatefulSetUpdateStrategy is k8s.io/api/apps/v1.StatefulSetUpdateStrategy.
type StatefulSetUpdateStrategy struct {
}

const DefaultDeploymentUniqueLabelKey = "pod-template-hash"

const RollingUpdateDeploymentStrategyType DeploymentStrategyType = "RollingUpdate"
