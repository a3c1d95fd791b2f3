package wizard

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
)

// TestNoPlainPlaceholders (issue 10 item 10): grey text in an empty input
// is a suggestion (Suggest: → takes it), an example ("e.g. …") or what
// empty means ("empty: …"), each drawn and worded so it is not taken for a
// typed value. A step that sets huh's placeholder itself bypasses that.
func TestNoPlainPlaceholders(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "suggest.go" {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Placeholder" || sel.Sel.Name == "PlaceholderFunc") {
				t.Errorf("%s: a plain placeholder: use Suggest, Example or EmptyMeans (suggest.go)", fset.Position(sel.Pos()))
			}
			return true
		})
	}
}

// focusKey tabs to the input of key on the current page.
func focusKey(t *testing.T, h *harness, key string) *harness {
	t.Helper()
	for i := 0; i < 8 && h.app.flow.focusedKey() != key; i++ {
		h.Tab()
	}
	if got := h.app.flow.focusedKey(); got != key {
		t.Fatalf("focus on %q, want %q", got, key)
	}
	return h
}

// TestGreyTextSaysWhatItIs: the fields that showed a bare value in grey
// (a subnet that was IBM's default, a syslog host, a cron schedule, a CRN)
// now say whether it is an example, what empty means, or a suggestion that
// → takes.
func TestGreyTextSaysWhatItIs(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.Network.PodSubnet, d.Spec.Network.ServiceSubnet = "", ""
	h := toPage(t, newHarness(t, d, StepNetwork), "network/subnets")
	// The input's own line ("> …"), not the help above it, which said
	// "empty: IBM's default" before too.
	h.ExpectView("> empty: IBM's default " + defaultPodSubnet(h.app.ctx))
	focusKey(t, h, "spec.network.serviceSubnet").ExpectView("> empty: IBM's default " + h.app.ctx.Cat.Networks.ServiceSubnet)

	d = presetDesign(t, "tokyo-vpc-production")
	d.Spec.Logging.Backend, d.Spec.Logging.Syslog.Host = model.LogSyslog, ""
	toPage(t, newHarness(t, d, StepObservability), "observability/syslog").ExpectView("e.g. logs.example.com")

	d = presetDesign(t, "tokyo-vpc-production")
	d.Spec.Operations.Backups.Schedule = ""
	h = toPage(t, newHarness(t, d, StepOperations), "operations/backup-details")
	focusKey(t, h, "spec.operations.backups.schedule").ExpectView("0 3 * * *  (suggested: → takes it)")
	h.Key("right")
	if got := d.Spec.Operations.Backups.Schedule; got != "0 3 * * *" {
		t.Fatalf("→ on the schedule's suggestion: %q", got)
	}

	d = presetDesign(t, "tokyo-vpc-production")
	d.Spec.Network.Ingress.TLSSecretsManager = ""
	toPage(t, newHarness(t, d, StepSecurity), "security/ingress-tls").ExpectView("e.g. crn:v1:bluemix:public:secrets-manager:…")
}

// TestSuggestionsFollowOtherAnswers: a stage's namespace follows the stage
// name typed above it (the design's namespace of that stage, else
// <cluster>-<stage>), and a second bucket or database is not offered the
// name the first one already has.
func TestSuggestionsFollowOtherAnswers(t *testing.T) {
	d := presetDesign(t, "tokyo-classic-production")
	d.Spec.Namespaces = append(d.Spec.Namespaces, model.Namespace{Name: "shop-dev"})
	h := toPage(t, newHarness(t, d, StepOperations), "operations/stages")
	h.Up(2).Enter().ExpectPage("operations/stages-stage").Type("dev").Enter()
	h.ExpectView("shop-dev  (suggested: → takes it)")
	h.ShiftTab().Clear().Type("qa").Tab().ExpectView("shop-prod-qa  (suggested: → takes it)")
	h.ShiftTab().Clear().Type("dev").Tab().Key("right").Enter().Enter()
	h.ExpectPage("operations/stages")
	if st := d.Spec.CICD.Stages; len(st) != 3 || st[2].Name != "dev" || st[2].Namespace != "shop-dev" {
		t.Fatalf("stages %+v, want dev → shop-dev added", st)
	}

	d = presetDesign(t, "tokyo-classic-production")
	h = toPage(t, newHarness(t, d, StepStorage), "storage/buckets")
	h.Up(2).Enter().ExpectPage("storage/buckets-bucket").ExpectView("shop-prod-assets-2  (suggested: → takes it)")
	d = presetDesign(t, "tokyo-classic-production")
	h = toPage(t, newHarness(t, d, StepStorage), "storage/databases")
	h.Up(2).Enter().ExpectPage("storage/databases-database").ExpectView("shop-prod-postgresql-2  (suggested: → takes it)")
}
