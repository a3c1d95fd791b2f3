package manifests

import (
	"fmt"

	"github.com/iksplan/iksplan/internal/kube/appsv1"
	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/intstr"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/networkingv1"
	"github.com/iksplan/iksplan/internal/kube/policyv1"
	"github.com/iksplan/iksplan/internal/kube/resource"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// The application template's fixed choices. Teams copy the file and change
// the name, image and ports; the shape (spread, budget, probes, hardening)
// is what iksplan is for.
const (
	appName     = "app"
	appImageTag = "1.0.0" // pinned: a moving tag makes rollbacks and scans meaningless
	appPort     = 8080
	appPortName = "http"
	// appUID is a high, non-root UID and GID: no clash with host users.
	appUID = 10001
)

func appLabels() map[string]string {
	return map[string]string{
		"app.kubernetes.io/name":     appName,
		"app.kubernetes.io/instance": appName,
		frontendLabelKey:             frontendLabelValue,
	}
}

// appFile is 50-app-template.yaml: a production-shaped application in the
// first application namespace.
func appFile(p *plan) file {
	s := p.s
	zones := max(len(s.Zones), 1)
	replicas := int32(TemplateReplicas(zones))
	class := ingressClass(s)
	spread := fmt.Sprintf("spread evenly over the %d zones", zones)
	if zones == 1 {
		spread = "in the cluster's one zone"
	}
	f := file{
		path: "manifests/50-app-template.yaml",
		intro: []string{
			"Application template: copy it for each service and change the name, image and ports.",
			fmt.Sprintf("%d replicas %s, on different workers; the budget lets %s go at once (a zone's worth)", replicas, spread, plural(zoneShare(int(replicas), zones), "pod", "pods")),
			"while IBM's worker fix packs replace workers one at a time. Runs as a non-root user with a read-only root",
			"file system under the restricted Pod Security Standard.",
		},
	}
	if u := p.c.Plan.Unit; !u.IsZero() {
		f.intro = append(f.intro, fmt.Sprintf("Each replica requests %dm CPU and %dMi memory: the design's demand cut into %d such pods, the unit the", u.MilliCPU, u.MemoryMiB, u.Replicas),
			"sizing packs onto workers (DESIGN.md, Sizing) and `iksplan rehearse --drill zone-loss` schedules.")
	}
	f.docs = append(f.docs,
		doc{obj: appServiceAccount(p.appNS)},
		doc{obj: appDeployment(p, replicas)},
		doc{obj: appPDB(p.appNS, zoneShare(int(replicas), zones))},
		doc{obj: appService(p.appNS)},
		doc{
			comment: []string{"Isolates the template's pods on their own, so it holds even without 20-network-policies.yaml."},
			obj:     appNetworkPolicy(p.appNS, p.dns, class != ""),
		},
	)
	if class != "" {
		f.docs = append(f.docs, doc{comment: ingressNotes(s), obj: appIngress(p, class)})
	}
	return f
}

// ingressClass is the IKS ingress class the template's Ingress uses: the
// public ALBs unless only the private ones are on; "" without a controller.
func ingressClass(s *model.Spec) string {
	in := s.Network.Ingress
	public := in.PublicALB || !in.PrivateALB
	return in.Controller.IngressClass(public)
}

func ingressNotes(s *model.Spec) []string {
	if s.Firewall.CIS.Domain != "" {
		return []string{"Host is the domain CIS serves; CIS terminates TLS at the edge (add a TLS secret for the ALB leg)."}
	}
	return []string{"Set a host: the cluster's Ingress subdomain (`ibmcloud ks cluster get`) or your own domain, with its TLS secret."}
}

// appImage is the image in the design's registry. The spec is resolved
// (model.Resolve fills the registry region from the catalog), so an empty
// region means the catalog knows no registry for the cluster's region: the
// global registry (catalog registries.global).
func appImage(s *model.Spec, cat *catalog.Catalog) string {
	host := cat.RegistryHost(s.CICD.Registry.Region)
	ns := s.CICD.Registry.Namespace
	if ns == "" {
		ns = "my-namespace"
	}
	return fmt.Sprintf("%s/%s/%s:%s", host, ns, appName, appImageTag)
}

func appServiceAccount(ns string) *corev1.ServiceAccount {
	no := false
	return &corev1.ServiceAccount{
		TypeMeta:                     metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta:                   metav1.ObjectMeta{Name: appName, Namespace: ns, Labels: appLabels()},
		AutomountServiceAccountToken: &no,
		// The registry credentials of the runbook's copy of IBM's pull
		// secret: the service account hands them to every pod it runs.
		ImagePullSecrets: []corev1.LocalObjectReference{{Name: PullSecret}},
	}
}

// TemplateReplicas is the template's replica count: Z × (Z − 1) in a
// multizone cluster, so the replicas spread evenly over the zones before
// and after a zone loss (6 for three zones), at least 2.
func TemplateReplicas(zones int) int {
	if zones <= 1 {
		return 2
	}
	return max(2, zones*(zones-1))
}

// zoneShare is a zone's worth of replicas, ⌈R / Z⌉: what the
// PodDisruptionBudget lets go at once. One zone: one pod.
func zoneShare(replicas, zones int) int {
	if zones <= 1 {
		return 1
	}
	return (replicas + zones - 1) / zones
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// SpreadConstraints is how the template (and the zone-loss drill's
// workload) spreads its pods: over zones with DoNotSchedule, then over
// workers with ScheduleAnyway.
//
// nodeTaintsPolicy: Honor is deliberate. With the default (Ignore) every
// node with the zone label counts as a domain, so after a zone loss the lost
// zone (its nodes tainted node.kubernetes.io/unreachable by the node
// controller) still counts with its pods gone: the surviving zones run ahead
// by more than maxSkew and DoNotSchedule leaves the replacements Pending.
// With Honor, nodes whose taints the pod does not tolerate leave the
// calculation (kubernetes.io/docs/concepts/scheduling-eviction/
// topology-spread-constraints, "Node inclusion policies"; GA since 1.33).
// The pod's default toleration of unreachable:NoExecute (300 s) does not
// keep the lost zone in: the node controller also sets
// unreachable:NoSchedule, which the pod does not tolerate.
// nodeAffinityPolicy stays at its default, Honor.
func SpreadConstraints(multizone bool, sel *metav1.LabelSelector) []corev1.TopologySpreadConstraint {
	zoneWhen := corev1.DoNotSchedule
	if !multizone {
		// One zone: nothing to spread over, never block scheduling on it.
		zoneWhen = corev1.ScheduleAnyway
	}
	honor := corev1.NodeInclusionPolicyHonor
	return []corev1.TopologySpreadConstraint{
		{
			MaxSkew: 1, TopologyKey: corev1.LabelTopologyZone, WhenUnsatisfiable: zoneWhen,
			LabelSelector: sel, MatchLabelKeys: []string{appsv1.DefaultDeploymentUniqueLabelKey},
			NodeTaintsPolicy: &honor,
		},
		{
			MaxSkew: 1, TopologyKey: corev1.LabelHostname, WhenUnsatisfiable: corev1.ScheduleAnyway,
			LabelSelector: sel, MatchLabelKeys: []string{appsv1.DefaultDeploymentUniqueLabelKey},
			NodeTaintsPolicy: &honor,
		},
	}
}

// SpreadAffinity is the preferred anti-affinity that says the same as the
// hostname spread, for tools that read only affinity.
func SpreadAffinity(sel *metav1.LabelSelector) *corev1.Affinity {
	return &corev1.Affinity{PodAntiAffinity: &corev1.PodAntiAffinity{
		PreferredDuringSchedulingIgnoredDuringExecution: []corev1.WeightedPodAffinityTerm{{
			Weight:          100,
			PodAffinityTerm: corev1.PodAffinityTerm{LabelSelector: sel, TopologyKey: corev1.LabelHostname},
		}},
	}}
}

// UnitResources are a replica's requests and limits for the plan's pod
// unit: limits equal requests (Guaranteed QoS), so a replica never takes
// more than the sizing counted on. No unit (no demand): a small default.
func UnitResources(u model.PodUnit) corev1.ResourceRequirements {
	cpu, mem := resource.MustParse("100m"), resource.MustParse("128Mi")
	if !u.IsZero() {
		cpu = *resource.NewMilliQuantity(u.MilliCPU, resource.DecimalSI)
		mem = *resource.NewQuantity(u.MemoryMiB<<20, resource.BinarySI)
	}
	return corev1.ResourceRequirements{
		Requests: corev1.ResourceList{corev1.ResourceCPU: cpu, corev1.ResourceMemory: mem, corev1.ResourceEphemeralStorage: resource.MustParse("100Mi")},
		Limits:   corev1.ResourceList{corev1.ResourceCPU: cpu, corev1.ResourceMemory: mem, corev1.ResourceEphemeralStorage: resource.MustParse("512Mi")},
	}
}

func appDeployment(p *plan, replicas int32) *appsv1.Deployment {
	s := p.s
	sel := &metav1.LabelSelector{MatchLabels: appLabels()}
	yes, no := true, false
	uid := int64(appUID)
	maxUnavailable, maxSurge := intstr.FromInt32(0), intstr.FromInt32(1)
	grace := int64(30)
	return &appsv1.Deployment{
		TypeMeta:   metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Name: appName, Namespace: p.appNS, Labels: appLabels()},
		Spec: appsv1.DeploymentSpec{
			Replicas: &replicas,
			Selector: sel,
			Strategy: appsv1.DeploymentStrategy{
				Type: appsv1.RollingUpdateDeploymentStrategyType,
				// Surge one new pod before taking an old one away: full
				// capacity during a release.
				RollingUpdate: &appsv1.RollingUpdateDeployment{MaxUnavailable: &maxUnavailable, MaxSurge: &maxSurge},
			},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: appLabels()},
				Spec: corev1.PodSpec{
					ServiceAccountName:            appName,
					AutomountServiceAccountToken:  &no,
					TerminationGracePeriodSeconds: &grace,
					// Spread first over zones (a zone failure takes at most a
					// third), then over workers; the preferred anti-affinity
					// says the same for tools that read only affinity.
					Affinity:                  SpreadAffinity(sel),
					TopologySpreadConstraints: SpreadConstraints(s.Multizone(), sel),
					SecurityContext: &corev1.PodSecurityContext{
						RunAsNonRoot:   &yes,
						RunAsUser:      &uid,
						RunAsGroup:     &uid,
						FSGroup:        &uid,
						SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
					},
					Containers: []corev1.Container{appContainer(p)},
					Volumes: []corev1.Volume{{
						Name: "tmp",
						VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{
							SizeLimit: ptr(resource.MustParse("64Mi")),
						}},
					}},
				},
			},
		},
	}
}

