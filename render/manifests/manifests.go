// Package manifests renders what is applied to the new cluster: Kubernetes
// manifests (manifests/NN-<topic>.yaml, for `kubectl apply -f manifests/`,
// numbered so namespaces come first) and, on classic clusters, Calico
// policies (calico/NN-<topic>.yaml, for `calicoctl apply -f` in the order
// CalicoFiles gives).
//
// Every object is a typed value (k8s.io/api for Kubernetes, small structs
// for Calico) written by emitDoc straight from the value, byte for byte as
// go.yaml.in/yaml/v3 would write it, so no user string is ever spliced into
// YAML text.
package manifests

import (
	"strings"

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

// buildFiles builds every file of the design, in apply order.
func buildFiles(c *view.Context) ([]file, error) {
	p := newPlan(c)
	s := c.Spec
	files := []file{namespacesFile(p), quotasFile(p)}
	if s.Firewall.NetworkPolicies {
		files = append(files, networkPoliciesFile(p))
	}
	if len(s.Storage.Volumes) > 0 {
		files = append(files, storageFile(p))
	}
	if p.deployerNS != "" {
		files = append(files, rbacFile(p))
	}
	files = append(files, appFile(p))
	if a := s.Operations.Autoscaler; a.Enabled && len(a.Pools) > 0 {
		f, err := autoscalerFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if WantsAuditReceiver(c) {
		files = append(files, auditReceiverFile(c.Catalog.MustImage(catalog.ImageKubeAudit)))
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
	files, err := buildFiles(c)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range files {
		if strings.HasPrefix(f.path, "manifests/") {
			out = append(out, f.path)
		}
	}
	return out
}
