package manifests

import (
	"math"

	"github.com/iksplan/iksplan/model"

	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"
	"github.com/iksplan/iksplan/internal/kube/resource"
)

// Container defaults of the LimitRange: small enough that an unsized pod
// cannot starve a worker, large enough for a typical web process. Every
// namespace quota also caps limits, so without these defaults a pod that
// names no resources would be refused.
var (
	defaultRequest = corev1.ResourceList{
		corev1.ResourceCPU:              resource.MustParse("100m"),
		corev1.ResourceMemory:           resource.MustParse("128Mi"),
		corev1.ResourceEphemeralStorage: resource.MustParse("100Mi"),
	}
	defaultLimit = corev1.ResourceList{
		corev1.ResourceCPU:              resource.MustParse("500m"),
		corev1.ResourceMemory:           resource.MustParse("512Mi"),
		corev1.ResourceEphemeralStorage: resource.MustParse("1Gi"),
	}
)

// limitBurst is how far the sum of limits may exceed the sum of requests
// in a namespace quota: the design sizes workers for requests (the
// zone-failure maths), limits only allow short bursts above them.
const limitBurst = 2

// quotasFile is 10-quotas.yaml: a ResourceQuota for every namespace the
// design gives a quota, and a LimitRange with container defaults in every
// application namespace.
func quotasFile(p *plan) file {
	f := file{
		path: "manifests/10-quotas.yaml",
		intro: []string{
			"Resource quotas (requests as designed, limits at twice the requests for bursts)",
			"and container defaults for every application namespace.",
		},
	}
	// Namespaces with the same quota share its list (read-only once
	// built, as defaultRequest is): designs give many namespaces one size.
	hards := map[model.NamespaceQuota]corev1.ResourceList{}
	for _, n := range p.apps {
		if n.Quota != nil {
			hard, ok := hards[*n.Quota]
			if !ok {
				hard = quotaHard(n)
				hards[*n.Quota] = hard
			}
			f.docs = append(f.docs, doc{obj: resourceQuota(n.Name, hard)})
		}
		f.docs = append(f.docs, doc{obj: limitRange(n.Name)})
	}
	if p.deployerNS != "" {
		if _, clash := p.app(p.deployerNS); !clash {
			f.docs = append(f.docs, doc{
				comment: []string{"No pods may run in the deployer's namespace."},
				obj: resourceQuota(p.deployerNS, corev1.ResourceList{
					corev1.ResourcePods: *resource.NewQuantity(0, resource.DecimalSI),
				}),
			})
		}
	}
	return f
}

func quotaHard(n nsPlan) corev1.ResourceList {
	q := n.Quota
	hard := corev1.ResourceList{}
	if q.CPU > 0 {
		hard[corev1.ResourceRequestsCPU] = cpuQuantity(q.CPU)
		hard[corev1.ResourceLimitsCPU] = cpuQuantity(q.CPU * limitBurst)
	}
	if q.MemoryGiB > 0 {
		hard[corev1.ResourceRequestsMemory] = memoryQuantity(q.MemoryGiB)
		hard[corev1.ResourceLimitsMemory] = memoryQuantity(q.MemoryGiB * limitBurst)
	}
	if q.Pods > 0 {
		hard[corev1.ResourcePods] = *resource.NewQuantity(int64(q.Pods), resource.DecimalSI)
	}
	return hard
}

func resourceQuota(ns string, hard corev1.ResourceList) *corev1.ResourceQuota {
	return &corev1.ResourceQuota{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ResourceQuota"},
		ObjectMeta: metav1.ObjectMeta{Name: "quota", Namespace: ns},
		Spec:       corev1.ResourceQuotaSpec{Hard: hard},
	}
}

// containerDefaults is every LimitRange's one item. Shared, not copied:
// objects are only read (emitted) once built, and a copy per namespace was
// a tenth of the manifests' allocations at 1,000 namespaces.
var containerDefaults = []corev1.LimitRangeItem{{
	Type:           corev1.LimitTypeContainer,
	DefaultRequest: defaultRequest,
	Default:        defaultLimit,
}}

func limitRange(ns string) *corev1.LimitRange {
	return &corev1.LimitRange{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "LimitRange"},
		ObjectMeta: metav1.ObjectMeta{Name: "container-defaults", Namespace: ns},
		Spec:       corev1.LimitRangeSpec{Limits: containerDefaults},
	}
}

// cpuQuantity is vCPU in canonical form: 24 → "24", 0.5 → "500m".
func cpuQuantity(vcpu float64) resource.Quantity {
	return *resource.NewMilliQuantity(int64(math.Round(vcpu*1000)), resource.DecimalSI)
}

// memoryQuantity is GiB in canonical binary form: 96 → "96Gi", 0.5 → "512Mi".
func memoryQuantity(gib float64) resource.Quantity {
	mi := int64(math.Round(gib * 1024))
	return *resource.NewQuantity(mi*1024*1024, resource.BinarySI)
}
