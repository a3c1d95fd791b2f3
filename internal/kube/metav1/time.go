package metav1

import (
	"encoding/json"
	"time"
)

// Time is k8s.io/apimachinery/pkg/apis/meta/v1.Time: a time.Time that is
// RFC 3339 in UTC to the second in JSON, and null when zero.
type Time struct {
	time.Time
}

// IsZero is whether t is nil or the zero time.
func (t *Time) IsZero() bool { return t == nil || t.Time.IsZero() }

// MarshalJSON is RFC 3339 in UTC, or null.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.UTC().Format(time.RFC3339))
}

// UnmarshalJSON reads RFC 3339 or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		t.Time = time.Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	pt, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return err
	}
	t.Time = pt.Local()
	return nil
}
