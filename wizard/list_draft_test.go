package wizard

import (
	"testing"
)

// resumeFrom starts a fresh wizard on h's draft folder and resumes its
// draft (the process was killed and started again).
func resumeFrom(t *testing.T, h *harness) *harness {
	t.Helper()
	opts := testOptions(t, nil)
	opts.Drafts = h.app.opts.Drafts
	return startApp(t, opts, 120, 40).Enter() // "Resume draft …" is first
}

// TestKillInListEditorKeepsTheRow (issue 10 item 5): the list editor's
// state (which item is being edited, the removal chosen) is part of the
// draft, so a kill -9 inside an item page resumes on the same item, not on
// the list's first one with the row being edited out of reach.
func TestKillInListEditorKeepsTheRow(t *testing.T) {
	h := newHarness(t, presetDesign(t, "tokyo-vpc-production"), StepHardware)
	h.ExpectPage("hardware/pools")
	n := len(h.D.Spec.WorkerPools)
	// The options: Edit each pool, Add, (Remove), Done; Done has focus.
	for i := 0; i < 5 && h.app.ctx.list("pools").Action != listAdd; i++ {
		h.Up(1)
	}
	if h.app.ctx.list("pools").Action != listAdd {
		t.Fatalf("no Add option on the pools page:\n%s", h.View())
	}
	h.Enter().ExpectPage("hardware/pools-pool")
	if len(h.D.Spec.WorkerPools) != n+1 {
		t.Fatalf("%d pools after Add, want %d", len(h.D.Spec.WorkerPools), n+1)
	}
	h.Clear().Type("gpu-night").Tab() // the name is an answer: saved

	w := resumeFrom(t, h)
	w.ExpectPage("hardware/pools-pool")
	if got := w.app.ctx.list("pools").Index; got != n {
		t.Fatalf("resumed editing pool %d, want the new pool %d", got, n)
	}
	w.ExpectView("gpu-night")
	// Answering on goes to the row the user was editing.
	w.ShiftTab().Clear().Type("gpu-day").Tab()
	if got := w.app.Design().Spec.WorkerPools; got[n].Name != "gpu-day" || got[0].Name != h.D.Spec.WorkerPools[0].Name {
		t.Fatalf("pool names after resume: %q and %q", got[0].Name, got[n].Name)
	}

	// The remove page keeps the pool chosen for removal.
	for i := 0; i < 10 && w.Page() != "hardware/pools"; i++ {
		w.Enter()
	}
	w.ExpectPage("hardware/pools")
	for i := 0; i < 5 && w.app.ctx.list("pools").Action != listRemove; i++ {
		w.Down(1)
	}
	w.Enter().ExpectPage("hardware/pools-remove")
	w.Up(n).Tab() // the first pool, then on to "Remove it?"
	if got := w.app.ctx.list("pools").Index; got != 0 {
		t.Fatalf("remove page chose %d, want 0", got)
	}
	r := resumeFrom(t, w)
	r.ExpectPage("hardware/pools-remove")
	if got := r.app.ctx.list("pools").Index; got != 0 {
		t.Fatalf("resumed remove page on pool %d, want 0", got)
	}
}

// TestUIStateCloneIsDeep: a snapshot of the typed state does not share
// the list editors with the live state: the draftState built for a save
// holds the state at the time of the answer, whenever it is encoded.
func TestUIStateCloneIsDeep(t *testing.T) {
	c := &Ctx{}
	c.list("pools").Index = 2
	snap := c.UI.clone()
	c.list("pools").Index = 5
	c.list("groups").Action = listAdd
	if snap.Lists["pools"].Index != 2 || snap.Lists["groups"] != nil {
		t.Fatalf("snapshot follows the live state: %+v", snap.Lists)
	}
}
