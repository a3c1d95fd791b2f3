// Package corev1 mirrors k8s.io/api/core/v1 (v0.37.2): see internal/kube.
package corev1

import (
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"
)

// Affinity is k8s.io/api/core/v1.Affinity.
type Affinity struct {
	PodAntiAffinity *PodAntiAffinity `json:"podAntiAffinity,omitempty"`
}

// Capabilities is k8s.io/api/core/v1.Capabilities.
type Capabilities struct {
	Drop []Capability `json:"drop,omitempty"`
}

// Capability is k8s.io/api/core/v1.Capability.
type Capability string

// ConditionStatus is k8s.io/api/core/v1.ConditionStatus.
type ConditionStatus string

// ConfigMap is k8s.io/api/core/v1.ConfigMap.
type ConfigMap struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Data              map[string]string `json:"data,omitempty"`
}

// Container is k8s.io/api/core/v1.Container.
type Container struct {
	Name            string               `json:"name"`
	Image           string               `json:"image,omitempty"`
	Ports           []ContainerPort      `json:"ports,omitempty"`
	Resources       ResourceRequirements `json:"resources,omitempty"`
	VolumeMounts    []VolumeMount        `json:"volumeMounts,omitempty"`
	LivenessProbe   *Probe               `json:"livenessProbe,omitempty"`
	ReadinessProbe  *Probe               `json:"readinessProbe,omitempty"`
	StartupProbe    *Probe               `json:"startupProbe,omitempty"`
	ImagePullPolicy PullPolicy           `json:"imagePullPolicy,omitempty"`
	SecurityContext *SecurityContext     `json:"securityContext,omitempty"`
}

// ContainerPort is k8s.io/api/core/v1.ContainerPort.
type ContainerPort struct {
	Name          string   `json:"name,omitempty"`
	ContainerPort int32    `json:"containerPort"`
	Protocol      Protocol `json:"protocol,omitempty"`
}

// EmptyDirVolumeSource is k8s.io/api/core/v1.EmptyDirVolumeSource.
type EmptyDirVolumeSource struct {
	SizeLimit *resource.Quantity `json:"sizeLimit,omitempty"`
}

// HTTPGetAction is k8s.io/api/core/v1.HTTPGetAction.
type HTTPGetAction struct {
	Path string             `json:"path,omitempty"`
	Port intstr.IntOrString `json:"port"`
}

// LimitRange is k8s.io/api/core/v1.LimitRange.
type LimitRange struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              LimitRangeSpec `json:"spec,omitempty"`
}

// LimitRangeItem is k8s.io/api/core/v1.LimitRangeItem.
type LimitRangeItem struct {
	Type           LimitType    `json:"type"`
	Default        ResourceList `json:"default,omitempty"`
	DefaultRequest ResourceList `json:"defaultRequest,omitempty"`
}

// LimitRangeSpec is k8s.io/api/core/v1.LimitRangeSpec.
type LimitRangeSpec struct {
	Limits []LimitRangeItem `json:"limits"`
}

// LimitType is k8s.io/api/core/v1.LimitType.
type LimitType string

// LocalObjectReference is k8s.io/api/core/v1.LocalObjectReference.
type LocalObjectReference struct {
	Name string `json:"name,omitempty"`
}

// Namespace is k8s.io/api/core/v1.Namespace.
type Namespace struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              NamespaceSpec `json:"spec,omitempty"`
}

// NamespaceSpec is k8s.io/api/core/v1.NamespaceSpec.
type NamespaceSpec struct {
}

// Node is k8s.io/api/core/v1.Node.
type Node struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              NodeSpec `json:"spec,omitempty"`
}

// NodeInclusionPolicy is k8s.io/api/core/v1.NodeInclusionPolicy.
type NodeInclusionPolicy string

// NodeList is k8s.io/api/core/v1.NodeList.
type NodeList struct {
	metav1.TypeMeta `json:""`
	metav1.ListMeta `json:"metadata,omitempty"`
	Items           []Node `json:"items"`
}

// NodeSpec is k8s.io/api/core/v1.NodeSpec.
type NodeSpec struct {
	Unschedulable bool    `json:"unschedulable,omitempty"`
	Taints        []Taint `json:"taints,omitempty"`
}

// PersistentVolumeAccessMode is k8s.io/api/core/v1.PersistentVolumeAccessMode.
type PersistentVolumeAccessMode string

