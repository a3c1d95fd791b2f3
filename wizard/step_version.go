package wizard

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model/catalog"
)

// Step 3, Kubernetes version: the catalog's versions with their status and
// end of support, judged against today, and IBM's n..n-2 policy (seed
// slide 13).

func registerVersion() {
	Register(Step{
		ID:    StepVersion,
		Title: "Kubernetes version",
		Pages: []Page{{
			ID:          "version",
			Title:       "Kubernetes version",
			Description: "IBM supports the newest minor version and the two before it (n..n-2); the master moves one minor at a time.",
			Fields: func(c *Ctx) []huh.Field {
				opts := versionOpts(c)
				if c.D.Spec.KubernetesVersion == "" {
					if v, ok := c.Cat.DefaultVersion(); ok {
						c.D.Spec.KubernetesVersion = v.Version
					}
				}
				return []huh.Field{Pick(c, "spec.kubernetesVersion", "Version", "", &c.D.Spec.KubernetesVersion, opts)}
			},
			Live: func(c *Ctx) string {
				v, ok := c.Cat.Version(c.D.Spec.KubernetesVersion)
				if !ok {
					return "not in the catalog (as of " + c.Cat.AsOf + "): check `ibmcloud ks versions`"
				}
				return wrapTo(versionCountdown(c, v)+c.trf("\nCatalog as of %s; the runbook checks `ibmcloud ks versions` before creating the cluster.", c.Cat.AsOf), c.Width)
			},
		}},
	})
	RegisterWhy(Why{
		Key: "spec.kubernetesVersion",
		Text: "When a new version (n) is released, IBM supports it and the two before it (n-1, n-2); " +
			"n-3 becomes deprecated, then unsupported (IBM's 2019 guidance, slide 13). An unsupported cluster cannot " +
			"create or repair workers, and a master too far behind must be recreated. The master " +
			"updates one minor version at a time; workers get fix packs every two weeks. Pick the " +
			"default or the newest supported version, with the most time before end of support.",
		Alternatives: "An older supported version only if a workload is not yet tested on the newer one; " +
			"plan its upgrade before the end-of-support date.",
		Doc: "https://cloud.ibm.com/docs/containers?topic=containers-cs_versions",
	})
}

// versionOpts lists the catalog's versions, newest first, with status.
func versionOpts(c *Ctx) []Opt[string] {
	var out []Opt[string]
	for _, v := range c.Cat.Versions.Items {
		out = append(out, Opt[string]{Value: v.Version, Label: versionLabel(c, v), Help: versionLine(c, v)})
	}
	return out
}

func versionStatus(c *Ctx, v catalog.Version) catalog.VersionStatus {
	if c.Today == "" {
		return v.Status
	}
	return v.StatusAsOf(c.Today)
}

func versionLabel(c *Ctx, v catalog.Version) string {
	st := versionStatus(c, v)
	label := fmt.Sprintf("%s  %s", v.Version, c.tr(string(st)))
	if v.EndOfSupport != "" {
		label += c.trf(", end of support %s", v.EndOfSupport)
		if v.Tentative {
			label += c.tr(" (tentative)")
		}
	}
	return label
}

// versionCountdown says how long the version stays supported.
func versionCountdown(c *Ctx, v catalog.Version) string {
	line := fmt.Sprintf("Kubernetes %s: %s", v.Version, c.tr(string(versionStatus(c, v))))
	if v.EndOfSupport == "" {
		return line
	}
	end, err1 := time.Parse("2006-01-02", v.EndOfSupport)
	today, err2 := time.Parse("2006-01-02", c.Today)
	if err1 != nil || err2 != nil {
		return line + c.trf(", end of support %s", v.EndOfSupport)
	}
	days := int(end.Sub(today).Hours() / 24)
	tent := ""
	if v.Tentative {
		tent = c.tr(" (tentative)")
	}
	if days <= 0 {
		return c.trf("%s: support ended %s%s", line, v.EndOfSupport, tent)
	}
	return c.trf("%s, supported until %s%s: %d days from today; plan the next upgrade well before", line, v.EndOfSupport, tent, days)
}

func versionLine(c *Ctx, v catalog.Version) string {
	var parts []string
	switch versionStatus(c, v) {
	case catalog.VersionDefault:
		parts = append(parts, "the default for new clusters")
	case catalog.VersionSupported:
		parts = append(parts, "supported")
	case catalog.VersionDeprecated:
		parts = append(parts, "deprecated: security fixes may stop; plan the upgrade")
	case catalog.VersionUnsupported:
		parts = append(parts, "unsupported: IBM no longer creates or fixes workers on it")
	}
	if v.Note != "" {
		parts = append(parts, v.Note)
	}
	for i := range parts {
		parts[i] = c.tr(parts[i])
	}
	return strings.Join(parts, c.tr(". "))
}