func appContainer(p *plan) corev1.Container {
	s := p.s
	yes, no := true, false
	uid := int64(appUID)
	probe := func(path string, period, failures int32) *corev1.Probe {
		return &corev1.Probe{
			ProbeHandler:     corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: path, Port: intstr.FromString(appPortName)}},
			PeriodSeconds:    period,
			TimeoutSeconds:   2,
			FailureThreshold: failures,
		}
	}
	return corev1.Container{
		Name:            appName,
		Image:           appImage(s, p.c.Catalog),
		ImagePullPolicy: corev1.PullAlways,
		Ports:           []corev1.ContainerPort{{Name: appPortName, ContainerPort: appPort, Protocol: corev1.ProtocolTCP}},
		Resources:       UnitResources(p.c.Plan.Unit),
		// Readiness takes the pod out of the Service; liveness restarts it;
		// the startup probe gives a slow start a minute before liveness counts.
		StartupProbe:   probe("/livez", 2, 30),
		LivenessProbe:  probe("/livez", 10, 3),
		ReadinessProbe: probe("/readyz", 5, 3),
		SecurityContext: &corev1.SecurityContext{
			RunAsNonRoot:             &yes,
			RunAsUser:                &uid,
			RunAsGroup:               &uid,
			AllowPrivilegeEscalation: &no,
			Privileged:               &no,
			ReadOnlyRootFilesystem:   &yes,
			Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
			SeccompProfile:           &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
		},
		VolumeMounts: []corev1.VolumeMount{{Name: "tmp", MountPath: "/tmp"}},
	}
}

