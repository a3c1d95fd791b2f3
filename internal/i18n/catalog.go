package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

//go:embed locales
var localesFS embed.FS

// catalogue is every message of every language, parsed once.
type catalogue struct {
	bundle *goi18n.Bundle
	// messages maps language → message ID → message, for the tests and Has.
	messages map[Lang]map[string]*goi18n.Message
	err      error
}

var (
	loadOnce sync.Once
	loaded   catalogue
)

// load parses the embedded message files. A broken file is a programming
// error caught by the package's tests; at run time it leaves that file's
// messages out and Load reports it.
func load() *catalogue {
	loadOnce.Do(func() { loaded = parseCatalogue(localesFS) })
	return &loaded
}

// Load reports whether the embedded catalogue parsed cleanly.
func Load() error { return load().err }

func parseCatalogue(fsys fs.FS) catalogue {
	c := catalogue{
		bundle:   goi18n.NewBundle(language.English),
		messages: map[Lang]map[string]*goi18n.Message{},
	}
	var errs []string
	for _, l := range Langs {
		c.messages[l] = map[string]*goi18n.Message{}
		dir := path.Join("locales", string(l))
		files, err := fs.Glob(fsys, dir+"/*.yaml")
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		for _, f := range files {
			msgs, err := parseFile(fsys, f)
			if err != nil {
				errs = append(errs, err.Error())
				continue
			}
			for _, m := range msgs {
				if _, dup := c.messages[l][m.ID]; dup {
					errs = append(errs, fmt.Sprintf("%s: message %s defined twice", f, m.ID))
				}
				c.messages[l][m.ID] = m
			}
			if err := c.bundle.AddMessages(tag(l), msgs...); err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", f, err))
			}
		}
	}
	if len(errs) > 0 {
		c.err = fmt.Errorf("i18n catalogue: %s", strings.Join(errs, "; "))
	}
	return c
}

// parseFile reads one area's messages and prefixes their IDs with the area.
func parseFile(fsys fs.FS, name string) ([]*goi18n.Message, error) {
	buf, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	msgs, err := goi18n.ParseMessageBytes(buf, yaml.Unmarshal)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	area := strings.TrimSuffix(path.Base(name), ".yaml")
	for _, m := range msgs {
		m.ID = area + "." + m.ID
	}
	slices.SortFunc(msgs, func(a, b *goi18n.Message) int { return strings.Compare(a.ID, b.ID) })
	return msgs, nil
}

func tag(l Lang) language.Tag {
	if l == JA {
		return language.Japanese
	}
	return language.English
}

// IDs returns the message IDs defined in language l, sorted.
func IDs(l Lang) []string {
	ids := make([]string, 0, len(load().messages[l]))
	for id := range load().messages[l] {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Message returns the raw message id of language l, for checks that read
// the catalogue itself (placeholders, glossary).
func Message(l Lang, id string) (*goi18n.Message, bool) {
	m, ok := load().messages[l][id]
	return m, ok
}
