// Package storagev1 mirrors k8s.io/api/storage/v1 (v0.37.2): see internal/kube.
package storagev1

import (
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// StorageClass is k8s.io/api/storage/v1.StorageClass.
type StorageClass struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Provisioner       string `json:"provisioner"`
}
