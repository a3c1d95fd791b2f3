package wizard

import (
	"regexp"
	"testing"
	"time"
)

// TestNewDraftIDKeepsSameSecondDesignsApart: two designs started in the
// same second get different drafts, and the id keeps its documented form
// (the time it was started, then six hex digits).
func TestNewDraftIDKeepsSameSecondDesignsApart(t *testing.T) {
	now := time.Date(2026, 12, 6, 9, 30, 0, 0, time.UTC)
	form := regexp.MustCompile(`^new-20261206-093000-[0-9a-f]{6}$`)
	seen := map[string]bool{}
	for range 64 {
		id := NewDraftID(now)
		if !form.MatchString(id) {
			t.Fatalf("NewDraftID = %q, want new-<yyyymmdd>-<hhmmss>-<6 hex>", id)
		}
		seen[id] = true
	}
	if len(seen) < 60 {
		t.Fatalf("64 ids started in one second gave only %d distinct drafts", len(seen))
	}
}
