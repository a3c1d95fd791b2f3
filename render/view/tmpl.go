package view

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"mvdan.cc/sh/v3/syntax"

	"github.com/iksplan/iksplan/internal/fieldtmpl"
	"github.com/iksplan/iksplan/templates"
)

// TemplateSet parses one artifact's template and its own partials
// (templates/_<artifact>-*.tmpl) from the embedded templates once, with missingkey=error so a typo in a
// view-model field fails loudly instead of printing "<no value>". The
// templates run on internal/fieldtmpl, which reads fields and calls no
// methods: text/template's method lookup by name kept every exported
// method in the binary (8 MB of it).
type TemplateSet struct {
	name     string
	partials string
	funcs    fieldtmpl.FuncMap
	once     sync.Once
	tmpl     *fieldtmpl.Set
	err      error
	// text is the plain text of the parsed templates (fieldtmpl's
	// TextSize), for the first output's estimate.
	text int
	// last is the length of the last output, the size its next buffer
	// starts at: grown by doubling, a 1,000-namespace runbook's buffer
	// allocated about 4 MB more than its text.
	last atomic.Int64
}

// NewTemplateSet prepares the template file name, with the partials that
// match the glob partials (e.g. "_doc-*.tmpl"; empty for none) and extra
// functions. Each artifact parses only its own partials, so one artifact's
// helper functions never leak into another's template set.
func NewTemplateSet(name, partials string, funcs fieldtmpl.FuncMap) *TemplateSet {
	s := &TemplateSet{name: name, partials: partials, funcs: funcs}
	registry.Lock()
	registry.sets = append(registry.sets, s)
	registry.Unlock()
	return s
}

// registry lists every template set made, for Preload.
var registry struct {
	sync.Mutex
	sets []*TemplateSet
}

// Preload parses, as their first Execute would, the first set made of
// each template file so far (the renderers make theirs at package init).
// The CLI calls it on a goroutine of its own while it reads and checks the
// design: the parse is a seventh of a CLI render's instructions and needs no
// design, so on two cores it costs no wall time there (issue 15). Only the
// first set of a file: render/doc makes one per document language, the
// default language's first, and parsing the others too cost 5% more
// instructions (callgrind) for a set a render in English never runs. A
// set's parse error is kept and returned by its Execute, as without
// Preload; Preload reports nothing.
func Preload() {
	registry.Lock()
	sets := slices.Clone(registry.sets)
	registry.Unlock()
	type file struct{ name, partials string }
	seen := make(map[file]bool, len(sets))
	for _, s := range sets {
		f := file{s.name, s.partials}
		if seen[f] {
			continue
		}
		seen[f] = true
		_, _ = s.load()
	}
}

func (s *TemplateSet) load() (*fieldtmpl.Set, error) {
	s.once.Do(func() {
		fm := baseFuncs()
		maps.Copy(fm, s.funcs)
		t, err := fieldtmpl.New(fm, fieldtmpl.MissingKeyError)
		if err == nil {
			patterns := []string{s.name}
			if s.partials != "" {
				patterns = append(patterns, s.partials)
			}
			err = t.ParseFS(templates.FS, patterns...)
		}
		if err != nil {
			s.err = fmt.Errorf("parse template %s: %w", s.name, err)
			return
		}
		s.tmpl, s.text = t, t.TextSize()
	})
	return s.tmpl, s.err
}

// Execute runs the template on data and trims trailing spaces from every
// line, so output is stable whatever the template's whitespace.
func (s *TemplateSet) Execute(data any) ([]byte, error) {
	t, err := s.load()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if n := s.last.Load(); n > 0 {
		buf.Grow(int(n + n/16 + 512))
	} else {
		buf.Grow(firstSize(s.text, textSize(reflect.ValueOf(data), 0)))
	}
	if err := t.Execute(&buf, s.name, data); err != nil {
		return nil, fmt.Errorf("render %s: %w", s.name, err)
	}
	s.last.Store(int64(buf.Len()))
	if firstSizeSeen != nil {
		firstSizeSeen(s.name, firstSize(s.text, textSize(reflect.ValueOf(data), 0)), buf.Len())
	}
	return trimTrailingSpace(buf.Bytes()), nil
}

// firstSize is the buffer a set's first output starts with, from the
// plain text of its templates and the text its data holds: the output is
// mostly those two (the presets' DESIGN.md is 1.16 to 1.21 times them, in
// English and Japanese, for its tables' pipes and padding; runbook.sh
// 1.05), and three eighths more leaves DESIGN.md room for a design with
// more tables. A CLI render executes each template once, and without an
// estimate the buffer grew by doubling from 64 bytes: DESIGN.md and
// runbook.sh allocated about 520 kB for 150 kB of text (issue 15). The
// bytes an output leaves unused are never written, so they cost no page
// faults; an output past the estimate grows the buffer as before.
// TestFirstSizeCoversPresets holds the estimate to the presets.
func firstSize(text, data int) int {
	return (text+data)*11/8 + 4096
}

// firstSizeSeen, when set (by tests), is told each output's firstSize
// and its length.
var firstSizeSeen func(name string, estimate, size int)

// textSize is the number of bytes of the strings in v, through structs,
// slices, arrays, pointers, interfaces and maps (keys and values): the
// text a view-model holds. It reads no methods; depth bounds a cycle.
func textSize(v reflect.Value, depth int) int {
	if depth > 32 {
		return 0
	}
	switch v.Kind() {
	case reflect.String:
		return v.Len()
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return textSize(v.Elem(), depth+1)
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += textSize(v.Field(i), depth+1)
		}
		return n
	case reflect.Slice, reflect.Array:
		n := 0
		for i := range v.Len() {
			n += textSize(v.Index(i), depth+1)
		}
		return n
	case reflect.Map:
		n := 0
		for it := v.MapRange(); it.Next(); {
			n += textSize(it.Key(), depth+1) + textSize(it.Value(), depth+1)
		}
		return n
	}
	return 0
}

// trimTrailingSpace trims in place: each line moves down over the spaces
// cut from the lines before it (a split and join copied a large runbook
// twice).
func trimTrailingSpace(b []byte) []byte {
	out := b[:0]
	for len(b) > 0 {
		line, rest, found := bytes.Cut(b, []byte("\n"))
		out = append(out, bytes.TrimRight(line, " \t")...)
		if found {
			out = append(out, '\n')
		}
		b = rest
	}
	out = bytes.TrimRight(out, "\n")
	return append(out, '\n')
}

// baseFuncs are the functions every template may use. Keep them few and
// without side effects.
func baseFuncs() fieldtmpl.FuncMap {
	return fieldtmpl.FuncMap{
		"shq":  ShellQuote,
		"join": strings.Join,
	}
}

// ShellQuote quotes s for bash with mvdan.cc/sh, so any value — quotes,
// $(…), backticks, newlines, non-ASCII — arrives as one unchanged argument.
// It fails only on NUL bytes, which design validation already rejects.
func ShellQuote(s string) (string, error) {
	q, err := syntax.Quote(s, syntax.LangBash)
	if err != nil {
		return "", fmt.Errorf("shell-quote %q: %w", s, err)
	}
	return q, nil
}
