// Package lazyre is a regular expression compiled on first use. A
// package-level regexp.MustCompile runs in init, on every start of the
// program whether the run uses the pattern or not: the wizard's, the CLI's,
// the rules', the runbook's and the catalogue's patterns cost about 0.4 ms
// of `iksplan version`'s start (perf, issue 15), and bounded repeats such
// as {0,80} compile to long programs.
package lazyre

import (
	"fmt"
	"regexp"
	"sync"
)

// Regexp is a pattern that compiles when first used.
type Regexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New declares a pattern. It panics on first use if src does not compile;
// CompileAll lets a test find that first.
func New(src string) *Regexp {
	r := &Regexp{src: src}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// CompileAll compiles every pattern declared so far (in a program's test:
// every pattern of the packages it links) and returns the first that does
// not compile.
func CompileAll() (int, error) {
	mu.Lock()
	rs := append([]*Regexp(nil), all...)
	mu.Unlock()
	for _, r := range rs {
		if _, err := regexp.Compile(r.src); err != nil {
			return len(rs), fmt.Errorf("lazyre: pattern %q: %w", r.src, err)
		}
	}
	return len(rs), nil
}

// Get returns the compiled pattern.
func (r *Regexp) Get() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.src) })
	return r.re
}

// String returns the pattern's source.
func (r *Regexp) String() string { return r.src }

// The methods of regexp.Regexp that iksplan uses.

func (r *Regexp) MatchString(s string) bool { return r.Get().MatchString(s) }

func (r *Regexp) FindStringSubmatch(s string) []string { return r.Get().FindStringSubmatch(s) }

func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Get().FindAllStringSubmatch(s, n)
}

func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.Get().FindAllStringIndex(s, n) }

func (r *Regexp) FindAllString(s string, n int) []string { return r.Get().FindAllString(s, n) }

func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Get().ReplaceAllString(src, repl)
}

func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Get().ReplaceAllStringFunc(src, repl)
}

func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.Get().FindStringSubmatchIndex(s) }

func (r *Regexp) Split(s string, n int) []string { return r.Get().Split(s, n) }
