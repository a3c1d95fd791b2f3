package wizard

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/rules"
)

// Issue 10 item 11: what tmux showed, one check each.

// TestTopologyThreeVPCZonesAt120 draws three VPC zones in the panel width
// a 120-column terminal gives (39): all three, no "+1".
func TestTopologyThreeVPCZonesAt120(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	model.ApplyDefaults(d)
	cat := catalog.Default()
	out := ansi.Strip(renderPanel(panelData{D: d, Plan: model.PlanCapacity(&model.Resolve(d, cat).Spec, cat),
		Width: 39, Height: 37, S: NewStyles(lipgloss.DefaultRenderer())}))
	if strings.Contains(out, "+1") || !strings.Contains(out, "jp-tok-  1    2    3") {
		t.Fatalf("topology at width 39:\n%s", out)
	}
}

func TestOfDemandWithoutCPU(t *testing.T) {
	if got := ofDemand(43.2, 0, "vCPU"); got != "43.2 vCPU" {
		t.Fatalf("no CPU demand: %q", got)
	}
	if got := ofDemand(43.2, 30, "vCPU"); got != "43.2/30 vCPU" {
		t.Fatalf("with demand: %q", got)
	}
}

func TestQuotaSumsRounded(t *testing.T) {
	d := model.New("shop-prod")
	for _, c := range []float64{11.32, 11.32, 11.32} {
		d.Spec.Namespaces = append(d.Spec.Namespaces, model.Namespace{Name: "a", Quota: model.NamespaceQuota{CPU: c, MemoryGiB: 0.1}})
	}
	c := &Ctx{D: d, Width: 200}
	if got := namespacesLive(c); !strings.Contains(got, "quotas add up to 33.96 vCPU and 0.3 GiB") {
		t.Fatalf("live: %q", got)
	}
}

// TestWaiverPickerLabelsSeverity: the picker lists warnings first and
// labels an error as one.
func TestWaiverPickerLabelsSeverity(t *testing.T) {
	h := newHarness(t, nil, StepBasics)
	c := h.app.ctx
	c.svc.review.report = rules.Report{Findings: []rules.Finding{
		{RuleID: "HA001", Severity: rules.Error, Message: "single zone"},
		{RuleID: "LOG007", Severity: rules.Warning, Message: "no alert channel"},
	}}
	fields := waiveFields(c)
	v := ansi.Strip(fields[0].View())
	iw, ie := strings.Index(v, "! warning LOG007"), strings.Index(v, "✗ error HA001")
	if iw < 0 || ie < 0 || iw > ie {
		t.Fatalf("picker:\n%s", v)
	}
}

// TestCISNotAskedWithoutPublicALB: a private-only design (no public ALB)
// is not asked about CIS; with a public ALB, or CIS already on, it is.
func TestCISNotAskedWithoutPublicALB(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	c := &Ctx{D: d}
	var cis *Page
	for _, s := range Steps() {
		for i := range s.Pages {
			if s.ID == StepNetwork && s.Pages[i].ID == "cis" {
				cis = &s.Pages[i]
			}
		}
	}
	if cis == nil || cis.Skip == nil {
		t.Fatal("no CIS page with a skip rule")
	}
	for _, tc := range []struct{ alb, on, skip bool }{{false, false, true}, {true, false, false}, {false, true, false}} {
		d.Spec.Network.Ingress.PublicALB, d.Spec.Firewall.CIS.Enabled = tc.alb, tc.on
		if got := cis.Skip(c); got != tc.skip {
			t.Errorf("public ALB %v, CIS %v: skip %v, want %v", tc.alb, tc.on, got, tc.skip)
		}
	}
}

func TestPreviewShowsValues(t *testing.T) {
	rb := "CLUSTER=shop-vpc-prod\nPOOL_1_FLAVOR=bx2.8x32\nVPC_ID=''\nrun ibmcloud ks cluster create vpc-gen2 --name \"$CLUSTER\" --flavor \"${POOL_1_FLAVOR}\" --zone \"$ZONE_1\" --vpc-id \"$VPC_ID\"\n"
	got := runbookExcerpt(rb, StepBasics, i18n.EN)
	want := `run ibmcloud ks cluster create vpc-gen2 --name shop-vpc-prod --flavor bx2.8x32 --zone "$ZONE_1" --vpc-id "$VPC_ID"`
	if got != want {
		t.Fatalf("preview:\n got %s\nwant %s", got, want)
	}
}

// TestFirstScreenCountsReachedSteps: on the first step the panel counts
// only the findings of the steps reached; the rest are "not reached yet".
func TestFirstScreenCountsReachedSteps(t *testing.T) {
	d := model.New("shop-prod")
	rep := rules.Report{Findings: []rules.Finding{
		{RuleID: "HA004", Severity: rules.Error, Area: rules.AreaSizing, Message: "too few workers"},
		{RuleID: "STO002", Severity: rules.Warning, Area: rules.AreaStorage, Message: "zone-bound volume"},
	}}
	var basics Step
	for _, s := range Steps() {
		if s.ID == StepBasics {
			basics = s
		}
	}
	p := ansi.Strip(renderPanel(panelData{D: d, Report: rep, Step: StepBasics, Areas: basics.areas(), Reached: basics.areas(),
		Width: 39, Height: 37, S: NewStyles(lipgloss.DefaultRenderer())}))
	if !strings.Contains(p, "✗ 0 errors  ! 0 warnings") || !strings.Contains(p, "2 more in steps not reached yet") {
		t.Fatalf("first screen:\n%s", p)
	}
}
