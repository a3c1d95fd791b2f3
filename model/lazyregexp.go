package model

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regexp compiled on first use. Compiling the package's
// patterns at init cost about half a millisecond and 0.6 MB on every start,
// `iksplan version` included (bounded repeats such as {1,180} compile to
// long programs); most runs use only a few of them.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// allLazyRegexps lets a test compile every pattern, so a bad one fails in
// go test and never at a user's first use.
var allLazyRegexps []*lazyRegexp

// lazyRE declares a pattern; it panics on first use if src does not compile.
func lazyRE(src string) *lazyRegexp {
	l := &lazyRegexp{src: src}
	allLazyRegexps = append(allLazyRegexps, l)
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }

func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }

func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}

// String returns the pattern, as regexp.Regexp does.
func (l *lazyRegexp) String() string { return l.src }
