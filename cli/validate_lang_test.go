package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model/rules"
)

// englishInMessage finds English phrases in a Japanese message: two or
// more ASCII words in a row, once quoted values ("…"), code (`…`) and
// IBM's product names are taken out. A Japanese message keeps values,
// paths and product names as written, but no English sentence.
var (
	messageQuoted  = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")
	messageEnglish = regexp.MustCompile(`[A-Za-z]{2,}(?: [A-Za-z]{2,})+`)
	messageKept    = []string{"Cloud Logs", "Object Storage", "Secrets Manager", "IBM Cloud", "VPC ID"}
)

func englishInMessage(msg string) []string {
	s := messageQuoted.ReplaceAllString(msg, " ")
	for _, k := range messageKept {
		s = strings.ReplaceAll(s, k, " ")
	}
	return messageEnglish.FindAllString(s, -1)
}

// TestValidateJapaneseMessagesHaveNoEnglish: `iksplan validate --lang ja`
// prints the strict load's DES001 problems (unknown key, enum, type,
// range, duplicate key, apiVersion and kind) and the name rules' findings
// (which carry the model's input errors) wholly in Japanese, with the same
// rule IDs, paths and lines as in English. Before the problems carried
// their format, DES001 read "\"prod\" is not one of: …" and NAM001
// "cluster name: \"-shop\" は…" on a Japanese report.
func TestValidateJapaneseMessagesHaveNoEnglish(t *testing.T) {
	vpc := presetText(t, "tokyo-vpc-production")
	edit := func(base string, pairs ...string) string {
		t.Helper()
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(base, pairs[i]) {
				t.Fatalf("preset lacks %q", pairs[i])
			}
			base = strings.Replace(base, pairs[i], pairs[i+1], 1)
		}
		return base
	}
	designs := map[string]string{
		"schema.yaml": edit(vpc,
			"kind: ClusterDesign", "kind: ClusterDesgn",
			"environment: production", "environment: prod\n  colour: blue",
			"overheadPercent: 10", "overheadPercent: ten",
			"ipv4AddressCount: 256}", "ipv4AddressCount: 100000}",
			"isolation: shared", "isolation: [shared]",
			"publicGateway: false", "publicGateway: 12"),
		"ranges.yaml": edit(vpc,
			"apiVersion: iksplan/v1alpha1", "apiVersion: v2",
			"overheadPercent: 10", "overheadPercent: 1000",
			"surviveZoneLoss: true", "surviveZoneLoss: {a: 1}",
			"cpu: 40", "cpu: -4"),
		"twice.yaml": "apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nmetadata:\n  name: a\n  name: b\n",
		"names.yaml": edit(vpc,
			"  name: shop-vpc-prod\n", "  name: -shop\n",
			"name: default", `name: "-x"`,
			"domain: shop.example.com", `domain: "shop_example"`,
			"resourceGroup: shop", `resourceGroup: " shop"`),
	}
	for name, body := range designs {
		f := writeFile(t, name, body)
		_, jen, _ := run(t, "", "validate", f, "-o", "json")
		_, jja, _ := run(t, "", "validate", f, "-o", "json", "--lang", "ja")
		var en, ja struct{ Findings []rules.Finding }
		if err := json.Unmarshal([]byte(jen), &en); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, jen)
		}
		if err := json.Unmarshal([]byte(jja), &ja); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, jja)
		}
		if len(en.Findings) != len(ja.Findings) || len(en.Findings) == 0 {
			t.Fatalf("%s: %d English findings, %d Japanese", name, len(en.Findings), len(ja.Findings))
		}
		for i, f := range ja.Findings {
			e := en.Findings[i]
			if f.RuleID != e.RuleID || f.Path != e.Path || f.Line != e.Line {
				t.Errorf("%s: finding %d is %s %s:%d in Japanese, %s %s:%d in English", name, i, f.RuleID, f.Path, f.Line, e.RuleID, e.Path, e.Line)
			}
			if !strings.HasPrefix(f.RuleID, "DES") && !strings.HasPrefix(f.RuleID, "NAM") {
				continue
			}
			if english := englishInMessage(f.Message); len(english) > 0 || f.Message == e.Message {
				t.Errorf("%s: %s %s reads English %q in Japanese: %s", name, f.RuleID, f.Path, english, f.Message)
			}
		}
	}
}
