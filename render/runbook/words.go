package runbook

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/iksplan/iksplan/render/view"
)

// word is one word of a command line in bash syntax. Words are built only
// from constants of this package (lit, cat) and references to variables of
// the variables block (ref, cat), so a design value can never change the
// shape of a command: it is always the expansion of a double-quoted
// variable, one argument.
type word struct {
	text string
	// ref is the variable a reference (ref) names; a cat word's
	// variables are the varRef parts of its src.
	ref string
	// src is what a helper's description (capture's "<id of the cluster>")
	// is put in the runbook's language from (body.call): a quoted
	// constant's text before quoting (lit), a cat word's parts. It is nil
	// for plain constants and references, most words: a word is 40 bytes
	// with no slice of its own (it was 80, with a one-name slice per
	// reference, and a large design's commands hold hundreds of thousands).
	src *wordSrc
}

// wordSrc is the source of a word that may be a helper's description.
type wordSrc struct {
	raw   string
	parts []any
}

// eachRef calls fn with every variable of the variables block w
// references.
func (w word) eachRef(fn func(string)) {
	if w.ref != "" {
		fn(w.ref)
	}
	if w.src == nil {
		return
	}
	for _, p := range w.src.parts {
		if v, ok := p.(varRef); ok {
			fn(string(v))
		}
	}
}

// plain reports whether a constant can be written without quotes: it is
// not empty and has only ASCII letters, digits and _./:=@%+,- (a loop over
// bytes, not a regular expression: lit runs for every constant word).
func plain(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("_./:=@%+,-", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// lit is a constant word. Constants that are not plain (jq filters,
// regular expressions) are quoted with view.ShellQuote.
func lit(s string) word {
	if plain(s) {
		return word{text: s}
	}
	q, err := view.ShellQuote(s)
	if err != nil {
		panic(fmt.Sprintf("runbook: constant %q cannot be quoted: %v", s, err)) // constants have no NUL
	}
	return word{text: q, src: &wordSrc{raw: s}}
}

// ref is a double-quoted reference to a variable: "$NAME".
func ref(name string) word {
	return word{text: `"$` + name + `"`, ref: name}
}

// varRef marks a part of cat as a variable reference.
type varRef string

// textArg marks a part of cat as constant text that is an argument of the
// message (an IBM service name or role computed in Go), not its wording: it
// is written like a string, and a translation keeps it as a placeholder.
type textArg string

// shellVar marks a part of cat as a reference to a shell variable of the
// runbook's own helpers (what, minutes, ONLY_STEP), written $name as the
// helpers write them; it is not a variable of the variables block.
type shellVar string

// cat builds one double-quoted word from constant text and variables, e.g.
// cat("namespace=", varRef("NS_1")) is "namespace=${NS_1}".
func cat(parts ...any) word {
	n := 2
	for _, p := range parts {
		switch x := p.(type) {
		case string:
			n += len(x)
		case textArg:
			n += len(x)
		case shellVar:
			n += 1 + len(x)
		case varRef:
			n += 3 + len(x)
		}
	}
	var b strings.Builder
	b.Grow(n) // escapes may add more
	b.WriteByte('"')
	for _, p := range parts {
		switch x := p.(type) {
		case string:
			b.WriteString(escapeDouble(x))
		case textArg:
			b.WriteString(escapeDouble(string(x)))
		case shellVar:
			b.WriteByte('$')
			b.WriteString(string(x))
		case varRef:
			b.WriteString("${")
			b.WriteString(string(x))
			b.WriteByte('}')
		default:
			panic(fmt.Sprintf("runbook: cat part %T", p))
		}
	}
	b.WriteByte('"')
	return word{text: b.String(), src: &wordSrc{parts: parts}}
}

// doubleEscaper escapes constant text for a double-quoted bash string. It is
// built once: a Replacer builds its lookup table on first use, and building
// one per call was a fifth of a large render's allocations.
var doubleEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`")

// escapeDouble escapes constant text for a double-quoted bash string.
func escapeDouble(s string) string {
	return doubleEscaper.Replace(s)
}

// procSub is a process substitution that feeds a secret from an
// environment variable to a command as a file, so the secret is neither an
// argument (visible in ps and in a dry run's output) nor written to disk.
func procSub(envName string) word {
	return word{text: `<(printf '%s' "${` + envName + `:-}")`}
}

// prefixed joins a constant prefix and one word made by procSub, e.g. the
// helm argument secret.iamAPIKey=<(…).
func prefixed(prefix string, w word) word {
	if !plain(prefix) {
		panic(fmt.Sprintf("runbook: prefix %q is not plain", prefix))
	}
	if w.src != nil {
		panic("runbook: prefixed takes a procSub word") // it would lose its parts' references
	}
	return word{text: prefix + w.text, ref: w.ref}
}

// oneLine makes text safe for a comment or a message: one line, no
// control characters, and never read as a shellcheck directive.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimRight(s, " ")
	if t := strings.TrimLeft(s, " "); lowerHasPrefix(t, "shellcheck") {
		s = "(" + t + ")"
	}
	return s
}

// lowerHasPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for an
// ASCII lower-case prefix, without building the lower-case copy of every
// comment: rune by rune with the same unicode.ToLower, so the Kelvin sign
// still counts as a k.
func lowerHasPrefix(s, prefix string) bool {
	i := 0
	for _, r := range s {
		if i == len(prefix) {
			break
		}
		if unicode.ToLower(r) != rune(prefix[i]) {
			return false
		}
		i++
	}
	return i == len(prefix)
}

// cmd turns constants (string) and words into a command's words, e.g.
// cmd("ibmcloud", "ks", "cluster", "get", "--cluster", b.clusterVar()).
func cmd(parts ...any) []word {
	n := len(parts)
	for _, p := range parts {
		if ws, ok := p.([]word); ok {
			n += len(ws) - 1
		}
	}
	out := make([]word, 0, n)
	for _, p := range parts {
		switch x := p.(type) {
		case string:
			out = append(out, lit(x))
		case word:
			out = append(out, x)
		case []word:
			out = append(out, x...)
		default:
			panic(fmt.Sprintf("runbook: cmd part %T", p))
		}
	}
	return out
}
