package kyaml

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The library's rules (go.yaml.in/yaml/v4's resolve.go and sorter.go)
// that decide how encode writes a string and orders keys, without its
// regular expressions (compiled at package init: the startup cost issue
// 15 removed).

// resolvesToString reports whether s, written plain, reads back as a
// string: the library's resolve("", s) returning !!str.
func resolvesToString(s string) bool {
	switch s {
	case "", "~", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
		"-.inf", "-.Inf", "-.INF", "-0", "-0.0":
		return false
	}
	switch c := s[0]; {
	case c == '.':
		_, err := strconv.ParseFloat(s, 64)
		return err != nil
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		return !numberOrTimestamp(s)
	}
	return true
}

// numberOrTimestamp is the library's resolving of a plain scalar that
// starts with a sign or a digit.
func numberOrTimestamp(s string) bool {
	if isTimestamp(s) {
		return true
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return true
	}
	if yamlStyleFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return true
		}
	}
	for _, p := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"0o", 8}} {
		if digits, ok := strings.CutPrefix(plain, p.prefix); ok {
			_, err := strconv.ParseInt(digits, p.base, 64)
			_, uerr := strconv.ParseUint(digits, p.base, 64)
			return err == nil || uerr == nil
		}
		if digits, ok := strings.CutPrefix(plain, "-"+p.prefix); ok {
			_, err := strconv.ParseInt("-"+digits, p.base, 64)
			return err == nil
		}
	}
	return false
}

// yamlStyleFloat matches ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func yamlStyleFloat(s string) bool {
	s = trimSign(s)
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		exp := trimSign(s[i+1:])
		if exp == "" || !allDigits(exp) {
			return false
		}
		s = s[:i]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if !dot {
		return whole != "" && allDigits(whole)
	}
	return (whole != "" || frac != "") && allDigits(whole) && allDigits(frac)
}

// trimSign drops one leading + or -.
func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

// allDigits reports whether s holds only ASCII digits (or nothing).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isBase60Float matches the YAML 1.1 sexagesimal numbers the library
// quotes: ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$.
func isBase60Float(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i == len(s) || s[i] < '0' || s[i] > '9' {
		return false
	}
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		i++
	}
	return base60Groups(s, i, false)
}

// base60Groups matches (?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ at s[i:]; seen
// says a group came before.
func base60Groups(s string, i int, seen bool) bool {
	digit := func(j int) bool { return j < len(s) && s[j] >= '0' && s[j] <= '9' }
	switch {
	case i == len(s):
		return seen
	case s[i] == '.':
		if !seen {
			return false
		}
		for j := i + 1; j < len(s); j++ {
			if !digit(j) && s[j] != '_' {
				return false
			}
		}
		return true
	case s[i] != ':':
		return false
	}
	i++
	if digit(i) && base60Groups(s, i+1, true) {
		return true
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '5' && digit(i+1) && base60Groups(s, i+2, true)
}

// timestampFormats are the library's allowedTimestampFormats.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp is the library's parseTimestamp succeeding.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range timestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// keyList sorts string keys as the library's keyList does: runs of digits
// by their value, letters before other characters.
type keyList []string

func (l keyList) Len() int      { return len(l) }
func (l keyList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l keyList) Less(i, j int) bool {
	ar, br := []rune(l[i]), []rune(l[j])
	digits := false
	for i := 0; i < len(ar) && i < len(br); i++ {
		if ar[i] == br[i] {
			digits = unicode.IsDigit(ar[i])
			continue
		}
		al := unicode.IsLetter(ar[i])
		bl := unicode.IsLetter(br[i])
		if al && bl {
			return ar[i] < br[i]
		}
		if al || bl {
			if digits {
				return al
			}
			return bl
		}
		var ai, bi int
		var an, bn int64
		if ar[i] == '0' || br[i] == '0' {
			for j := i - 1; j >= 0 && unicode.IsDigit(ar[j]); j-- {
				if ar[j] != '0' {
					an = 1
					bn = 1
					break
				}
			}
		}
		for ai = i; ai < len(ar) && unicode.IsDigit(ar[ai]); ai++ {
			an = an*10 + int64(ar[ai]-'0')
		}
		for bi = i; bi < len(br) && unicode.IsDigit(br[bi]); bi++ {
			bn = bn*10 + int64(br[bi]-'0')
		}
		if an != bn {
			return an < bn
		}
		if ai != bi {
			return ai < bi
		}
		return ar[i] < br[i]
	}
	return len(ar) < len(br)
}
