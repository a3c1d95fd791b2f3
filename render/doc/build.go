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

// The document's sections, in order, by the English heading: Step.Section
// values from view name these, so the runbook index can link each step to
// its section. secIDs gives each its message (the heading in the
// document's language).
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
	secSuperseded    = "Where IBM's 2019 guidance was superseded"
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

var secIDs = map[string]string{
	secSummary: "sec.summary", secTopology: "sec.topology", secSizing: "sec.sizing", secHardware: "sec.hardware",
	secVersion: "sec.version", secStorage: "sec.storage", secNetwork: "sec.network", secSecurity: "sec.security",
	secObservability: "sec.observability", secIAM: "sec.iam", secCICD: "sec.cicd", secOperations: "sec.operations",
	secManifests: "sec.manifests", secSuperseded: "sec.superseded", secFindings: "sec.findings", secRunbook: "sec.runbook",
	secReferences: "sec.references", secSignOff: "sec.signOff",
}

// builder carries the render context and collects the documentation URLs
// the decisions cite, for the references section.
type builder struct {
	*translator
	c    *view.Context
	s    *model.Spec
	refs map[string]bool
}

// build computes the whole view-model of DESIGN.md.
func build(c *view.Context, lang string) (*Page, error) {
	if c == nil || c.Design == nil || c.Spec == nil || c.Catalog == nil {
		return nil, fmt.Errorf("build design document: incomplete render context")
	}
	tr, err := newTranslator(lang)
	if err != nil {
		return nil, err
	}
	b := &builder{translator: tr, c: c, s: c.Spec, refs: map[string]bool{}}
	p := &Page{
		lang:   tr.lang,
		Header: htmlComment(c.Header),
		Title:  md(c.Design.Metadata.Name),
		AsOf:   md(c.AsOf),
	}
	for _, s := range sections {
		h := b.heading(s)
		p.TOC = append(p.TOC, Link{Text: h, Anchor: anchor(h)})
	}
	p.ObservabilityLink = b.secLink(secObservability)
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
	if b.err != nil {
		return nil, fmt.Errorf("build design document: %w", b.err)
	}
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
	return b.t("step.ref", "N", strconv.Itoa(st.Number), "Title", b.stepTitle(st))
}

// stepNumber returns "step N" for a runbook step, or "not in this runbook".
func (b *builder) stepNumber(id view.StepID) string {
	st, ok := b.c.Step(id)
	if !ok {
		return b.t("step.absent")
	}
	return b.t("step.number", "N", strconv.Itoa(st.Number))
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
	return strings.Join(parts, b.t("step.sep")) + b.t("step.end")
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

// demand prints "40 vCPU / 160 GiB" (the same in every language).
func demand(d model.Demand) string { return num(d.CPU) + " vCPU / " + num(d.MemoryGiB) + " GiB" }

// yesNo prints a boolean for a table.
func (b *builder) yesNo(v bool) string {
	if v {
		return b.t("yes")
	}
	return b.t("no")
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
		return b.t("none")
	}
	out := make([]string, len(b.s.Zones))
	for i, z := range b.s.Zones {
		out[i] = code(z)
	}
	return strings.Join(out, b.t("listSep"))
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

// heading is a section's heading in the document's language.
func (b *builder) heading(section string) string { return b.t(secIDs[section]) }

// secLink is a Markdown link to one of the document's sections.
func (b *builder) secLink(section string) string {
	h := b.heading(section)
	return "[" + h + "](#" + anchor(h) + ")"
}

// stepTitle is a runbook step's title in the document's language. The
// runbook's own titles are English; the document names each step by ID.
func (b *builder) stepTitle(st view.Step) string {
	if !b.ja() {
		return st.Title
	}
	id := "step.title." + string(st.ID)
	if st.ID == view.StepInfrastructure {
		id += map[bool]string{true: ".vpc", false: ".classic"}[b.s.IsVPC()]
	}
	return b.t(id)
}
