package wizard

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/rules"
)

// layout is how the screen is split: step list, form column, side panel.
type layout struct {
	steps, panel         bool
	stepW, formW, pnlW   int
	bodyH                int
	whyInPanel, whyUnder bool
}

func (m *App) computeLayout() layout {
	w := m.width - 2 // App padding
	l := layout{steps: m.width >= stepListMinTot, panel: m.width >= panelMinTotal}
	if l.steps {
		l.stepW = stepListWidth
	}
	if l.panel {
		l.pnlW = min(42, w/3)
	}
	gaps := 0
	if l.steps {
		gaps++
	}
	if l.panel {
		gaps++
	}
	l.formW = max(w-l.stepW-l.pnlW-gaps*2, 10)
	l.bodyH = max(m.height-3, 3) // header, status line, help line
	l.whyInPanel = m.showWhy && l.panel
	l.whyUnder = m.showWhy && !l.panel
	return l
}

// relayout recomputes the live text and sizes the form after any change.
func (m *App) relayout() {
	if m.width < minWidth || m.height < minHeight {
		return
	}
	l := m.computeLayout()
	if m.screen == screenWelcome && m.welcome.form != nil {
		w, h := max(m.width-4, 20), max(m.height-4, 6)
		if w != m.welcome.w || h != m.welcome.h {
			m.welcome.w, m.welcome.h = w, h
			if m.welcome.rewrap != nil {
				m.welcome.rewrap(w)
			}
			m.welcome.form.WithWidth(w)
			if m.welcome.hints != nil {
				// NB: after the width: huh sizes the list from its height
				// less the title and description as they wrap now.
				// Measured before, the description counted one line and
				// the field outgrew its height by the rest.
				m.welcome.hints.regrow()
			}
			m.welcome.form.WithHeight(h)
			// NB: huh rebuilds a group's view only in Init and Update:
			// without one the first frame showed the form as laid out
			// before the window size (flow.resize does the same). Init
			// rebuilds it once; an Update laid the select out three more
			// times first. Its commands (focus, field refresh) were sent
			// when the form started. A form not started yet builds its
			// view in its own Init, after this (startWelcome).
			if m.welcome.started {
				_ = m.welcome.group.Init()
			}
		}
		return
	}
	if m.screen != screenWizard || m.flow == nil {
		return
	}
	m.ctx.Width = l.formW
	// NB: huh draws a blank line above a group's footer (the field errors)
	// that its height leaves out: keep one line for it.
	avail := l.bodyH - 1
	if e := m.errLine(l.formW); e != "" {
		avail -= lipgloss.Height(e)
	}
	if l.formW != m.flow.width {
		m.flow.resize(l.formW, max(avail, 4)) // the field's height follows its width
	}
	// The field being edited comes first; the why panel, when asked for,
	// gets what is left beside it, and the live numbers what remains.
	need := m.focusedNeed()
	m.whyH = 0
	if l.whyUnder {
		if room := min(avail-need, l.bodyH/2); room >= 1 {
			m.whyH = lipgloss.Height(m.whyBox(l.formW, room))
			avail -= m.whyH
		}
	}
	m.live = ""
	if m.flow.page.Live != nil {
		// n lines of text under the box's top rule, wrapped first so
		// the cut counts the lines drawn.
		n := min(max(l.bodyH/2-1, 2), avail-need-1)
		if n >= 2 {
			m.live = cutLines(wrapTo(m.flow.page.Live(m.ctx), l.formW), n)
			avail -= lipgloss.Height(m.styles.Live.Width(l.formW).Render(m.live))
		}
	}
	m.flow.resize(l.formW, max(avail, 4))
}

