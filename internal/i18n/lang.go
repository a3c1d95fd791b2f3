package i18n

import (
	"fmt"
	"os"
	"strings"
)

// Lang is a language iksplan speaks. Its value is what users type after
// --lang and what the design file records as spec.documentLanguage.
type Lang string

// The languages. English is the default and the fallback.
const (
	EN Lang = "en"
	JA Lang = "ja"
)

// Langs lists every supported language, English first.
var Langs = []Lang{EN, JA}

// Parse turns a --lang value or a design file's documentLanguage into a
// Lang. It accepts the bare code ("ja") and locale forms ("ja_JP.UTF-8",
// "ja-JP"), case-insensitively; anything else is an error naming the
// supported values.
func Parse(s string) (Lang, error) {
	if l, ok := fromLocale(s); ok {
		return l, nil
	}
	return "", fmt.Errorf("unknown language %q: use en or ja", s)
}

// Resolve picks the language of a run: the --lang flag when given, else the
// POSIX locale variables in their order of precedence (LC_ALL, then
// LC_MESSAGES, then LANG: the first non-empty one decides, as in setlocale),
// else English. A locale iksplan does not speak (fr_FR, C, POSIX) means
// English; only a bad --lang value is an error, because the user typed it.
func Resolve(flag string) (Lang, error) { return ResolveEnv(flag, os.Getenv) }

// ResolveEnv is Resolve with the environment passed in, for tests.
func ResolveEnv(flag string, getenv func(string) string) (Lang, error) {
	if strings.TrimSpace(flag) != "" {
		l, err := Parse(flag)
		if err != nil {
			return "", fmt.Errorf("--lang: %w", err)
		}
		return l, nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val := getenv(v); val != "" {
			if l, ok := fromLocale(val); ok {
				return l, nil
			}
			return EN, nil
		}
	}
	return EN, nil
}

// fromLocale reads the language part of a locale name: ll[_CC][.charset][@modifier].
func fromLocale(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	for _, l := range Langs {
		if s == string(l) {
			return l, true
		}
	}
	return "", false
}
