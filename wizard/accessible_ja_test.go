package wizard

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/presets"
)

// huhKeys are the answers huh's yes/no questions take, which stay as
// they are typed.
var huhKeys = regexp.MustCompile(`\[y/N\]|\[Y/n\]`)

// TestJapaneseAccessible: the accessible mode speaks the run's language.
// It built its Ctx without one, so with LANG=ja every question, page,
// step header and why text ("Why:", "Alternatives:", "IBM docs:") came out
// in English. A whole preset design in Japanese, with "?" on the first
// question, now prints no English sentence, huh's own prompts ("Enter a
// number between 1 and 5:") included.
func TestJapaneseAccessible(t *testing.T) {
	opts := testOptions(t, nil)
	opts.Lang = i18n.JA
	opts.Write = nil
	opts.OutDir = filepath.Join(t.TempDir(), "out")
	var out strings.Builder
	in := &answerer{out: &out, lines: []string{"2", "?"}} // preset tokyo-classic-production, then why
	if err := RunAccessible(opts, in, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	o := out.String()
	for _, want := range []string{"== ステップ 12/12: レビューと書き出し ==", "理由: ", "次の作業:", "1 から 5 の番号を入力してください: "} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	d, err := presets.Design("tokyo-classic-production")
	if err != nil {
		t.Fatal(err)
	}
	keep := append(designValues(d), opts.OutDir)
	seen := map[string]bool{}
	// NB: line by line: a command's rest of line is code, and without
	// a line break it would run to the end of the output.
	for _, line := range strings.Split(huhKeys.ReplaceAllString(o, " "), "\n") {
		for _, e := range englishOnScreen(line, keep) {
			if !seen[e] {
				seen[e] = true
				t.Errorf("English in Japanese accessible mode: %q", e)
			}
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", o)
	}
}
