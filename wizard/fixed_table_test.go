package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/change"
)

// TestFixedBadgesFollowTheImpactTable: the badge of a design field comes
// from model/change's table; a Why that still says fixed at create for a
// field the table does not fix (or the reverse) is a stale second source.
func TestFixedBadgesFollowTheImpactTable(t *testing.T) {
	whyMu.RLock()
	defer whyMu.RUnlock()
	for k, w := range whys {
		if !strings.HasPrefix(k, "spec.") && !strings.HasPrefix(k, "metadata.") {
			continue
		}
		if w.FixedAtCreate && !change.FixedAtCreate(k) {
			t.Errorf("%s: Why says fixed at create %v, impact table %v", k, w.FixedAtCreate, change.FixedAtCreate(k))
		}
	}
}
