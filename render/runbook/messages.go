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

// localText is message parts as plain text in language l, each variable
// written as its text: a comment of the runbook, the header.
func localText(l i18n.Lang, parts ...any) string {
	var b strings.Builder
	for _, p := range localParts(l, parts) {
		switch x := p.(type) {
		case string:
			b.WriteString(x)
		case textArg:
			b.WriteString(string(x))
		case varRef:
			b.WriteString("$" + string(x))
		case shellVar:
			b.WriteString("$" + string(x))
		}
	}
	return b.String()
}

// text is message parts as plain text in the runbook's language (a
// variable's comment).
func (b *builder) text(parts ...any) string { return localText(b.lang, parts...) }

// productName is an IBM product or service name used as a whole comment:
// it stays as IBM writes it in every language.
func productName(s string) string { return s }

// checkedText is localText of a constant message kept for later (an
// environment variable's text, given to useEnv): the catalogue test
// checks it where it was given.
func checkedText(l i18n.Lang, s string) string {
	if l == i18n.EN || l == "" {
		// English is the text itself: localText would box it and copy it
		// through a builder, for every variable's comment.
		return s
	}
	return localText(l, s)
}

// commentBlock writes text as comment lines: "# " before each line, "#"
// for an empty one.
func commentBlock(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = "#"
			continue
		}
		lines[i] = "# " + oneLine(l)
	}
	return strings.Join(lines, "\n")
}

// templateMessages are the header, comments, say and die lines of the
// runbook template and its helpers in the design's language: comments as
// comment lines, messages as one shell word each (double-quoted with the
// helpers' $variables, or quoted as lit quotes a constant).
type templateMessages struct {
	Waiting, GaveUpMinutes, GaveUpPolls string
	DoneOnly, DoneFrom, DoneAll         string

	// Comments of runbook.sh.tmpl.
	Intro, Tools, VarsBanner, ListSteps, ReadBack string

	// Helpers' output (step banner, failure, usage, log lines).
	StepFormat, StepLog, StepFailed, Ended, LogFormat string
	Usage                                             []string
	StepNumber, UnknownArg, FromOnly                  string
	Started, ReadBackLog, RefreshDue                  string
	NoSecret, NoCopy, ExitOf                          string
	CmdFailed, ReadFailed, ReadFrom, ListFailed       string
	WaitDry, PollNumber, Failed, NoWrite, NotVersion  string
	NotInstalled, SetEnv, SetValue                    string
	// Dry-run lines: what a helper would check or pipe.
	CopyDry, HasDry, RangeDry string
	// The prefixes of note and die lines.
	NoteFormat, NoteLog, ErrorFormat, ErrorLog, ErrorReason string
}

