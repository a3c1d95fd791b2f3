package drill

import (
	"fmt"

	"github.com/iksplan/iksplan/internal/kube/appsv1"
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"

	"github.com/iksplan/iksplan/render/manifests"
)

// The objects the drill creates, as typed Kubernetes objects.

func namespaceObj() *corev1.Namespace {
	return &corev1.Namespace{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"},
		ObjectMeta: metav1.ObjectMeta{Name: Namespace},
	}
}

// nodeObj is a kwok node labelled as IKS labels its workers.
func nodeObj(n Node) *corev1.Node {
	return &corev1.Node{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Node"},
		ObjectMeta: metav1.ObjectMeta{
			Name:        n.Name,
			Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"},
			Labels: map[string]string{
				nodeLabel:                              "true",
				corev1.LabelHostname:                   n.Name,
				corev1.LabelTopologyZone:               n.Zone,
				"ibm-cloud.kubernetes.io/zone":         n.Zone,
				poolLabel:                              n.Pool,
				corev1.LabelInstanceTypeStable:         n.Flavor,
				"ibm-cloud.kubernetes.io/machine-type": n.Flavor,
				corev1.LabelOSStable:                   "linux",
				corev1.LabelArchStable:                 "amd64",
				"type":                                 "kwok",
			},
		},
	}
}

// nodeStatusObj sets capacity to the flavor and allocatable to what
// IBM's reserves leave: what a real IKS kubelet reports. Disk is not part of
// the sizing; the node gets a 100 GiB disk with IBM's 10% reserve so the
// pods' small ephemeral-storage requests never decide placement.
func nodeStatusObj(n Node) map[string]any {
	w := n.Worker
	return map[string]any{"apiVersion": "v1", "kind": "Node", "metadata": map[string]any{"name": n.Name}, "status": map[string]any{
		"capacity": map[string]string{
			"cpu": fmt.Sprintf("%dm", w.RawMilliCPU), "memory": fmt.Sprintf("%dMi", w.RawMiB), "pods": fmt.Sprint(maxPodsPerNode), "ephemeral-storage": "100Gi",
		},
		"allocatable": map[string]string{
			"cpu": fmt.Sprintf("%dm", w.AllocMilliCPU), "memory": fmt.Sprintf("%dMi", w.AllocMiB), "pods": fmt.Sprint(maxPodsPerNode), "ephemeral-storage": "90Gi",
		},
	}}
}

func requests(milliCPU, memMiB int64) corev1.ResourceList {
	l := corev1.ResourceList{}
	if milliCPU > 0 {
		l[corev1.ResourceCPU] = *resource.NewMilliQuantity(milliCPU, resource.DecimalSI)
	}
	if memMiB > 0 {
		l[corev1.ResourceMemory] = *resource.NewQuantity(memMiB<<20, resource.BinarySI)
	}
	return l
}

// agentObj is a DaemonSet of pause pods with the agent's requests; it
// tolerates every taint, as IBM's agents do (a lost zone keeps them). Its
// pods have no grace period, so a deletion the drill does not force
// (the namespace controller's) is not held up for 30 s.
func agentObj(a Agent) *appsv1.DaemonSet {
	grace := int64(0)
	labels := map[string]string{agentLabel: a.Name}
	sel := map[string]string{nodeLabel: "true"}
	if a.Pool != "" {
		sel[poolLabel] = a.Pool
	}
	return &appsv1.DaemonSet{
		TypeMeta:   metav1.TypeMeta{APIVersion: "apps/v1", Kind: "DaemonSet"},
		ObjectMeta: metav1.ObjectMeta{Name: a.Name, Namespace: Namespace},
		Spec: appsv1.DaemonSetSpec{
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec: corev1.PodSpec{
					TerminationGracePeriodSeconds: &grace,
					NodeSelector:                  sel,
					Tolerations:                   []corev1.Toleration{{Operator: corev1.TolerationOpExists}},
					Containers: []corev1.Container{{
						Name: "pause", Image: pauseImage,
						Resources: corev1.ResourceRequirements{Requests: requests(a.MilliCPU, a.MemoryMiB)},
					}},
				},
			},
		},
	}
}

// workloadObj is the design's demand as the plan's pod unit, replicated and
// spread exactly as the application template spreads.
func workloadObj(p Plan) *appsv1.Deployment {
	labels := map[string]string{workloadLabel: "true"}
	sel := &metav1.LabelSelector{MatchLabels: labels}
	replicas := int32(p.Unit.Replicas)
	grace := int64(0)
	return &appsv1.Deployment{
		TypeMeta:   metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Name: workloadName, Namespace: Namespace},
		Spec: appsv1.DeploymentSpec{
			Replicas: &replicas,
			Selector: sel,
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec: corev1.PodSpec{
					TerminationGracePeriodSeconds: &grace,
					NodeSelector:                  map[string]string{nodeLabel: "true"},
					// The simulator's artifacts, not the design's: see lostTaints.
					Tolerations: []corev1.Toleration{
						{Key: corev1.TaintNodeNotReady, Operator: corev1.TolerationOpExists},
						{Key: corev1.TaintNodeUnreachable, Operator: corev1.TolerationOpExists},
					},
					Affinity:                  manifests.SpreadAffinity(sel),
					TopologySpreadConstraints: manifests.SpreadConstraints(p.Multizone, sel),
					Containers: []corev1.Container{{
						Name: "pause", Image: pauseImage,
						Resources: manifests.UnitResources(p.Unit),
					}},
				},
			},
		},
	}
}
