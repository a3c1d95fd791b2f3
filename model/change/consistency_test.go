package change_test

import (
	"testing"

	"github.com/iksplan/iksplan/model/change"
	"github.com/iksplan/iksplan/model/rules"
)

// TestRuleMarksFollowTheTable: findings take their 🔒 from the impact
// table (rules.Evaluate); a rule whose own FixedAtCreate flag still says
// fixed where the table does not is a stale second source.
func TestRuleMarksFollowTheTable(t *testing.T) {
	for _, r := range rules.All() {
		if got := change.FixedAtCreate(r.Path); r.FixedAtCreate && !got {
			t.Errorf("%s (%s): rule says fixed at create %v, impact table %v", r.ID, r.Path, r.FixedAtCreate, got)
		}
	}
}
