// Package render turns a design into its artifacts: the design document
// (DESIGN.md), the runbook (runbook.sh), Kubernetes manifests, Calico
// policies and Helm values, plus the fully resolved design.yaml.
//
// Rendering is pure: a design and a catalog in, named byte slices out; the
// same input always gives the same bytes (no timestamps: the catalog's date
// stands in). Only write.go touches the disk. Each artifact family has its
// own package (render/doc, render/runbook, render/manifests) sharing
// render/view. render imports model and templates; it must not import
// wizard or any UI package.
package render
