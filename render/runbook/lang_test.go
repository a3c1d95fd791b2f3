package runbook

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/iksplan/iksplan/model"
)

var (
	messageLine = regexp.MustCompile(`^\s*(say|note) "`)
	// quoted is a double-quoted (escapes included) or single-quoted bash word.
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'`)
)

// skeleton is a line with every quoted word (and every bare word in Japanese, which
// mvdan.cc/sh leaves unquoted) replaced, so lines compare equal when only a message changed.
func skeleton(s string) string {
	return bareJapanese.ReplaceAllString(quoted.ReplaceAllString(s, `"…"`), `"…"`)
}

// bareJapanese is an unquoted word with a Japanese character.
var bareJapanese = regexp.MustCompile(`[^\s'"]*[\p{Han}\p{Hiragana}\p{Katakana}][^\s'"]*`)

// comment reports whether a runbook line is a comment.
func comment(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "#") }

func japanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return true
		}
	}
	return false
}

// TestJapaneseRunbook renders every preset and variant with
// documentLanguage ja: every say/note message is Japanese, every other
// line (commands, variables, helpers) is the English runbook's or differs
// only in a quoted word or a comment, and then in Japanese; bash -n and
// shellcheck still pass.
func TestJapaneseRunbook(t *testing.T) {
	sc, scErr := exec.LookPath("shellcheck")
	untranslated := map[string]bool{}
	for name, d := range presetDesigns(t) {
		for _, v := range designVariants(d) {
			en := renderDesign(t, v.design, name)
			ja := v.design.Clone()
			ja.Spec.DocumentLanguage = model.LangJapanese
			arts := renderDesign(t, ja, name)
			el := strings.Split(string(en["runbook.sh"]), "\n")
			jl := strings.Split(string(arts["runbook.sh"]), "\n")
			if len(el) != len(jl) {
				t.Fatalf("%s/%s: Japanese runbook has %d lines, English %d", name, v.name, len(jl), len(el))
			}
			for i := range el {
				if messageLine.MatchString(el[i]) {
					if !japanese(jl[i]) {
						untranslated[strings.TrimSpace(el[i])] = true
					}
					continue
				}
				if el[i] == jl[i] {
					continue
				}
				if skeleton(el[i]) == skeleton(jl[i]) && japanese(jl[i]) {
					continue // a message argument (wait_for's what, die) in Japanese
				}
				if comment(el[i]) && comment(jl[i]) && japanese(jl[i]) {
					continue // a comment in Japanese
				}
				if !strings.Contains(el[i], "documentLanguage") {
					t.Errorf("%s/%s line %d changed outside a message:\n en: %s\n ja: %s", name, v.name, i+1, el[i], jl[i])
				}
			}
			if scErr == nil {
				dir := writeArtifacts(t, arts)
				if out, err := exec.Command(sc, "-s", "bash", "-S", "style", filepath.Join(dir, "runbook.sh")).CombinedOutput(); err != nil {
					t.Errorf("%s/%s (ja): shellcheck: %v\n%s", name, v.name, err, out)
				}
				if out, err := exec.Command("bash", "-n", filepath.Join(dir, "runbook.sh")).CombinedOutput(); err != nil {
					t.Errorf("%s/%s (ja): bash -n: %v\n%s", name, v.name, err, out)
				}
			}
		}
	}
	for l := range untranslated {
		t.Errorf("message without Japanese (add it to locales/*/runbook.yaml): %s", l)
	}
}
