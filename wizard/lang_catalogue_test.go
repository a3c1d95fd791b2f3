package wizard

import (
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
)

// TestWizardMessagesHaveOneEnglish: tr finds a wizard message by its
// English, so two messages with the same English (one in wizard.yaml, one
// in a step's file) leave one Japanese unused and make the screen's
// Japanese depend on which file sorts last: 22 texts of the security and
// network steps were in both, with different Japanese.
func TestWizardMessagesHaveOneEnglish(t *testing.T) {
	seen := map[string]string{}
	for _, id := range i18n.IDs(i18n.EN) {
		if !slices.ContainsFunc([]string{wizardArea, wizardStepArea, modelArea}, func(a string) bool { return strings.HasPrefix(id, a) }) {
			continue
		}
		m, _ := i18n.Message(i18n.EN, id)
		if other, dup := seen[m.Other]; dup {
			t.Errorf("%s and %s have the same English %q", other, id, m.Other)
			continue
		}
		seen[m.Other] = id
	}
}
