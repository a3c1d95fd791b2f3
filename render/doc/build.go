package doc

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/terraform"
	"github.com/iksplan/iksplan/render/view"
)

// The document's sections, in order. Step.Section values from view name
// these headings, so the runbook index can link each step to its section.
const (
	secSummary       = "Summary"
	secTopology      = "Topology"
	secSizing        = "Sizing"
	secHardware      = "Hardware"
	secVersion       = "Kubernetes version"
	secStorage       = "Storage"
	secNetwork       = "Network and firewall"
	secSecurity      = "Security"
	secObservability = "Logging and monitoring"
	secIAM           = "IAM"
	secCICD          = "CI/CD"
	secOperations    = "Operations"
	secManifests     = "Manifests"
	secSuperseded    = "Where the seed was superseded"
	secFindings      = "Rule results and waivers"
	secRunbook       = "Runbook"
	secReferences    = "References"
	secSignOff       = "Sign-off"
)

var sections = []string{
	secSummary, secTopology, secSizing, secHardware, secVersion, secStorage,
	secNetwork, secSecurity, secObservability, secIAM, secCICD, secOperations,
	secManifests, secSuperseded, secFindings, secRunbook, secReferences, secSignOff,
}

// builder carries the render context and collects the documentation URLs
// the decisions cite, for the references section.
type builder struct {
	c    *view.Context
	s    *model.Spec
	refs map[string]bool
}

// build computes the whole view-model of DESIGN.md.
func build(c *view.Context) (*Page, error) {
	if c == nil || c.Design == nil || c.Spec == nil || c.Catalog == nil {
		return nil, fmt.Errorf("build design document: incomplete render context")
	}
	b := &builder{c: c, s: c.Spec, refs: map[string]bool{}}
	p := &Page{
		Header: htmlComment(c.Header),
		Title:  md(c.Design.Metadata.Name),
		AsOf:   md(c.AsOf),
	}
	for _, s := range sections {
		p.TOC = append(p.TOC, Link{Text: s, Anchor: anchor(s)})
	}
	p.Facts = b.facts()
	p.Summary = b.summary()
	p.Topology = b.topology()
	p.Sizing = b.sizing()
	p.Hardware = b.hardware()
	p.Version = b.version()
	p.Storage = b.storage()
	p.Network = b.network()
	p.Security = b.security()
	p.Observability = b.observability()
	p.IAM = b.iam()
	p.CICD = b.cicd()
	p.Operations = b.operations()
	p.Manifests = b.manifests()
	p.Superseded = b.superseded()
	p.Findings = b.findings()
	p.Steps = b.steps()
	ignored, err := terraform.IgnoredAfterCreate(c)
	if err != nil {
		return nil, err
	}
	p.TerraformIgnored = ignored
	p.References = b.references()
	return p, nil
}

// doc records a documentation URL and returns it, so decisions can cite it
// inline and the references section lists it once.
func (b *builder) doc(url string) string {
	if safeURL(url) {
		b.refs[url] = true
	}
	return url
}

// docs records several URLs.
func (b *builder) docs(urls ...string) []string {
	out := make([]string, 0, len(urls))
	for _, u := range urls {
		if safeURL(u) {
			out = append(out, b.doc(u))
		}
	}
	return out
}

// safeURL accepts only plain https URLs, so a catalog or rule URL cannot
// inject Markdown into the references list.
func safeURL(u string) bool {
	if !strings.HasPrefix(u, "https://") {
		return false
	}
	for _, r := range u {
		if r <= ' ' || strings.ContainsRune("<>`|[]()\"'\\", r) || r > '~' {
			return false
		}
	}
	return true
}

// step returns "step N (title)" for a runbook step the design has, or "".
func (b *builder) step(id view.StepID) string {
	st, ok := b.c.Step(id)
	if !ok {
		return ""
	}
	return fmt.Sprintf("step %d (%s)", st.Number, st.Title)
}

// stepNumber returns "step N" for a runbook step, or "not in this runbook".
func (b *builder) stepNumber(id view.StepID) string {
	st, ok := b.c.Step(id)
	if !ok {
		return "not in this runbook"
	}
	return fmt.Sprintf("step %d", st.Number)
}

// runbook joins the steps that carry a decision out into one sentence.
func (b *builder) runbook(ids ...view.StepID) string {
	var parts []string
	for _, id := range ids {
		if s := b.step(id); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}

// num prints a quantity with at most one decimal: 40, 7.2, 13.3.
func num(f float64) string {
	if math.Abs(f-math.Round(f)) < 0.05 {
		return strconv.FormatFloat(math.Round(f), 'f', 0, 64)
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

// pct prints a percentage without decimals when whole: 108%, 66.7%.
func pct(f float64) string { return num(f) + "%" }

// demand prints "40 vCPU / 160 GiB".
func demand(d model.Demand) string { return num(d.CPU) + " vCPU / " + num(d.MemoryGiB) + " GiB" }

// yesNo prints a boolean for a table.
func yesNo(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

// plural returns "1 worker" or "3 workers".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// sortedKeys returns a map's keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// zonesText lists the design's zones as code spans.
func (b *builder) zonesText() string {
	if len(b.s.Zones) == 0 {
		return "none"
	}
	out := make([]string, len(b.s.Zones))
	for i, z := range b.s.Zones {
		out[i] = code(z)
	}
	return strings.Join(out, ", ")
}

// regionText is "`jp-tok` (Tokyo)".
func (b *builder) regionText() string {
	if r, ok := b.c.Catalog.Region(b.s.Region); ok && r.Label != "" {
		return code(b.s.Region) + " (" + md(r.Label) + ")"
	}
	return code(b.s.Region)
}

// metro returns the multizone metro of the design's zones, or "".
func (b *builder) metro() string {
	for _, z := range b.s.Zones {
		if cz, _, ok := b.c.Catalog.Zone(b.s.Infrastructure, z); ok && cz.Metro != "" {
			return cz.Metro
		}
	}
	return ""
}

// clusterName is the escaped cluster name as code when harmless.
func (b *builder) clusterName() string { return code(b.c.Design.Metadata.Name) }
