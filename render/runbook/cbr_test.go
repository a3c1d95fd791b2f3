package runbook

import (
	"strings"
	"testing"
)

// TestClassicCBRRestrictsThePublicEndpoint: a classic design with
// context-based restrictions keeps private-network calls allowed and lets
// the public endpoint be called only from the network zone (IBM cbr page,
// "privateAccess=allowAll, publicAccess=oneIP"), for both API types, with
// no VPC in the zone; without a public endpoint nothing is created.
func TestClassicCBRRestrictsThePublicEndpoint(t *testing.T) {
	const name = "tokyo-classic-production"
	d := presetDesigns(t)[name]
	if cbr := d.Spec.CBR(); cbr == nil || !cbr.Enabled || !d.Spec.Network.ServiceEndpoints.HasPublic() {
		t.Fatal("the classic preset no longer restricts its public endpoint")
	}
	rules, zones := 0, 0
	for _, c := range commands(parseScript(t, name, renderDesign(t, d, name)["runbook.sh"])) {
		sh := c.shape()
		switch {
		case strings.Contains(sh, "ibmcloud cbr zone-create "):
			zones++
			if strings.Contains(sh, "--vpc") || !strings.Contains(sh, "--addresses <arg>") {
				t.Errorf("classic zone: %s", sh)
			}
		case strings.Contains(sh, "ibmcloud cbr rule-create "):
			rules++
			if !strings.Contains(sh, "--context-attributes endpointType=private --context-attributes <arg>") || strings.Contains(sh, "--zone-id") {
				t.Errorf("classic rule does not keep private open and restrict public: %s", sh)
			}
		}
	}
	if zones != 1 || rules != 2 {
		t.Errorf("classic CBR: %d zones, %d rules; want 1 and 2", zones, rules)
	}
}
