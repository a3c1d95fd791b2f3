package manifests

import (
	"maps"
	"strings"

	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"

	"github.com/iksplan/iksplan/model"
)

// Pod Security Admission labels (https://kubernetes.io/docs/concepts/security/pod-security-admission/).
const (
	psaPrefix = "pod-security.kubernetes.io/"
	// psaVersion "latest" follows the cluster's Kubernetes version, so an
	// IKS minor update tightens the standard without editing manifests.
	psaVersion = "latest"
)

// Annotations iksplan puts on the namespaces it creates, so an operator
// can tell which design a namespace came from.
const (
	annotationCluster = "iksplan.io/cluster"
	annotationOwner   = "iksplan.io/owner"
	annotationReason  = "iksplan.io/created-for"
)

// namespacesFile is 00-namespaces.yaml: every namespace a later file
// needs, with Pod Security Admission enforcing, auditing and warning at
// the namespace's level.
func namespacesFile(p *plan) file {
	f := file{
		path: "manifests/00-namespaces.yaml",
		intro: []string{
			"Namespaces, applied first. Pod Security Admission enforces each namespace's level;",
			"namespaces the design does not declare are created because a later file needs them.",
		},
	}
	var sh nsShared
	for _, n := range p.apps {
		f.docs = append(f.docs, doc{obj: sh.namespace(p, n.Name, n.PodSecurity, n.Labels, n.Reasons)})
	}
	if p.deployerNS != "" {
		if _, clash := p.app(p.deployerNS); !clash {
			f.docs = append(f.docs, doc{
				comment: []string{"The CI deployer's own namespace: it holds the service account and runs no pods."},
				obj: sh.namespace(p, p.deployerNS, model.PodSecurityRestricted, nil,
					[]string{"the CI deployer service account"}),
			})
		}
	}
	return f
}

// nsShared holds the label and annotation maps namespaces without labels
// or reasons of their own have in common, one per Pod Security level:
// objects are only read (emitted) once built, and two maps per namespace
// were a sixth of the manifests' allocations at 1,000 namespaces.
type nsShared struct {
	labels map[model.PodSecurityLevel]map[string]string
	ann    map[string]string
}

func (sh *nsShared) namespace(p *plan, name string, level model.PodSecurityLevel, userLabels map[string]string, reasons []string) *corev1.Namespace {
	labels := sh.labels[level]
	if labels == nil || len(userLabels) > 0 {
		labels = psaLabels(level, userLabels)
		if len(userLabels) == 0 {
			if sh.labels == nil {
				sh.labels = map[model.PodSecurityLevel]map[string]string{}
			}
			sh.labels[level] = labels
		}
	}
	ann := sh.ann
	if ann == nil || len(reasons) > 0 {
		ann = annotations(p, reasons)
		if len(reasons) == 0 {
			sh.ann = ann
		}
	}
	return &corev1.Namespace{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: labels, Annotations: ann},
	}
}

// psaLabels are a namespace's labels: the user's and Pod Security
// Admission's at level.
func psaLabels(level model.PodSecurityLevel, userLabels map[string]string) map[string]string {
	labels := make(map[string]string, len(userLabels)+6)
	maps.Copy(labels, userLabels)
	// The design's podSecurity field decides; a user label cannot weaken it.
	for _, mode := range []string{"enforce", "audit", "warn"} {
		labels[psaPrefix+mode] = string(level)
		labels[psaPrefix+mode+"-version"] = psaVersion
	}
	return labels
}

// annotations say which design, owner and (for namespaces the design does
// not declare) later objects a namespace is for.
func annotations(p *plan, reasons []string) map[string]string {
	ann := map[string]string{annotationCluster: p.c.Design.Metadata.Name}
	if o := p.c.Design.Metadata.Owner; o != "" {
		ann[annotationOwner] = o
	}
	if len(reasons) > 0 {
		ann[annotationReason] = strings.Join(reasons, "; ")
	}
	return ann
}
