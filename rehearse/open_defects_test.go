package rehearse

// openDefects are runbook defects rehearsal finds that are reported (to
// H3, /work/coord/msgs/TO-H3.md) but not fixed yet, by design: each entry
// is a substring of a rehearsal problem. TestRehearsePresetsAndVariants
// fails on any other problem, and on an entry that no longer happens: a
// fix then removes its line, and from then on the test guards the fix.
var openDefects = map[string][]string{
	"dev-single-zone": {
		retention, autoupdate,
		"second run changed the account: ibmcloud is subnet-update", // TO-H3 B
	},
	"tokyo-vpc-production":      {retention, autoupdate},
	"vpc-existing-private-only": {retention, autoupdate},
	"tokyo-classic-production":  {retention, autoupdate, auditSet, refresh},
	"classic-bare-metal-pool":   {retention, autoupdate, auditSet, refresh},
	"classic-private-vlans-gateway": {retention, autoupdate, auditSet, refresh,
		"second run changed the account: ibmcloud ks ingress alb enable classic", // TO-H3 E
		"second run changed the account: ibmcloud ks ingress alb disable",        // TO-H3 E
	},
}

const (
	retention  = "retention_period <nil>"                                                       // issue 7 item 7
	autoupdate = "second run changed the account: ibmcloud ks ingress alb autoupdate enable"    // TO-H3 A
	auditSet   = "second run changed the account: ibmcloud ks cluster master audit-webhook set" // TO-H3 C
	refresh    = "second run changed the account: ibmcloud ks cluster master refresh"           // TO-H3 C
)
