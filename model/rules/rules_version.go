package rules

import (
	"slices"
	"time"

	"github.com/iksplan/iksplan/model/catalog"
)

// EndOfSupportSoonDays is how close to its end of support a version must be
// (counted from the catalog date) for VER007 to remind the reader.
const EndOfSupportSoonDays = 90

const seedVersionPolicy = "IBM's 2019 guidance (slide 13): when version n is released IBM supports back to n-2; n-3 is deprecated and then unsupported. "

func versionRules() []Rule {
	return []Rule{
		{
			ID: "VER001", Severity: Error, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "Kubernetes version unknown",
			Why: seedVersionPolicy + "`ibmcloud ks cluster create --version` takes a major.minor that IKS currently offers " +
				"(`ibmcloud ks versions`); anything else is refused.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				v := c.Spec.KubernetesVersion
				if v == "" {
					return nil
				}
				if _, ok := versionKey(v); !ok {
					return []Hit{hit("spec.kubernetesVersion", "%q is not a Kubernetes version like 1.34", v)}
				}
				if _, ok := catalogVersion(c); !ok {
					return []Hit{hit("spec.kubernetesVersion", "version %s is not in the catalog; IKS offers %s", v, versionList(c.Catalog))}
				}
				return nil
			},
		},
		{
			ID: "VER002", Severity: Warning, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "Kubernetes version deprecated",
			Why: seedVersionPolicy + "Today IBM gives at least 45 days' notice before a deprecated version becomes " +
				"unsupported, and security patches may stop during deprecation. Create new clusters on a supported version.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				v, ok := catalogVersion(c)
				if !ok || v.Status != catalog.VersionDeprecated {
					return nil
				}
				return []Hit{hit("spec.kubernetesVersion", "version %s is deprecated%s; use %s", v.Version, eosText(v), defaultVersionText(c))}
			},
		},
		{
			ID: "VER003", Severity: Error, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "Kubernetes version unsupported",
			Why: seedVersionPolicy + "An unsupported cluster cannot create, reload or repair workers, must be recreated " +
				"when it falls two versions behind the oldest supported one, and fails when its certificates expire.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				v, ok := catalogVersion(c)
				if !ok || v.Status != catalog.VersionUnsupported {
					return nil
				}
				return []Hit{hit("spec.kubernetesVersion", "version %s is unsupported%s; use %s", v.Version, eosText(v), defaultVersionText(c))}
			},
		},
		{
			ID: "VER004", Severity: Warning, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "Version further behind than the upgrade policy allows",
			Why: seedVersionPolicy + "The design's upgrade policy (operations.upgrades.maxMinorsBehind) says how far behind " +
				"the newest version the master may be; the master is updated one minor version at a time, so every version " +
				"of lag is another update to schedule.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				v, ok := catalogVersion(c)
				newest, nok := newestVersion(c.Catalog)
				if !ok || !nok {
					return nil
				}
				behind := minorsBehind(v.Version, newest.Version)
				limit := s.Operations.Upgrades.MaxMinorsBehind
				if behind <= limit {
					return nil
				}
				return []Hit{hitSev(prodSeverity(s, Warning, Info), "spec.kubernetesVersion",
					"version %s is %d minor version(s) behind %s; the upgrade policy allows %d", v.Version, behind, newest.Version, limit)}
			},
		},
		{
			ID: "VER005", Severity: Error, Area: AreaVersion, Path: "spec.operations.upgrades.maxMinorsBehind",
			Title: "Upgrade policy beyond IBM's support window",
			Why: seedVersionPolicy + "A policy that allows falling more than two minor versions behind plans for an " +
				"unsupported cluster.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				n := c.Spec.Operations.Upgrades.MaxMinorsBehind
				if n >= 0 && n <= 2 {
					return nil
				}
				return []Hit{hit("spec.operations.upgrades.maxMinorsBehind", "maxMinorsBehind is %d; IBM supports only n, n-1 and n-2, so use 0, 1 or 2", n)}
			},
		},
		{
			ID: "VER006", Severity: Warning, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "End of support reached by the catalog date",
			Why: seedVersionPolicy + "The catalog lists an end-of-support date before its own as-of date, so the version is " +
				"probably deprecated or unsupported by now; check `ibmcloud ks versions` (tentative dates can move).",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				v, ok := catalogVersion(c)
				if !ok || v.Status == catalog.VersionUnsupported {
					return nil
				}
				if v.StatusAsOf(c.Catalog.AsOf) != catalog.VersionUnsupported {
					return nil
				}
				return []Hit{hit("spec.kubernetesVersion", "version %s reached its %send of support on %s, by the catalog date %s",
					v.Version, tentative(v), v.EndOfSupport, c.Catalog.AsOf)}
			},
		},
		{
			ID: "VER007", Severity: Info, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "End of support is near",
			Why: seedVersionPolicy + "Plan the master update before the end of support; the master moves one minor version " +
				"at a time and workers follow with `worker update` (classic) or `worker replace --update` (VPC).",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				v, ok := catalogVersion(c)
				if !ok {
					return nil
				}
				eos, asOf, ok := eosDates(c.Catalog, v)
				if !ok || !eos.After(asOf) || eos.Sub(asOf) > EndOfSupportSoonDays*24*time.Hour {
					return nil
				}
				return []Hit{hit("spec.kubernetesVersion", "version %s reaches its %send of support on %s, within %d days of the catalog date %s; plan the update",
					v.Version, tentative(v), v.EndOfSupport, EndOfSupportSoonDays, c.Catalog.AsOf)}
			},
		},
		{
			ID: "VER008", Severity: Error, Area: AreaVersion, Path: "spec.workerPools[*].operatingSystem",
			Title: "Operating system not offered for the Kubernetes version",
			Why: "IBM offers each Kubernetes version on specific worker images: only Ubuntu 24 is listed for 1.31 and later. " +
				"A pool with another image cannot be created on that version.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				if len(c.Catalog.OperatingSystems.Items) == 0 {
					return nil
				}
				key := ""
				if c.Spec.KubernetesVersion == "" {
					if d, ok := c.Catalog.DefaultVersion(); ok {
						key = d.Version
					}
				} else if v, ok := catalogVersion(c); ok {
					key = v.Version
				}
				if key == "" {
					return nil
				}
				var hits []Hit
				for i, p := range c.Spec.WorkerPools {
					idx := slices.IndexFunc(c.Catalog.OperatingSystems.Items, func(o catalog.OperatingSystem) bool { return o.Name == p.OperatingSystem })
					path := pathf("spec.workerPools[%d].operatingSystem", i)
					if idx < 0 {
						hits = append(hits, hit(path, "pool %s: %s is not offered for any Kubernetes version in the catalog", p.Name, p.OperatingSystem))
						continue
					}
					if !slices.Contains(c.Catalog.OperatingSystems.Items[idx].Versions, key) {
						hits = append(hits, hit(path, "pool %s: %s is not offered for Kubernetes %s", p.Name, p.OperatingSystem, key))
					}
				}
				return hits
			},
		},
		{
			ID: "VER009", Severity: Info, Area: AreaVersion, Path: "spec.kubernetesVersion",
			Title: "No Kubernetes version pinned",
			Why: seedVersionPolicy + "Without --version IKS creates its current default, which changes over time; pinning the " +
				"version keeps the design, the runbook and the cluster in agreement.",
			DocURL: doc("cs_versions"),
			Check: func(c *Context) []Hit {
				if c.Spec.KubernetesVersion != "" {
					return nil
				}
				return []Hit{hit("spec.kubernetesVersion", "no version is set, so IKS creates its default (%s); pin it", defaultVersionText(c))}
			},
		},
	}
}

