package wizard

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

func presetDesign(t testing.TB, name string) *model.Design {
	t.Helper()
	d, err := presets.Design(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func marshal(t testing.TB, d *model.Design) string {
	t.Helper()
	b, err := model.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestKillAndResume answers every step of a preset with enter; after each
// step the draft on disk must load back equal to the design in memory, and
// a new wizard (the process killed and started again) must resume on the
// step the user was on with every answer intact.
func TestKillAndResume(t *testing.T) {
	h := newHarness(t, presetDesign(t, "tokyo-classic-production"), StepBasics)
	drafts := h.app.opts.Drafts
	step := h.app.flow.step().ID
	checked := 0
	for n := 0; n < 400 && step != StepReview; n++ {
		h.Enter()
		now := h.app.flow.step().ID
		if now == step {
			continue
		}
		step = now
		checked++
		d2, st, err := drafts.Load(h.app.draftID)
		if err != nil {
			t.Fatalf("after entering %s: %v", step, err)
		}
		if got, want := marshal(t, d2), marshal(t, h.D); got != want {
			t.Fatalf("draft after entering %s differs from the design:\n%s\nwant\n%s", step, got, want)
		}
		if st.Step != step {
			t.Fatalf("draft remembers step %s, want %s", st.Step, step)
		}
		// Kill: a fresh wizard on the same draft folder resumes there.
		opts := testOptions(t, nil)
		opts.Drafts = drafts
		w := startApp(t, opts, 100, 30).Enter().app // "Resume draft shop-prod" is first
		if w.screen != screenWizard || w.flow.step().ID != step {
			t.Fatalf("resume at %s, want %s", w.flow.step().ID, step)
		}
		if got, want := marshal(t, w.Design()), marshal(t, h.D); got != want {
			t.Fatalf("resumed design differs at %s", step)
		}
	}
	if step != StepReview || checked < 5 {
		t.Fatalf("stopped at %s (%s) after %d steps:\n%s", step, h.Page(), checked, h.View())
	}
}

func TestDraftsListAndAge(t *testing.T) {
	dir := t.TempDir()
	s := Drafts{Dir: dir}
	d := model.New("shop-prod")
	if _, err := s.Save("new-1", d, draftState{Step: StepZones, Page: "zones"}); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-3 * time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "new-1.yaml"), old, old); err != nil {
		t.Fatal(err)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].ID != "new-1" || list[0].Cluster != "shop-prod" || list[0].Step != StepZones {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if got := Age(list[0].Saved, time.Now()); got != "3 h ago" {
		t.Fatalf("age = %q", got)
	}
	// The welcome screen lists it with its age and step.
	opts := testOptions(t, nil)
	opts.Drafts = s
	opts.Now = time.Now
	w := startApp(t, opts, 100, 30).app
	if v := w.View(); !bytes.Contains([]byte(v), []byte("Resume draft shop-prod (saved 3 h ago, at Zones)")) {
		t.Fatalf("welcome:\n%s", v)
	}
	if _, err := s.Save("../x", d, draftState{}); err == nil {
		t.Fatal("a draft name with a path was accepted")
	}
}

func TestDraftDirFollowsXDG(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/var/state")
	if got := DefaultDraftDir(); got != "/var/state/iksplan/drafts" {
		t.Fatalf("got %s", got)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "/home/a")
	if got := DefaultDraftDir(); got != "/home/a/.local/state/iksplan/drafts" {
		t.Fatalf("got %s", got)
	}
}

// TestSaveAndQuit: ctrl+s saves the draft; ctrl+c asks first, n stays, y
// saves and quits.
func TestSaveAndQuit(t *testing.T) {
	h := newHarness(t, nil, StepZones)
	drafts := h.app.opts.Drafts
	h.Key("ctrl+s").ExpectView("draft saved")
	if list, _ := drafts.List(); len(list) != 1 || list[0].Step != StepZones {
		t.Fatalf("drafts after ctrl+s: %+v", list)
	}
	h.Key("ctrl+c").ExpectView("Quit the wizard?", "Resume draft shop-prod")
	h.Key("n").ExpectPage("zones/region")
	if h.app.quitAsk || h.app.quitting {
		t.Fatal("n did not keep the wizard open")
	}
	h.Down(1) // an answer after the last save
	region := h.D.Spec.Region
	h.app.Update(keyMsg("ctrl+c"))
	_, cmd := h.app.Update(keyMsg("y"))
	if cmd == nil || !h.app.quitting {
		t.Fatal("y did not quit")
	}
	d, _, err := drafts.Load(h.app.draftID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Spec.Region != region {
		t.Fatalf("draft on quit: region %q, want %q", d.Spec.Region, region)
	}
}
