package rules

import (
	"fmt"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
)

// TestListsJoinInTheMessageLanguage: English prints lists exactly as the
// messages always did; a Japanese finding re-joins them with 、 and または.
func TestListsJoinInTheMessageLanguage(t *testing.T) {
	abc := []string{"a", "b", "c"}
	for _, tc := range []struct {
		l      list
		en, ja string
	}{
		{commaList(abc), "a, b, c", "a、b、c"},
		{joinNames(abc), "a, b and c", "a、b、c"},
		{orList(abc), "a or b or c", "a または b または c"},
		{joinNames([]string{"x"}), "x", "x"},
		{joinNames(nil), "", ""},
	} {
		if got := fmt.Sprintf("%s", tc.l); got != tc.en {
			t.Errorf("English %q, want %q", got, tc.en)
		}
		args := termsIn(i18n.JA, []any{tc.l})
		if got := fmt.Sprint(args[0]); got != tc.ja {
			t.Errorf("Japanese %q, want %q", got, tc.ja)
		}
	}
}
