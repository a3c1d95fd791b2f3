package runbook

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
)

// body is the shell text of one step: comments, helper calls and the few
// if/while blocks the runbook needs, indented two spaces per level.
type body struct {
	out *text
	// n counts the lines added.
	n      int
	indent int
	// uses collects every variable the steps reference, so the variables
	// block lists only what the runbook uses (shellcheck flags the rest).
	// It is the builder's set, shared by every step's body.
	uses map[string]bool
	// lang is the language of say and note messages (the design's).
	lang i18n.Lang
}

func newBody(out *text, uses map[string]bool) *body { return &body{out: out, uses: uses} }

// text receives the steps' lines as runbook.sh.tmpl prints them inside a
// step's if: each line is a newline, then (unless it is empty) the two
// spaces of the step's if and the line's own indentation. The lines go
// straight into chunks of at least chunkSize bytes, each allocated once and
// never copied: a string per line, ranged over by the template, was a
// large design's runbook's biggest allocation after its commands, and one
// growing buffer copied the text about twice over.
type text struct {
	sb strings.Builder
	// mark is where the current step's part of sb begins.
	mark int
	// parts are the current step's finished chunks.
	parts []string
}

const chunkSize = 32 << 10

// room makes sure the current chunk has n more bytes.
func (t *text) room(n int) {
	if t.sb.Cap()-t.sb.Len() >= n {
		return
	}
	if t.sb.Len() > t.mark {
		t.parts = append(t.parts, t.sb.String()[t.mark:])
	}
	t.sb.Reset() // the strings already taken keep the old chunk
	t.sb.Grow(max(n, chunkSize))
	t.mark = 0
}

// step returns the text written since the last call, in chunks.
func (t *text) step() []string {
	if t.sb.Len() > t.mark {
		t.parts = append(t.parts, t.sb.String()[t.mark:])
		t.mark = t.sb.Len()
	}
	p := t.parts
	t.parts = nil
	return p
}

// start begins a line of n bytes: its newline and, unless the line is
// empty, the step's two spaces and the indentation.
func (b *body) start(n int) {
	b.n++
	if n == 0 {
		b.out.room(1)
		b.out.sb.WriteByte('\n')
		return
	}
	b.out.room(1 + 2*(b.indent+1) + n)
	b.out.sb.WriteByte('\n')
	for range b.indent + 1 {
		b.out.sb.WriteString("  ")
	}
}

func (b *body) add(s string) {
	b.start(len(s))
	b.out.sb.WriteString(s)
}

// addParts adds one line made of parts, indented.
func (b *body) addParts(parts ...string) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b.start(max(n, 1))
	for _, p := range parts {
		b.out.sb.WriteString(p)
	}
}

// addWords adds a command line of words after a prefix (a helper's name,
// "if ", "if ! ") and before a suffix ("; then").
func (b *body) addWords(prefix string, ws []word, suffix string) {
	n := len(prefix) + len(suffix) + 1
	for _, w := range ws {
		n += len(w.text) + 1
	}
	b.start(n)
	b.out.sb.WriteString(prefix)
	for i, w := range ws {
		if i > 0 {
			b.out.sb.WriteByte(' ')
		}
		b.out.sb.WriteString(w.text)
	}
	b.out.sb.WriteString(suffix)
}

// record notes the variables words reference.
func (b *body) record(ws []word) {
	for _, w := range ws {
		if w.ref != "" {
			b.uses[w.ref] = true
		}
		if w.src != nil {
			w.eachRef(b.use)
		}
	}
}

// use records a variable reference.
func (b *body) use(name string) { b.uses[name] = true }

// blank adds an empty line.
func (b *body) blank() { b.add("") }

