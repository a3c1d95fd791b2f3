package i18n

import (
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"", nil, EN},
		{"ja", nil, JA},
		{"JA", map[string]string{"LANG": "en_US.UTF-8"}, JA},
		{"en", map[string]string{"LANG": "ja_JP.UTF-8"}, EN},
		{"", map[string]string{"LANG": "ja_JP.UTF-8"}, JA},
		{"", map[string]string{"LANG": "ja_JP.eucJP"}, JA},
		{"", map[string]string{"LC_MESSAGES": "ja_JP", "LANG": "en_US"}, JA},
		{"", map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ja_JP"}, EN},
		// LC_ALL set to a language iksplan lacks still decides: English, not LANG.
		{"", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}, EN},
		{"", map[string]string{"LANG": "C"}, EN},
		{"", map[string]string{"LANG": "C.UTF-8"}, EN},
		{"ja-JP", nil, JA},
	} {
		got, err := ResolveEnv(tc.flag, func(k string) string { return tc.env[k] })
		if err != nil || got != tc.want {
			t.Errorf("ResolveEnv(%q, %v) = %q, %v; want %q", tc.flag, tc.env, got, err, tc.want)
		}
	}
	if _, err := ResolveEnv("fr", func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "--lang") {
		t.Errorf("--lang fr: want an error naming --lang, got %v", err)
	}
}

func TestLocalizer(t *testing.T) {
	en, ja := For(EN), For(JA)
	for _, tc := range []struct {
		l    *Localizer
		n    int
		want string
	}{
		{en, 1, "1 error"}, {en, 2, "2 errors"}, {en, 0, "0 errors"},
		{ja, 1, "エラー 1\u00a0件"}, {ja, 2, "エラー 2\u00a0件"},
	} {
		if got := tc.l.N("cli.count.error", tc.n, nil); got != tc.want {
			t.Errorf("%s N(%d) = %q, want %q", tc.l.Lang(), tc.n, got, tc.want)
		}
	}
	if got, want := ja.T("cli.validate.line", map[string]any{"Path": "spec.zones", "Line": 3}), "spec.zones (3\u00a0行目)"; got != want {
		t.Errorf("ja T = %q, want %q", got, want)
	}
	if got := ja.T("no.such.message", nil); got != "no.such.message" {
		t.Errorf("missing message: %q, want its ID", got)
	}
	if !ja.Has("cli.flag.lang") || ja.Has("cli.nope") {
		t.Error("Has disagrees with the catalogue")
	}
}
