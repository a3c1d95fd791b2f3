package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/render/view"
)

// findings lists every rule result with its waiver.
func (b *builder) findings() FindingsSection {
	r := b.c.Report
	t := newTable("Rule", "Severity", "Path", "Finding", "Waiver")
	for _, f := range r.Findings {
		sev := md(string(f.Severity))
		if f.Waiver != nil && f.WaivedSeverity != "" {
			sev += " (waived " + md(string(f.WaivedSeverity)) + ")"
		}
		msg := md(f.Message)
		if f.FixedAtCreate {
			msg += " " + badge
		}
		waiver := ""
		if f.Waiver != nil {
			waiver = md(f.Waiver.Reason) + " — approved by " + md(f.Waiver.ApprovedBy)
		}
		t.add(code(f.RuleID), sev, code(f.Path), msg, waiver)
		b.doc(f.DocURL)
	}
	w := newTable("Rule", "Reason", "Approved by", "Findings it covers")
	for _, wv := range b.s.Waivers {
		n := 0
		for _, f := range r.Findings {
			if f.Waiver != nil && strings.EqualFold(strings.TrimSpace(wv.Rule), f.RuleID) {
				n++
			}
		}
		w.add(code(wv.Rule), md(wv.Reason), md(wv.ApprovedBy), fmt.Sprint(n))
	}
	return FindingsSection{Counts: b.countsText(), Findings: t, Waivers: w}
}

// steps is the index of runbook steps with the section each belongs to.
func (b *builder) steps() Table {
	t := newTable("Step", "What the runbook does", "Explained in")
	for _, st := range b.c.Steps {
		t.add(fmt.Sprint(st.Number), md(st.Title), b.sectionFor(st))
	}
	return t
}

// sectionFor links a step to its DESIGN.md section; an unknown section
// name falls back to this index.
func (b *builder) sectionFor(st view.Step) string {
	for _, s := range sections {
		if strings.EqualFold(s, st.Section) {
			return secLink(s)
		}
	}
	return secLink(secRunbook)
}

// references lists every documentation URL the document used, once, sorted.
func (b *builder) references() []string {
	cat := b.c.Catalog
	for _, u := range []string{cat.Locations.Source, cat.Flavors.Source, cat.Storage.Source, cat.IAM.Source} {
		b.doc(u)
	}
	return sortedKeys(b.refs)
}