func newTemplateMessages(l i18n.Lang, infra, asOf, tools string) templateMessages {
	return templateMessages{
		Waiting:       localWord(l, "waiting for ", shellVar("what"), " (at most ", shellVar("minutes"), " minutes)").text,
		GaveUpMinutes: localWord(l, "gave up after ", shellVar("minutes"), " minutes waiting for ", shellVar("what")).text,
		GaveUpPolls:   localWord(l, "gave up after ", shellVar("minutes"), " polls ", shellVar("poll"), " s apart waiting for ", shellVar("what")).text,
		DoneOnly:      localWord(l, "done: step ", shellVar("ONLY_STEP"), " ran").text,
		DoneFrom:      localWord(l, "done: step 1 and steps ", shellVar("FROM_STEP"), " to ", shellVar("LAST_STEP"), " ran").text,
		DoneAll:       localWord(l, "done: every step of the runbook ran").text,

		Intro: commentBlock(localText(l, "The ", textArg(infra), " IKS cluster of this design, built step by step as IBM's CLI\n"+
			"reference documents it (IBM facts as of the iksplan catalog date ", textArg(asOf), ").\n"+
			"Step numbers match the runbook index of DESIGN.md.\n"+
			"\n"+
			"Usage:\n"+
			"  DRY_RUN=1 ./runbook.sh   print every command (preflight included); needs no tools\n"+
			"  ./runbook.sh             run it; re-running skips what already exists\n"+
			"  ./runbook.sh --list      list the steps\n"+
			"  ./runbook.sh --from N    run step N and the steps after it (after the preflight, step 1)\n"+
			"  ./runbook.sh --only N    run step N only (after the preflight)\n"+
			"Each run writes logs/runbook-<UTC time>.log (timestamps, commands, messages; no\n"+
			"command output, no secrets). When a step fails, the runbook names it: fix the\n"+
			"cause and run it again (every step is idempotent), or go on with --from N.\n"+
			"\n"+
			"Environment (read here, never written to any file):")),
		Tools: commentBlock(localText(l, "Tools: ", textArg(tools), ".")),
		VarsBanner: commentBlock(localText(l, "Variables: every value of the design, quoted for bash. Edit here, or better\n"+
			"edit the design and render again. Empty variables are read back by the\n"+
			"step named in their comment.")),
		ListSteps: commentBlock(localText(l, "list_steps prints every step's number and title (./runbook.sh --list).")),
		ReadBack: commentBlock(localText(l, "READ_BACK names the variables that --from and --only may read back from\n"+
			"logs/state when they skip the step that finds them.")),

		StepFormat: localLit(l, `\n==== Step %s: %s ====\n`).text,
		StepLog:    localWord(l, "==== Step ", shellVar("1"), ": ", shellVar("2")).text,
		StepFailed: localWord(l, "step ", shellVar("CURRENT_STEP"), " (", shellVar("CURRENT_TITLE"), ") failed: ",
			shellVar("{FAIL_REASON:-"+localText(l, "exit status ", shellVar("rc"))+"}"),
			"; fix it and rerun — steps are idempotent — or ./runbook.sh --from ", shellVar("CURRENT_STEP")).text,
		Ended:     localWord(l, "runbook.sh ended with exit status ", shellVar("rc")).text,
		LogFormat: localLit(l, `log: %s\n`).text,
		Usage: []string{
			localWord(l, "usage: ./runbook.sh [--list | --from N | --only N]").text,
			localWord(l, "  (no flag)  run every step; re-running skips what already exists").text,
			localWord(l, "  --list     print the steps, one 'N<tab>title' a line").text,
			localWord(l, "  --from N   run step N and every step after it (step 1, the preflight, always runs)").text,
			localWord(l, "  --only N   run step N only (after the preflight)").text,
			localWord(l, "  DRY_RUN=1 ./runbook.sh prints every command instead of running it").text,
		},
		StepNumber:  localWord(l, shellVar("1"), " needs a step number from 1 to ", shellVar("LAST_STEP"), " (./runbook.sh --list shows them)").text,
		UnknownArg:  localWord(l, "unknown argument: ", shellVar("1")).text,
		FromOnly:    localWord(l, "--from and --only exclude each other").text,
		Started:     localWord(l, "runbook.sh started:", shellVar("{*:+ $*}")).text,
		ReadBackLog: localWord(l, "read back ", shellVar("name"), " from logs/state").text,
		RefreshDue:  localWord(l, "master refresh due (logs/master-refresh-pending)").text,
		NoSecret: localWord(l, "secret ", shellVar("1"), " is not in namespace ", shellVar("2"),
			": IKS creates it there (ibmcloud ks cluster pull-secret apply re-creates it)").text,
		NoCopy:       localWord(l, "could not copy secret ", shellVar("1"), " into namespace ", shellVar("3")).text,
		ExitOf:       localWord(l, "exit status ", shellVar("rc"), " of: ", shellVar("REPLY")).text,
		CmdFailed:    localWord(l, shellVar("message"), " (the command failed: ", shellVar("*"), ")").text,
		ReadFailed:   localWord(l, "could not read ", shellVar("what"), " (the command failed: ", shellVar("*"), ")").text,
		ReadFrom:     localWord(l, "could not read ", shellVar("what"), " from: ", shellVar("*")).text,
		ListFailed:   localWord(l, "could not list: ", shellVar("*")).text,
		WaitDry:      localLit(l, `    (once a minute, for at most %s minutes: waiting for %s)\n`).text,
		PollNumber:   localWord(l, "RUNBOOK_POLL_SECONDS must be a whole number of seconds, not ", shellVar("poll")).text,
		Failed:       localWord(l, "the command failed: ", shellVar("*")).text,
		NoWrite:      localWord(l, "could not write ", shellVar("file")).text,
		NotVersion:   localWord(l, shellVar("1"), " is not a Kubernetes version like 1.35").text,
		NotInstalled: localWord(l, shellVar("1"), " is not installed: ", shellVar("2")).text,
		SetEnv:       localWord(l, "set the environment variable ", shellVar("1"), ": ", shellVar("2")).text,
		SetValue:     localWord(l, "set ", shellVar("1"), " at the top of this file: ", shellVar("2")).text,
		NoteFormat:   localLit(l, `NOTE: %s\n`).text,
		NoteLog:      localWord(l, "NOTE: ", shellVar("*")).text,
		ErrorFormat:  localLit(l, `ERROR: %s\n`).text,
		ErrorLog:     localWord(l, "ERROR: ", shellVar("*")).text,
		ErrorReason:  localWord(l, "ERROR: ", shellVar("FAIL_REASON")).text,
		CopyDry:      localLit(l, `    | jq (metadata: name, namespace %s) | kubectl create -n %s -f -\n`).text,
		HasDry:       localLit(l, `    has %s %s?\n`).text,
		RangeDry:     localLit(l, `+ test %s is at least %s and below %s\n`).text,
	}
}
