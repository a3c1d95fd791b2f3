// Package view is what every renderer shares: the Context computed once per
// render (resolved design, capacity plan, rule report, runbook steps), the
// Artifact type, the template helper and shell quoting. The doc, runbook and
// manifests renderers each live in their own package and import only this
// one (and model).
package view
