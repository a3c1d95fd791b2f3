// Package manifests renders what is applied to the new cluster: Kubernetes
// manifests (manifests/NN-<topic>.yaml, for `kubectl apply -f manifests/`,
// numbered so namespaces come first) and, on classic clusters, Calico
// policies (calico/NN-<topic>.yaml, for `calicoctl apply -f` in the order
// CalicoFiles gives).
//
// Every object is a typed value (internal/kube's copies of the k8s.io/api
// types for Kubernetes, small structs for Calico) written by emitDoc straight from the value, byte for byte as
// go.yaml.in/yaml/v3 would write it, so no user string is ever spliced into
// YAML text.
package manifests

import (
	"fmt"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// Render returns the manifest and Calico files of the design.
func Render(c *view.Context) ([]view.Artifact, error) {
	files, err := buildFiles(c)
	if err != nil {
		return nil, err
	}
	data, err := encodeAll(c.Header, files)
	if err != nil {
		return nil, err
	}
	arts := make([]view.Artifact, len(files))
	for i, f := range files {
		arts[i] = view.Artifact{Path: f.path, Data: data[i], Mode: 0o644}
	}
	return arts, nil
}

// part is one manifests/ file the design renders: its path, known without
// building it (ManifestFiles lists paths for DESIGN.md, which must not pay
// for the objects), and how to build it.
type part struct {
	path  string
	build func(p *plan) (file, error)
}

func always(f func(p *plan) file) func(p *plan) (file, error) {
	return func(p *plan) (file, error) { return f(p), nil }
}

// manifestParts lists the manifests/ files of the design, in apply order.
func manifestParts(c *view.Context) []part {
	s := c.Spec
	parts := []part{
		{"manifests/00-namespaces.yaml", always(namespacesFile)},
		{"manifests/10-quotas.yaml", always(quotasFile)},
	}
	if s.Firewall.NetworkPolicies {
		parts = append(parts, part{"manifests/20-network-policies.yaml", always(networkPoliciesFile)})
	}
	if len(s.Storage.Volumes) > 0 {
		parts = append(parts, part{"manifests/30-storage.yaml", always(storageFile)})
	}
	if DeployerNamespace(c) != "" {
		parts = append(parts, part{"manifests/40-rbac.yaml", always(rbacFile)})
	}
	parts = append(parts, part{"manifests/50-app-template.yaml", always(appFile)})
	if a := s.Operations.Autoscaler; a.Enabled && len(a.Pools) > 0 {
		parts = append(parts, part{"manifests/60-autoscaler.yaml", autoscalerFile})
	}
	if WantsAuditReceiver(c) {
		img := c.Catalog.MustImage(catalog.ImageKubeAudit)
		parts = append(parts, part{AuditReceiverFile, func(*plan) (file, error) { return auditReceiverFile(img), nil }})
	}
	return parts
}

// buildFiles builds every file of the design, in apply order: the
// manifests, then the Calico policies.
func buildFiles(c *view.Context) ([]file, error) {
	p := planOf(c)
	var files []file
	for _, pt := range manifestParts(c) {
		f, err := pt.build(p)
		if err != nil {
			return nil, err
		}
		if f.path != pt.path {
			return nil, fmt.Errorf("manifests: %s was built as %s", pt.path, f.path)
		}
		files = append(files, f)
	}
	cal, err := calicoFiles(c)
	if err != nil {
		return nil, err
	}
	return append(files, cal...), nil
}

// ManifestFiles lists the manifests/ files the design renders, in apply
// order (the order `kubectl apply -f manifests/` reads them).
func ManifestFiles(c *view.Context) []string {
	var out []string
	for _, pt := range manifestParts(c) {
		out = append(out, pt.path)
	}
	return out
}
