package wizard

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/iksplan/iksplan/model"
)

// writeDesign writes d to dir/name and returns the path.
func writeDesign(t *testing.T, dir, name string, d *model.Design) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(marshal(t, d)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// openHarness starts the wizard as `iksplan edit file` does.
func openHarness(t *testing.T, drafts Drafts, file string) *harness {
	t.Helper()
	d, err := loadDesignFile(file)
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t, nil)
	opts.Drafts = drafts
	opts.Design, opts.File = d, file
	return startApp(t, opts, 120, 40)
}

// TestDraftIdentityIsNotTheClusterName (issue 10 item 1): a draft of a
// preset and a draft of a file, both of cluster shop-vpc-prod, are two
// drafts; editing the file again asks before replacing its draft and shows
// both.
func TestDraftIdentityIsNotTheClusterName(t *testing.T) {
	drafts := Drafts{Dir: t.TempDir()}
	dir := t.TempDir()
	d := presetDesign(t, "tokyo-vpc-production")
	d.Metadata.Name = "shop-vpc-prod"

	// A draft from a preset, renamed to shop-vpc-prod.
	opts := testOptions(t, nil)
	opts.Drafts = drafts
	opts.Design = presetDesign(t, "tokyo-vpc-production")
	a := startApp(t, opts, 120, 40)
	a.Clear().Type("shop-vpc-prod").Tab()
	// A draft of a file of the same cluster name, with a change.
	file := writeDesign(t, dir, "design.yaml", d)
	b := openHarness(t, drafts, file)
	b.ExpectPage("basics/cluster").Tab().Tab().Tab().Clear().Type("payments").Enter()
	list, _ := drafts.List()
	if len(list) != 2 || list[0].ID == list[1].ID {
		t.Fatalf("want two drafts, got %+v", list)
	}
	// The same file again: the wizard asks, showing the draft and the file.
	c := openHarness(t, drafts, file)
	if c.app.screen != screenWelcome {
		t.Fatalf("the draft of %s was not offered: %s", file, c.Page())
	}
	c.ExpectView("already has a draft", "Resume draft shop-vpc-prod (editing "+file, "Start over from "+file, "the draft is replaced")
	c.Enter() // resume
	if c.app.screen != screenWizard || c.app.Design().Spec.ResourceGroup != "payments" {
		t.Fatalf("resume: %s, resource group %q", c.Page(), c.app.Design().Spec.ResourceGroup)
	}
	// Start over replaces the draft only when chosen.
	e := openHarness(t, drafts, file)
	e.Down(1).Enter()
	if e.app.Design().Spec.ResourceGroup == "payments" {
		t.Fatal("start over kept the draft's answer")
	}
	e.Tab()
	if list, _ := drafts.List(); len(list) != 2 {
		t.Fatalf("drafts after start over: %+v", list)
	}
	if got, _, err := drafts.Load(FileDraftID(file)); err != nil || got.Spec.ResourceGroup == "payments" {
		t.Fatalf("the file's draft after start over: %v", err)
	}
}