// comment adds a comment line in the step's language: format is looked
// up in the runbook catalogue by its English text, like a message, and its
// verbs (%s, %d) are filled in after. Text is made one line first, so
// nothing a design says can end the comment.
func (b *body) comment(format string, args ...any) {
	f := checkedText(b.lang, format)
	if len(args) > 0 || strings.Contains(f, "%") {
		f = fmt.Sprintf(f, args...) // a constant comment is its own text: no Sprintf copy
	}
	f = oneLine(f)
	b.start(2 + len(f))
	b.out.sb.WriteString("# ")
	b.out.sb.WriteString(f)
}

// words adds one command line and records its variable references.
func (b *body) words(ws ...word) {
	b.record(ws)
	b.addWords("", ws, "")
}

// call adds a call of a helper function (run, exists, capture …) with its
// own arguments followed by the command words.
func (b *body) call(helper string, ws ...word) {
	if i, ok := described[helper]; ok && len(ws) > i && b.lang != i18n.EN && b.lang != "" {
		ws = append([]word(nil), ws...)
		ws[i] = localDescription(b.lang, ws[i])
	}
	h := lit(helper)
	b.record(ws)
	if len(ws) == 0 {
		b.addWords("", []word{h}, "")
		return
	}
	b.addWords(h.text+" ", ws, "")
}

// described maps the helpers that take a description of what they read
// (the variable's value in a dry run, "could not read …" when it fails) to
// its index among their arguments.
var described = map[string]int{"capture": 1, "capture_all": 1, "find_id": 1}

// localDescription is a helper's description word in language l: a
// placeholder ("<id of the cluster>", a cmd constant or a cat word) looked up
// by its English like a message; any other word unchanged.
func localDescription(l i18n.Lang, w word) word {
	switch {
	case w.src == nil:
	case w.src.parts != nil:
		return localWord(l, w.src.parts...)
	case strings.HasPrefix(w.src.raw, "<"):
		return localLit(l, w.src.raw)
	}
	return w
}

// run adds `run COMMAND…`: executed, or printed in a dry run.
func (b *body) run(ws ...word) { b.call("run", ws...) }

// say adds a progress message made of constant text and variables.
func (b *body) say(parts ...any) { b.words(lit("say"), cat(localParts(b.lang, parts)...)) }

// note adds a NOTE line printed while the runbook runs.
func (b *body) note(parts ...any) { b.words(lit("note"), cat(localParts(b.lang, parts)...)) }

// cond is the condition of an if: a helper call such as exists or json_has.
type cond []word

func when(helper string, ws ...word) cond {
	c := make(cond, 1, 1+len(ws)) // one allocation, not a literal then its growth
	c[0] = lit(helper)
	return append(c, ws...)
}

// ifElse adds `if COND; then … else … fi`. Either branch may be nil.
func (b *body) ifElse(c cond, then, els func()) {
	b.record(c)
	if then == nil {
		b.addWords("if ! ", c, "; then")
		b.indent++
		els()
		b.indent--
		b.add("fi")
		return
	}
	b.addWords("if ", c, "; then")
	b.indent++
	then()
	b.indent--
	if els != nil {
		b.add("else")
		b.indent++
		els()
		b.indent--
	}
	b.add("fi")
}

// ifNot adds `if ! COND; then … fi`.
func (b *body) ifNot(c cond, then func()) { b.ifElse(c, nil, then) }

// unlessExists runs create unless `exists CHECK…` finds the resource, and
// says so when it does.
func (b *body) unlessExists(check []word, what []any, create func()) {
	b.ifElse(when("exists", check...), func() {
		b.say(append(append([]any{}, what...), " exists; not creating it again")...)
	}, create)
}

// raw adds a constant shell line (a test on variables, a loop header).
func (b *body) raw(s string) { b.add(s) }

// rawUses adds a constant shell line that references variables by name.
func (b *body) rawUses(s string, vars ...string) {
	for _, v := range vars {
		b.uses[v] = true
	}
	b.add(s)
}

// block indents the lines fn adds, for raw loop and if bodies.
func (b *body) block(fn func()) {
	b.indent++
	fn()
	b.indent--
}
