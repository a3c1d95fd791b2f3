package rules

import (
	"github.com/iksplan/iksplan/model"
)

func basicRules() []Rule {
	return []Rule{
		{
			ID: "BAS001", Severity: Error, Area: AreaBasics, Path: "spec.infrastructure", FixedAtCreate: true,
			Title: "Infrastructure not chosen",
			Why: "IBM's 2019 guidance (slide 9) and IBM's planning guide start from the infrastructure: classic (VLANs, data centers, bare metal) " +
				"or VPC (subnets, security groups). It decides the zones, flavors, storage and network of the design, and a " +
				"cluster can never move to the other one.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				i := c.Spec.Infrastructure
				if i.Valid() {
					return nil
				}
				if i == "" {
					return []Hit{hit("spec.infrastructure", "no infrastructure is set; choose classic or vpc-gen2")}
				}
				return []Hit{hit("spec.infrastructure", "infrastructure %q is not classic or vpc-gen2", string(i))}
			},
		},
		{
			ID: "BAS002", Severity: Warning, Area: AreaBasics, Path: "spec.environment",
			Title: "Environment not chosen",
			Why: "The environment decides how strict the review is: production turns many warnings into errors (IBM's 2019 guidance, slide 9: " +
				"production and development get different hardware). Without it, production rules are not applied.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				e := c.Spec.Environment
				if e.Valid() {
					return nil
				}
				if e == "" {
					return []Hit{hit("spec.environment", "no environment is set, so the production rules are not applied; choose production, staging or development")}
				}
				return []Hit{hit("spec.environment", "environment %q is not production, staging or development", string(e))}
			},
		},
		{
			ID: "SEC003", Severity: Warning, Area: AreaIAM, Path: "spec.namespaces[*].podSecurity",
			Title: "Production namespace admits privileged pods",
			Why: "Pod Security Policies are gone since Kubernetes 1.25; IKS applies Pod Security Admission, and the design sets " +
				"a Pod Security Standard per namespace. Privileged lifts every restriction and is meant for system agents, not " +
				"application namespaces of a production cluster.",
			DocURL: doc("pod-security-admission"),
			Check: func(c *Context) []Hit {
				if !c.Spec.IsProduction() {
					return nil
				}
				var hits []Hit
				for i, n := range c.Spec.Namespaces {
					if n.PodSecurity == model.PodSecurityPrivileged {
						hits = append(hits, hit(pathf("spec.namespaces[%d].podSecurity", i), "namespace %s admits privileged pods; use restricted, or baseline for software that cannot run restricted", n.Name))
					}
				}
				return hits
			},
		},
	}
}
