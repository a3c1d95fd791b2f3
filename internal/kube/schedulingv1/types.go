// Package schedulingv1 mirrors k8s.io/api/scheduling/v1 (v0.37.2): see internal/kube.
package schedulingv1

import (
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// PriorityClass is k8s.io/api/scheduling/v1.PriorityClass.
type PriorityClass struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Value             int32 `json:"value"`
}