// minorsBehind counts minor versions from v to newest (same major assumed
// to be 1; a newer major counts as far behind).
func minorsBehind(v, newest string) int {
	vm, vn, ok1 := parseMinor(v)
	nm, nn, ok2 := parseMinor(newest)
	if !ok1 || !ok2 {
		return 0
	}
	if nm != vm {
		return max((nm-vm)*100+nn-vn, 0)
	}
	return max(nn-vn, 0)
}

func defaultVersionText(c *Context) string {
	if d, ok := c.Catalog.DefaultVersion(); ok {
		return d.Version
	}
	return "a supported version"
}

func eosText(v catalog.Version) string {
	if v.EndOfSupport == "" {
		return ""
	}
	return " (end of support " + v.EndOfSupport + ")"
}

func tentative(v catalog.Version) string {
	if v.Tentative {
		return "tentative "
	}
	return ""
}

// eosDates parses a version's end of support and the catalog's as-of date.
func eosDates(cat *catalog.Catalog, v catalog.Version) (eos, asOf time.Time, ok bool) {
	if v.EndOfSupport == "" {
		return eos, asOf, false
	}
	eos, err1 := time.Parse(time.DateOnly, v.EndOfSupport)
	asOf, err2 := time.Parse(time.DateOnly, cat.AsOf)
	return eos, asOf, err1 == nil && err2 == nil
}
