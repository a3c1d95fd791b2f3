package rules

import (
	"strings"

	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
)

// A design refers to things by name in many places: the namespace a
// database binds into, the namespaces an access group may work in, the
// namespace of a volume or a CI/CD stage. The manifests create a referenced
// namespace the design does not declare (STO007 and IAM002 only warn about
// that), so a reference must follow the naming rule of what it names
// before it reaches a Namespace object, a RoleBinding or a command line.
// References to pools, buckets and storage classes must name an existing
// one (OPS002, OPS008, STO001), which was validated where it is declared.

// waiverRuleRE is the shape of a rule ID a waiver can name (HA001, NAM015).
var waiverRuleRE = lazyre.New(`^[A-Za-z]{2,5}[0-9]{1,4}$`)

func validateRuleRef(s string) error {
	if !waiverRuleRE.MatchString(s) {
		return &model.InputError{Format: "%s is not a rule ID like HA001", Args: []any{model.QuoteValue(s)}}
	}
	return nil
}

// referenceChecks lists every name reference of the design that the
// validator of what it names refuses, with that validator: a name that
// passes needs no path or phrase (building them for every reference was a
// megabyte at 1,000 access groups).
func referenceChecks(d *model.Design) []nameCheck {
	s := &d.Spec
	var checks []nameCheck
	ns := func(path string, what any, v string) {
		checks = append(checks, nameCheck{path, what, v, model.ValidateNamespace})
	}
	bad := func(v string) bool { return model.ValidateNamespace(v) != nil }
	for i, db := range s.Storage.Databases {
		if db.BindNamespace != "" && bad(db.BindNamespace) {
			ns(pathf("spec.storage.databases[%d].bindNamespace", i), phrasef("namespace of database %s", db.Name), db.BindNamespace)
		}
	}
	if cl := s.Storage.Cloudant; cl.Enabled && cl.BindNamespace != "" && bad(cl.BindNamespace) {
		ns("spec.storage.cloudant.bindNamespace", "namespace of Cloudant", cl.BindNamespace)
	}
	for i, v := range s.Storage.Volumes {
		if !bad(v.Namespace) {
			continue
		}
		ns(pathf("spec.storage.volumes[%d].namespace", i), phrasef("namespace of volume %s", v.Name), v.Namespace)
	}
	for i, st := range s.CICD.Stages {
		if !bad(st.Namespace) {
			continue
		}
		ns(pathf("spec.cicd.stages[%d].namespace", i), phrasef("namespace of stage %s", st.Name), st.Namespace)
	}
	for i, g := range s.IAM.AccessGroups {
		for j, n := range g.Namespaces {
			if !bad(n) {
				continue
			}
			ns(pathf("spec.iam.accessGroups[%d].namespaces[%d]", i, j), phrasef("namespace of access group %s", g.Name), n)
		}
	}
	for i, w := range s.Waivers {
		if validateRuleRef(waiverKey(w.Rule)) == nil {
			continue
		}
		checks = append(checks, nameCheck{pathf("spec.waivers[%d].rule", i), "waived rule", waiverKey(w.Rule), validateRuleRef})
	}
	return checks
}

func referenceRules() []Rule {
	return []Rule{
		{
			ID: "NAM020", Severity: Error, Area: AreaIAM, Path: "spec.storage.databases[*].bindNamespace",
			Title: "Reference to a namespace (or rule) that breaks its naming rule",
			Why: "Wherever the design names a namespace (a service binding, a volume, a CI/CD stage, an access group's scope) " +
				"the manifests create that namespace, bind roles in it and the runbook passes it to `ibmcloud ks cluster " +
				"service bind --namespace`; Kubernetes namespace names are DNS-1123 labels (lowercase letters, digits and " +
				"hyphens, at most 63 characters). A waiver names a rule by its ID.",
			DocURL: doc("service-binding"),
			Check:  func(c *Context) []Hit { return checkNames(referenceChecks(c.Design)) },
		},
	}
}

// rangeRules judges every number against the range its field declares,
// for designs that never went through the loader (the wizard's), with
// defaults applied. spec.sizing is HA010's, which words it with the seed's
// advice.
func rangeRules() []Rule {
	return []Rule{
		{
			ID: "DES002", Severity: Error, Area: AreaBasics, Path: "spec",
			Title: "Number out of range",
			Why: "Every number of a design has a range (`iksplan schema` lists it): counts are not negative, percentages " +
				"stay within their bounds, sizes fit IBM's largest volume, and NaN or infinity is never a quantity. A value " +
				"outside would reach the capacity maths, a manifest or a command.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for _, p := range model.CheckRanges(c.Design, nil) {
					if strings.HasPrefix(p.Path, "spec.sizing.") {
						continue
					}
					hits = append(hits, hit(p.Path, "%s %s", p.Path, p.Text()))
				}
				return hits
			},
		},
		{
			ID: "DES003", Severity: Error, Area: AreaBasics, Path: "spec",
			Title: "Value that is not text",
			Why: "Every value ends up in a shell word, a YAML manifest or the design document: a NUL character or bytes " +
				"that are not UTF-8 cannot be carried by any of them (YAML refuses them, bash cuts a word at NUL), and a " +
				"value that begins with a line break does not survive the design file (YAML reads it back without it).",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for _, p := range model.CheckText(c.Design) {
					hits = append(hits, hit(p.Path, "%s %s", p.Path, p.Text()))
				}
				return hits
			},
		},
	}
}
