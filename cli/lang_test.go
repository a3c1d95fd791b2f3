package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/rules"
)

// The CLI's English goldens must not depend on the developer's locale.
func init() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		os.Unsetenv(v)
	}
}

// oneZoneDesign is the classic production preset in one zone: HA001 fires.
func oneZoneDesign(t *testing.T) string {
	base := presetText(t, "tokyo-classic-production")
	const zones = "  zones: [tok02, tok04, tok05]\n"
	if !strings.Contains(base, zones) {
		t.Fatal("preset's zones line changed")
	}
	return strings.Replace(base, zones, "  zones: [tok02]\n", 1)
}

func TestValidateInJapanese(t *testing.T) {
	f := writeFile(t, "d.yaml", oneZoneDesign(t))
	codeEN, outEN, _ := run(t, "", "validate", f)
	code, out, errOut := run(t, "", "validate", f, "--lang", "ja")
	if code != codeEN || code != 1 {
		t.Fatalf("exit %d (English %d)\n%s", code, codeEN, out)
	}
	for _, want := range []string{"エラー   HA001   spec.zones (", "\u00a0行目)", "本番クラスターが 1\u00a0つのゾーン", "理由: 2019\u00a0年資料のスライド 8", "資料: https://cloud.ibm.com/docs/containers?topic=containers-ha_clusters", "エラー "} {
		if !strings.Contains(out, want) {
			t.Errorf("Japanese report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "production cluster runs in one zone") {
		t.Errorf("Japanese report still has the English message:\n%s", out)
	}
	if !strings.Contains(errOut, "エラー") {
		t.Errorf("stderr %q", errOut)
	}
	if !strings.Contains(outEN, "production cluster runs in one zone") {
		t.Errorf("English report changed:\n%s", outEN)
	}

	// JSON: the same findings, keys and enum values; only message and why differ.
	_, jen, _ := run(t, "", "validate", f, "-o", "json")
	_, jja, _ := run(t, "", "validate", f, "-o", "json", "--lang", "ja")
	var a, b struct{ Findings []rules.Finding }
	if err := json.Unmarshal([]byte(jen), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(jja), &b); err != nil {
		t.Fatal(err)
	}
	if len(a.Findings) != len(b.Findings) || len(a.Findings) == 0 {
		t.Fatalf("%d English findings, %d Japanese", len(a.Findings), len(b.Findings))
	}
	for i := range a.Findings {
		x, y := a.Findings[i], b.Findings[i]
		if x.RuleID != y.RuleID || x.Path != y.Path || x.Severity != y.Severity || x.Line != y.Line || x.DocURL != y.DocURL {
			t.Errorf("finding %d differs beyond its text: %+v / %+v", i, x, y)
		}
		if x.Message == y.Message && x.RuleID == "HA001" {
			t.Errorf("HA001 message not translated: %s", y.Message)
		}
	}
}

func TestLangFromLocaleAndBadFlag(t *testing.T) {
	f := writeFile(t, "d.yaml", oneZoneDesign(t))
	t.Setenv("LANG", "ja_JP.UTF-8")
	_, out, _ := run(t, "", "validate", f)
	if !strings.Contains(out, "本番クラスター") {
		t.Errorf("LANG=ja_JP.UTF-8 did not give Japanese:\n%s", out)
	}
	_, out, _ = run(t, "", "validate", f, "--lang", "en")
	if !strings.Contains(out, "production cluster runs in one zone") {
		t.Errorf("--lang en did not override the locale:\n%s", out)
	}
	code, _, errOut := run(t, "", "validate", f, "--lang", "fr")
	if code != ExitUsage || !strings.Contains(errOut, "--lang") {
		t.Errorf("--lang fr: exit %d, %q", code, errOut)
	}
}

func TestInitRecordsDocumentLanguage(t *testing.T) {
	_, out, _ := run(t, "", "init", "--preset", "dev-single-zone", "--lang", "ja")
	if !strings.Contains(out, "\nspec:\n  documentLanguage: ja\n") {
		t.Fatalf("init --lang ja did not record the language:\n%s", out)
	}
	f := writeFile(t, "d.yaml", out)
	if code, v, _ := run(t, "", "validate", f); code != 0 {
		t.Fatalf("the recorded design does not validate: %d\n%s", code, v)
	}
	_, plain, _ := run(t, "", "init", "--preset", "dev-single-zone")
	if plain != presetText(t, "dev-single-zone") {
		t.Error("init without --lang must write the preset as shipped")
	}
	bad := writeFile(t, "b.yaml", strings.Replace(out, "documentLanguage: ja", "documentLanguage: fr", 1))
	code, v, _ := run(t, "", "validate", bad)
	if code != 1 || !strings.Contains(v, "spec.documentLanguage (line") {
		t.Errorf("documentLanguage fr: exit %d\n%s", code, v)
	}
}