// appPDB lets a zone's worth of replicas go at once: a zone's fix pack or a
// zone outage plus drains elsewhere never takes more than the spare zones
// carry.
func appPDB(ns string, share int) *policyv1.PodDisruptionBudget {
	one := intstr.FromInt32(int32(share))
	always := policyv1.AlwaysAllow
	return &policyv1.PodDisruptionBudget{
		TypeMeta:   metav1.TypeMeta{APIVersion: "policy/v1", Kind: "PodDisruptionBudget"},
		ObjectMeta: metav1.ObjectMeta{Name: appName, Namespace: ns, Labels: appLabels()},
		Spec: policyv1.PodDisruptionBudgetSpec{
			MaxUnavailable: &one,
			Selector:       &metav1.LabelSelector{MatchLabels: appLabels()},
			// A pod that is not ready serves nothing: let drains evict it,
			// or one crash-looping pod blocks every worker update.
			UnhealthyPodEvictionPolicy: &always,
		},
	}
}

func appService(ns string) *corev1.Service {
	return &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: metav1.ObjectMeta{Name: appName, Namespace: ns, Labels: appLabels()},
		Spec: corev1.ServiceSpec{
			Type:     corev1.ServiceTypeClusterIP,
			Selector: appLabels(),
			Ports: []corev1.ServicePort{{
				Name: appPortName, Port: 80, TargetPort: intstr.FromString(appPortName), Protocol: corev1.ProtocolTCP,
			}},
		},
	}
}

