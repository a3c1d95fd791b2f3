package wizard

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/i18n"
)

// huh's accessible fields print a few prompts of their own, in English
// and with no way to change them (huh v1.0.0 field_select.go:729,
// field_multiselect.go:720–739, internal/accessibility PromptInt): "Enter
// a number between 1 and 5:" after every Japanese question. huhWords sits
// between them and the terminal and writes those prompts in the run's
// language; everything else passes through byte for byte. huh writes each
// prompt with one Fprint, so a prompt is never split across writes.

// huhPrompts are huh's English formats, each a message of
// locales/*/wizard-accessible.yaml.
var huhPrompts = []string{
	"Enter a number between %d and %d: ",
	"There is only one option available; enter the number 1:",
	"Select up to %d options.",
	"You can't select more than %d options.",
	"Invalid: must be a number between %d and %d",
	"Invalid: must be %d",
	"invalid input. please try again",
	"Input cannot exceed %d characters",
}

// huhPromptRE matches huhPrompts[i] with its numbers captured.
var huhPromptRE = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(huhPrompts))
	for i, f := range huhPrompts {
		out[i] = regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(f), "%d", `(\d+)`))
	}
	return out
})

type huhWords struct {
	w io.Writer
	l i18n.Lang
}

// withHuhWords returns out with huh's prompts in language l.
func withHuhWords(out io.Writer, l i18n.Lang) io.Writer {
	if l == i18n.EN {
		return out
	}
	return huhWords{w: out, l: l}
}

func (h huhWords) Write(p []byte) (int, error) {
	s := string(p)
	for i, re := range huhPromptRE() {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			var args []any
			for _, n := range re.FindStringSubmatch(m)[1:] {
				v, _ := strconv.Atoi(n)
				args = append(args, v)
			}
			return trfIn(h.l, huhPrompts[i], args...)
		})
	}
	if _, err := io.WriteString(h.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
