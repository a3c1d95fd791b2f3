// Package change renders what model/change finds: the diff report of two
// designs (text, Markdown, JSON) and the change runbook that takes a
// cluster built from one design to the other.
package change

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/change"
)

// Report is a diff with the names of what was compared.
type Report struct {
	Old     string          `json:"old"`
	New     string          `json:"new"`
	Worst   *change.Class   `json:"worst,omitempty"`
	Counts  map[string]int  `json:"counts"`
	Changes []change.Change `json:"changes"`
}

// NewReport wraps a sorted diff.
func NewReport(oldName, newName string, cs []change.Change) Report {
	r := Report{Old: oldName, New: newName, Counts: map[string]int{}, Changes: cs}
	if r.Changes == nil {
		r.Changes = []change.Change{}
	}
	for _, c := range cs {
		r.Counts[c.Class.String()]++
	}
	if w, ok := change.Worst(cs); ok {
		r.Worst = &w
	}
	return r
}

// summary is "3 changes: 1 data-risk, 2 in-place", most severe first.
func (r Report) summary() string {
	if len(r.Changes) == 0 {
		return "no changes"
	}
	var parts []string
	for _, c := range change.Classes() {
		if n := r.Counts[c.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, c))
		}
	}
	word := "changes"
	if len(r.Changes) == 1 {
		word = "change"
	}
	return fmt.Sprintf("%d %s: %s", len(r.Changes), word, strings.Join(parts, ", "))
}

// sources numbers the distinct sources in order of first use.
func (r Report) sources() ([]string, map[string]int) {
	var list []string
	idx := map[string]int{}
	for _, c := range r.Changes {
		if _, ok := idx[c.Source]; !ok && c.Source != "" {
			list = append(list, c.Source)
			idx[c.Source] = len(list)
		}
	}
	return list, idx
}

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// what is "old → new", "added X" or "removed X".
func what(c change.Change, esc func(string) string) string {
	switch c.Op {
	case change.Added:
		return "added"
	case change.Removed:
		return "removed"
	}
	return orNone(esc(c.Old)) + " → " + orNone(esc(c.New))
}

func orNone(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// WriteText writes the report for a terminal, made to be read in seconds:
// a summary line, then one block per class, the most severe first, one line
// per change. Above in-place, each line says why and cites its source by
// number; in-place lines are the change alone. Every value is escaped (it
// came from a file) and long values are cut.
func WriteText(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s: %s\n", model.Escape(r.Old), model.Escape(r.New), r.summary())
	width := 0
	for _, c := range r.Changes {
		if n := len([]rune(cut(model.Escape(c.Path), pathWidth))); n > width {
			width = n
		}
	}
	var cited []string
	num := map[string]int{}
	for i, c := range r.Changes {
		if i == 0 || r.Changes[i-1].Class != c.Class {
			fmt.Fprintf(&b, "\n%s (%d): %s\n", strings.ToUpper(c.Class.String()), r.Counts[c.Class.String()], classMeaning[c.Class])
		}
		p := cut(model.Escape(c.Path), pathWidth)
		fmt.Fprintf(&b, "  %s%s  %s", p, strings.Repeat(" ", width-len([]rune(p))), what(c, func(s string) string { return cut(model.Escape(s), valueWidth) }))
		if c.Class != change.InPlace {
			if _, ok := num[c.Source]; !ok && c.Source != "" {
				cited = append(cited, c.Source)
				num[c.Source] = len(cited)
			}
			fmt.Fprintf(&b, "\n  %s  ↳ %s", strings.Repeat(" ", width), c.Why)
			if n := num[c.Source]; n > 0 {
				fmt.Fprintf(&b, " [%d]", n)
			}
		}
		b.WriteString("\n")
	}
	if len(cited) > 0 {
		b.WriteString("\nSources:\n")
		for i, s := range cited {
			fmt.Fprintf(&b, "  [%d] %s\n", i+1, s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Widths past which text output cuts a path or a value (with …): JSON and
// Markdown keep them whole.
const (
	pathWidth  = 56
	valueWidth = 40
)

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// classMeaning is the one-line meaning of each class in the text header.
var classMeaning = map[change.Class]string{
	change.DataRisk:        "data can be lost; back it up or copy it first",
	change.ClusterRecreate: "IBM fixes these at create: only a new cluster has them",
	change.PoolReplace:     "a new pool, a drain through the PDBs, then the old pool removed",
	change.Rolling:         "workers are replaced one at a time",
	change.InPlace:         "applied to the running cluster",
}

// WriteMarkdown writes the report as a Markdown table.
func WriteMarkdown(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Changes from `%s` to `%s`\n\n%s.\n", mdCode(r.Old), mdCode(r.New), r.summary())
	if len(r.Changes) > 0 {
		srcs, idx := r.sources()
		b.WriteString("\n| Impact | Field | Change | Why | Source |\n|---|---|---|---|---|\n")
		for _, c := range r.Changes {
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | [%d] |\n", c.Class, mdCode(c.Path), mdCell(what(c, func(s string) string { return s })), mdCell(c.Why), idx[c.Source])
		}
		b.WriteString("\nSources:\n\n")
		for i, s := range srcs {
			fmt.Fprintf(&b, "%d. %s\n", i+1, mdCell(s))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string {
	s = model.Escape(s)
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

func mdCode(s string) string {
	return strings.ReplaceAll(mdCell(s), "`", "'")
}
