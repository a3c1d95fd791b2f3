// Package rbacv1 mirrors k8s.io/api/rbac/v1 (v0.37.2): see internal/kube.
package rbacv1

import (
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// ClusterRole is k8s.io/api/rbac/v1.ClusterRole.
type ClusterRole struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Rules             []PolicyRule `json:"rules"`
}

// ClusterRoleBinding is k8s.io/api/rbac/v1.ClusterRoleBinding.
type ClusterRoleBinding struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	RoleRef           RoleRef `json:"roleRef"`
}

// PolicyRule is k8s.io/api/rbac/v1.PolicyRule.
type PolicyRule struct {
	Verbs     []string `json:"verbs"`
	APIGroups []string `json:"apiGroups,omitempty"`
	Resources []string `json:"resources,omitempty"`
}

// Role is k8s.io/api/rbac/v1.Role.
type Role struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Rules             []PolicyRule `json:"rules"`
}

// RoleBinding is k8s.io/api/rbac/v1.RoleBinding.
type RoleBinding struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Subjects          []Subject `json:"subjects,omitempty"`
	RoleRef           RoleRef   `json:"roleRef"`
}

// RoleRef is k8s.io/api/rbac/v1.RoleRef.
type RoleRef struct {
	APIGroup string `json:"apiGroup"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
}

// Subject is k8s.io/api/rbac/v1.Subject.
type Subject struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
}

const GroupName = "rbac.authorization.k8s.io"

const ServiceAccountKind = "ServiceAccount"
