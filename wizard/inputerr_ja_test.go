package wizard

import (
	"errors"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// TestJapaneseInputErrors: a wrong answer is refused in Japanese. The
// model's validators (names.go, ParseCIDR) and the wizard's shared ones
// (a name listed twice or already used, an empty answer, an address)
// returned English, which huh showed as it was under a Japanese field.
func TestJapaneseInputErrors(t *testing.T) {
	c := &Ctx{Lang: i18n.JA}
	cases := []struct {
		name string
		err  error
	}{
		{"cluster name empty", model.ValidateClusterName("")},
		{"cluster name long", model.ValidateClusterName(strings.Repeat("a", 36))},
		{"cluster name chars", model.ValidateClusterName("9bad")},
		{"pool name empty", model.ValidatePoolName("")},
		{"pool name long", model.ValidatePoolName(strings.Repeat("a", 64))},
		{"pool name chars", model.ValidatePoolName("-x")},
		{"namespace empty", model.ValidateNamespace("")},
		{"namespace chars", model.ValidateNamespace("Shop")},
		{"access group empty", model.ValidateAccessGroupName("")},
		{"access group long", model.ValidateAccessGroupName(strings.Repeat("a", 101))},
		{"access group chars", model.ValidateAccessGroupName("a!")},
		{"e-mail", model.ValidateEmail("dev")},
		{"bucket", model.ValidateBucketName("A")},
		{"bucket ip", model.ValidateBucketName("10.0.0.1")},
		{"registry namespace", model.ValidateRegistryNamespace("a")},
		{"vlan", model.ValidateVLANID("x")},
		{"vpc id", model.ValidateVPCResourceID("X")},
		{"domain", model.ValidateDomain("x")},
		{"instance name", model.ValidateInstanceName("-x")},
		{"plan", model.ValidatePlanName("A")},
		{"host", model.ValidateHost("a b")},
		{"crn", model.ValidateCRN("x")},
		{"free text", model.ValidateFreeText("a\nb")},
		{"label prefix", model.ValidateLabel("Bad_/x", "y")},
		{"label key", model.ValidateLabel("-x", "y")},
		{"label value", model.ValidateLabel("x", "-y")},
		{"cidr", validateCIDR("10.0.0.0")},
		{"cidr network", validateCIDR("10.0.0.1/16")},
		{"address or cidr", validateAddrOrCIDR("x")},
		{"listed twice", validateList("a@example.com, a@example.com", model.ValidateEmail)},
		{"answer required", requiredText(" ")},
		{"namespace exists", uniqueName([]string{"shop", "shop"}, 1, "a namespace named %s already exists", func(s string) string { return s })},
	}
	for _, tc := range cases {
		if tc.err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		got := c.trErr(tc.err).Error()
		// NB: the CRN example is a value, not English.
		if !hasWide(got) || len(englishOnScreen(got, []string{"crn:v1:bluemix:public:secrets-manager:jp-tok:a/ACCOUNT:INSTANCE::"})) > 0 {
			t.Errorf("%s: %q is not Japanese", tc.name, got)
		}
	}

	// As a person meets it: a wrong cluster name typed on the first page.
	h := &harness{t: t, D: model.New("shop-prod")}
	opts := testOptions(t, h)
	opts.Design, opts.Lang = h.D, i18n.JA
	h.app = New(opts)
	h.send(windowSize(120, 40))
	h.run(h.app.Init())
	h.run(h.app.flow.start(StepBasics))
	h.app.relayout()
	h.Clear().Type("9bad").Enter()
	view := h.View()
	if strings.Contains(view, "must start") || !strings.Contains(view, "英字で始め") {
		t.Errorf("the cluster name's error is not Japanese:\n%s", view)
	}
	// At 80 columns the error wraps like a description: huh wraps it at
	// spaces only ('* "9bad"' alone, then the rest).
	h.send(windowSize(80, 24))
	g := h.app.flow.group
	errs := h.app.flow.form.Errors()
	if len(errs) == 0 {
		t.Fatal("no field error at 80 columns")
	}
	lines, ok := textBlock(g.Footer(), "*"+errs[0].Error())
	if !ok {
		t.Fatalf("the error %q is not in the footer:\n%s", errs[0], g.Footer())
	}
	// NB: huh puts " * " before the first line only.
	lines[0] = "   " + strings.TrimPrefix(lines[0], "* ")
	for _, s := range shortLines(lines, huhInt(g, "width")) {
		t.Errorf("short line in the field error: %q", s)
	}
	// A page's error: a second namespace with the first one's name.
	h.D.Spec.Namespaces = []model.Namespace{{Name: "shop"}, {Name: "shop"}}
	h.app.ctx.list("namespaces").Index = 1
	iam := h.app.flow.stepIndex(StepIAM)
	h.run(h.app.flow.show(loc{iam, "namespaces-namespace"}))
	h.app.relayout()
	h.run(h.app.flow.complete())
	if err := h.app.flow.err; err == nil || !strings.Contains(h.View(), "名前空間 shop はすでにあります") {
		t.Errorf("the page's error is not Japanese (%v):\n%s", err, h.View())
	}
	// A long page error above the form wraps like a description too.
	h.app.flow.err = errors.New(h.app.ctx.trf("finish worker pool first: %s", "default (汎用のワークロード、共有の仮想サーバー、フレーバー未選択)"))
	w := h.app.computeLayout().formW
	e := h.app.errLine(w)
	lines, ok = textBlock(e, "✗ "+h.app.flow.err.Error())
	if !ok {
		t.Fatalf("the page error is not drawn:\n%s", e)
	}
	lines[0] = "  " + strings.TrimPrefix(lines[0], "✗ ")
	for _, s := range shortLines(lines, w) {
		t.Errorf("short line in the page error: %q", s)
	}
}
