package doc

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// minorOf parses "1.33" into (1, 33).
func minorOf(v string) (int, int, bool) {
	maj, min, ok := strings.Cut(v, ".")
	if !ok {
		return 0, 0, false
	}
	a, err1 := strconv.Atoi(maj)
	b, err2 := strconv.Atoi(min)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return a, b, true
}

// versionsNewestFirst lists the catalog's versions, newest first.
func (b *builder) versionsNewestFirst() []catalog.Version {
	vs := append([]catalog.Version(nil), b.c.Catalog.Versions.Items...)
	sort.SliceStable(vs, func(i, j int) bool {
		ai, aj, _ := minorOf(vs[i].Version)
		bi, bj, _ := minorOf(vs[j].Version)
		if ai != bi {
			return ai > bi
		}
		return aj > bj
	})
	return vs
}

// eosText is "2026-10-14 (tentative)" or "not announced".
func (b *builder) eosText(v catalog.Version) string {
	if v.EndOfSupport == "" {
		return b.t("ver.eosNone")
	}
	s := md(v.EndOfSupport)
	if v.Tentative {
		s += b.t("ver.tentative")
	}
	return s
}

// status is a version's support status on a date, in the document's
// language (English keeps the catalog's word).
func (b *builder) status(st catalog.VersionStatus) string {
	if !b.ja() {
		return md(string(st))
	}
	switch st {
	case catalog.VersionDefault, catalog.VersionSupported, catalog.VersionDeprecated, catalog.VersionUnsupported:
		return b.t("ver.status." + string(st))
	}
	return md(string(st))
}

// versionSummary is the summary table's version cell.
func (b *builder) versionSummary() string {
	want := b.s.KubernetesVersion
	v, ok := b.c.Catalog.Version(want)
	if !ok {
		return code(want) + b.t("ver.notInCatalog")
	}
	return b.t("ver.summary", "Version", code(want), "Status", b.status(v.StatusAsOf(b.c.AsOf)), "AsOf", md(b.c.AsOf), "EOS", b.eosText(v))
}

// version is the Kubernetes version decision and the catalog's versions.
func (b *builder) version() VersionSection {
	s := b.s
	up := s.Operations.Upgrades
	vs := b.versionsNewestFirst()
	newest := ""
	if len(vs) > 0 {
		newest = vs[0].Version
	}
	d := Decision{
		Title:  b.t("ver.title"),
		Choice: b.t("ver.choice", "Version", code(s.KubernetesVersion)),
		Seed:   b.t("ver.seed"),
		IBM:    b.t("ver.ibm", "Cmd", b.workerPatchCmd()),
		Alternatives: []Alternative{
			{b.t("ver.altNewest"), b.t("ver.altNewestWhy")},
			{b.t("ver.altOlder"), b.t("ver.altOlderWhy")},
		},
		Runbook: b.runbook(view.StepPreflight, view.StepCluster),
		Docs:    b.docs(urlVersions),
	}
	if v, ok := b.c.Catalog.Version(s.KubernetesVersion); ok {
		st := v.StatusAsOf(b.c.AsOf)
		d.Choice += b.t("ver.listed", "AsOf", md(b.c.AsOf), "Status", b.status(st), "EOS", b.eosText(v))
		switch st {
		case catalog.VersionDeprecated:
			d.Consequences = append(d.Consequences, b.t("ver.deprecated"))
		case catalog.VersionUnsupported:
			d.Consequences = append(d.Consequences, b.t("ver.unsupported"))
		}
		if v.Note != "" {
			d.Consequences = append(d.Consequences, b.catalogNote(v))
		}
	} else {
		d.Choice += b.t("ver.unknown", "Cmd", lit("ibmcloud ks versions"))
	}
	if newest != "" {
		d.Consequences = append(d.Consequences, b.upgradeWindow(newest, up.MaxMinorsBehind))
	}
	d.Consequences = append(d.Consequences,
		b.t("ver.fixPacks", "Days", strconv.Itoa(up.WorkerPatchDays)),
		b.t("ver.noDowngrade"))

	t := newTable(b.t("ver.col.version"), b.t("ver.col.status", "AsOf", md(b.c.AsOf)), b.t("ver.col.released"), b.t("ver.col.eos"), b.t("ver.col.design"))
	for _, v := range vs {
		mark := ""
		if v.Version == s.KubernetesVersion {
			mark = b.t("ver.chosen")
		}
		rel := md(v.Released)
		t.add(code(v.Version), b.status(v.StatusAsOf(b.c.AsOf)), rel, b.eosText(v), mark)
	}
	b.doc(b.c.Catalog.Versions.Source)
	return VersionSection{Decision: d, Versions: t}
}

// upgradeWindow says which versions the upgrade policy accepts today.
func (b *builder) upgradeWindow(newest string, behind int) string {
	maj, min, ok := minorOf(newest)
	if !ok {
		return b.t("ver.policyPlain", "N", strconv.Itoa(behind))
	}
	if behind <= 0 {
		return b.t("ver.policyNewest", "Newest", code(newest))
	}
	floor := fmt.Sprintf("%d.%d", maj, max(min-behind, 0))
	return b.t("ver.policy", "Behind", b.n("count.minorVersion", behind), "Newest", code(newest), "Floor", code(floor))
}

// workerPatchCmd names the command that applies a worker fix pack.
func (b *builder) workerPatchCmd() string {
	if b.s.IsVPC() {
		return b.t("ver.patchVPC", "Cmd", lit("ibmcloud ks worker replace --update"))
	}
	return b.t("ver.patchClassic", "Update", lit("ibmcloud ks worker update"), "Reload", lit("ibmcloud ks worker reload"))
}

// catalogNote is a version's note from the catalog. The catalog's notes
// are English; a Japanese document says so rather than pass them off as
// its own text.
func (b *builder) catalogNote(v catalog.Version) string {
	if b.ja() {
		// A known note has a Japanese text whose English message is the
		// catalog's note word for word; a note the catalog changed since
		// is shown in English, marked as such (and the doc tests flag it).
		id := "ver.noteText." + v.Version
		if en, err := newTranslator(langEN); err == nil {
			if src := en.t(id); en.err == nil && src == v.Note {
				return b.t("ver.note", "Note", b.t(id))
			}
		}
		return b.t("ver.noteEnglish", "Note", md(v.Note))
	}
	return b.t("ver.note", "Note", md(v.Note))
}