// PersistentVolumeClaim is k8s.io/api/core/v1.PersistentVolumeClaim.
type PersistentVolumeClaim struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              PersistentVolumeClaimSpec `json:"spec,omitempty"`
}

// PersistentVolumeClaimSpec is k8s.io/api/core/v1.PersistentVolumeClaimSpec.
type PersistentVolumeClaimSpec struct {
	AccessModes      []PersistentVolumeAccessMode `json:"accessModes,omitempty"`
	Resources        VolumeResourceRequirements   `json:"resources,omitempty"`
	StorageClassName *string                      `json:"storageClassName,omitempty"`
}

// Pod is k8s.io/api/core/v1.Pod.
type Pod struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              PodSpec   `json:"spec,omitempty"`
	Status            PodStatus `json:"status,omitempty"`
}

// PodAffinityTerm is k8s.io/api/core/v1.PodAffinityTerm.
type PodAffinityTerm struct {
	LabelSelector *metav1.LabelSelector `json:"labelSelector,omitempty"`
	TopologyKey   string                `json:"topologyKey"`
}

// PodAntiAffinity is k8s.io/api/core/v1.PodAntiAffinity.
type PodAntiAffinity struct {
	PreferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm `json:"preferredDuringSchedulingIgnoredDuringExecution,omitempty"`
}

// PodCondition is k8s.io/api/core/v1.PodCondition.
type PodCondition struct {
	Type               PodConditionType `json:"type"`
	Status             ConditionStatus  `json:"status"`
	LastProbeTime      metav1.Time      `json:"lastProbeTime,omitempty"`
	LastTransitionTime metav1.Time      `json:"lastTransitionTime,omitempty"`
	Reason             string           `json:"reason,omitempty"`
}

// PodConditionType is k8s.io/api/core/v1.PodConditionType.
type PodConditionType string

// PodList is k8s.io/api/core/v1.PodList.
type PodList struct {
	metav1.TypeMeta `json:""`
	metav1.ListMeta `json:"metadata,omitempty"`
	Items           []Pod `json:"items"`
}

// PodSecurityContext is k8s.io/api/core/v1.PodSecurityContext.
type PodSecurityContext struct {
	RunAsUser      *int64          `json:"runAsUser,omitempty"`
	RunAsGroup     *int64          `json:"runAsGroup,omitempty"`
	RunAsNonRoot   *bool           `json:"runAsNonRoot,omitempty"`
	FSGroup        *int64          `json:"fsGroup,omitempty"`
	SeccompProfile *SeccompProfile `json:"seccompProfile,omitempty"`
}

// PodSpec is k8s.io/api/core/v1.PodSpec.
type PodSpec struct {
	Volumes                       []Volume                   `json:"volumes,omitempty"`
	Containers                    []Container                `json:"containers"`
	TerminationGracePeriodSeconds *int64                     `json:"terminationGracePeriodSeconds,omitempty"`
	NodeSelector                  map[string]string          `json:"nodeSelector,omitempty"`
	ServiceAccountName            string                     `json:"serviceAccountName,omitempty"`
	AutomountServiceAccountToken  *bool                      `json:"automountServiceAccountToken,omitempty"`
	NodeName                      string                     `json:"nodeName,omitempty"`
	SecurityContext               *PodSecurityContext        `json:"securityContext,omitempty"`
	Affinity                      *Affinity                  `json:"affinity,omitempty"`
	Tolerations                   []Toleration               `json:"tolerations,omitempty"`
	TopologySpreadConstraints     []TopologySpreadConstraint `json:"topologySpreadConstraints,omitempty"`
}

// PodStatus is k8s.io/api/core/v1.PodStatus.
type PodStatus struct {
	Conditions []PodCondition `json:"conditions,omitempty"`
}

// PodTemplateSpec is k8s.io/api/core/v1.PodTemplateSpec.
type PodTemplateSpec struct {
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              PodSpec `json:"spec,omitempty"`
}

// Probe is k8s.io/api/core/v1.Probe.
type Probe struct {
	ProbeHandler     `json:""`
	TimeoutSeconds   int32 `json:"timeoutSeconds,omitempty"`
	PeriodSeconds    int32 `json:"periodSeconds,omitempty"`
	FailureThreshold int32 `json:"failureThreshold,omitempty"`
}

// ProbeHandler is k8s.io/api/core/v1.ProbeHandler.
type ProbeHandler struct {
	HTTPGet   *HTTPGetAction   `json:"httpGet,omitempty"`
	TCPSocket *TCPSocketAction `json:"tcpSocket,omitempty"`
}

