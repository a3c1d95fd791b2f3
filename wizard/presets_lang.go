package wizard

import (
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/presets"
)

// presetSummary is a preset's one-line summary in language l. The
// translations are keyed by the preset's name (locales/*/wizard-presets.yaml
// summary.<name>), not by the English like the other wizard texts: the
// summaries are few, and their English is reworded with the presets
// (model/presets), which must not drop the Japanese back to English.
func presetSummary(l i18n.Lang, p presets.Preset) string {
	if l == i18n.EN {
		return p.Summary
	}
	if loc, id := i18n.For(l), "wizard-presets.summary."+strings.ReplaceAll(p.Name, "-", "_"); loc.Has(id) {
		return loc.T(id, nil)
	}
	return trIn(l, p.Summary)
}
