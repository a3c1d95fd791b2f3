package cli

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/internal/lazyre"
)

// Error messages in the run's language. The Go code writes its errors in
// English (usageErr, fmt.Errorf), where they are made; Run prints the final
// message, and in another language it matches the message against the
// English formats of the catalogue (cli.yaml err.*), then prints the
// translation with the same values: file names, YAML paths and lines,
// flags, and the wrapped error, itself translated when it is one of ours.
// An error no format matches (an operating system error, a loader's
// detail) is printed as it is.

// errFormat is one English error format as a pattern, with its ID.
type errFormat struct {
	id      string
	pattern *regexp.Regexp
	// literal is the format's text without verbs, to try the most
	// specific format first.
	literal int
}

// verbRE is a printf verb (with an optional explicit argument index).
var verbRE = lazyre.New(`%(\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

var errFormats = sync.OnceValue(func() []errFormat { return formatsOf("cli", "cli.err.") })

// problemFormats are the formats of the design loader's problems
// (locales/en/model.yaml), which a model.SchemaError's text lists.
var problemFormats = sync.OnceValue(func() []errFormat { return formatsOf("model", "model.") })

// formatsOf returns the English messages of area whose IDs start with
// prefix as patterns, the most specific first.
func formatsOf(area, prefix string) []errFormat {
	var out []errFormat
	for _, id := range i18n.IDsIn(i18n.EN, area) {
		if !strings.HasPrefix(id, prefix) {
			continue
		}
		m, _ := i18n.Message(i18n.EN, id)
		var re strings.Builder
		re.WriteString(`(?s)^`)
		last, lit := 0, 0
		for _, loc := range verbRE.FindAllStringIndex(m.Other, -1) {
			re.WriteString(regexp.QuoteMeta(m.Other[last:loc[0]]))
			lit += loc[0] - last
			if m.Other[loc[1]-1] == '%' {
				re.WriteString("%")
			} else {
				re.WriteString("(.*?)")
			}
			last = loc[1]
		}
		re.WriteString(regexp.QuoteMeta(m.Other[last:]) + `$`)
		lit += len(m.Other) - last
		out = append(out, errFormat{id: id, pattern: regexp.MustCompile(re.String()), literal: lit})
	}
	slices.SortStableFunc(out, func(a, b errFormat) int { return b.literal - a.literal })
	return out
}

// localizeError returns msg in loc's language.
func localizeError(msg string, loc *i18n.Localizer) string {
	if loc.Lang() == i18n.EN {
		return msg
	}
	return pathLineRE.ReplaceAllStringFunc(translateError(msg, loc, 0), func(s string) string {
		m := pathLineRE.FindStringSubmatch(s)
		return loc.T("cli.validate.line", map[string]any{"Path": m[1], "Line": m[2]})
	})
}

// pathLineRE is a YAML path with its line as the design loader writes it.
var pathLineRE = lazyre.New(`([\w.\[\]-]+) \(line (\d+)\)`)

// countRE is a count built by plural (design.go): "3 errors", "1 change".
var countRE = lazyre.New(`^(\d+) (error|warning|info|change|reason|trial)s?$`)

func translateError(msg string, loc *i18n.Localizer, depth int) string {
	if depth > 4 {
		return msg
	}
	if m := countRE.FindStringSubmatch(msg); m != nil && loc.Has("cli.count."+m[2]) {
		n, _ := strconv.Atoi(m[1])
		return loc.N("cli.count."+m[2], n, nil)
	}
	if s, ok := translateWith(errFormats(), msg, loc, func(v string) string { return translateError(v, loc, depth+1) }); ok {
		return s
	}
	if s, ok := translateProblems(msg, loc); ok {
		return s
	}
	return msg
}

// translateWith translates msg by the first of formats it matches, its
// values translated by value.
func translateWith(formats []errFormat, msg string, loc *i18n.Localizer, value func(string) string) (string, bool) {
	for _, f := range formats {
		m := f.pattern.FindStringSubmatch(msg)
		if m == nil || !loc.Has(f.id) {
			continue
		}
		args := make([]any, len(m)-1)
		for i, v := range m[1:] {
			args[i] = value(v)
		}
		return fmt.Sprintf(asStrings(loc.T(f.id, nil)), args...), true
	}
	return "", false
}

// problemHeadRE is the start of one problem of a model.SchemaError: its
// YAML path, with its line when known, and a colon.
var problemHeadRE = lazyre.New(`^([\w.\[\]()-]+(?: \(line \d+\))?): `)

// translateProblems translates the text of a model.SchemaError, "FILE: P;
// P; …" with each P "PATH (line N): MESSAGE" (or diff's list of them, one
// a line), when every message is one of the loader's formats; ok is false
// otherwise, and msg stays as it is.
func translateProblems(msg string, loc *i18n.Localizer) (string, bool) {
	if list, ok := strings.CutPrefix(msg, "\n  "); ok {
		// diff's list: one problem a line (cli.err.schema).
		return translateProblemList("\n  ", strings.Split(list, "\n  "), "\n  ", loc)
	}
	parts := splitProblems(msg)
	// The file name comes first: try each ": " of the first part as its
	// end (a path holds no ": "), and no file name at all.
	first := parts[0]
	for i := 0; i < len(first); i++ {
		if i > 0 && (i < 2 || first[i-2:i] != ": ") {
			continue
		}
		parts[0] = first[i:]
		if s, ok := translateProblemList(first[:i], parts, "; ", loc); ok {
			return s, true
		}
	}
	return "", false
}

// translateProblemList translates each problem of parts and joins them
// with sep after prefix; ok is false when one is not a loader's problem.
func translateProblemList(prefix string, parts []string, sep string, loc *i18n.Localizer) (string, bool) {
	out := make([]string, len(parts))
	for i, p := range parts {
		m := problemHeadRE.FindStringSubmatch(p)
		if m == nil {
			return "", false
		}
		text, ok := translateWith(problemFormats(), p[len(m[0]):], loc, func(v string) string { return phraseIn(v, loc) })
		if !ok {
			return "", false
		}
		out[i] = m[0] + text
	}
	return prefix + strings.Join(out, sep), true
}

// splitProblems cuts msg at each "; " that starts another problem (a path
// and a colon follow it); a "; " inside a message ("is 3; it must be …")
// does not.
func splitProblems(msg string) []string {
	var parts []string
	start := 0
	for i := 0; i+2 <= len(msg); i++ {
		if msg[i] == ';' && msg[i+1] == ' ' && problemHeadRE.MatchString(msg[i+2:]) {
			parts = append(parts, msg[start:i])
			start = i + 2
		}
	}
	return append(parts, msg[start:])
}

// phraseIn is v in loc's language when it is one of the loader's fixed
// phrases (terms.yaml yaml.*: "a whole number", "a list", a model.Phrase
// in the problem), else v: a problem's other values are the design's.
func phraseIn(v string, loc *i18n.Localizer) string {
	for _, id := range i18n.IDsIn(i18n.EN, "terms") {
		if m, _ := i18n.Message(i18n.EN, id); strings.HasPrefix(id, "terms.yaml.") && m.Other == v {
			return loc.T(id, nil)
		}
	}
	return v
}

// asStrings turns every verb of a translated format into %[n]s: its values
// are the English message's text, already formatted.
func asStrings(format string) string {
	n := 0
	return verbRE.ReplaceAllStringFunc(format, func(v string) string {
		if v == "%%" {
			return v
		}
		// An explicit index, %[n]..., sets the count as in fmt. (This was a
		// regexp compiled on every verb of every error printed.)
		if idx, ok := strings.CutPrefix(v, "%["); ok {
			n, _ = strconv.Atoi(idx[:strings.IndexByte(idx, ']')])
		} else {
			n++
		}
		return "%[" + strconv.Itoa(n) + "]s"
	})
}

// warn prints a warning line on stderr in the run's language.
func (a *app) warn(format string, args ...any) {
	fmt.Fprintf(a.stderr, "iksplan: %s\n", localizeError(fmt.Sprintf(format, args...), a.localizer()))
}

// runLocalizer is the localizer of a finished run's --lang flag and locale
// (English when the flag is bad). When parsing stopped before --lang (an
// unknown flag ahead of it), the flag is read from args.
func runLocalizer(root *cobra.Command, args []string) *i18n.Localizer {
	flag := ""
	if f := root.PersistentFlags().Lookup("lang"); f != nil {
		flag = f.Value.String()
	}
	for i, a := range args {
		if flag != "" || a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			flag = v
		} else if a == "--lang" && i+1 < len(args) {
			flag = args[i+1]
		}
	}
	l, err := i18n.Resolve(flag)
	if err != nil {
		l = i18n.EN
	}
	return i18n.For(l)
}
