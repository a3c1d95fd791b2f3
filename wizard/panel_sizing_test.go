package wizard

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

// TestPanelAgreesWithDesignDoc renders every preset's DESIGN.md and the
// live panel for the same design, and checks that every sizing figure the
// panel shows is the one the document prints: workers per zone, the share
// of the demand after the planned failure, IBM's reserve, the agents'
// requests, the usable capacity per worker and the room for the pods.
func TestPanelAgreesWithDesignDoc(t *testing.T) {
	cat := catalog.Default()
	for _, name := range []string{"dev-single-zone", "tokyo-classic-production", "tokyo-vpc-production"} {
		t.Run(name, func(t *testing.T) {
			d := presetDesign(t, name)
			arts, err := render.All(render.Input{Design: d, SourceName: "d.yaml", Catalog: cat}, render.KindDoc)
			if err != nil {
				t.Fatal(err)
			}
			doc := ""
			for _, a := range arts {
				if a.Path == "DESIGN.md" {
					doc = string(a.Data)
				}
			}
			plan := model.PlanCapacity(&model.Resolve(d, cat).Spec, cat)
			panel := ansi.Strip(renderPanel(panelData{D: d, Plan: plan, Step: StepSizing, Areas: []string{"sizing"},
				Width: 60, Height: 60, S: NewStyles(lipgloss.DefaultRenderer())}))
			fp := plan.Pools[plan.FirstGeneral()]
			w := fp.Worker

			// Workers per zone: the panel's "N/zone" is the document's count.
			if !strings.Contains(panel, fmt.Sprintf("%s: %d/zone", fp.Name, fp.WorkersPerZone)) ||
				!strings.Contains(doc, fmt.Sprintf("= **%d**.", fp.Required)) {
				t.Errorf("workers per zone %d: panel or document disagrees\n%s", fp.WorkersPerZone, panel)
			}
			// The share after the failure: the panel rounds the document's
			// verdict to a whole percent.
			pm := regexp.MustCompile(`(\d+)%`).FindStringSubmatch(panel[strings.Index(panel, "After "):])
			dm := regexp.MustCompile(`the cluster keeps ([0-9.]+)% of the demand`).FindStringSubmatch(doc)
			if pm == nil || dm == nil {
				t.Fatalf("no percentage: panel %v, document %v", pm, dm)
			}
			pp, _ := strconv.ParseFloat(pm[1], 64)
			dp, _ := strconv.ParseFloat(dm[1], 64)
			if pp < dp-0.5 || pp > dp+0.5 {
				t.Errorf("after the failure: panel %v%%, document %v%%", pp, dp)
			}
			for _, pair := range [][2]string{
				{fmt.Sprintf("IBM reserve %dm · %dMi", w.ReserveMilliCPU, w.ReserveMiB), fmt.Sprintf("= **%dm**; memory", w.ReserveMilliCPU)},
				{"", fmt.Sprintf("eviction = **%dMi**", w.ReserveMiB)},
				{fmt.Sprintf("agents %dm · %dMi", w.AgentsMilliCPU, w.AgentsMiB), fmt.Sprintf("= **%dm / %dMi**", w.AgentsMilliCPU, w.AgentsMiB)},
				{fmt.Sprintf("usable/worker %dm · %dMi", w.UsableMilliCPU, w.UsableMiB), fmt.Sprintf("**%dm** and", w.UsableMilliCPU)},
				{"", fmt.Sprintf("**%dMi** usable per worker", w.UsableMiB)},
				{fmt.Sprintf("room for %d/%d pods of %dm · %dMi", plan.Resilience.PodRoom, plan.Resilience.Pods, plan.Unit.MilliCPU, plan.Unit.MemoryMiB),
					fmt.Sprintf("**%d pods ≥ %d**", plan.Resilience.PodRoom, plan.Resilience.Pods)},
			} {
				if pair[0] != "" && !strings.Contains(panel, pair[0]) {
					t.Errorf("panel lacks %q:\n%s", pair[0], panel)
				}
				if !strings.Contains(doc, pair[1]) {
					t.Errorf("DESIGN.md lacks %q", pair[1])
				}
			}
		})
	}
}
