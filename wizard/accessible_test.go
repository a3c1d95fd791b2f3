package wizard

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

func TestAccessibleBasics(t *testing.T) {
	d := model.New("")
	out := runAccessible(t, d, StepBasics, strings.Join([]string{
		"9bad", "shop-prod", // the validator refuses the first name
		"2",              // staging
		"1",              // classic
		"shop",           // resource group
		"shop front end", // description
		"",               // owner: none
	}, "\n"))
	if d.Metadata.Name != "shop-prod" || d.Spec.Environment != model.EnvStaging || d.Spec.Infrastructure != model.InfraClassic ||
		d.Spec.ResourceGroup != "shop" || d.Metadata.Description != "shop front end" || d.Metadata.Owner != "" {
		t.Fatalf("design: %+v %+v\n%s", d.Metadata, d.Spec, out)
	}
	for _, want := range []string{
		"== Step 1 of", "Cluster name (fixed at create)", "must start with a letter",
		"1. Production — customer traffic", "Infrastructure (fixed at create)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAccessibleZonesVersionHardwareSizing(t *testing.T) {
	d := classicDesign()
	out := runAccessible(t, d, StepZones, strings.Join([]string{
		"3",      // jp-tok (multizone regions first)
		"",       // multizone (default)
		"3", "0", // toggle tok05 off, done
		"1", // VRF
		"",  // let IBM create the VLANs
	}, "\n"))
	if !slices.Equal(d.Spec.Zones, []string{"tok02", "tok04"}) || d.Spec.Region != "jp-tok" || d.Spec.Network.Classic.AccountRouting != model.RoutingVRF {
		t.Fatalf("zones: %s %v %s\n%s", d.Spec.Region, d.Spec.Zones, d.Spec.Network.Classic.AccountRouting, out)
	}
	// Options are built from the answers so far: the zone list is Tokyo's.
	if !strings.Contains(out, "tok05 (Tokyo)") || !strings.Contains(out, "How to check") {
		t.Fatalf("zones output:\n%s", out)
	}

	out = runAccessible(t, d, StepVersion, "1\n")
	if d.Spec.KubernetesVersion != "1.36" || !strings.Contains(out, "days") {
		t.Fatalf("version %s\n%s", d.Spec.KubernetesVersion, out)
	}

	// Hardware: edit the default pool (dedicated, second flavor), done.
	out = runAccessible(t, d, StepHardware, strings.Join([]string{
		"1",         // Edit default
		"", "", "2", // name, purpose, dedicated
		"2", // b3c.8x32 (b3c.4x16 is first)
		"",  // done (the default answer of the list)
	}, "\n"))
	p := d.Spec.WorkerPools[0]
	if p.Isolation != model.IsolationDedicated || p.Flavor != "b3c.8x32" || len(d.Spec.WorkerPools) != 1 {
		t.Fatalf("pool %+v\n%s", p, out)
	}

	out = runAccessible(t, d, StepSizing, "40\n160\n\n\n\n")
	if d.Spec.Sizing.Demand.CPU != 40 || d.Spec.Sizing.Demand.MemoryGiB != 160 || !d.Spec.Sizing.SurviveZoneLoss {
		t.Fatalf("sizing %+v\n%s", d.Spec.Sizing, out)
	}
	// The live numbers are printed as text before the next page.
	if !strings.Contains(out, "Each zone carries 40 vCPU · 160 GiB (demand ÷ 1 surviving zones)") ||
		!strings.Contains(out, "7 per zone (computed)") { // IBM's reserves and the agents: 7, the seed said 6
		t.Fatalf("sizing output:\n%s", out)
	}
}

// TestAccessibleWholeWizard runs RunAccessible from its start menu on a
// preset, accepting every default, to written artifacts (real renderers).
func TestAccessibleWholeWizard(t *testing.T) {
	opts := testOptions(t, nil)
	opts.Write = nil // the real render.All + render.Write
	dir := t.TempDir()
	opts.OutDir = filepath.Join(dir, "out")
	var out strings.Builder
	in := &answerer{out: &out, lines: []string{"2"}} // preset tokyo-classic-production
	if err := RunAccessible(opts, in, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	o := out.String()
	for _, want := range []string{"== Step 12 of 12: Review and write ==", "Wrote ", "DRY_RUN=1 " + opts.OutDir + "/runbook.sh"} {
		if !strings.Contains(o, want) {
			t.Fatalf("output lacks %q:\n%s", want, o[max(len(o)-3000, 0):])
		}
	}
	for _, f := range []string{"DESIGN.md", "runbook.sh", "design.yaml"} {
		if _, err := os.Stat(filepath.Join(opts.OutDir, f)); err != nil {
			t.Error(err)
		}
	}
	if list, err := opts.Drafts.List(); err != nil || len(list) != 1 || list[0].Cluster != "shop-prod" {
		t.Errorf("drafts: %+v %v", list, err)
	}
}

func TestAccessibleInputEnds(t *testing.T) {
	opts := testOptions(t, nil)
	opts.Design = model.New("")
	var out strings.Builder
	err := RunAccessible(opts, strings.NewReader("\n"), &out)
	if !errors.Is(err, ErrInputEnded) {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
}

var _ = catalog.Default