// appNetworkPolicy lets the IKS Ingress controller reach the pods' port
// and the pods resolve names; everything else stays closed for them.
func appNetworkPolicy(ns string, dns dnsAddrs, ingress bool) *networkingv1.NetworkPolicy {
	spec := networkingv1.NetworkPolicySpec{
		PodSelector: metav1.LabelSelector{MatchLabels: appLabels()},
		PolicyTypes: bothTypes,
		Egress:      []networkingv1.NetworkPolicyEgressRule{dnsEgressRule(dns)},
	}
	if ingress {
		spec.Ingress = []networkingv1.NetworkPolicyIngressRule{{
			From:  []networkingv1.NetworkPolicyPeer{ingressControllerPeer()},
			Ports: []networkingv1.NetworkPolicyPort{{Protocol: protocol(corev1.ProtocolTCP), Port: namedPort(appPortName)}},
		}}
	}
	return netpol(ns, appName, spec)
}

func appIngress(p *plan, class string) *networkingv1.Ingress {
	prefix := networkingv1.PathTypePrefix
	rule := networkingv1.IngressRule{
		Host: p.s.Firewall.CIS.Domain,
		IngressRuleValue: networkingv1.IngressRuleValue{HTTP: &networkingv1.HTTPIngressRuleValue{
			Paths: []networkingv1.HTTPIngressPath{{
				Path: "/", PathType: &prefix,
				Backend: networkingv1.IngressBackend{Service: &networkingv1.IngressServiceBackend{
					Name: appName, Port: networkingv1.ServiceBackendPort{Name: appPortName},
				}},
			}},
		}},
	}
	return &networkingv1.Ingress{
		TypeMeta:   metav1.TypeMeta{APIVersion: "networking.k8s.io/v1", Kind: "Ingress"},
		ObjectMeta: metav1.ObjectMeta{Name: appName, Namespace: p.appNS, Labels: appLabels()},
		Spec: networkingv1.IngressSpec{
			IngressClassName: &class,
			Rules:            []networkingv1.IngressRule{rule},
		},
	}
}

func ptr[T any](v T) *T { return &v }
