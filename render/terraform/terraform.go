// Package terraform renders the design as a Terraform root module for the
// IBM Cloud provider (IBM-Cloud/ibm): terraform/versions.tf, variables.tf,
// main.tf, one file per area in the order of the runbook's steps (network,
// cluster, pools, security, storage, observability, iam, cbr), outputs.tf
// and a README.md that says what the runbook does after `terraform apply`.
//
// Every resource and argument is checked in the tests against a snapshot of
// the provider's schema (testdata/ibm-provider-schema.json, extracted from
// the provider's Go source by tools/tfschema), pinned to ProviderVersion.
// The Terraform creates what the runbook's cloud steps create, with the same
// names, so that the runbook, started after the apply at its access step,
// finds everything in place and goes on with the in-cluster work.
package terraform

import (
	"fmt"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// ProviderVersion is the IBM provider release the module pins and the
// schema snapshot was extracted from (github.com/IBM-Cloud/terraform-provider-ibm
// tag v2.5.0, commit 9f9b7ecfc4324c50bb461cd20eb9cd1a63ddf953).
const ProviderVersion = "2.5.0"

// HelmProviderVersion is the hashicorp/helm release the module pins when
// it installs the Logs agent (helm_release, as IBM's
// terraform-ibm-logs-agent does; its version.tf asks >= 3.0.0, < 4.0.0).
const HelmProviderVersion = "3.1.2"

// TerraformVersion is the lowest Terraform the module accepts: 1.9 brought
// cross-object references in variable validation, which IBM's own
// terraform-ibm-modules require too.
const TerraformVersion = ">= 1.9.0"

// createonly_gen.go holds what a render reads of the schema snapshot.
//go:generate go run ./internal/createonly/gen

// Dir is the folder of the module inside the output directory.
const Dir = "terraform"

// iksService is IKS's IAM service name (policies, CBR rules, grants).
const iksService = "containers-kubernetes"

// Render returns the module's files.
func Render(c *view.Context) ([]view.Artifact, error) {
	m, err := built(c)
	if err != nil {
		return nil, fmt.Errorf("render terraform: %w", err)
	}
	return m.artifacts(), nil
}

// module is the rendered module before printing: the tests read its
// attributes' design paths.
type module struct {
	c      *view.Context
	s      *model.Spec
	files  []*file
	byName map[string]*file
	readme []byte
	// fixed and ignored are createOnly's lines, for the README and DESIGN.md.
	fixed, ignored []string
}

// areaFiles are the module's files in order; main.tf holds the provider and
// the shared data sources.
var areaFiles = []string{"versions.tf", "main.tf", "network.tf", "cluster.tf", "pools.tf", "security.tf",
	"storage.tf", "observability.tf", "iam.tf", "cbr.tf", "variables.tf", "outputs.tf"}

// moduleKey is the module's key in the render's memo.
type moduleKey struct{}

// built is the render's module, built once per Context: DESIGN.md
// (IgnoredAfterCreate) and Render read the same one; neither changes it.
func built(c *view.Context) (*module, error) {
	v, err := c.Memo(moduleKey{}, func() (any, error) { return build(c) })
	m, _ := v.(*module)
	return m, err
}

func build(c *view.Context) (*module, error) {
	m := &module{c: c, s: c.Spec, byName: map[string]*file{}}
	for _, n := range areaFiles {
		f := &file{name: n}
		m.files = append(m.files, f)
		m.byName[n] = f
	}
	m.versions()
	m.main()
	m.network()
	m.cluster()
	m.pools()
	m.security()
	m.storage()
	m.observability()
	m.iam()
	m.cbr()
	m.outputs()
	m.fixed, m.ignored = m.createOnly()
	m.readme = m.renderReadme()
	return m, nil
}

// f returns the file of an area.
func (m *module) f(name string) *file { return m.byName[name] }

// artifacts prints every non-empty file under a generated-by header.
func (m *module) artifacts() []view.Artifact {
	var out []view.Artifact
	for _, f := range m.files {
		if len(f.items) == 0 {
			continue
		}
		out = append(out, view.Artifact{Path: Dir + "/" + f.name, Data: f.bytes("# " + m.c.Header + "\n")})
	}
	out = append(out, view.Artifact{Path: Dir + "/README.md", Data: m.readme})
	return out
}

// blocks lists every top-level block of the module with its file.
func (m *module) blocks() []*block {
	var out []*block
	for _, f := range m.files {
		for _, it := range f.items {
			if b, ok := it.(*block); ok {
				out = append(out, b)
			}
		}
	}
	return out
}
