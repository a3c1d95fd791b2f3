package wizard

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/golden"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/rules"
)

// TestPanelGolden snapshots the side panel at the widths it gets at 120
// and 100 columns, from a fixed design, report and preview (so the golden
// follows the panel, not the rules or the renderers).
func TestPanelGolden(t *testing.T) {
	d := presetDesign(t, "tokyo-classic-production")
	model.ApplyDefaults(d)
	d.Spec.WorkerPools[0].WorkersPerZone = 2 // below the need: the bar goes short
	cat := catalog.Default()
	rep := rules.Report{Findings: []rules.Finding{
		{RuleID: "HA004", Severity: rules.Error, Area: rules.AreaSizing, Path: "spec.workerPools[0].workersPerZone", Message: "pool default has 2 workers per zone; it needs 3"},
		{RuleID: "HA003", Severity: rules.Error, Area: rules.AreaSizing, Path: "spec.sizing", Message: "after one zone lost 72% of the demand remains"},
		{RuleID: "STO002", Severity: rules.Warning, Area: rules.AreaStorage, Path: "spec.storage.volumes[0].class", Message: "zone-bound volume"},
		{RuleID: "HA008", Severity: rules.Info, Area: rules.AreaSizing, Path: "spec.sizing.demand", Message: "info"},
	}}
	for _, w := range []int{39, 32} {
		t.Run(fmt.Sprintf("width_%d", w), func(t *testing.T) {
			p := panelData{
				D: d, Plan: model.PlanCapacity(&d.Spec, cat), Report: rep, Step: StepSizing, Areas: []string{"sizing"},
				PreviewTitle: "runbook.sh",
				Preview:      "run ibmcloud ks cluster create classic --name \"$CLUSTER\" --zone \"$ZONE_1\" --flavor \"$POOL_1_FLAVOR\"\nrun ibmcloud ks zone add classic --cluster \"$CLUSTER\" --zone \"$ZONE_2\" --worker-pool default",
				Width:        w, Height: 37, S: NewStyles(lipgloss.DefaultRenderer()),
			}
			out := renderPanel(p)
			for i, l := range strings.Split(out, "\n") {
				if n := ansi.StringWidth(l); n > w {
					t.Errorf("line %d is %d wide, more than %d: %q", i, n, w, l)
				}
			}
			golden.Assert(t, "panel.txt", []byte(out))
		})
	}
}

// checkFits fails unless the view fits width×height.
func checkFits(t *testing.T, view string, width, height int, where string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Errorf("%s at %d×%d: %d lines", where, width, height, len(lines))
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > width {
			t.Errorf("%s at %d×%d: line %d is %d wide: %q", where, width, height, i, n, ansi.Strip(l))
			break
		}
	}
}

// TestResize draws every kind of screen from 120×40 down to 40×12 (it must
// fit, side panel only at 100 columns or more) and below (terminal too
// small).
func TestResize(t *testing.T) {
	sizes := [][2]int{{120, 40}, {100, 30}, {99, 30}, {80, 24}, {60, 16}, {40, 12}}
	screens := map[string]func(h *harness){
		"welcome": nil,
		"basics":  func(h *harness) { h.Enter().Key("pgup") },
		"sizing-why": func(h *harness) {
			h.Enter()
			for h.app.flow.step().ID != StepSizing {
				h.Key("pgdown")
			}
			h.Key("f1")
		},
		"hardware-list": func(h *harness) {
			h.Enter()
			for h.app.flow.step().ID != StepHardware {
				h.Key("pgdown")
			}
		},
		"review": func(h *harness) {
			h.Enter()
			for h.app.flow.step().ID != StepReview {
				h.Key("pgdown")
			}
			h.Analyze()
		},
		"quit": func(h *harness) { h.Enter().Key("ctrl+c") },
	}
	for name, setup := range screens {
		t.Run(name, func(t *testing.T) {
			opts := testOptions(t, nil)
			h := startApp(t, opts, 120, 40)
			h.Down(1) // a preset: tokyo-classic-production is second
			if setup != nil {
				setup(h)
			}
			for _, sz := range sizes {
				h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				v := h.app.View()
				checkFits(t, v, sz[0], sz[1], name)
				hasPanel := strings.Contains(ansi.Strip(v), "Topology")
				if h.app.screen == screenWizard && !h.app.quitAsk && hasPanel != (sz[0] >= 100) {
					t.Errorf("%s at %d×%d: side panel shown = %v", name, sz[0], sz[1], hasPanel)
				}
				if strings.Contains(v, "too small") {
					t.Errorf("%s at %d×%d says too small", name, sz[0], sz[1])
				}
			}
			for _, sz := range [][2]int{{39, 12}, {40, 11}, {20, 5}} {
				h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				v := ansi.Strip(h.app.View())
				if !strings.Contains(v, "terminal too small") {
					t.Errorf("%s at %d×%d: %q", name, sz[0], sz[1], v)
				}
			}
			// And back: nothing was lost.
			h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
			checkFits(t, h.app.View(), 120, 40, name+" again")
		})
	}
}

// TestWhyPanelAndBack toggles the why panel, which follows the focused
// field, and goes back across a step with shift+tab.
func TestWhyPanelAndBack(t *testing.T) {
	h := newHarness(t, nil, StepBasics)
	h.Key("?") // typed into the name: a text input has focus
	if h.D.Metadata.Name != "shop-prod?" || h.app.showWhy {
		t.Fatalf("? in a text input: name %q, why %v", h.D.Metadata.Name, h.app.showWhy)
	}
	h.Key("backspace").Key("f1").ExpectView("Why", "fixed at create", "subdomain")
	h.Enter()
	if why := strings.Join(strings.Fields(ansi.Strip(h.app.whyText(200))), " "); h.app.focusedKey() != "spec.environment" ||
		!strings.Contains(why, "IBM's 2019 guidance sizes hardware by purpose (slide 9)") {
		t.Fatalf("why for %s: %s", h.app.focusedKey(), why)
	}
	h.Key("?") // on a select: toggles
	if h.app.showWhy {
		t.Fatal("? on a select did not close the why panel")
	}
	h.Enter().Enter().Enter().ExpectPage("basics/about").Enter().Enter().ExpectPage("zones/region")
	// shift+tab on a page's first field goes back a page, across steps.
	h.ShiftTab().ExpectPage("basics/about").ShiftTab().ExpectPage("basics/cluster")
	if h.D.Metadata.Name != "shop-prod" {
		t.Fatalf("answers lost going back: %q", h.D.Metadata.Name)
	}
	h.Key("pgdown").ExpectPage("zones/region").Key("pgup").ExpectPage("basics/cluster")
}
