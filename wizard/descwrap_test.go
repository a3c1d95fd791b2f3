package wizard

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// huhText reads a huh field's or group's unexported text field name
// (a string, or an Eval[string]'s val): huh has no getter for a
// description, and the test must see what huh itself wraps.
func huhText(v any, name string) string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return ""
	}
	f := rv.FieldByName(name)
	switch f.Kind() {
	case reflect.String:
		return f.String()
	case reflect.Struct:
		if val := f.FieldByName("val"); val.Kind() == reflect.String {
			return val.String()
		}
	}
	return ""
}

// huhInt reads a huh field's or group's unexported int field name.
func huhInt(v any, name string) int {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		rv = rv.Elem()
	}
	if f := rv.FieldByName(name); f.Kind() == reflect.Int {
		return int(f.Int())
	}
	return 0
}

// textBlock finds the lines of view (borders and indentation taken off)
// that together hold text, ignoring spaces and line breaks.
func textBlock(view, text string) ([]string, bool) {
	squash := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(ansi.Strip(s)) }
	want := squash(text)
	var lines []string
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		lines = append(lines, strings.TrimRight(strings.TrimLeft(l, "┃│ "), " "))
	}
	for i := range lines {
		got := ""
		for j := i; j < len(lines) && len(got) < len(want); j++ {
			got += squash(lines[j])
			if got == want {
				return lines[i : j+1], true
			}
			if !strings.HasPrefix(want, got) {
				break
			}
		}
	}
	return nil, false
}

// shortLines returns the lines of a wrapped Japanese text that end early:
// the next line's first character (wide, not one a line may not start
// with) or first narrow word would have fitted, with two cells of slack
// for kinsoku.
func shortLines(lines []string, width int) []string {
	var out []string
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			out = append(out, l+" (too wide)")
			continue
		}
		if i+1 >= len(lines) || l == "" {
			continue
		}
		next := []rune(lines[i+1])
		if len(next) == 0 {
			continue
		}
		room := width - 2 - ansi.StringWidth(l)
		if ansi.StringWidth(string(next[0])) == 2 {
			if room >= 2 && !strings.ContainsRune(noLineStart, next[0]) && (len(next) < 2 || !strings.ContainsRune(noLineStart, next[1])) {
				out = append(out, l+" | "+string(next))
			}
			continue
		}
		word := lines[i+1]
		if j := strings.IndexFunc(word, func(r rune) bool { return r == ' ' || ansi.StringWidth(string(r)) == 2 }); j >= 0 {
			word = word[:j]
		}
		if utf8.RuneCountInString(word) > 0 && room >= 1+ansi.StringWidth(word) {
			out = append(out, l+" | "+string(next))
		}
	}
	return out
}

// TestJapaneseDescriptionsFillTheirLines: huh wraps a page's and a
// field's description at spaces only (cellbuf.Wrap), so a Japanese
// description broke at the one space it had and left a short line
// ("顧客向けの通信:" alone, then "マルチゾーン、…"). Every description
// with wide characters on every page of the three presets' walks, at
// 80×24 and 120×40, fills its lines the way wrapTo does; also after the
// terminal is resized on the page (from 100×30 to 80×24: the
// descriptions are wrapped again).
func TestJapaneseDescriptionsFillTheirLines(t *testing.T) {
	seen := map[string]bool{}
	checked := 0
	for _, size := range [][2]int{{120, 40}, {80, 24}, {100, 30}} {
		for preset := range 3 {
			japaneseWalk(t, size[0], size[1], preset, "", func(h *harness, page, _ string) {
				f := h.app.flow
				if f == nil || f.form == nil || h.app.screen != screenWizard {
					return
				}
				if size[0] == 100 {
					h.send(windowSize(80, 24))
					defer h.send(windowSize(100, 30))
				}
				check := func(what, desc, view string, width int) {
					if !hasWide(desc) {
						return
					}
					lines, ok := textBlock(view, desc)
					if !ok {
						t.Errorf("%dx%d %s %s: description %q not found in\n%s", size[0], size[1], page, what, desc, ansi.Strip(view))
						return
					}
					checked++
					for _, s := range shortLines(lines, width) {
						if k := what + "\x00" + s; !seen[k] {
							seen[k] = true
							t.Errorf("%dx%d %s %s (width %d): short line %q", size[0], size[1], page, what, width, s)
						}
					}
				}
				if g := f.group; g != nil {
					check("page", huhText(g, "description"), g.Header(), huhInt(g, "width"))
				}
				for _, fl := range f.fields {
					if sh, ok := fl.(*scrollHints); ok {
						fl = sh.Field
					}
					if fl.Skip() && !isNote(fl) {
						continue
					}
					frame := Theme().Focused.Base.GetHorizontalFrameSize()
					check(fl.GetKey(), huhText(fl, "description"), fl.View(), huhInt(fl, "width")-frame)
				}
			})
		}
	}
	if checked == 0 {
		t.Fatal("no Japanese description checked")
	}
}
