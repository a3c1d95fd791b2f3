package rules

import (
	"github.com/iksplan/iksplan/model/change"
	"slices"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// All returns the rule catalogue, ordered by ID. The slice is a fresh copy:
// callers may keep or sort it.
func All() []Rule {
	index()
	return slices.Clone(catalogue)
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	index()
	i, ok := slices.BinarySearchFunc(catalogue, id, func(r Rule, id string) int { return strings.Compare(r.ID, id) })
	if !ok {
		return Rule{}, false
	}
	return catalogue[i], true
}

var (
	indexOnce sync.Once
	// catalogue is every rule, sorted by ID; Lookup searches it (a map by
	// ID held a second copy of every rule: 40 kB of a CLI render's
	// bytes, issue 15).
	catalogue []Rule
)

// index builds the catalogue once from the per-area lists.
func index() {
	indexOnce.Do(func() {
		groups := [][]Rule{
			basicRules(), haRules(), zoneRules(), versionRules(), hardwareRules(),
			storageRules(), networkRules(), firewallRules(), loggingRules(),
			iamRules(), securityRules(), nameRules(), referenceRules(), rangeRules(), opsRules(), waiverRules(),
		}
		n := 0
		for _, group := range groups {
			n += len(group)
		}
		catalogue = make([]Rule, 0, n)
		for _, group := range groups {
			catalogue = append(catalogue, group...)
		}
		slices.SortFunc(catalogue, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	})
}

// Evaluate runs every rule against a copy of d with the defaults applied
// (d itself is never changed), applies the design's waivers and returns the
// findings in a stable order: severity, area, rule ID, path. src, when not
// nil, gives each finding the line of its path. A nil catalog means the
// embedded one.
func Evaluate(d *model.Design, cat *catalog.Catalog, src *model.Source) Report {
	if d == nil {
		return Report{}
	}
	if cat == nil {
		cat = catalog.Default()
	}
	work := d.Clone()
	model.ApplyDefaults(work)
	if cat != nil {
		model.DefaultRegistry(work, cat)
		model.DefaultPlans(work, cat)
	}
	ctx := &Context{Design: work, Spec: &work.Spec, Catalog: cat}
	ctx.Plan = model.PlanCapacity(ctx.Spec, cat)

	var findings []Finding
	index()
	// The catalogue itself, not All's copy: Evaluate only reads it, and
	// the copy was over half of Evaluate's bytes (issue 15).
	for _, r := range catalogue {
		if r.Check == nil {
			continue
		}
		for _, h := range r.Check(ctx) {
			findings = append(findings, newFinding(r, h, src))
		}
	}
	findings = applyWaivers(ctx.Spec, findings, src)
	sortFindings(findings)
	return Report{Findings: findings, Plan: ctx.Plan}
}

func newFinding(r Rule, h Hit, src *model.Source) Finding {
	sev := r.Severity
	if h.Severity != "" {
		sev = h.Severity
	}
	path := h.Path
	if path == "" {
		path = r.Path
	}
	return Finding{
		RuleID:        r.ID,
		Severity:      sev,
		Area:          r.Area,
		Path:          path,
		Line:          src.Line(path),
		Message:       h.Message,
		Why:           r.Why,
		DocURL:        r.DocURL,
		FixedAtCreate: change.FixedAtCreate(r.Path),
		format:        h.format,
		args:          h.args,
	}
}

// waiverKey normalises a waiver's rule ID: " ha001 " waives HA001.
func waiverKey(id string) string { return strings.ToUpper(strings.TrimSpace(id)) }

// waivable reports whether findings of rule id can be waived. The waiver
// rules themselves cannot: a waiver cannot excuse a broken waiver.
func waivable(id string) bool { return !strings.HasPrefix(id, "WVR") }

// applyWaivers turns waived errors and warnings into info findings that
// record the waiver, and reports waivers that matched nothing (WVR003).
func applyWaivers(s *model.Spec, findings []Finding, src *model.Source) []Finding {
	first := map[string]int{} // rule ID → index of its first waiver
	for i, w := range s.Waivers {
		k := waiverKey(w.Rule)
		if _, dup := first[k]; !dup {
			first[k] = i
		}
	}
	used := map[string]bool{}
	for i := range findings {
		f := &findings[i]
		wi, ok := first[f.RuleID]
		if !ok || !waivable(f.RuleID) {
			continue
		}
		used[f.RuleID] = true
		w := s.Waivers[wi]
		f.Waiver = &w
		if f.Severity != Info {
			f.WaivedSeverity = f.Severity
			f.Severity = Info
		}
	}
	if stale, ok := Lookup(ruleStaleWaiver); ok {
		for i, w := range s.Waivers {
			k := waiverKey(w.Rule)
			if _, known := Lookup(k); !known || !waivable(k) || used[k] || first[k] != i {
				continue
			}
			findings = append(findings, newFinding(stale, hit(pathf("spec.waivers[%d].rule", i),
				"waiver for %s matches no finding: the design already passes it, so the waiver can go", k), src))
		}
	}
	return findings
}

var (
	severityOrder = []Severity{Error, Warning, Info}
	areaOrder     = []Area{AreaBasics, AreaZones, AreaVersion, AreaHardware, AreaSizing, AreaStorage,
		AreaNetwork, AreaSecurity, AreaLogging, AreaIAM, AreaOperations}
)

// rank returns the position of v in order, unknown values last.
func rank[T comparable](order []T, v T) int {
	if i := slices.Index(order, v); i >= 0 {
		return i
	}
	return len(order)
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if d := rank(severityOrder, a.Severity) - rank(severityOrder, b.Severity); d != 0 {
			return d
		}
		if d := rank(areaOrder, a.Area) - rank(areaOrder, b.Area); d != 0 {
			return d
		}
		if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
			return c
		}
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
