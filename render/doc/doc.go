// Package doc renders DESIGN.md, the design document an architect hands to
// the customer and signs.
//
// Every area of the design gets a decision record: the choice, why (the
// 2019 "IKS in Production" deck — the seed — cited by slide, and IBM's
// current guidance), the alternatives and why not, the consequences, and a
// badge where the choice is fixed at create. The document is written for
// three readers: the customer's architect (decisions and why), the engineer
// who runs the runbook (what happens in which step, with the runbook's step
// numbers) and a newcomer learning how a production IKS cluster is built.
//
// All numbers are computed here in Go from model's capacity functions and
// the catalog, and every design value is escaped (md.go) before the
// template (templates/design.md.tmpl and _doc-*.tmpl) lays the page out.
package doc

import (
	"bytes"
	"fmt"

	"github.com/iksplan/iksplan/internal/fieldtmpl"
	"github.com/iksplan/iksplan/render/view"
)

// Path is the artifact's file name in the output directory.
const Path = "DESIGN.md"

// tmpls holds one template set per document language: the set's "t"
// function prints the template's own words in that language, "badge"
// the fixed-at-create mark, "sep" a table's delimiter row and "rows" its
// rows (functions, since the templates call no methods: internal/fieldtmpl).
var tmpls = map[string]*view.TemplateSet{langEN: newTemplateSet(langEN), langJA: newTemplateSet(langJA)}

func newTemplateSet(lang string) *view.TemplateSet {
	return view.NewTemplateSet("design.md.tmpl", "_doc-*.tmpl", fieldtmpl.FuncMap{
		"sep":   Table.Sep,
		"rows":  Table.Lines,
		"badge": func() (string, error) { return localizedOnce(lang, "badge") },
		"t": func(id string, kv ...string) (string, error) {
			tr, err := makeTranslator(lang)
			if err != nil {
				return "", err
			}
			s := tr.t(id, kv...)
			return s, tr.err
		},
	})
}

// localizedOnce is one message without placeholders, or its error.
func localizedOnce(lang, id string) (string, error) {
	tr, err := makeTranslator(lang)
	if err != nil {
		return "", err
	}
	s := tr.t(id)
	return s, tr.err
}

// Render returns DESIGN.md for the context's design, in the design's
// document language.
func Render(c *view.Context) ([]view.Artifact, error) {
	return RenderIn(c, documentLanguage(c))
}

// RenderIn returns DESIGN.md in the given language ("en" or "ja"; anything
// else is English), for callers that know the run's language (--lang)
// when the design does not record one.
func RenderIn(c *view.Context, lang string) ([]view.Artifact, error) {
	p, err := build(c, lang)
	if err != nil {
		return nil, err
	}
	out, err := tmpls[p.lang].Execute(p)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", Path, err)
	}
	return []view.Artifact{{Path: Path, Data: squeezeBlank(out), Mode: 0o644}}, nil
}

// squeezeBlank collapses runs of blank lines outside fenced code blocks into
// one, so the template can separate blocks generously without the output
// depending on which optional blocks a design has. It works in place, one
// pass over the bytes (a split into lines and a join were a tenth of
// DESIGN.md's CPU): a kept line and the newline before it were read
// before they are written, so the writes never pass the reads.
func squeezeBlank(in []byte) []byte {
	out := in[:0]
	fenced, kept, lastBlank := false, false, false
	rest := in
	for {
		line, after, more := bytes.Cut(rest, []byte("\n"))
		if bytes.HasPrefix(line, []byte("```")) {
			fenced = !fenced
		}
		if fenced || len(line) > 0 || !kept || !lastBlank {
			if kept {
				out = append(out, '\n')
			}
			out = append(out, line...)
			kept, lastBlank = true, len(line) == 0
		}
		if !more {
			return out
		}
		rest = after
	}
}
