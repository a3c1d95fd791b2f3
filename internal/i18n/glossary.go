package i18n

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iksplan/iksplan/internal/lazyre"
)

//go:embed glossary.yaml
var glossaryYAML []byte

// Term is one glossary entry: the English term, IBM Japan's Japanese term
// (as IBM Cloud Docs' Japanese pages write it), and spellings that are
// wrong for iksplan's text (a missing nakaguro, the short katakana ending).
type Term struct {
	EN    string   `yaml:"en"`
	JA    string   `yaml:"ja"`
	Wrong []string `yaml:"wrong,omitempty"`
	// Except lists English phrases that contain the term but are not it,
	// such as product names IBM does not translate ("Secrets Manager").
	Except []string `yaml:"except,omitempty"`
	// Note says where the term comes from or why the choice.
	Note string `yaml:"note,omitempty"`
}

// codeSpan matches what is code, not prose, in an English message: `quoted`
// spans and YAML paths such as spec.zones or spec.workerPools[0].flavor.
var codeSpan = lazyre.New("`[^`]*`|\\b[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*|\\[[^\\]]*\\])+")

// Glossary returns the terminology the tests enforce on every message and
// that writers of Japanese text follow.
func Glossary() ([]Term, error) {
	var g struct {
		Terms []Term `yaml:"terms"`
	}
	if err := yaml.Unmarshal(glossaryYAML, &g); err != nil {
		return nil, fmt.Errorf("parse glossary.yaml: %w", err)
	}
	for i, t := range g.Terms {
		if t.EN == "" || t.JA == "" {
			return nil, fmt.Errorf("glossary.yaml: terms[%d] needs both en and ja", i)
		}
	}
	return g.Terms, nil
}

// UsesTerm reports whether English text s uses term t: whole words, any
// case, plural "s" allowed ("Worker nodes" uses "worker node"), outside
// code spans and the term's exceptions. A term joined to a hyphenated or
// slashed name (cluster-autoscaler, worker-pool) is a name, not the term.
func (t Term) UsesTerm(s string) bool {
	s = codeSpan.ReplaceAllString(s, " ")
	s = templateField.ReplaceAllString(s, " ") // a placeholder's name is not text
	for _, e := range t.Except {
		s = strings.ReplaceAll(s, e, " ")
	}
	return regexp.MustCompile(`(?i)(?:^|[^-\w/])` + regexp.QuoteMeta(t.EN) + `(?:s|es)?(?:[^-\w/]|$)`).MatchString(s)
}

// WrongIn returns the first wrong variant of t found in Japanese text s.
// A variant that is a prefix of the right term ("クラスタ" of "クラスター")
// counts only where the right term does not continue it.
func (t Term) WrongIn(s string) (string, bool) {
	for _, w := range t.Wrong {
		rest := s
		for {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			if !strings.HasPrefix(rest[i:], t.JA) || !strings.HasPrefix(t.JA, w) {
				return w, true
			}
			rest = rest[i+len(w):]
		}
	}
	return "", false
}
