// Package metav1 mirrors k8s.io/apimachinery/pkg/apis/meta/v1 (v0.37.2): see internal/kube.
package metav1

// LabelSelector is k8s.io/apimachinery/pkg/apis/meta/v1.LabelSelector.
type LabelSelector struct {
	MatchLabels map[string]string `json:"matchLabels,omitempty"`
}

// ListMeta is k8s.io/apimachinery/pkg/apis/meta/v1.ListMeta.
type ListMeta struct {
}

// ObjectMeta is k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta.
type ObjectMeta struct {
	Name              string            `json:"name,omitempty"`
	Namespace         string            `json:"namespace,omitempty"`
	DeletionTimestamp *Time             `json:"deletionTimestamp,omitempty"`
	Labels            map[string]string `json:"labels,omitempty"`
	Annotations       map[string]string `json:"annotations,omitempty"`
}

// TypeMeta is k8s.io/apimachinery/pkg/apis/meta/v1.TypeMeta.
type TypeMeta struct {
	Kind       string `json:"kind,omitempty"`
	APIVersion string `json:"apiVersion,omitempty"`
}
