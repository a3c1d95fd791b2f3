package wizard

import (
	"fmt"
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// benchDesign is the benchmark design: 3 worker pools and 20
// access groups on the seed's classic Tokyo cluster.
func benchDesign(t testing.TB) *model.Design {
	d := presetDesign(t, "tokyo-classic-production")
	model.ApplyDefaults(d)
	base := d.Spec.WorkerPools[0]
	for _, name := range []string{"edge", "gpu"} {
		p := base
		p.Name, p.Purpose, p.WorkersPerZone = name, model.PurposeEdge, 2
		d.Spec.WorkerPools = append(d.Spec.WorkerPools, p)
	}
	d.Spec.WorkerPools = d.Spec.WorkerPools[:3]
	d.Spec.IAM.AccessGroups = nil
	for i := range 20 {
		d.Spec.IAM.AccessGroups = append(d.Spec.IAM.AccessGroups, model.AccessGroup{
			Name:         fmt.Sprintf("team-%02d", i),
			Members:      []string{fmt.Sprintf("dev%02d@example.com", i), fmt.Sprintf("ops%02d@example.com", i)},
			PlatformRole: model.PlatformViewer,
			ServiceRole:  model.ServiceWriter,
			Namespaces:   []string{fmt.Sprintf("ns-%02d", i)},
		})
	}
	return d
}

// benchKeystroke measures Update+View of one key on a page: keys alternate
// so the page stays the same.
func benchKeystroke(b *testing.B, step StepID, page string, keys ...tea.KeyMsg) {
	benchKeystrokeOn(b, benchDesign(b), step, page, keys...)
}

// benchKeystrokeOn is benchKeystroke on design d.
func benchKeystrokeOn(b *testing.B, d *model.Design, step StepID, page string, keys ...tea.KeyMsg) {
	h := newHarness(b, d, step)
	if page != "" {
		h.run(h.app.flow.show(loc{h.app.flow.stepIndex(step), page}))
	}
	h.Analyze()
	want := h.Page()
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		// The commands the key returns are bubbletea's to run, not part of
		// the keystroke's cost.
		h.app.Update(keys[i%len(keys)])
		_ = h.app.View()
		i++
	}
	b.StopTimer()
	if h.Page() != want {
		b.Fatalf("left the page: %s", h.Page())
	}
}

func BenchmarkKeystroke(b *testing.B) {
	b.Run("bare-huh", func(b *testing.B) {
		// The reference: a key typed into a themed one-field huh form.
		var name string
		f := huh.NewForm(huh.NewGroup(huh.NewInput().Title("Name").Value(&name))).WithTheme(huh.ThemeCharm())
		f.Init()
		f.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'5'}}, {Type: tea.KeyBackspace}}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			f.Update(keys[i%len(keys)])
			_ = f.View()
			i++
		}
	})
	b.Run("Sizing", func(b *testing.B) {
		// Typing into the vCPU demand: the plan, the resilience and the
		// flavor comparison follow on every key.
		benchKeystroke(b, StepSizing, "demand", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'5'}}, tea.KeyMsg{Type: tea.KeyBackspace})
	})
	b.Run("bare-huh-select-20", func(b *testing.B) {
		// The reference for 20 groups: a themed huh Select of 20 options.
		benchBareSelect(b, 20)
	})
	b.Run("IAM", func(b *testing.B) {
		// Moving through the 20 groups of the access group list.
		benchKeystroke(b, StepIAM, "groups", tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp})
	})
	b.Run("bare-huh-select-1000", func(b *testing.B) {
		// The reference for 1,000 groups: a themed huh Select of 1,000
		// options (NB: themed; an unthemed form rebuilds its theme on every
		// style lookup and would be a misleadingly slow reference).
		benchBareSelect(b, 1000)
	})
	b.Run("IAM-1000", func(b *testing.B) {
		// Moving through 1,000 access groups.
		benchKeystrokeOn(b, thousandGroups(b), StepIAM, "groups", tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp})
	})
}

// benchBareSelect is one key (Update and View) on a themed huh Select of n
// options in a 120×40 form.
func benchBareSelect(b *testing.B, n int) {
	opts := make([]huh.Option[string], n)
	for i := range opts {
		opts[i] = huh.NewOption(fmt.Sprintf("team-%04d", i), fmt.Sprintf("team-%04d", i))
	}
	var v string
	f := huh.NewForm(huh.NewGroup(huh.NewSelect[string]().Title("Access groups").Options(opts...).Value(&v))).WithTheme(huh.ThemeCharm())
	f.Init()
	f.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	keys := []tea.KeyMsg{{Type: tea.KeyDown}, {Type: tea.KeyUp}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f.Update(keys[i%len(keys)])
		_ = f.View()
		i++
	}
}

