package runbook

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/internal/i18n"
)

// body is the shell text of one step: comments, helper calls and the few
// if/while blocks the runbook needs, indented two spaces per level.
type body struct {
	lines  []string
	indent int
	// uses collects every variable the step references, so the variables
	// block lists only what the runbook uses (shellcheck flags the rest).
	uses map[string]bool
	// lang is the language of say and note messages (the design's).
	lang i18n.Lang
}

func newBody() *body { return &body{uses: map[string]bool{}} }

func (b *body) add(s string) {
	if s == "" {
		b.lines = append(b.lines, "")
		return
	}
	if b.indent == 0 {
		b.lines = append(b.lines, s)
		return
	}
	b.addParts(s)
}

// addParts adds one line made of parts, indented, in one allocation: a
// large design's runbook has tens of thousands of lines, and building each
// from its pieces and then its indentation was a tenth of its allocations.
func (b *body) addParts(parts ...string) {
	n := 2 * b.indent
	for _, p := range parts {
		n += len(p)
	}
	var sb strings.Builder
	sb.Grow(n)
	for range b.indent {
		sb.WriteString("  ")
	}
	for _, p := range parts {
		sb.WriteString(p)
	}
	b.lines = append(b.lines, sb.String())
}

// addWords adds a command line of words after a prefix (a helper's name,
// "if ", "if ! ") and before a suffix ("; then"), in one allocation.
func (b *body) addWords(prefix string, ws []word, suffix string) {
	n := 2*b.indent + len(prefix) + len(suffix)
	for _, w := range ws {
		n += len(w.text) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	for range b.indent {
		sb.WriteString("  ")
	}
	sb.WriteString(prefix)
	for i, w := range ws {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.text)
	}
	sb.WriteString(suffix)
	b.lines = append(b.lines, sb.String())
}

// record notes the variables words reference.
func (b *body) record(ws []word) {
	for _, w := range ws {
		for _, r := range w.refs {
			b.uses[r] = true
		}
	}
}

// blank adds an empty line.
func (b *body) blank() { b.add("") }

// comment adds a comment line in the step's language: format is looked
// up in the runbook catalogue by its English text, like a message, and its
// verbs (%s, %d) are filled in after. Text is made one line first, so
// nothing a design says can end the comment.
func (b *body) comment(format string, args ...any) {
	b.add("# " + oneLine(fmt.Sprintf(localText(b.lang, format), args...)))
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
	case w.parts != nil:
		return localWord(l, w.parts...)
	case strings.HasPrefix(w.raw, "<"):
		return localLit(l, w.raw)
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
	return append(cond{lit(helper)}, ws...)
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
