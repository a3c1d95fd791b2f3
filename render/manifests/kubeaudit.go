package manifests

import (
	"fmt"

	"github.com/iksplan/iksplan/internal/kube/appsv1"
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/networkingv1"
	"github.com/iksplan/iksplan/internal/kube/resource"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// The API server audit receiver IBM documents ("Forwarding Kubernetes API
// audit logs to Cloud Logs", topic health-audit, lastupdated 2026-07-27,
// with no classic-only tag; IBM's terraform-ibm-base-ocp-vpc
// modules/kube-audit deploys the same receiver and sets the webhook on VPC
// clusters): the master's audit webhook posts events to this service
// through the konnectivity agents, and the pod writes each event as a JSON
// line to stdout, where the cluster's log agent collects it.
const (
	// AuditReceiverFile is the file the runbook applies before it points
	// the audit webhook at the receiver.
	AuditReceiverFile = "manifests/70-kube-audit.yaml"
	// AuditNamespace and AuditDeployment name what the runbook waits for.
	AuditNamespace  = "ibm-kube-audit"
	AuditDeployment = "ibmcloud-kube-audit"
	auditService    = "ibmcloud-kube-audit-service"
	// auditUID is the user and group the receiver runs as. IBM's manifest
	// sets only runAsNonRoot, so the image's own user is numeric and not
	// root, but IBM does not document it; 10001 keeps it out of the host's
	// user range (kube-score) and is not verified against the image.
	auditUID = 10001
)

// WantsAuditReceiver reports whether the design collects the kube-audit
// source through the audit webhook (classic and VPC), with a log backend
// that collects container output (not none, not the retired Log Analysis).
// The runbook configures the webhook exactly when this is true.
func WantsAuditReceiver(c *view.Context) bool {
	l := c.Spec.Logging
	return l.Wants(model.SourceKubeAudit) &&
		l.Backend != model.LogNone && l.Backend != model.LogLogAnalysis
}

// auditReceiverFile is 70-kube-audit.yaml: IBM's receiver, as IBM's doc
// lists it (namespace, deployment, service, network policy), hardened so it
// passes kube-score like every rendered workload: the image pinned by the
// digest IBM's terraform module deploys (catalog images), requests and
// limits for CPU, memory and ephemeral storage, a read-only root
// filesystem with a writable /tmp, a fixed non-root user and group, TCP
// readiness probe on the HTTP port (IBM documents no health endpoint, so
// there is no distinct liveness check to add: kube-score rejects a liveness
// probe identical to the readiness one), and a
// NetworkPolicy that also closes egress (the receiver only writes stdout).
func auditReceiverFile(img catalog.Image) file {
	labels := map[string]string{"app": AuditDeployment}
	ns := &corev1.Namespace{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"},
		ObjectMeta: metav1.ObjectMeta{Name: AuditNamespace, Labels: map[string]string{
			psaPrefix + "enforce": "restricted", psaPrefix + "enforce-version": psaVersion,
			psaPrefix + "audit": "restricted", psaPrefix + "audit-version": psaVersion,
			psaPrefix + "warn": "restricted", psaPrefix + "warn-version": psaVersion,
		}},
	}
	deploy := &appsv1.Deployment{
		TypeMeta:   metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Name: AuditDeployment, Namespace: AuditNamespace, Labels: labels},
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr(int32(1)),
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec: corev1.PodSpec{
					Containers: []corev1.Container{{
						Name:            AuditDeployment,
						Image:           img.Ref(),
						ImagePullPolicy: corev1.PullAlways,
						Ports:           []corev1.ContainerPort{{ContainerPort: 3000}, {ContainerPort: 4443}},
						Resources: corev1.ResourceRequirements{
							Requests: withEphemeral(resources("50m", "64Mi"), "64Mi"),
							Limits:   withEphemeral(resources("500m", "256Mi"), "256Mi"),
						},
						ReadinessProbe: tcpProbe(3000, 5),
						SecurityContext: &corev1.SecurityContext{
							AllowPrivilegeEscalation: ptr(false),
							RunAsNonRoot:             ptr(true),
							RunAsUser:                ptr(int64(auditUID)),
							RunAsGroup:               ptr(int64(auditUID)),
							ReadOnlyRootFilesystem:   ptr(true),
							Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
							SeccompProfile:           &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
						},
						VolumeMounts: []corev1.VolumeMount{
							{Name: "certificates", MountPath: "/certificates", ReadOnly: true},
							{Name: "tmp", MountPath: "/tmp"},
						},
					}},
					Volumes: []corev1.Volume{
						{Name: "certificates", VolumeSource: corev1.VolumeSource{
							Secret: &corev1.SecretVolumeSource{SecretName: "audit-webhook", Optional: ptr(true)},
						}},
						{Name: "tmp", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{
							SizeLimit: ptr(resource.MustParse("64Mi")),
						}}},
					},
				},
			},
		},
	}
	svc := &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: metav1.ObjectMeta{Name: auditService, Namespace: AuditNamespace, Labels: labels},
		Spec: corev1.ServiceSpec{
			Type:     corev1.ServiceTypeClusterIP,
			Selector: labels,
			Ports: []corev1.ServicePort{
				{Name: "http", Protocol: corev1.ProtocolTCP, Port: 80, TargetPort: intstr.FromInt32(3000)},
				{Name: "https", Protocol: corev1.ProtocolTCP, Port: 443, TargetPort: intstr.FromInt32(4443)},
			},
		},
	}
	tcp := corev1.ProtocolTCP
	netpol := &networkingv1.NetworkPolicy{
		TypeMeta:   metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "NetworkPolicy"},
		ObjectMeta: metav1.ObjectMeta{Name: AuditDeployment, Namespace: AuditNamespace},
		Spec: networkingv1.NetworkPolicySpec{
			PodSelector: metav1.LabelSelector{MatchLabels: labels},
			PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeIngress, networkingv1.PolicyTypeEgress},
			Ingress: []networkingv1.NetworkPolicyIngressRule{{
				Ports: []networkingv1.NetworkPolicyPort{
					{Protocol: &tcp, Port: ptr(intstr.FromInt32(3000))},
					{Protocol: &tcp, Port: ptr(intstr.FromInt32(4443))},
				},
				From: []networkingv1.NetworkPolicyPeer{{
					NamespaceSelector: &metav1.LabelSelector{MatchLabels: map[string]string{"kubernetes.io/metadata.name": kubeSystem}},
					PodSelector:       &metav1.LabelSelector{MatchLabels: map[string]string{"k8s-app": "konnectivity-agent"}},
				}},
			}},
		},
	}
	return file{
		path: AuditReceiverFile,
		intro: []string{
			"Kubernetes API audit receiver (IBM's 2019 guidance, slide 26: kube-audit): IBM's ibmcloud-kube-audit service,",
			"which the master's audit webhook posts to (runbook, logging step), on classic and VPC.",
			"Source: https://cloud.ibm.com/docs/containers?topic=containers-health-audit",
			"Image pinned by digest (" + img.Source + "); refresh it with",
			"`ibmcloud cr image-list --include-ibm | grep ibmcloud-kube-audit` and re-render.",
			"Hardened beyond IBM's manifest (read-only root, user " + fmt.Sprint(auditUID) + ", TCP readiness probe): IBM documents",
			"neither the image's user nor a health endpoint; if the pod fails, drop runAsUser/runAsGroup first.",
		},
		docs: []doc{{obj: ns}, {obj: deploy}, {obj: svc}, {
			comment: []string{"Only the konnectivity agents, which carry the master's webhook calls, may reach the receiver;",
				"it sends nothing itself (events go to stdout), so egress is closed."},
			obj: netpol,
		}},
	}
}

// resources is a CPU and memory amount for requests or limits.
func resources(cpu, memory string) corev1.ResourceList {
	return corev1.ResourceList{corev1.ResourceCPU: resource.MustParse(cpu), corev1.ResourceMemory: resource.MustParse(memory)}
}

// withEphemeral adds an ephemeral-storage amount to a resource list.
func withEphemeral(l corev1.ResourceList, storage string) corev1.ResourceList {
	l[corev1.ResourceEphemeralStorage] = resource.MustParse(storage)
	return l
}

// tcpProbe checks that the container accepts connections on port.
func tcpProbe(port int32, period int32) *corev1.Probe {
	return &corev1.Probe{
		ProbeHandler:  corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt32(port)}},
		PeriodSeconds: period, FailureThreshold: 3, TimeoutSeconds: 2,
	}
}
