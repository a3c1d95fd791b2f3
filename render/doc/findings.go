package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/rules"
	"github.com/iksplan/iksplan/render/view"
)

// findings lists every rule result with its waiver.
func (b *builder) findings() FindingsSection {
	r := b.c.Report
	t := newTable(b.t("find.col.rule"), b.t("find.col.severity"), b.t("find.col.path"), b.t("find.col.finding"), b.t("find.col.waiver"))
	for _, f := range r.Findings {
		sev := b.severity(f.Severity)
		if f.Waiver != nil && f.WaivedSeverity != "" {
			sev += b.t("find.waived", "Severity", b.severity(f.WaivedSeverity))
		}
		msg := md(b.findingMessage(f))
		if f.FixedAtCreate {
			msg += " " + b.t("badge")
		}
		waiver := ""
		if f.Waiver != nil {
			waiver = b.t("find.waiverCell", "Reason", md(f.Waiver.Reason), "By", md(f.Waiver.ApprovedBy))
		}
		t.add(code(f.RuleID), sev, code(f.Path), msg, waiver)
		b.doc(f.DocURL)
	}
	w := newTable(b.t("find.col.rule"), b.t("find.col.reason"), b.t("find.col.approvedBy"), b.t("find.col.covers"))
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
	t := newTable(b.t("steps.col.step"), b.t("steps.col.what"), b.t("steps.col.where"))
	for _, st := range b.c.Steps {
		t.add(fmt.Sprint(st.Number), md(b.stepTitle(st)), b.sectionFor(st))
	}
	return t
}

// sectionFor links a step to its DESIGN.md section; an unknown section
// name falls back to this index.
func (b *builder) sectionFor(st view.Step) string {
	for _, s := range sections {
		if strings.EqualFold(s, st.Section) {
			return b.secLink(s)
		}
	}
	return b.secLink(secRunbook)
}

// references lists every documentation URL the document used, once, sorted.
func (b *builder) references() []string {
	cat := b.c.Catalog
	for _, u := range []string{cat.Locations.Source, cat.Flavors.Source, cat.Storage.Source, cat.IAM.Source} {
		b.doc(u)
	}
	return sortedKeys(b.refs)
}

// severity is a rule severity in the document's language; English keeps
// the rule engine's own word.
func (b *builder) severity(s rules.Severity) string {
	if !b.ja() {
		return md(string(s))
	}
	switch s {
	case rules.Error:
		return b.t("find.sev.error")
	case rules.Warning:
		return b.t("find.sev.warning")
	case rules.Info:
		return b.t("find.sev.info")
	}
	return md(string(s))
}

// findingMessage is a rule finding's message in the document's language.
// The rule engine writes English; its Japanese comes from the rules'
// own messages (model/rules).
func (b *builder) findingMessage(f rules.Finding) string {
	if b.ja() {
		return f.In(i18n.JA).Message
	}
	return f.Message
}
