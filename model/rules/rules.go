// Package rules is iksplan's rule catalogue: stable, documented checks that
// judge a design against the seed deck's advice and IBM's current guidance.
//
// A rule is a data-like value with an ID that never changes meaning, a
// severity, the YAML path it judges, the why (seed slide or IBM doc) and a
// doc URL. Evaluate runs every rule; waivers in the design turn an error or
// warning into a recorded info finding.
package rules

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Severity is how much a finding matters. Errors block rendering.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Area is the part of the design (and the wizard step) a rule judges, so
// the review screen can group findings and jump to the step.
type Area string

// The areas, in wizard order.
const (
	AreaBasics     Area = "basics"
	AreaZones      Area = "zones"
	AreaVersion    Area = "version"
	AreaHardware   Area = "hardware"
	AreaSizing     Area = "sizing"
	AreaStorage    Area = "storage"
	AreaNetwork    Area = "network"
	AreaSecurity   Area = "security"
	AreaLogging    Area = "logging"
	AreaIAM        Area = "iam"
	AreaOperations Area = "operations"
)

// Rule is one check of the catalogue.
type Rule struct {
	// ID is stable: HA001 means the same thing in every release.
	ID       string
	Severity Severity
	Area     Area
	// Path is the YAML path the rule judges, with [*] for any index.
	Path string
	// Title is a short name for listings.
	Title string
	// Why explains the rule: the seed's reasoning (with its slide) and
	// IBM's current guidance.
	Why string
	// DocURL is the IBM documentation for the rule.
	DocURL string
	// FixedAtCreate marks a decision that cannot be changed after the
	// cluster exists.
	FixedAtCreate bool
	// Check returns one hit per problem found; none when the design passes.
	Check func(c *Context) []Hit
}

// Hit is one problem a rule found: where, and what exactly.
type Hit struct {
	Path    string
	Message string
	// Severity overrides the rule's severity for this hit, e.g. an error in
	// production that is only a warning elsewhere. Empty: the rule's.
	Severity Severity
	// format and args made Message; Localize formats them again in
	// another language.
	format string
	args   []any
}

// Context is what a rule sees: the design with defaults applied, the
// catalog, and the capacity plan computed once for all rules.
type Context struct {
	Design  *model.Design
	Spec    *model.Spec
	Catalog *catalog.Catalog
	Plan    model.CapacityPlan
}

// Finding is a rule's verdict on one path of a design.
type Finding struct {
	RuleID   string   `json:"rule"`
	Severity Severity `json:"severity"`
	Area     Area     `json:"area"`
	Path     string   `json:"path"`
	// Line is the line of Path in the design file, 0 when unknown.
	Line          int    `json:"line,omitempty"`
	Message       string `json:"message"`
	Why           string `json:"why"`
	DocURL        string `json:"doc"`
	FixedAtCreate bool   `json:"fixedAtCreate,omitempty"`
	// Waiver is set when the design waives the rule; Severity is then Info
	// and WaivedSeverity keeps what it would have been.
	Waiver         *model.Waiver `json:"waiver,omitempty"`
	WaivedSeverity Severity      `json:"waivedSeverity,omitempty"`
	// format and args are the hit's, kept so Localize can reword Message.
	format string
	args   []any
}

// Report is every finding of one evaluation, in a stable order.
type Report struct {
	Findings []Finding `json:"findings"`
	// Plan is the capacity plan the rules judged, computed once from the
	// design with defaults applied (not part of the JSON report).
	Plan model.CapacityPlan `json:"-"`
}

// Count returns how many findings have severity s.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any unwaived error remains.
func (r Report) HasErrors() bool { return r.Count(Error) > 0 }

// ByArea returns the findings of one area.
func (r Report) ByArea(a Area) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Area == a {
			out = append(out, f)
		}
	}
	return out
}
