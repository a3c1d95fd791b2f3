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
	data := map[string]any{"Errors": 1, "Warnings": 0, "Infos": 0}
	if got, want := en.N("cli.validate.summary", 1, data), "1 finding: 1 error(s), 0 warning(s), 0 info"; got != want {
		t.Errorf("en one: %q, want %q", got, want)
	}
	data["Errors"] = 2
	if got, want := en.N("cli.validate.summary", 2, data), "2 findings: 2 error(s), 0 warning(s), 0 info"; got != want {
		t.Errorf("en other: %q, want %q", got, want)
	}
	if got, want := ja.N("cli.validate.summary", 1, data), "指摘 1 件: エラー 2 件、警告 0 件、情報 0 件"; got != want {
		t.Errorf("ja: %q, want %q", got, want)
	}
	if got := ja.T("no.such.message", nil); got != "no.such.message" {
		t.Errorf("missing message: %q, want its ID", got)
	}
	if !ja.Has("cli.flag.lang") || ja.Has("cli.nope") {
		t.Error("Has disagrees with the catalogue")
	}
}