// thousandGroups is benchDesign with 1,000 access groups.
func thousandGroups(t testing.TB) *model.Design {
	d := benchDesign(t)
	g := d.Spec.IAM.AccessGroups[0]
	d.Spec.IAM.AccessGroups = nil
	for i := range 1000 {
		g.Name = fmt.Sprintf("team-%04d", i)
		g.Members = []string{fmt.Sprintf("dev%04d@example.com", i)}
		g.Namespaces = []string{fmt.Sprintf("ns-%02d", i%20)}
		d.Spec.IAM.AccessGroups = append(d.Spec.IAM.AccessGroups, g)
	}
	return d
}

// BenchmarkFirstFrame compares the wizard's start (New, Init, the first
// window size, the first View) with a bare huh form of one field in huh's
// Charm theme, and with bare-huh-welcome, the wizard's first screen made
// with huh alone. Issue 15's target, ≤ 1.10 × the bare form, is for exec
// to first frame in a pty (bench/run.sh): there bubbletea's first tick,
// 16.7 ms after start, hides what this measures, and the wizard is 1.03 ×.
// In process the fair floor is bare-huh-welcome, which the wizard beats.
func BenchmarkFirstFrame(b *testing.B) {
	b.Run("bare-huh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var name string
			f := huh.NewForm(huh.NewGroup(huh.NewInput().Title("Name").Value(&name))).WithTheme(huh.ThemeCharm())
			f.Init()
			f.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = f.View()
		}
	})
	b.Run("bare-huh-welcome", func(b *testing.B) {
		// The floor for the wizard's screen: a bare huh form showing the
		// welcome's select (the same options, title, description and
		// group texts, the wizard's theme) with none of the wizard's
		// set-up (scroll hints, option fitting, rewrapping, side texts).
		// huh lays each option out on every view, so a select of many
		// options costs more than the one-field reference above.
		w := New(testOptions(b, nil)).welcome
		labels := w.ctx.options["welcome"]
		values := make([]string, len(labels))
		hopts := make([]huh.Option[string], len(labels))
		for i, l := range labels {
			values[i] = fmt.Sprint(i)
			hopts[i] = huh.NewOption(l, values[i])
		}
		desc := presetSummary(i18n.EN, presets.All()[0])
		b.ReportAllocs()
		for b.Loop() {
			v := values[0]
			sel := huh.NewSelect[string]().Title("How do you want to start?").Options(hopts...).Value(&v).Description(desc)
			if len(hopts) > 10 {
				sel.Height(14)
			}
			f := huh.NewForm(huh.NewGroup(sel).Title("iksplan: design a production IBM Cloud Kubernetes Service cluster").
				Description("Answer each step with the help panel open (? or f1); every answer is saved as you go.")).
				WithTheme(Theme()).WithShowHelp(false)
			f.Init()
			f.Update(tea.WindowSizeMsg{Width: 116, Height: 36})
			_ = f.View()
		}
	})
	b.Run("wizard", func(b *testing.B) {
		opts := testOptions(b, nil)
		b.ReportAllocs()
		for b.Loop() {
			m := New(opts)
			m.Init()
			m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = m.View()
		}
	})
	// The -start pair draw the screen as bubbletea v1 starts a program:
	// Init and a View, the window size, then every message the commands
	// return (bubbletea's size query answered with the same size), a View
	// after each. The process's first frame pays all of them.
	b.Run("bare-huh-start", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var name string
			startLikeBubbletea(huh.NewForm(huh.NewGroup(huh.NewInput().Title("Name").Value(&name))).WithTheme(huh.ThemeCharm()), 120, 40)
		}
	})
	b.Run("wizard-start", func(b *testing.B) {
		opts := testOptions(b, nil)
		b.ReportAllocs()
		for b.Loop() {
			startLikeBubbletea(New(opts), 120, 40)
		}
	})
	b.Run("wizard-edit", func(b *testing.B) {
		opts := testOptions(b, nil)
		d := benchDesign(b)
		b.ReportAllocs()
		for b.Loop() {
			opts.Design = d.Clone()
			m := New(opts)
			m.Init()
			m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = m.View()
		}
	})
}

// startLikeBubbletea starts m as bubbletea v1's Program.Run does, without a
// terminal: Init, a View, the window size, then each message the commands
// return with a View after it. Commands that only wait (cursor blinks) are
// dropped (runQuick); bubbletea's size query is answered with the same size,
// as bubbletea does, and handed to the model too. It returns the messages
// the model got.
func startLikeBubbletea(m tea.Model, w, h int) int {
	size := func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }
	queue := []tea.Cmd{size, m.Init()}
	_ = m.View()
	return drainCmds(queue, 100, func(msg tea.Msg) []tea.Cmd {
		var more []tea.Cmd
		if reflect.TypeOf(msg) == sizeQuery {
			more = append(more, size)
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		_ = m.View()
		return append(more, next)
	})
}
