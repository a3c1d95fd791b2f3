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

var errFormats = sync.OnceValue(func() []errFormat {
	var out []errFormat
	for _, id := range i18n.IDsIn(i18n.EN, "cli") {
		if !strings.HasPrefix(id, "cli.err.") {
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
})

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
	for _, f := range errFormats() {
		m := f.pattern.FindStringSubmatch(msg)
		if m == nil || !loc.Has(f.id) {
			continue
		}
		args := make([]any, len(m)-1)
		for i, v := range m[1:] {
			args[i] = translateError(v, loc, depth+1)
		}
		return fmt.Sprintf(asStrings(loc.T(f.id, nil)), args...)
	}
	return msg
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
