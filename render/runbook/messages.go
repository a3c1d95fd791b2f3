package runbook

import (
	"strconv"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/internal/lazyre"
)

// The runbook's messages (say, note, the what of a wait, the template's own
// say and die lines) in the design's document language. Call sites stay in
// English (b.say("pool ", varRef(v), " already spans ", ...)); in another
// language the message is looked up by its English shape, each variable
// (varRef, textArg, shellVar) written {{.V1}}, {{.V2}} … in order, in the
// runbook message catalogue (internal/i18n/locales/LANG/runbook.yaml), and
// the translation is split back into text and the same variables. Commands,
// variables and IBM product names stay as IBM writes them; only the prose
// around them changes. The result goes through cat, so every part is
// double-quote escaped exactly as the English is, and English is the call
// site's text byte for byte. TestEveryRunbookMessageIsInTheCatalogue reads
// the call sites and fails on one the catalogue lacks.

// runbookArea is the message file of this package.
const runbookArea = "runbook"

var (
	// englishMessages maps an English shape to its message ID. Only a
	// non-English runbook builds it.
	englishMessages = sync.OnceValue(func() map[string]string {
		out := map[string]string{}
		for _, id := range i18n.IDsIn(i18n.EN, runbookArea) {
			if m, ok := i18n.Message(i18n.EN, id); ok {
				out[m.Other] = id
			}
		}
		return out
	})
	placeholderRE = lazyre.New(`\{\{\.V(\d+)\}\}`)
)

// shape returns the English catalogue form of parts and its variables.
func shape(parts []any) (string, []any) {
	var b strings.Builder
	var vars []any
	for _, p := range parts {
		switch x := p.(type) {
		case string:
			b.WriteString(x)
		case varRef, textArg, shellVar:
			vars = append(vars, x)
			b.WriteString("{{.V" + strconv.Itoa(len(vars)) + "}}")
		}
	}
	return b.String(), vars
}

// localParts returns parts in language l: the translation split at its
// placeholders, or parts unchanged when l is English or the message has no
// catalogue entry (the catalogue tests keep that from happening).
func localParts(l i18n.Lang, parts []any) []any {
	if l == i18n.EN || l == "" {
		return parts
	}
	en, vars := shape(parts)
	id, ok := englishMessages()[en]
	if !ok {
		return parts
	}
	m, ok := i18n.Message(l, id)
	if !ok {
		return parts
	}
	return splitMessage(m.Other, vars, parts)
}

// splitMessage splits a translated message into text and variables.
func splitMessage(text string, vars []any, fallback []any) []any {
	var out []any
	for {
		loc := placeholderRE.FindStringSubmatchIndex(text)
		if loc == nil {
			break
		}
		if loc[0] > 0 {
			out = append(out, text[:loc[0]])
		}
		n, _ := strconv.Atoi(text[loc[2]:loc[3]])
		if n < 1 || n > len(vars) {
			return fallback
		}
		out = append(out, vars[n-1])
		text = text[loc[1]:]
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

// localWord is message parts as one double-quoted word in language l.
func localWord(l i18n.Lang, parts ...any) word { return cat(localParts(l, parts)...) }

// localLit is a constant message (no variables) as lit quotes it, in
// language l.
func localLit(l i18n.Lang, s string) word {
	var b strings.Builder
	for _, p := range localParts(l, []any{s}) {
		b.WriteString(p.(string))
	}
	return lit(b.String())
}

// msg is a message argument of a helper call (the what of wait_for) in the
// step's language.
func (b *body) msg(parts ...any) word { return localWord(b.lang, parts...) }

// msgLit is a constant message argument of a helper call in the step's
// language (see localLit).
func (b *body) msgLit(s string) word { return localLit(b.lang, s) }

// templateMessages are the say and die lines of the runbook template and
// its helpers, each a double-quoted word.
type templateMessages struct {
	Waiting, GaveUpMinutes, GaveUpPolls string
	DoneOnly, DoneFrom, DoneAll         string
}

func newTemplateMessages(l i18n.Lang) templateMessages {
	return templateMessages{
		Waiting:       localWord(l, "waiting for ", shellVar("what"), " (at most ", shellVar("minutes"), " minutes)").text,
		GaveUpMinutes: localWord(l, "gave up after ", shellVar("minutes"), " minutes waiting for ", shellVar("what")).text,
		GaveUpPolls:   localWord(l, "gave up after ", shellVar("minutes"), " polls ", shellVar("poll"), " s apart waiting for ", shellVar("what")).text,
		DoneOnly:      localWord(l, "done: step ", shellVar("ONLY_STEP"), " ran").text,
		DoneFrom:      localWord(l, "done: step 1 and steps ", shellVar("FROM_STEP"), " to ", shellVar("LAST_STEP"), " ran").text,
		DoneAll:       localWord(l, "done: every step of the runbook ran").text,
	}
}
