package runbook

import (
	"testing"

	"github.com/iksplan/iksplan/internal/golden"
	"github.com/iksplan/iksplan/model"
)

// TestJapaneseRunbookGolden pins runbook.sh in Japanese for every preset
// (the English ones are render's TestGolden). After an intended change:
// go test ./render/runbook -run TestJapaneseRunbookGolden -update.
func TestJapaneseRunbookGolden(t *testing.T) {
	for name, d := range presetDesigns(t) {
		t.Run(name, func(t *testing.T) {
			ja := d.Clone()
			ja.Spec.DocumentLanguage = model.LangJapanese
			golden.Assert(t, "runbook.sh", renderDesign(t, ja, name)["runbook.sh"])
		})
	}
}