// Protocol is k8s.io/api/core/v1.Protocol.
type Protocol string

// PullPolicy is k8s.io/api/core/v1.PullPolicy.
type PullPolicy string

// ResourceList is k8s.io/api/core/v1.ResourceList.
type ResourceList map[ResourceName]resource.Quantity

// ResourceName is k8s.io/api/core/v1.ResourceName.
type ResourceName string

// ResourceQuota is k8s.io/api/core/v1.ResourceQuota.
type ResourceQuota struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              ResourceQuotaSpec `json:"spec,omitempty"`
}

// ResourceQuotaSpec is k8s.io/api/core/v1.ResourceQuotaSpec.
type ResourceQuotaSpec struct {
	Hard ResourceList `json:"hard,omitempty"`
}

// ResourceRequirements is k8s.io/api/core/v1.ResourceRequirements.
type ResourceRequirements struct {
	Limits   ResourceList `json:"limits,omitempty"`
	Requests ResourceList `json:"requests,omitempty"`
}

// SeccompProfile is k8s.io/api/core/v1.SeccompProfile.
type SeccompProfile struct {
	Type SeccompProfileType `json:"type"`
}

// SeccompProfileType is k8s.io/api/core/v1.SeccompProfileType.
type SeccompProfileType string

// Secret is k8s.io/api/core/v1.Secret.
//
// It keeps all of the library's fields: the runbook copies IKS's all-icr-io
// pull secret out of default (kubectl get -o json, then apply), so the
// double reads back whatever a secret holds.
type Secret struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Immutable         *bool             `json:"immutable,omitempty"`
	Data              map[string][]byte `json:"data,omitempty"`
	StringData        map[string]string `json:"stringData,omitempty"`
	Type              SecretType        `json:"type,omitempty"`
}

// SecretType is k8s.io/api/core/v1.SecretType.
type SecretType string

// SecretVolumeSource is k8s.io/api/core/v1.SecretVolumeSource.
type SecretVolumeSource struct {
	SecretName string `json:"secretName,omitempty"`
	Optional   *bool  `json:"optional,omitempty"`
}

// SecurityContext is k8s.io/api/core/v1.SecurityContext.
type SecurityContext struct {
	Capabilities             *Capabilities   `json:"capabilities,omitempty"`
	Privileged               *bool           `json:"privileged,omitempty"`
	RunAsUser                *int64          `json:"runAsUser,omitempty"`
	RunAsGroup               *int64          `json:"runAsGroup,omitempty"`
	RunAsNonRoot             *bool           `json:"runAsNonRoot,omitempty"`
	ReadOnlyRootFilesystem   *bool           `json:"readOnlyRootFilesystem,omitempty"`
	AllowPrivilegeEscalation *bool           `json:"allowPrivilegeEscalation,omitempty"`
	SeccompProfile           *SeccompProfile `json:"seccompProfile,omitempty"`
}

// Service is k8s.io/api/core/v1.Service.
type Service struct {
	metav1.TypeMeta   `json:""`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              ServiceSpec `json:"spec,omitempty"`
}

// ServiceAccount is k8s.io/api/core/v1.ServiceAccount.
type ServiceAccount struct {
	metav1.TypeMeta              `json:""`
	metav1.ObjectMeta            `json:"metadata,omitempty"`
	ImagePullSecrets             []LocalObjectReference `json:"imagePullSecrets,omitempty"`
	AutomountServiceAccountToken *bool                  `json:"automountServiceAccountToken,omitempty"`
}

// ServicePort is k8s.io/api/core/v1.ServicePort.
type ServicePort struct {
	Name       string             `json:"name,omitempty"`
	Protocol   Protocol           `json:"protocol,omitempty"`
	Port       int32              `json:"port"`
	TargetPort intstr.IntOrString `json:"targetPort,omitempty"`
}

// ServiceSpec is k8s.io/api/core/v1.ServiceSpec.
type ServiceSpec struct {
	Ports    []ServicePort     `json:"ports,omitempty"`
	Selector map[string]string `json:"selector,omitempty"`
	Type     ServiceType       `json:"type,omitempty"`
}

// ServiceType is k8s.io/api/core/v1.ServiceType.
type ServiceType string

// TCPSocketAction is k8s.io/api/core/v1.TCPSocketAction.
type TCPSocketAction struct {
	Port intstr.IntOrString `json:"port"`
}

