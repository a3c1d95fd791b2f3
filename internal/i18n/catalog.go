package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// The catalogue is read lazily, one message file (one language, one area)
// at a time, each at most once per process: a run pays only for what it
// says. An English `iksplan render` reads en/doc.yaml and en/cli.yaml, never
// the Japanese files nor the wizard's; parsing every file on first use was
// about a quarter of a cold render's CPU (BenchmarkColdCatalogue). The
// binary holds the files already parsed (compiled_gen.go, compiled.go);
// the parser below reads them for the tests and the generator.

// areaFile is one parsed message file: locales/<lang>/<area>.yaml.
type areaFile struct {
	// messages maps a full message ID (area.key) to its message.
	messages map[string]*Entry
	err      error
}

// files maps language → area → the file's messages, made once on first
// use (sync.OnceValue makes concurrent first uses wait for one) from
// compiled_gen.go, the embedded files as parseFile reads them.
var files = sync.OnceValue(compiledFiles)

// lazyFiles lists the message files of fsys without parsing them.
func lazyFiles(fsys fs.FS) map[Lang]map[string]func() *areaFile {
	out := map[Lang]map[string]func() *areaFile{}
	for _, l := range Langs {
		out[l] = map[string]func() *areaFile{}
		names, _ := fs.Glob(fsys, path.Join("locales", string(l), "*.yaml"))
		for _, name := range names {
			out[l][areaOf(name)] = sync.OnceValue(func() *areaFile { return parseArea(fsys, name) })
		}
	}
	return out
}

// areaOf is the area of a message file: its base name without .yaml.
func areaOf(name string) string { return strings.TrimSuffix(path.Base(name), ".yaml") }

// parseArea parses one message file.
func parseArea(fsys fs.FS, name string) *areaFile {
	msgs, err := parseFile(fsys, name)
	return newAreaFile(msgs, err)
}

// newAreaFile is the areaFile of the messages of one file, or of the
// error that parsing it gave.
func newAreaFile(msgs []*Entry, err error) *areaFile {
	f := &areaFile{}
	f.messages = make(map[string]*Entry, len(msgs))
	if err != nil {
		f.err = err
		return f
	}
	for _, m := range msgs {
		f.messages[m.ID] = m
	}
	return f
}

// area returns the parsed file of language l holding message id (its area
// is the ID up to the first dot), or nil when there is none.
func area(l Lang, id string) *areaFile {
	a, _, _ := strings.Cut(id, ".")
	parse, ok := files()[l][a]
	if !ok {
		return nil
	}
	return parse()
}

// LoadArea parses the message file of one language and area (once per
// process) and reports whether it parsed cleanly: a caller that must not
// fall back silently, such as the design document, checks it first.
func LoadArea(l Lang, areaName string) error {
	parse, ok := files()[l][areaName]
	if !ok {
		return fmt.Errorf("i18n catalogue: no %s messages for area %q", l, areaName)
	}
	if err := parse().err; err != nil {
		return fmt.Errorf("i18n catalogue: %w", err)
	}
	return nil
}

// Load parses every message file and reports whether all parsed cleanly.
// It is for checks of the whole catalogue; a run loads only the areas it
// uses, on first use.
func Load() error {
	var errs []string
	for _, l := range Langs {
		for _, a := range sortedKeys(files()[l]) {
			if err := files()[l][a]().err; err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("i18n catalogue: %s", strings.Join(errs, "; "))
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// catalogue is every message of every language at once, for the checks
// over the whole catalogue (completeness, placeholders, glossary).
type catalogue struct {
	// messages maps language → message ID → message.
	messages map[Lang]map[string]*Entry
	err      error
}

// parseCatalogue parses every message file of fsys at once: what every
// process did before the catalogue was loaded by area. The checks use it
// on the embedded and on deliberately broken catalogues.
func parseCatalogue(fsys fs.FS) catalogue {
	c := catalogue{messages: map[Lang]map[string]*Entry{}}
	var errs []string
	for _, l := range Langs {
		c.messages[l] = map[string]*Entry{}
		names, err := fs.Glob(fsys, path.Join("locales", string(l), "*.yaml"))
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		for _, name := range names {
			msgs, err := parseFile(fsys, name)
			if err != nil {
				errs = append(errs, err.Error())
				continue
			}
			for _, m := range msgs {
				if _, dup := c.messages[l][m.ID]; dup {
					errs = append(errs, fmt.Sprintf("%s: message %s defined twice", name, m.ID))
				}
				c.messages[l][m.ID] = m
			}
		}
	}
	if len(errs) > 0 {
		c.err = fmt.Errorf("i18n catalogue: %s", strings.Join(errs, "; "))
	}
	return c
}

// parseFile reads one area's messages and prefixes their IDs with the area.
func parseFile(fsys fs.FS, name string) ([]*Entry, error) {
	buf, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	msgs, err := parseMessages(buf) // flatyaml.go
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	a := areaOf(name)
	ja := path.Base(path.Dir(name)) == string(JA)
	for _, m := range msgs {
		m.ID = a + "." + m.ID
		if ja && joinsCounters(m.ID) {
			joinMessageCounters(m) // counters.go
		}
	}
	slices.SortFunc(msgs, func(x, y *Entry) int { return strings.Compare(x.ID, y.ID) })
	return msgs, nil
}

// IDs returns every message ID defined in language l, sorted (it parses
// every area of l).
func IDs(l Lang) []string {
	var ids []string
	for _, a := range sortedKeys(files()[l]) {
		ids = append(ids, IDsIn(l, a)...)
	}
	slices.Sort(ids)
	return ids
}

// IDsIn returns the message IDs of one area in language l, sorted (it
// parses only that area).
func IDsIn(l Lang, areaName string) []string {
	parse, ok := files()[l][areaName]
	if !ok {
		return nil
	}
	return sortedKeys(parse().messages)
}

// Message returns the raw message id of language l, for checks that read
// the catalogue itself (placeholders, glossary).
func Message(l Lang, id string) (*Entry, bool) {
	f := area(l, id)
	if f == nil {
		return nil, false
	}
	m, ok := f.messages[id]
	return m, ok
}