// focusedNeed is the height the form needs to show the field being edited
// whole: the page's header and that field as huh draws it now.
func (m *App) focusedNeed() int {
	form := m.flow.form
	if form == nil || m.flow.finished {
		return 0
	}
	f := form.GetFocusedField()
	if f == nil {
		return 0
	}
	need := lipgloss.Height(f.View())
	if g := m.flow.group; g != nil {
		if hd := g.Header(); hd != "" {
			need += lipgloss.Height(hd)
		}
	}
	return need
}

// View implements tea.Model.
func (m *App) View() string {
	if m.quitting {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		msg := m.trf("terminal too small: %d×%d\nneeds at least %d×%d", m.width, m.height, minWidth, minHeight)
		return m.styles.Warn.Render(msg)
	}
	if m.screen == screenWelcome && !m.welcome.started {
		// NB: the welcome form starts with the first window size; before
		// it there is nothing laid out to show.
		return ""
	}
	var body string
	switch m.screen {
	case screenWelcome:
		// NB: Update forgets the frame on every message that can change it.
		if m.welcome.frame == "" {
			m.welcome.frame = m.styles.App.Render(m.viewWelcome())
		}
		return m.welcome.frame
	case screenFinal:
		body = m.viewFinal()
	default:
		body = m.viewWizard()
	}
	return m.styles.App.Render(body)
}

func (m *App) header() string {
	title := m.styles.HeaderTitle.Render("iksplan")
	var parts []string
	if m.ctx != nil {
		name := m.ctx.D.Metadata.Name
		if name == "" {
			name = m.tr("(unnamed)")
		}
		parts = append(parts, name)
		if m.screen == screenWizard {
			s := m.flow.step()
			parts = append(parts, m.trf("step %d/%d %s", m.flow.cur.Step+1, len(m.flow.steps), m.tr(s.Title)))
		}
	}
	line := title
	if len(parts) > 0 {
		line += m.styles.Header.Render(" · " + strings.Join(parts, " · "))
	}
	return ansi.Truncate(line, m.width-2, "…")
}

func (m *App) footer(binds []key.Binding) string {
	status := ""
	if m.status != "" {
		st := m.styles.Muted
		if m.statusErr {
			st = m.styles.Error
		}
		status = ansi.Truncate(st.Render(m.status), m.width-2, "…")
	}
	m.help.Width = m.width - 2
	// NB: bubbles' help adds an item that does not fit when even its
	// ellipsis does not fit; cut the line here.
	return status + "\n" + ansi.Truncate(m.help.ShortHelpView(m.trBindings(binds)), m.width-2, "…")
}

func (m *App) viewWelcome() string {
	w := &m.welcome
	body := w.form.View()
	if w.err != nil {
		body = m.styles.Error.Render(ansi.Truncate(w.err.Error(), m.width-4, "…")) + "\n" + body
	}
	binds := append(w.form.KeyBinds(), m.keys.Quit)
	bodyH := m.height - 3
	return m.header() + "\n" + fit(body, m.width-2, bodyH) + "\n" + m.footer(binds)
}

func (m *App) errLine(width int) string {
	if m.flow == nil || m.flow.err == nil {
		return ""
	}
	msg := "✗ " + m.flow.err.Error()
	if hasWide(msg) {
		msg = wrapTo(msg, width) // lipgloss, like huh, wraps at spaces only
	}
	return m.styles.Error.Width(width).Render(msg)
}

func (m *App) viewWizard() string {
	l := m.computeLayout()
	if m.quitAsk {
		return m.header() + "\n" + fit(m.quitDialog(), m.width-2, l.bodyH) + "\n" +
			m.footer([]key.Binding{m.keys.Yes, m.keys.No})
	}
	var col []string
	if e := m.errLine(l.formW); e != "" {
		col = append(col, e)
	}
	// The form pads itself to its height; the live numbers follow its
	// content directly.
	col = append(col, trimBlankTail(m.flow.form.View()))
	if m.live != "" {
		col = append(col, m.styles.Live.Width(l.formW).Render(m.live))
	}
	if l.whyUnder && m.whyH > 0 {
		col = append(col, m.whyBox(l.formW, m.whyH))
	}
	main := fit(strings.Join(col, "\n"), l.formW, l.bodyH)
	cols := []string{}
	if l.steps {
		cols = append(cols, fit(m.stepList(l.stepW), l.stepW, l.bodyH), "  ")
	}
	cols = append(cols, main)
	if l.panel {
		cols = append(cols, "  ", fit(m.sidePanel(l), l.pnlW, l.bodyH))
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, cols...)
	return m.header() + "\n" + body + "\n" + m.footer(m.helpBindings())
}

