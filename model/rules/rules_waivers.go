package rules

// ruleStaleWaiver is reported by Evaluate, which alone knows which rules
// fired.
const ruleStaleWaiver = "WVR003"

const waiverWhy = "A waiver accepts a rule's finding on purpose: the finding stays in the design document as info, with " +
	"the reason and the approver, so the exception is reviewed rather than forgotten. "

func waiverRules() []Rule {
	return []Rule{
		{
			ID: "WVR001", Severity: Warning, Area: AreaBasics, Path: "spec.waivers[*].rule",
			Title:  "Waiver names an unknown rule",
			Why:    waiverWhy + "A waiver for a rule ID iksplan does not have waives nothing, usually because of a typo.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, w := range c.Spec.Waivers {
					if _, ok := Lookup(waiverKey(w.Rule)); !ok {
						hits = append(hits, hit(pathf("spec.waivers[%d].rule", i), "waiver names rule %q, which does not exist", w.Rule))
					} else if !waivable(waiverKey(w.Rule)) {
						hits = append(hits, hit(pathf("spec.waivers[%d].rule", i), "rule %s cannot be waived", waiverKey(w.Rule)))
					}
				}
				return hits
			},
		},
		{
			ID: "WVR002", Severity: Warning, Area: AreaBasics, Path: "spec.waivers[*]",
			Title:  "Waiver without reason or approver",
			Why:    waiverWhy + "Without both, nobody can tell later why the risk was accepted or by whom.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for i, w := range c.Spec.Waivers {
					if w.Reason == "" || w.ApprovedBy == "" {
						hits = append(hits, hit(pathf("spec.waivers[%d]", i), "waiver for %s needs both a reason and approvedBy", w.Rule))
					}
				}
				return hits
			},
		},
		{
			ID: ruleStaleWaiver, Severity: Info, Area: AreaBasics, Path: "spec.waivers[*].rule",
			Title:  "Waiver matches no finding",
			Why:    waiverWhy + "A waiver for a rule the design passes is stale: remove it so it cannot hide a future finding.",
			DocURL: doc("strategy"),
			// Evaluate reports this rule after it has applied the waivers.
			Check: func(*Context) []Hit { return nil },
		},
		{
			ID: "WVR004", Severity: Warning, Area: AreaBasics, Path: "spec.waivers[*].rule",
			Title:  "Rule waived twice",
			Why:    waiverWhy + "Only the first waiver of a rule is applied; a second one is confusing.",
			DocURL: doc("strategy"),
			Check: func(c *Context) []Hit {
				var ids []string
				for _, w := range c.Spec.Waivers {
					ids = append(ids, waiverKey(w.Rule))
				}
				var hits []Hit
				for _, i := range dupIndexes(ids) {
					hits = append(hits, hit(pathf("spec.waivers[%d].rule", i), "rule %s is waived more than once; only the first waiver applies", ids[i]))
				}
				return hits
			},
		},
	}
}