// Taint is k8s.io/api/core/v1.Taint.
type Taint struct {
	Key    string      `json:"key"`
	Effect TaintEffect `json:"effect"`
}

// TaintEffect is k8s.io/api/core/v1.TaintEffect.
type TaintEffect string

// Toleration is k8s.io/api/core/v1.Toleration.
type Toleration struct {
	Key      string             `json:"key,omitempty"`
	Operator TolerationOperator `json:"operator,omitempty"`
}

// TolerationOperator is k8s.io/api/core/v1.TolerationOperator.
type TolerationOperator string

// TopologySpreadConstraint is k8s.io/api/core/v1.TopologySpreadConstraint.
type TopologySpreadConstraint struct {
	MaxSkew           int32                         `json:"maxSkew"`
	TopologyKey       string                        `json:"topologyKey"`
	WhenUnsatisfiable UnsatisfiableConstraintAction `json:"whenUnsatisfiable"`
	LabelSelector     *metav1.LabelSelector         `json:"labelSelector,omitempty"`
	NodeTaintsPolicy  *NodeInclusionPolicy          `json:"nodeTaintsPolicy,omitempty"`
	MatchLabelKeys    []string                      `json:"matchLabelKeys,omitempty"`
}

// UnsatisfiableConstraintAction is k8s.io/api/core/v1.UnsatisfiableConstraintAction.
type UnsatisfiableConstraintAction string

// Volume is k8s.io/api/core/v1.Volume.
type Volume struct {
	Name         string `json:"name"`
	VolumeSource `json:""`
}

// VolumeMount is k8s.io/api/core/v1.VolumeMount.
type VolumeMount struct {
	Name      string `json:"name"`
	ReadOnly  bool   `json:"readOnly,omitempty"`
	MountPath string `json:"mountPath"`
}

// VolumeResourceRequirements is k8s.io/api/core/v1.VolumeResourceRequirements.
type VolumeResourceRequirements struct {
	Requests ResourceList `json:"requests,omitempty"`
}

// VolumeSource is k8s.io/api/core/v1.VolumeSource.
type VolumeSource struct {
	EmptyDir *EmptyDirVolumeSource `json:"emptyDir,omitempty"`
	Secret   *SecretVolumeSource   `json:"secret,omitempty"`
}

// WeightedPodAffinityTerm is k8s.io/api/core/v1.WeightedPodAffinityTerm.
type WeightedPodAffinityTerm struct {
	Weight          int32           `json:"weight"`
	PodAffinityTerm PodAffinityTerm `json:"podAffinityTerm"`
}

const ConditionFalse ConditionStatus = "False"

const DoNotSchedule UnsatisfiableConstraintAction = "DoNotSchedule"

const LabelArchStable = "kubernetes.io/arch"

const LabelHostname = "kubernetes.io/hostname"

const LabelInstanceTypeStable = "node.kubernetes.io/instance-type"

const LabelOSStable = "kubernetes.io/os"

const LabelTopologyZone = "topology.kubernetes.io/zone"

const LimitTypeContainer LimitType = "Container"

const NodeInclusionPolicyHonor NodeInclusionPolicy = "Honor"

const PodReasonUnschedulable = "Unschedulable"

const PodScheduled PodConditionType = "PodScheduled"

const ProtocolTCP Protocol = "TCP"

const ProtocolUDP Protocol = "UDP"

const PullAlways PullPolicy = "Always"

const ResourceCPU ResourceName = "cpu"

const ResourceEphemeralStorage ResourceName = "ephemeral-storage"

const ResourceLimitsCPU ResourceName = "limits.cpu"

const ResourceLimitsMemory ResourceName = "limits.memory"

const ResourceMemory ResourceName = "memory"

const ResourcePods ResourceName = "pods"

const ResourceRequestsCPU ResourceName = "requests.cpu"

const ResourceRequestsMemory ResourceName = "requests.memory"

const ResourceStorage ResourceName = "storage"

const ScheduleAnyway UnsatisfiableConstraintAction = "ScheduleAnyway"

const SeccompProfileTypeRuntimeDefault SeccompProfileType = "RuntimeDefault"

const ServiceTypeClusterIP ServiceType = "ClusterIP"

const TaintNodeNotReady = "node.kubernetes.io/not-ready"

const TaintNodeUnreachable = "node.kubernetes.io/unreachable"

const TaintNodeUnschedulable = "node.kubernetes.io/unschedulable"

const TolerationOpExists TolerationOperator = "Exists"
