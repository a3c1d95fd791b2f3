package wizard

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// wrapTo wraps s to width terminal cells: at spaces, a word longer than
// the line cut. Japanese puts no spaces between words, and ansi.Wrap moves a whole
// space-free run to the next line, leaving a short line ("3" alone, then
// "つのゾーンに…"). So a line with wide characters may break between any
// two characters as Japanese typesetting does, never inside one (a wide
// character is one unit of two cells), never before closing punctuation
// (、。）」 start no line) nor after an opening bracket (kinsoku).
//
// Text without wide characters wraps as ansi.Wrap does (at spaces and
// after a hyphen), except that a number is never split: huh's own wrap
// broke "1.35" into "1." and "35." and an address after "172.", and
// ansi.Wrap a date after "2027-".
func wrapTo(s string, width int) string {
	if width <= 0 {
		return s
	}
	if !hasWide(s) {
		kept := numberHyphen.ReplaceAllString(s, "$1"+keptHyphen+"$2")
		return strings.ReplaceAll(ansi.Wrap(kept, width, ""), keptHyphen, "-")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = noWidow(l, width)
	}
	return strings.Join(lines, "\n")
}

// numberHyphen is a hyphen inside a number (a date); keptHyphen stands
// for it while ansi.Wrap, which breaks after every hyphen, wraps the line.
var numberHyphen = lazyre.New(`(\d)-(\d)`)

const keptHyphen = "\u2011" // non-breaking hyphen, one cell

// noWidow wraps a Japanese line, and when its last line would be one
// character alone ("…完成した設計で" then "す"), wraps it a little narrower
// so the last line takes a few characters with it, if that costs no line.
func noWidow(line string, width int) string {
	out := wrapWide(line, width)
	parts := strings.Split(out, "\n")
	if len(parts) < 2 || ansi.StringWidth(parts[len(parts)-1]) > 2 {
		return out
	}
	for narrower := width - 2; narrower >= width-8 && narrower > 4; narrower -= 2 {
		alt := wrapWide(line, narrower)
		altParts := strings.Split(alt, "\n")
		if len(altParts) == len(parts) && ansi.StringWidth(altParts[len(altParts)-1]) > 2 {
			return alt
		}
	}
	return out
}

// wrapCode wraps a line of shell at spaces only: a flag or a zone name
// broken after its hyphen ("-" / "-subnet-id", "jp-" / "tok-1") reads as
// another command. A word longer than the line is cut.
func wrapCode(line string, width int) string {
	if width <= 0 {
		return line
	}
	return wrapWide(line, width)
}

// huhSplits finds what huh's wrap (cellbuf.Wrap at ",.-; ") would break
// inside a word: a breakpoint character followed by more of the word.
var huhSplits = lazyre.New(`[,.\-;][^\s,.\-;]`)

// ownWrap reports whether s is wrapped here rather than by huh: it holds
// wide characters (huh breaks them at spaces only), or a word huh would
// break inside (a version, a date, an address).
func ownWrap(s string) bool { return hasWide(s) || huhSplits.MatchString(ansi.Strip(s)) }

// hasWide reports whether s holds a character two cells wide.
func hasWide(s string) bool {
	for _, r := range ansi.Strip(s) {
		if r >= 0x1100 && ansi.StringWidth(string(r)) == 2 {
			return true
		}
	}
	return false
}

const (
	// noLineStart may not begin a line: closing punctuation, small kana,
	// the prolonged sound mark and the nakaguro.
	noLineStart = "、。，．）」』】〕〉》！？：；ー・ぁぃぅぇぉっゃゅょァィゥェォッャュョ)]}:;,.!?%"
	// noLineEnd may not end a line: opening brackets.
	noLineEnd = "（「『【〔〈《([{"
)

// escSeq matches the terminal control sequences the styles emit (SGR and
// the like, and OSC hyperlinks); they take no cell. Compiled on first
// use: in the package's init it was most of the wizard's 75 allocations
// that every start paid, `iksplan version` included (inittrace, issue 15).
var escSeq = lazyre.New("\x1b\\[[0-9;:?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)")

// wrapUnit is what stays on one line: a word of narrow characters, one
// wide character, or a run of spaces, with the control sequences and the
// kinsoku characters glued to it.
type wrapUnit struct {
	text  string
	width int
	space bool
}