// helpBindings are the focused field's keys followed by the wizard's, each
// help key shown once.
func (m *App) helpBindings() []key.Binding {
	var out []key.Binding
	seen := map[string]bool{}
	binds := m.flow.form.KeyBinds()
	if _, ok := m.focusedSuggestion(); ok {
		binds = append([]key.Binding{m.keys.Take}, binds...)
	}
	for _, b := range append(binds, m.keys.ShortHelp()...) {
		h := b.Help().Key
		if !b.Enabled() || seen[h] {
			continue
		}
		seen[h] = true
		out = append(out, b)
	}
	return out
}

// stepList draws the steps: ✓ done, › current, !N findings (on steps
// reached only: a step not asked yet has nothing the user got wrong).
func (m *App) stepList(width int) string {
	counts := findingsByStep(m.flow.steps, m.report)
	var b strings.Builder
	for i, s := range m.flow.steps {
		mark := "  "
		st := m.styles.StepTodo
		switch {
		case i == m.flow.cur.Step:
			mark, st = "› ", m.styles.StepCurrent
		case m.flow.done[s.ID]:
			mark, st = "✓ ", m.styles.StepDone
		case m.flow.stepSkipped(i):
			mark = "– "
		}
		line := st.Render(mark + m.tr(s.Title))
		if n := counts[s.ID]; n > 0 && m.flow.reached(i) {
			line += m.styles.StepFinding.Render(fmt.Sprintf(" !%d", n))
		}
		b.WriteString(ansi.Truncate(line, width, "…"))
		if i < len(m.flow.steps)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// focusedKey is the key of the focused field.
func (m *App) focusedKey() string {
	if m.flow == nil || m.flow.form == nil {
		return ""
	}
	if f := m.flow.form.GetFocusedField(); f != nil {
		return f.GetKey()
	}
	return ""
}

// whyText is the why panel's text for the focused field, with the
// findings on that field.
func (m *App) whyText(width int) string {
	s := m.styles
	k := m.focusedKey()
	w, ok := WhyFor(k)
	// Translate the text as written (placeholders and all: the locale
	// files match that English), then fill the catalog's facts in.
	w.Text, w.Alternatives = m.tr(w.Text), m.tr(w.Alternatives)
	w = w.withFacts(m.cat)
	var b strings.Builder
	if !ok {
		b.WriteString(s.WhyTitle.Render(m.tr("Why")))
		b.WriteString("\n")
		b.WriteString(s.Muted.Render(m.tr("Choose what to do next; each question's reasoning shows here while it has focus.")))
		return wrapTo(b.String(), width)
	}
	b.WriteString(s.WhyTitle.Render(m.tr("Why")))
	if FixedAtCreate(k) {
		b.WriteString(" " + s.Badge.Render(m.tr("fixed at create")))
	}
	b.WriteString("\n" + s.Text.Render(w.Text))
	if w.Alternatives != "" {
		b.WriteString("\n" + s.Strong.Render(m.tr("Alternatives: ")) + s.Text.Render(w.Alternatives))
	}
	for _, f := range m.report.Findings {
		if f.Severity != rules.Info && pathKey(f.Path) == k {
			st := s.Warn
			if f.Severity == rules.Error {
				st = s.Error
			}
			b.WriteString("\n" + st.Render(f.RuleID+": "+model.Escape(f.In(m.lang).Message)))
		}
	}
	if w.Doc != "" {
		b.WriteString("\n" + s.WhyLink.Render(w.Doc))
	}
	return wrapTo(b.String(), width)
}

// whyBox is the why panel under the form (narrow terminals), at most
// maxH lines with its border.
func (m *App) whyBox(width, maxH int) string {
	if maxH < 4 {
		// No room for a box beside the field: say where the why is.
		return m.styles.Muted.Render(ansi.Truncate(m.tr("why: no room beside this field; a taller terminal shows it (f1 hides)"), width, "…"))
	}
	lines := strings.Split(m.whyText(width-4), "\n")
	if maxH-2 > 0 && len(lines) > maxH-2 {
		lines = append(lines[:maxH-3], m.styles.Muted.Render(m.tr("… (a taller terminal shows the rest)")))
	}
	return m.styles.Why.Width(width - 2).Render(strings.Join(lines, "\n"))
}

func (m *App) quitDialog() string {
	name := (DraftInfo{Cluster: m.ctx.D.Metadata.Name, Source: m.ctx.svc.file}).Label()
	msg := m.styles.Strong.Render(m.tr("Quit the wizard?")) + "\n\n" +
		m.trf("Every answer is kept in the draft %s.", m.draftID) + "\n" +
		m.trf("Run iksplan again and choose \"Resume draft %s\".", name) + "\n\n" +
		m.styles.Strong.Render("y") + m.tr(" quit   ") + m.styles.Strong.Render("n") + m.tr(" stay")
	return m.styles.Dialog.Width(min(m.width-6, 60)).Render(wrapTo(msg, min(m.width-12, 54)))
}

func (m *App) viewFinal() string {
	s := m.styles
	r := &m.ctx.svc.review
	var b strings.Builder
	b.WriteString(s.OK.Render(m.tr("✓ Design written")) + "\n\n")
	b.WriteString(m.trf("%d files in %s:\n", len(r.written), r.dir))
	for i, p := range r.written {
		if i == 12 && len(r.written) > 14 {
			b.WriteString(m.trf("  … and %d more\n", len(r.written)-12))
			break
		}
		b.WriteString("  " + p + "\n")
	}
	if r.savedDesign != "" {
		b.WriteString(m.trf("\nDesign saved to %s\n", r.savedDesign))
	}
	b.WriteString("\n" + s.Strong.Render(m.tr("Next:")) + "\n")
	for _, c := range nextCommands(r.dir) {
		b.WriteString("  " + s.Code.Render(c) + "\n")
	}
	bodyH := m.height - 3
	return m.header() + "\n" + fit(wrapTo(b.String(), m.width-4), m.width-2, bodyH) + "\n" +
		m.footer([]key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "exit"))})
}

// nextCommands are the commands to run after writing into dir.
func nextCommands(dir string) []string {
	d := strings.TrimSuffix(dir, "/")
	if d == "" {
		d = "."
	}
	if !strings.HasPrefix(d, "/") && !strings.HasPrefix(d, ".") {
		d = "./" + d
	}
	return []string{
		"less " + d + "/DESIGN.md",
		"DRY_RUN=1 " + d + "/runbook.sh",
		d + "/runbook.sh",
		"kubectl apply -f " + d + "/manifests/",
	}
}

// fit cuts s to width columns and height lines, padding it to exactly
// that size so columns join cleanly.
func fit(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w < width {
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	return strings.Join(lines, "\n")
}

// trimBlankTail drops trailing lines that hold only spaces.
func trimBlankTail(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// cutLines keeps the first n lines of s and says how many were cut: the
// live area gets at most half the body, and styling lines nobody sees
// costs a frame with long lists.
func cutLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) <= n {
		return s
	}
	rest := strings.Count(lines[n], "\n") + 1
	return strings.Join(lines[:n-1], "\n") + fmt.Sprintf("\n… %d more lines", rest+1)
}
