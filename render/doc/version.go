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
func eosText(v catalog.Version) string {
	if v.EndOfSupport == "" {
		return "not announced yet"
	}
	s := md(v.EndOfSupport)
	if v.Tentative {
		s += " (tentative)"
	}
	return s
}

// versionSummary is the summary table's version cell.
func (b *builder) versionSummary() string {
	want := b.s.KubernetesVersion
	v, ok := b.c.Catalog.Version(want)
	if !ok {
		return code(want) + " — **not in the catalog** (see the rule results)"
	}
	return fmt.Sprintf("%s — %s as of %s; end of support %s", code(want), md(string(v.StatusAsOf(b.c.AsOf))), md(b.c.AsOf), eosText(v))
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
		Title:  "Version and support window",
		Choice: fmt.Sprintf("Kubernetes %s. ", code(s.KubernetesVersion)),
		Seed: "Slide 13: when a new version (n) comes out IBM supports it and the two before it (n-1, n-2); " +
			"the version before those (n-3) is deprecated and then unsupported, with at least 30 days to move (as of May 2019).",
		IBM: "The same n..n-2 policy holds today, with a countdown of at least 45 days before a version becomes unsupported; " +
			"security patches may stop during deprecation. The master is updated one minor version at a time (no n+2 jumps); " +
			"workers may not be newer than the master and at most two minors behind it. IBM applies master patches itself, " +
			"but worker fix packs come every two weeks and you apply them (" + b.workerPatchCmd() + "). " +
			"An unsupported cluster cannot create, reload or repair workers, must be recreated once its master is two or more versions " +
			"behind the oldest supported one, and eventually fails when its certificates expire.",
		Alternatives: []Alternative{
			{"The newest version", "gives the longest support window, but add-ons and charts you depend on must already support it"},
			{"An older supported version", "buys time for workloads not yet tested on newer APIs, at the price of an earlier end of support and an upgrade sooner"},
		},
		Runbook: b.runbook(view.StepPreflight, view.StepCluster),
		Docs:    b.docs(urlVersions),
	}
	if v, ok := b.c.Catalog.Version(s.KubernetesVersion); ok {
		st := v.StatusAsOf(b.c.AsOf)
		d.Choice += fmt.Sprintf("On %s the catalog lists it as **%s**; end of support %s.", md(b.c.AsOf), md(string(st)), eosText(v))
		switch st {
		case catalog.VersionDeprecated:
			d.Consequences = append(d.Consequences, "**The version is deprecated:** plan the update to a supported version before its end of support; security patches may stop.")
		case catalog.VersionUnsupported:
			d.Consequences = append(d.Consequences, "**The version is unsupported on the catalog date:** IBM will not create or repair workers on it. Choose a supported version before running the runbook.")
		}
		if v.Note != "" {
			d.Consequences = append(d.Consequences, "Catalog note: "+md(v.Note))
		}
	} else {
		d.Choice += "The catalog does not know this version; the preflight's " + lit("ibmcloud ks versions") + " check will stop the runbook if IBM does not offer it."
	}
	if newest != "" {
		d.Consequences = append(d.Consequences, b.upgradeWindow(newest, up.MaxMinorsBehind))
	}
	d.Consequences = append(d.Consequences,
		fmt.Sprintf("Worker fix packs are applied every %d days (IBM releases them every 14 days).", up.WorkerPatchDays),
		"The version can be upgraded later but never downgraded.")

	t := newTable("Version", "Status on "+md(b.c.AsOf), "Released", "End of support", "This design")
	for _, v := range vs {
		mark := ""
		if v.Version == s.KubernetesVersion {
			mark = "**chosen**"
		}
		rel := md(v.Released)
		t.add(code(v.Version), md(string(v.StatusAsOf(b.c.AsOf))), rel, eosText(v), mark)
	}
	b.doc(b.c.Catalog.Versions.Source)
	return VersionSection{Decision: d, Versions: t}
}

// upgradeWindow says which versions the upgrade policy accepts today.
func (b *builder) upgradeWindow(newest string, behind int) string {
	maj, min, ok := minorOf(newest)
	if !ok {
		return fmt.Sprintf("Upgrade policy: stay at most %d minor version(s) behind the newest.", behind)
	}
	if behind <= 0 {
		return fmt.Sprintf("Upgrade policy: always run the newest version (today %s).", code(newest))
	}
	floor := fmt.Sprintf("%d.%d", maj, max(min-behind, 0))
	return fmt.Sprintf("Upgrade policy: stay at most %s behind the newest version (today %s), so %s or newer; IBM itself supports n..n-2.",
		plural(behind, "minor version", "minor versions"), code(newest), code(floor))
}

// workerPatchCmd names the command that applies a worker fix pack.
func (b *builder) workerPatchCmd() string {
	if b.s.IsVPC() {
		return lit("ibmcloud ks worker replace --update") + " on VPC"
	}
	return lit("ibmcloud ks worker update") + " or " + lit("ibmcloud ks worker reload") + " on classic"
}
