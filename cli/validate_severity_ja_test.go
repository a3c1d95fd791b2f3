package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestValidateTextSeveritiesInJapanese: the text report in Japanese
// named each finding's severity in English ("error   DES001 …") among
// Japanese words; it says エラー/警告/情報, aligned as in English, while
// the JSON output keeps the contract's values.
func TestValidateTextSeveritiesInJapanese(t *testing.T) {
	body := strings.Replace(presetText(t, "tokyo-vpc-production"), "overheadPercent: 10", "overheadPercent: 1000", 1)
	f := writeFile(t, "bad.yaml", body)
	_, en, _ := run(t, "", "validate", f)
	_, ja, _ := run(t, "", "validate", f, "--lang", "ja")
	want := map[string]string{"error": "エラー", "warning": "警告", "info": "情報"}
	starts := func(out string) (sev []string, col []int) {
		for _, l := range strings.Split(out, "\n")[1:] {
			if l == "" || strings.HasPrefix(l, " ") {
				continue
			}
			fields := strings.Fields(l)
			sev = append(sev, fields[0])
			// the rule ID's column, in display columns
			col = append(col, ansi.StringWidth(l[:strings.Index(l, fields[1])]))
		}
		return sev, col
	}
	es, ec := starts(en)
	js, jc := starts(ja)
	if len(es) == 0 || len(es) != len(js) {
		t.Fatalf("findings: %d in English, %d in Japanese\n%s\n%s", len(es), len(js), en, ja)
	}
	seen := map[string]bool{}
	for i := range es {
		seen[es[i]] = true
		if js[i] != want[es[i]] {
			t.Errorf("finding %d: Japanese severity %q, want %q (English %q)\n%s", i, js[i], want[es[i]], es[i], ja)
		}
		if ec[i] != 9 || jc[i] != 9 {
			t.Errorf("finding %d: the rule ID starts at column %d in English, %d in Japanese, want 9", i, ec[i], jc[i])
		}
	}
	if !seen["error"] {
		t.Fatalf("the design has no error finding:\n%s", en)
	}
	if _, js, _ := run(t, "", "validate", f, "-o", "json", "--lang", "ja"); !strings.Contains(js, `"severity": "error"`) {
		t.Errorf("the JSON output lost its English severity values:\n%s", js)
	}
}