// TestEveryAnswerIsSaved (item 5): an answer is on disk as soon as focus
// leaves its field, with the page and the field the user is on.
func TestEveryAnswerIsSaved(t *testing.T) {
	h := newHarness(t, nil, StepBasics)
	h.Clear().Type("kept-name").Tab()
	d, st, err := h.app.opts.Drafts.Load(h.app.draftID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Metadata.Name != "kept-name" || st.Page != "cluster" || st.Field != "spec.environment" {
		t.Fatalf("draft: name %q, page %q field %q", d.Metadata.Name, st.Page, st.Field)
	}
	// Typing without leaving the field is not an answer yet.
	h.Key("shift+tab").Type("-x")
	d, _, _ = h.app.opts.Drafts.Load(h.app.draftID)
	if d.Metadata.Name != "kept-name" {
		t.Fatalf("a field being typed was saved: %q", d.Metadata.Name)
	}
}

// TestResumeLandsOnThePageAndField (item 4): a draft saved on
// zones/vpc-existing resumes there, on the field the user was on, with
// "create a new VPC" still no and the vpcID kept.
func TestResumeLandsOnThePageAndField(t *testing.T) {
	d := presetDesign(t, "tokyo-vpc-production")
	d.Spec.Network.VPC.VPCID = "r022-11111111-2222-3333-4444-555555555555"
	d.Spec.Network.VPC.VPCName = ""
	h := newHarness(t, d, StepZones)
	for i := 0; i < 10 && h.Page() != "zones/vpc-existing"; i++ {
		h.Enter()
	}
	h.ExpectPage("zones/vpc-existing").Tab()
	want := h.app.flow.focusedKey()
	opts := testOptions(t, nil)
	opts.Drafts = h.app.opts.Drafts
	w := startApp(t, opts, 120, 40).Enter()
	w.ExpectPage("zones/vpc-existing")
	if got := w.app.flow.focusedKey(); got != want || want == "" {
		t.Fatalf("resumed on field %q, want %q", got, want)
	}
	if w.app.ctx.UI.Zones.CreateVPC {
		t.Fatal("resume says: create a new VPC")
	}
	for i := 0; i < 10 && w.app.flow.step().ID == StepZones; i++ {
		w.Enter()
	}
	if got := w.app.Design().Spec.Network.VPC.VPCID; got != d.Spec.Network.VPC.VPCID {
		t.Fatalf("enter through the zones cleared vpcID: %q", got)
	}
}

// TestTruncatedDraft (issue 11 F11): a truncated draft is not resumed
// silently: the welcome screen says it is damaged and offers the last good
// copy, which resumes.
func TestTruncatedDraft(t *testing.T) {
	h := newHarness(t, presetDesign(t, "tokyo-vpc-production"), StepBasics)
	h.Tab().Tab().Tab().Clear().Type("rg-one").Enter()
	h.Key("shift+tab").Clear().Type("rg-two").Enter()
	drafts := h.app.opts.Drafts
	cur, _ := drafts.paths(h.app.draftID)
	data, _ := os.ReadFile(cur)
	if err := os.WriteFile(cur, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := drafts.Load(h.app.draftID); !errors.Is(err, ErrDraftDamaged) || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("load of a truncated draft: %v", err)
	}
	opts := testOptions(t, nil)
	opts.Drafts = drafts
	w := startApp(t, opts, 120, 40)
	w.ExpectView("is damaged (truncated", "Resume the last good copy")
	w.Enter()
	if w.app.screen != screenWizard || w.app.Design().Spec.ResourceGroup != "rg-one" {
		t.Fatalf("last good copy: %s %q", w.Page(), w.app.ctx.D.Spec.ResourceGroup)
	}
	w.ExpectView("last good copy")
}

// TestAccessibleSavesEachAnswerHelpBackAndSignal: accessible mode saves
// after every answer, "?" explains, "<" goes back, and a signal saves and
// ends with an *InterruptedError.
func TestAccessibleSavesEachAnswerHelpBackAndSignal(t *testing.T) {
	opts := testOptions(t, nil)
	opts.defaults()
	d := model.New("")
	var out strings.Builder
	sigs := make(chan os.Signal, 1)
	in := &answerer{out: &out, lines: []string{"?", "first-name", "<", "second-name", "2"}}
	lr := newLineReader(in)
	lr.sigs = sigs
	saved := 0
	in.onRead = func() bool {
		if strings.Count(out.String(), "Infrastructure") > 0 && saved == 0 {
			saved++
			list, _ := opts.Drafts.List()
			if len(list) != 1 || list[0].Cluster != "second-name" {
				t.Errorf("after two answers the draft is %+v", list)
			}
			sigs <- syscall.SIGTERM
			return true
		}
		return false
	}
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				ip, ok := r.(interruptPanic)
				if !ok {
					panic(r)
				}
				err = &InterruptedError{Signal: ip.sig}
			}
		}()
		return runAccessibleSteps(opts, d, draftState{Step: StepBasics}, "new-a", lr, &out, "")
	}()
	var ie *InterruptedError
	if !errors.As(err, &ie) || ie.Signal != syscall.SIGTERM {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	o := out.String()
	if !strings.Contains(o, "Why: ") || !strings.Contains(o, "Stopped (SIGTERM)") {
		t.Fatalf("output:\n%s", o)
	}
	got, st, lerr := opts.Drafts.Load("new-a")
	if lerr != nil || got.Metadata.Name != "second-name" || got.Spec.Environment != model.EnvStaging || st.Page != "cluster" {
		t.Fatalf("draft after the signal: %v %+v %+v", lerr, got.Metadata, st)
	}
}

// TestBurstIsText (issue 10 item 6): text that arrives in one burst is
// typed, even where a word is a key name ("up", "tab", "enter").
func TestBurstIsText(t *testing.T) {
	h := newHarness(t, nil, StepBasics)
	h.Clear()
	for _, w := range []string{"set", " ", "up", " ", "tab", " ", "enter"} {
		if w == " " {
			h.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(w)})
	}
	if got := h.D.Metadata.Name; got != "set up tab enter" {
		t.Fatalf("name %q after a burst", got)
	}
	h.ExpectPage("basics/cluster")
	if k := h.app.flow.focusedKey(); k != "metadata.name" {
		t.Fatalf("focus moved to %s", k)
	}
}
