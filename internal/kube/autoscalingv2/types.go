// Package autoscalingv2 mirrors k8s.io/api/autoscaling/v2 (v0.37.2): see internal/kube.
package autoscalingv2

import (
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// CrossVersionObjectReference is k8s.io/api/autoscaling/v2.CrossVersionObjectReference.
type CrossVersionObjectReference struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// HorizontalPodAutoscaler is k8s.io/api/autoscaling/v2.HorizontalPodAutoscaler.
type HorizontalPodAutoscaler struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              HorizontalPodAutoscalerSpec `json:"spec,omitempty"`
}

// HorizontalPodAutoscalerSpec is k8s.io/api/autoscaling/v2.HorizontalPodAutoscalerSpec.
type HorizontalPodAutoscalerSpec struct {
	ScaleTargetRef CrossVersionObjectReference `json:"scaleTargetRef"`
	MaxReplicas    int32                       `json:"maxReplicas"`
}