// wrapUnits cuts line into units.
func wrapUnits(line string) []wrapUnit {
	var units []wrapUnit
	pendingEsc := ""
	glueNext := false // the last unit ends with an opening bracket
	add := func(text string, w int, space, wide bool) {
		r, _ := utf8.DecodeRuneInString(text)
		switch {
		case len(units) > 0 && (glueNext || (!space && strings.ContainsRune(noLineStart, r) && !units[len(units)-1].space) || w == 0):
			u := &units[len(units)-1]
			u.text += pendingEsc + text
			u.width += w
			u.space = false
		case !space && !wide && len(units) > 0 && !units[len(units)-1].space && units[len(units)-1].width > 0 && !lastWide(units[len(units)-1].text):
			// a narrow character continues the narrow word before it
			u := &units[len(units)-1]
			u.text += pendingEsc + text
			u.width += w
		case space && len(units) > 0 && units[len(units)-1].space:
			u := &units[len(units)-1]
			u.text += pendingEsc + text
			u.width += w
		default:
			units = append(units, wrapUnit{text: pendingEsc + text, width: w, space: space})
		}
		pendingEsc = ""
		last, _ := utf8.DecodeLastRuneInString(text)
		// A no-break space (i18n.NoBreakSpace: "3\u00a0台") glues what
		// follows, as an opening bracket does.
		glueNext = !space && (strings.ContainsRune(noLineEnd, last) || last == '\u00a0')
	}
	for len(line) > 0 {
		if loc := escSeq.Get().FindStringIndex(line); loc != nil && loc[0] == 0 {
			pendingEsc += line[:loc[1]]
			line = line[loc[1]:]
			continue
		}
		r, size := utf8.DecodeRuneInString(line)
		ch := line[:size]
		line = line[size:]
		w := ansi.StringWidth(ch)
		add(ch, w, r == ' ', w == 2)
	}
	if pendingEsc != "" {
		if len(units) == 0 {
			return []wrapUnit{{text: pendingEsc}}
		}
		units[len(units)-1].text += pendingEsc
	}
	return units
}

// lastWide reports whether the last visible character of s is wide.
func lastWide(s string) bool {
	s = ansi.Strip(s)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && ansi.StringWidth(string(r)) == 2
}

// wrapWide fills lines of at most width cells with the units of line.
func wrapWide(line string, width int) string {
	var out []string
	var cur strings.Builder
	curW := 0
	pendingSpace := wrapUnit{}
	flush := func() {
		out = append(out, cur.String())
		cur.Reset()
		curW = 0
	}
	for _, u := range wrapUnits(line) {
		if u.space {
			pendingSpace = u
			continue
		}
		sp := pendingSpace
		pendingSpace = wrapUnit{}
		if curW > 0 && curW+sp.width+u.width > width {
			flush()
			sp = wrapUnit{} // a break eats the spaces at it
		}
		if curW == 0 && len(out) > 0 {
			sp = wrapUnit{}
		}
		cur.WriteString(sp.text)
		curW += sp.width
		if u.width > width-curW && curW == 0 {
			// longer than a line: cut it where it must be cut, after a
			// path or word separator when there is one (softCuts)
			parts := softCuts(u.text, width)
			for _, p := range parts[:len(parts)-1] {
				cur.WriteString(p)
				flush()
			}
			u.text, u.width = parts[len(parts)-1], ansi.StringWidth(parts[len(parts)-1])
		}
		cur.WriteString(u.text)
		curW += u.width
	}
	cur.WriteString(pendingSpace.text)
	out = append(out, cur.String())
	return strings.Join(out, "\n")
}

// cutAfter are the characters a word longer than a line is cut after,
// after a path's last "/" that fits ("manifests/" then
// "20-network-policies.yaml"): an option's value, a list.
const cutAfter = "-=,:"

// softCuts cuts word, longer than width cells, into lines of at most width
// cells: after the last cutAfter character that fits, else at width (a
// file name cut as "…policies.yam" then "l" reads as two names), as long
// as that takes no more lines than cutting at width does (a long URL keeps
// its two lines). A word with control sequences or non-ASCII characters
// is cut at width, as ansi.Hardwrap cuts it.
func softCuts(word string, width int) []string {
	hard := func() []string { return strings.Split(ansi.Hardwrap(word, width, true), "\n") }
	for i := 0; i < len(word); i++ {
		if word[i] < ' ' || word[i] > '~' {
			return hard()
		}
	}
	var parts []string
	rest := word
	for len(rest) > width {
		cut := strings.LastIndexByte(rest[:width], '/') + 1
		if cut == 0 {
			cut = strings.LastIndexAny(rest[:width], cutAfter) + 1
		}
		if cut == 0 {
			cut = width
		}
		parts = append(parts, rest[:cut])
		rest = rest[cut:]
	}
	parts = append(parts, rest)
	if len(parts) > (len(word)+width-1)/width {
		return hard()
	}
	return parts
}
